import { safeUrl } from './safe-url';

// Who is signed in, where the page says so: each engine names the reader in its header (or, for Discourse, in
// the data it preloads for its app). One reader per engine, tried in turn; the first that finds a name wins.
// Only what the page shows the reader anyway is read, and only to mark their own comments and the replies to
// them. A name that is empty or absurdly long is no name.

export interface SignedIn {
  name: string;
  /** Their profile, where the page links it (compared as people are, person.ts). */
  url?: string;
}

type Reader = (doc: Document) => SignedIn | null;

const MAX_NAME = 200;

const clean = (text: string | null | undefined): string | null => {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t && t.length <= MAX_NAME ? t : null;
};

const textOf = (doc: Document, selector: string) => clean(doc.querySelector(selector)?.textContent);

/** A profile link's address, made absolute, http(s) only. */
const hrefOf = (doc: Document, selector: string): string | undefined => {
  const href = doc.querySelector(selector)?.getAttribute('href');
  return (href && safeUrl(href, doc.baseURI)) || undefined;
};

const named = (name: string | null, url?: string): SignedIn | null => (name ? (url ? { name, url } : { name }) : null);

const READERS: Record<string, Reader> = {
  // XenForo 2: the visitor's menu in the navigation (its link goes to /account/, not the profile).
  xenforo: (doc) =>
    named(
      textOf(doc, 'a.p-navgroup-link--user .p-navgroup-linkText') ??
        clean(doc.querySelector('a.p-navgroup-link--user')?.getAttribute('title')),
    ),
  // phpBB 3.1+ (prosilver): the avatar menu, with the profile in its dropdown.
  phpbb: (doc) =>
    named(
      textOf(doc, '.header-profile .header-avatar .username, .header-profile .header-avatar .username-coloured'),
      hrefOf(doc, '.header-profile a[href*="mode=viewprofile"]'),
    ),
  // vBulletin 3/4: "Welcome, <a href=member.php?u=1>Name</a>".
  vbulletin: (doc) => named(textOf(doc, 'li.welcomelink a'), hrefOf(doc, 'li.welcomelink a[href*="member.php"]')),
  // Invision Community 4: the user link in the header.
  invision: (doc) =>
    named(
      textOf(doc, '#elUserLink'),
      hrefOf(doc, '#elUserLink[href*="/profile/"]') ?? hrefOf(doc, '#elUserLink_menu a[href*="/profile/"]'),
    ),
  // Vanilla: the MeBox.
  vanilla: (doc) => named(textOf(doc, '.MeBox a.Username'), hrefOf(doc, '.MeBox a.Username')),
  // Discourse: the current user the server preloads for the app.
  discourse: (doc) => named(discourseUser(doc)),
  // WordPress: the toolbar's account menu (shown to signed-in readers).
  wordpress: (doc) => named(textOf(doc, '#wp-admin-bar-my-account .display-name')),
};

function discourseUser(doc: Document): string | null {
  const raw = doc.getElementById('data-preloaded')?.getAttribute('data-preloaded');
  if (!raw || !raw.includes('currentUser')) return null;
  try {
    const outer: unknown = JSON.parse(raw);
    const user: unknown = JSON.parse(String((outer as Record<string, unknown>).currentUser));
    const name = (user as Record<string, unknown> | null)?.username;
    return typeof name === 'string' ? clean(name) : null;
  } catch {
    return null;
  }
}

/** The reader signed in on this page, where its engine shows who that is; null when it does not. */
export function signedIn(doc: Document): SignedIn | null {
  for (const read of Object.values(READERS)) {
    try {
      const found = read(doc);
      if (found) return found;
    } catch {
      // A reader that trips over odd markup says nothing.
    }
  }
  return null;
}
