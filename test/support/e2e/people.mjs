import { xenforoHtml } from '../../../scripts/lib/synthetic.mjs';

// What the reader keeps about people, as the real-browser tests read it back from storage.

/** Stored notes (schema 3: by person id) as name → text. */
export function noteTexts(notes) {
  return Object.fromEntries(Object.values(notes?.byPerson ?? {}).map((n) => [n.name, n.text]));
}

/** From the note's text field to its Save button: the tag's label, its colour, "On every site", Save. */
export const TABS_TO_SAVE = 4;

/** The reader's name on the forum page (signed in, XenForo 2's navigation says so). */
export const ME = 'reader_five';

/**
 * A XenForo 2 thread where the reader (ME, as the navigation shows) wrote posts 1 and 4; post 2 quotes post 1
 * (by its source id), post 5 quotes post 4, post 3 quotes someone else; nobody else is ME.
 */
export function signedInForumHtml() {
  const text = (i) => `Post number ${i} talks about the battery of the phone and its charging speed.`;
  const post = (i, author, quoteOf = null) => ({
    id: String(70000000 + i),
    author,
    votes: 0,
    text: text(i),
    quote: quoteOf === null ? null : { of: String(70000000 + quoteOf), text: text(quoteOf) },
  });
  const posts = [post(1, ME), post(2, 'kim', 1), post(3, 'lee', 2), post(4, ME), post(5, 'kim', 4), post(6, 'ola')];
  const nav = `<div class="p-navgroup p-account p-navgroup--member"><a href="/account/" class="p-navgroup-link p-navgroup-link--iconic p-navgroup-link--user" title="${ME}"><span class="p-navgroup-linkText">${ME}</span></a></div>`;
  return xenforoHtml(posts).replace('<body>', `<body data-logged-in="true">${nav}`);
}
export const FORUM_POST = (i) => String(70000000 + i);
