import type { LocatedSection, RawComment } from './adapter';
import { elementText, type QuoteReader } from './body';
import { text } from './fields';
import { citationAuthor, citedQuote, postIdInLink, postsRoot } from './forum-common';
import { readTree } from './nesting';
import { safeUrl } from './safe-url';

// A board no adapter knows, found by what a reader sees. Conservative: three posts with an author and words
// at least, or the page is left alone. The rules, each with the page it came from:
// - An author is a short name (1–40 characters, one line) given by
//   (a) a link to a member page (`profile`, `member`, `/u/`, `/people/` … in its address: unknown-engine.html);
//   (b) a link whose address is the name itself, `/chidi` or `/~chidi` for "chidi" (board-table.html; home
//       pages with a tilde: Slashdot, Lobsters);
//   (c) an element whose class names a person (`user`, `author`, `poster`, `name`, `nick`) with no address at
//       all, `<a class="name">Zed</a>` (board-cite.html).
// - A post block is one of many sibling elements of one kind (tag and first class) that each hold an author:
//   the group with the most, the larger blocks among equals (the post, not its byline).
// - A post's body is the block's child (or grandchild) with the most text that does not hold its author,
//   narrowed to the element inside holding nearly all of it; where the block is only a byline (a name row of
//   a table), the row after it that holds no author (board-table.html).
// - Its id: digits in the block's id, a named anchor (`<a name="61234">`), an id inside (`#pb61234`), or a
//   link to the post.
// - A quote is a blockquote, or a block whose class says quote and whose first words cite ("X wrote:", "Quote
//   from:", "X posted..."); its citation is a `cite` inside, or the element right before it: a `cite`, an
//   element with `data-quote-id`, a `.quoteheader` (board-cite.html).
// - A discussion the site draws as a tree keeps it (nesting.ts): posts of the same kind nested inside a post
//   are read at every depth, each under the post around it; posts carrying indentation (depth attributes and
//   classes, spacer images, a left margin that steps) each under the nearest earlier post one level up.
//   Where that evidence conflicts, the page is left alone. A body never holds another post.
// - A quote's source: `data-quote-id`, else a link to a post in its citation (or a leading link to a post
//   inside the quote, `<a href="/post/61230"><b>ada</b></a>: …`, board-table.html); its author from the
//   citation's words or that link's text.

const PROFILE = /member|profile|user|\/u\/|\/people\/|author/i;
const PERSON_CLASS = /user|author|poster|name|nick/i;
const MIN_POSTS = 3;
const MAX_DEPTH = 12;
const CITE = /^\s*(?:quote from:|originally posted by)|\b(?:wrote|said|posted)\b/i;

const shortName = (el: Element) => {
  const t = text(el);
  return t.length > 0 && t.length <= 40 && !t.includes('\n');
};

/** Whether a link's address is the name it shows (`/chidi` for "chidi"). */
function namesItself(a: Element): boolean {
  const href = a.getAttribute('href') ?? '';
  const m = /^(?:(?:https?:)?\/\/[^/]+)?\/[@~]?([^/?#]+)\/?$/i.exec(href);
  if (!m) return false;
  try {
    return decodeURIComponent(m[1]!).toLowerCase() === text(a).toLowerCase();
  } catch {
    return false;
  }
}

/** Elements that name an author, by rules (a), (b) and (c) above, in page order. */
function authorCandidates(doc: Document): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll('a, span, b, strong'))) {
    if (!shortName(el)) continue;
    const href = el.getAttribute('href');
    const byLink = href !== null && (PROFILE.test(href) || namesItself(el));
    const byClass = (href === null || href === '#') && PERSON_CLASS.test(el.getAttribute('class') ?? '');
    if (byLink || byClass) out.push(el);
  }
  return out;
}

const signature = (el: Element) => `${el.tagName}.${el.classList[0] ?? ''}`;

/**
 * Inline wrappers the HTML parser adds around later posts when a post leaves a tag open (`<b>` never
 * closed: each following post lands inside a reopened `<b>`, board-cite.html in a browser): posts are grouped
 * by the nearest container that is not one of them.
 */
const WRAPPER = new Set(['B', 'I', 'U', 'S', 'EM', 'STRONG', 'FONT', 'SPAN', 'SMALL', 'BIG', 'A', 'STRIKE', 'TT']);
function container(el: Element): Element | null {
  let up = el.parentElement;
  while (up && WRAPPER.has(up.tagName) && up.parentElement) up = up.parentElement;
  return up;
}
const textSize = (blocks: Element[]) => blocks.reduce((n, b) => n + (b.textContent?.length ?? 0), 0);

