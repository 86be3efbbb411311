import type { LocatedSection, RawComment } from './adapter';
import { elementText, type QuoteReader } from './body';
import { text } from './fields';
import { citationAuthor, citedQuote, postIdInLink } from './forum-common';
import { safeUrl } from './safe-url';

// A forum engine no adapter knows, found by what a reader sees: many sibling blocks of one kind, each with
// a link to a member profile (the author) and a body of text; quote blocks say "Name wrote:" / "said:" /
// "Quote from:". Conservative: three posts at least, or the page is left alone.

const PROFILE = /member|profile|user|\/u\/|\/people\/|author/i;
const MIN_POSTS = 3;
const MAX_DEPTH = 12;
const CITE = /^\s*(?:quote from:|originally posted by)|\b(?:wrote|said):?/i;

const signature = (el: Element) => `${el.tagName}.${el.classList[0] ?? ''}`;

/** Sibling blocks that each hold a profile link: the parent with the most, by tag and first class. */
function postBlocks(doc: Document): Element[] {
  const profiles = Array.from(doc.querySelectorAll('a[href]')).filter((a) =>
    PROFILE.test(a.getAttribute('href') ?? ''),
  );
  const groups = new Map<Element, Map<string, Set<Element>>>();
  for (const link of profiles) {
    let child: Element = link;
    for (let depth = 0; depth < MAX_DEPTH && child.parentElement && child.parentElement !== doc.body; depth++) {
      const parent = child.parentElement;
      const bySig = groups.get(parent) ?? new Map<string, Set<Element>>();
      groups.set(parent, bySig);
      const set = bySig.get(signature(child)) ?? new Set<Element>();
      bySig.set(signature(child), set.add(child));
      child = parent;
    }
  }
  let best: Element[] = [];
  for (const bySig of groups.values())
    for (const set of bySig.values()) {
      const blocks = Array.from(set);
      // Prefer more posts; among equals, the larger blocks (the post, not its byline).
      if (blocks.length > best.length || (blocks.length === best.length && textSize(blocks) > textSize(best)))
        best = blocks;
    }
  return best.length >= MIN_POSTS ? best : [];
}

const textSize = (blocks: Element[]) => blocks.reduce((n, b) => n + (b.textContent?.length ?? 0), 0);

const size = (el: Element) => el.textContent?.length ?? 0;
const holdsProfile = (el: Element) => !!el.querySelector('a[href*="member"], a[href*="profile"]');

/**
 * The block's body: its child (or grandchild) holding the most text, profile links aside, then narrowed to
 * the one element inside that holds nearly all of it (the message, not the message with its date line).
 */
function bodyOf(block: Element): Element | null {
  let best: Element | null = null;
  for (const child of Array.from(block.children))
    for (const el of [child, ...Array.from(child.children)])
      if ((!best || size(el) > size(best)) && !holdsProfile(el)) best = el;
  for (let depth = 0; best && depth < 4; depth++) {
    const inner: Element | undefined = Array.from(best.children).find((c) => size(c) >= 0.8 * size(best!));
    if (!inner || inner.tagName === 'BLOCKQUOTE') break;
    best = inner;
  }
  return best;
}

const quotes: QuoteReader = {
  isQuote: (el) =>
    el.tagName === 'BLOCKQUOTE' || (/quote/i.test(el.className) && CITE.test(el.textContent?.slice(0, 120) ?? '')),
  read: (el) => {
    const cite = el.querySelector('cite') ?? (CITE.test(text(el.firstElementChild)) ? el.firstElementChild : null);
    const quote = citedQuote(el, cite, el);
    if (!quote.sourceAuthor) {
      const author = citationAuthor(elementText(el).slice(0, 100));
      if (author) quote.sourceAuthor = author;
    }
    return quote;
  },
};

function readBlock(block: Element, base: string): RawComment {
  const author = Array.from(block.querySelectorAll('a[href]')).find(
    (a) => PROFILE.test(a.getAttribute('href') ?? '') && text(a),
  );
  const id = /(\d{2,})/.exec(block.id)?.[1] ?? postIdInLink(block.querySelector('a[href*="#"]')?.getAttribute('href'));
  const raw: RawComment = {
    author: text(author),
    timeText: text(block.querySelector('time')),
    voteText: null,
    body: bodyOf(block),
  };
  if (id) raw.postId = id;
  const authorUrl = safeUrl(author?.getAttribute('href'), base);
  if (authorUrl) raw.authorUrl = authorUrl;
  return raw;
}

export function locateByForumSignals(doc: Document, base: string): LocatedSection | null {
  const blocks = postBlocks(doc);
  const root = blocks[0]?.parentElement;
  if (!root) return null;
  return {
    root,
    blocks,
    read: (b) => readBlock(b, base),
    quotes,
    base,
    heading: text(doc.querySelector('h1')) || 'Discussion',
    source: 'forum-signals',
    // Posts, not a member list or a sidebar: most blocks carry words besides the author's name.
    accept: (comments) => comments.filter((c) => c.author && c.ownText.length > 20).length >= MIN_POSTS,
  };
}
