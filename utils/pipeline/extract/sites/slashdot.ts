import { pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment } from '@/utils/pipeline/extract/adapter';
import { elementText, type QuoteReader } from '@/utils/pipeline/extract/body';
import { text, within, withUrls } from '@/utils/pipeline/extract/fields';
import { idAfter, postsRoot } from '@/utils/pipeline/extract/forum-common';
import { countIn, notLoaded } from '@/utils/pipeline/extract/not-loaded';
import type { NotLoaded } from '@/utils/pipeline/model';

// Slashdot stories (built on slashdot-2025-stanford-cs-grads-…html): each comment is `li.comment#tree_<cid>`,
// its replies in its own lists (`ul#commtree_<cid>`, `ul#group_<cid>`), so its parent is the comment item
// around the list it sits in. Score in `span.score` "(Score:3, Interesting)", author in `span.by`, time in
// `.otherdetails`, words `#comment_body_<cid>`. Comments below the reader's threshold are "hidden": the page
// has only their place (no author, no words) — kept as withheld ("not loaded here", linked to the comment's
// own page `comments.pl?sid=<story>&cid=<cid>`), so their replies stay under them. An item also holds its
// replies: its own parts are read from its own box `#comment_<cid>`. Replies below the threshold that the page
// does not hold at all are counted in a `<noscript>` ("1 reply beneath your current threshold"): not loaded
// here, linked to the page that shows them.

/** Slashdot quotes are `div.quote` (often inside a <p>, which the parser then closes), or blockquotes. */
const quotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE' || (el.tagName === 'DIV' && el.classList.contains('quote')),
  read: (el) => ({ text: elementText(el), content: el }),
};

/** The story's id, from any of its comment links (`comments.pl?sid=23873421&…`). */
const storyOf = (doc: Document) =>
  /[?&]sid=(\d+)/.exec(doc.querySelector('a[href*="comments.pl?sid="]')?.getAttribute('href') ?? '')?.[1];

/**
 * Replies below the reader's threshold: `li#hidestring_<parent>` (0: top level) holding, in a `<noscript>`, "<a href=…>1
 * reply</a> beneath your current threshold." (markup as text where scripts run, elements where not).
 */
function belowThreshold(doc: Document, base: string): Map<string, NotLoaded> {
  const byParent = new Map<string, NotLoaded>();
  for (const li of Array.from(doc.querySelectorAll('li[id^="hidestring_"]'))) {
    const parent = idAfter(li, 'hidestring_');
    const raw = li.querySelector('noscript')?.innerHTML ?? '';
    const href = /href="([^"]+)"/.exec(raw)?.[1]?.replace(/&amp;/g, '&');
    const words = raw.replace(/<[^>]*>/g, '');
    if (parent && /threshold/i.test(words)) byParent.set(parent, notLoaded(countIn(words), href, base));
  }
  return byParent;
}

function readComment(item: Element, base: string, story: string | undefined, hidden?: NotLoaded): RawComment {
  const id = idAfter(item, 'tree_');
  // Its own box: the item also holds its replies, whose parts must not be read as its own.
  const own = id ? item.ownerDocument.getElementById(`comment_${id}`) : null;
  const by = own?.querySelector('span.by');
  const author = by?.querySelector('a[href]');
  const score = /Score:\s*(-?\d+)/.exec(text(own?.querySelector('span.score')))?.[1];
  const parent = item.parentElement?.closest('li.comment');
  const raw: RawComment = {
    author: text(author) || text(by).replace(/^by\s+/, ''),
    postId: id,
    timeText: text(own?.querySelector('.otherdetails'))
      .replace(/\s*\(.*$/, '')
      .replace(/^on\s+/, ''),
    voteText: null,
    body: id ? item.ownerDocument.getElementById(`comment_body_${id}`) : null,
    siteParent: parent ? (idAfter(parent, 'tree_') ?? null) : null,
  };
  if (score !== undefined) raw.votes = Number(score);
  if (hidden) raw.more = hidden;
  let post = within(own, '.title', 'a[href]')?.getAttribute('href');
  if (!raw.body && !raw.author && id) {
    raw.withheld = true;
    if (story) post ??= `/comments.pl?sid=${story}&cid=${id}`;
  }
  return withUrls(raw, base, { member: author?.getAttribute('href'), post });
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const items = Array.from(doc.querySelectorAll('li.comment')).filter((li) => idAfter(li, 'tree_'));
  const root = postsRoot(items);
  if (!root || !doc.querySelector('[id^="comment_body_"]')) return [];
  const listing = doc.getElementById('commentlisting');
  const story = storyOf(doc);
  const hidden = belowThreshold(doc, url.href);
  // `hidestring_0`: top-level comments below the threshold.
  const more = hidden.get('0');
  return [
    {
      ...(more ? { more } : {}),
      root: listing?.contains(items[0]!) ? listing : root,
      blocks: items,
      read: (item) => readComment(item, url.href, story, hidden.get(idAfter(item, 'tree_') ?? '')),
      quotes,
      base: url.href,
      heading: text(doc.querySelector('.story-title, h1')) || 'Comments',
      source: 'slashdot',
    },
  ];
}

export const slashdot = pagedEngine('slashdot', locate);