/** Sibling blocks that each hold an author: the parent with the most, by tag and first class. */
function postBlocks(doc: Document, authors: Element[]): Element[] {
  const groups = new Map<Element, Map<string, Set<Element>>>();
  for (const author of authors) {
    let child: Element = author;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const parent = container(child);
      if (!parent || parent === doc.body) break;
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
      if (blocks.length > best.length || (blocks.length === best.length && textSize(blocks) > textSize(best)))
        best = blocks;
    }
  return best.length >= MIN_POSTS ? best : [];
}

/**
 * Where no sibling group reaches three posts (narrow threads nested in posts, board-nested.html): elements of
 * one kind nested in each other, each the nearest of its kind around an author; the kind with the most. Its
 * outermost elements are returned (readTree finds the rest).
 */
function nestedBlocks(authors: Element[]): Element[] {
  const owners = new Map<string, Set<Element>>();
  for (const author of authors) {
    const seen = new Set<string>();
    let up = container(author);
    for (let depth = 0; up && up.tagName !== 'BODY' && depth < MAX_DEPTH; depth++, up = container(up)) {
      const sig = signature(up);
      if (seen.has(sig) || !up.classList.length) continue;
      seen.add(sig);
      owners.set(sig, (owners.get(sig) ?? new Set<Element>()).add(up));
    }
  }
  let best: Element[] = [];
  let most = MIN_POSTS - 1;
  for (const set of owners.values()) {
    const outer = Array.from(set).filter((el) => !Array.from(set).some((o) => o !== el && o.contains(el)));
    if (outer.length < set.size && set.size > most) [best, most] = [outer, set.size];
  }
  return best;
}

const size = (el: Element) => el.textContent?.length ?? 0;

/** Rule: the child (or grandchild) with the most text that does not hold the author, narrowed. */
function bodyOf(
  block: Element,
  author: Element | undefined,
  isBlock: (el: Element) => boolean,
  holdsAuthor: (el: Element) => boolean,
  depth = 0,
): Element | null {
  let best: Element | null = null;
  for (const child of Array.from(block.children))
    for (const el of [child, ...Array.from(child.children)])
      if ((!best || size(el) > size(best)) && !(author && el.contains(author)) && !isBlock(el)) best = el;
  // A post whose replies sit inside it: its own part is the child holding its author (Lemmy's li > article).
  const own = !best && author && depth < 3 ? Array.from(block.children).find((c) => c.contains(author)) : null;
  if (own && !isBlock(own)) return bodyOf(own, author, isBlock, holdsAuthor, depth + 1);
  for (let depth = 0; best && depth < 4; depth++) {
    const inner: Element | undefined = Array.from(best.children).find((c) => size(c) >= 0.8 * size(best!));
    if (!inner || inner.tagName === 'BLOCKQUOTE') break;
    best = inner;
  }
  // A byline row (a table's name row): the words are in the row after it, which holds no author.
  const next = block.nextElementSibling;
  if (next && !isBlock(next) && !holdsAuthor(next) && size(next) > size(block)) return next;
  return best;
}

/** The element right before a quote that cites it. */
function citationOf(quote: Element): Element | null {
  const before = quote.previousElementSibling;
  if (!before) return null;
  const cites = before.tagName === 'CITE' || before.hasAttribute('data-quote-id');
  return cites || before.classList.contains('quoteheader') ? before : null;
}

/** A leading link to a post inside the quote (`<a href="/post/N"><b>Name</b></a>: …`). */
function leadingPostLink(quote: Element): Element | null {
  const first = quote.firstElementChild;
  const before = quote.firstChild !== first ? (quote.firstChild?.textContent ?? '').trim() : '';
  return first?.tagName === 'A' && !before && postIdInLink(first.getAttribute('href')) ? first : null;
}

const quotes: QuoteReader = {
  isQuote: (el) =>
    el.tagName === 'BLOCKQUOTE' || (/quote/i.test(el.className) && CITE.test(el.textContent?.slice(0, 120) ?? '')),
  citationOf,
  read: (el) => {
    const cite =
      el.querySelector('cite') ??
      citationOf(el) ??
      leadingPostLink(el) ??
      (CITE.test(text(el.firstElementChild)) ? el.firstElementChild : null);
    const quote = citedQuote(el, cite, el);
    // "<a>Name</a>: words": the colon belongs to the citation.
    quote.text = quote.text.replace(/^[:\s]+/, '');
    const quoteId = cite?.getAttribute('data-quote-id');
    if (quoteId && /^\d+$/.test(quoteId)) quote.sourceId = quoteId;
    else if (cite && !quote.sourceId) {
      const id = postIdInLink(cite.getAttribute('href'));
      if (id) quote.sourceId = id;
    }
    if (!quote.sourceAuthor) {
      const author = citationAuthor(elementText(cite ?? el).slice(0, 100));
      const linked = cite?.tagName === 'A' ? text(cite) : '';
      if (author ?? linked) quote.sourceAuthor = (author ?? linked).replace(/:$/, '');
    }
    return quote;
  },
};

function postIdOf(block: Element): string | undefined {
  const own = /(\d{2,})/.exec(block.id)?.[1];
  if (own) return own;
  const named = block.querySelector('a[name]')?.getAttribute('name');
  if (named && /^\d+$/.test(named)) return named;
  const inner = /(\d{2,})/.exec(block.querySelector('[id]')?.id ?? '')?.[1];
  return inner ?? postIdInLink(block.querySelector('a[href*="#"]')?.getAttribute('href'));
}

interface Board {
  authorOf: Map<Element, Element>;
  isBlock(el: Element): boolean;
  holdsAuthor(el: Element): boolean;
}

function readBlock(block: Element, board: Board, base: string, parentAt: number | null | undefined): RawComment {
  const author = board.authorOf.get(block);
  const time = block.querySelector('time') ?? block.querySelector('[class*="date" i], [class*="time" i]');
  const raw: RawComment = {
    author: author ? text(author) : '',
    timeText: text(time).slice(0, 80),
    voteText: null,
    body: bodyOf(block, author, board.isBlock, board.holdsAuthor),
  };
  const id = postIdOf(block);
  if (id) raw.postId = id;
  if (parentAt !== undefined) raw.siteParentAt = parentAt;
  const authorUrl = safeUrl(author?.getAttribute('href'), base);
  if (authorUrl) raw.authorUrl = authorUrl;
  return raw;
}

/** Each post's author: the first one in its own part (not in a reply nested inside it). */
function authorsOf(blocks: Element[], authors: Element[]): Map<Element, Element> {
  const set = new Set(blocks);
  const authorOf = new Map<Element, Element>();
  for (const author of authors) {
    let up = author.parentElement;
    while (up && !set.has(up)) up = up.parentElement;
    if (up && !authorOf.has(up)) authorOf.set(up, author);
  }
  return authorOf;
}

/** Elements holding a post (its ancestors): never a post's body. */
function postHolders(blocks: Element[], root: Element): Set<Element> {
  const holders = new Set<Element>();
  for (const block of blocks)
    for (let up = block.parentElement; up && up !== root && !holders.has(up); up = up.parentElement) holders.add(up);
  return holders;
}

/** The page's posts as signals find them: authors, post blocks, their root and the tree they draw. */
function boardOf(doc: Document) {
  const authors = authorCandidates(doc);
  const found = postBlocks(doc, authors);
  const siblings = found.length ? found : nestedBlocks(authors);
  const root = postsRoot(siblings);
  if (!root || root === doc.body) return null;
  const holdsAuthor = (el: Element) => authors.some((a) => el.contains(a));
  return { authors, siblings, root, holdsAuthor, tree: readTree(root, siblings, holdsAuthor) };
}

/** Whether this page's posts look nested but their tree conflicts (then no view; the popup says why). */
export const treeConflict = (doc: Document): boolean => boardOf(doc)?.tree.kind === 'conflict';

export function locateByForumSignals(doc: Document, base: string): LocatedSection | null {
  const found = boardOf(doc);
  if (!found || found.tree.kind === 'conflict') return null;
  const { authors, siblings, root, holdsAuthor, tree } = found;
  const blocks = tree.kind === 'tree' ? tree.blocks : siblings;
  const blockSet = new Set(blocks);
  const holders = postHolders(blocks, root);
  const board: Board = {
    authorOf: authorsOf(blocks, authors),
    isBlock: (el) => blockSet.has(el) || holders.has(el),
    holdsAuthor,
  };
  const at = new Map(blocks.map((b, i) => [b, i]));
  const parentAt = (b: Element) => {
    const parent = tree.kind === 'tree' ? tree.parents.get(b) : undefined;
    return parent === undefined ? undefined : parent && (at.get(parent) ?? null);
  };
  return {
    root,
    blocks,
    read: (b) => readBlock(b, board, base, parentAt(b)),
    quotes,
    base,
    heading: text(doc.querySelector('h1')) || 'Discussion',
    source: 'forum-signals',
    // Posts, not a member list or a sidebar: most blocks carry words besides the author's name.
    accept: (comments) => comments.filter((c) => c.author && c.ownText.length > 20).length >= MIN_POSTS,
  };
}
