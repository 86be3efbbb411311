import { pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment } from '@/utils/pipeline/extract/adapter';
import { elementText, type QuoteReader } from '@/utils/pipeline/extract/body';
import { text, within, withUrls } from '@/utils/pipeline/extract/fields';
import { postsRoot } from '@/utils/pipeline/extract/forum-common';
import { notLoaded } from '@/utils/pipeline/extract/not-loaded';

// Hacker News item pages (built on hackernews-item-16909056-…-2018.html, a 2018 save; SITES.md for today's
// markup): every comment is a row `tr.athing.comtr#<id>` of one table, its depth in `td.ind[indent]` (today)
// or the spacer image's width / 40 (2018). The site's tree is the truth: each comment's parent is the
// nearest earlier row one level up. Author `a.hnuser`, time `span.age`, text `.commtext` (2018: the span in
// `div.comment`); HN shows no points on comments, so nothing is rated. Quotes are paragraphs of plain text
// that begin with ">" (a `<p>`, an `<i>`, or the text before the first `<p>`): read as quotes, they link to
// the comment they quote (backlinks, previews) and never move a comment.

const QUOTED = /^\s*>/;
const quotes: QuoteReader = {
  isQuote: (el) => (el.tagName === 'P' || el.tagName === 'I') && QUOTED.test(el.textContent ?? ''),
  read: (el) => ({ text: elementText(el).replace(/^\s*(?:>\s*)+/, ''), content: el }),
};

/**
 * The comment's text; when its first paragraph (the text before the first `<p>`, which HN does not wrap) is
 * a quote, a copy with that paragraph wrapped, so it reads as one. The page's own element is never changed.
 */
function bodyOf(row: Element): Element | null {
  const body = row.querySelector('.commtext') ?? within(row, 'div.comment', 'span');
  if (!body || !QUOTED.test(body.firstChild?.nodeType === 3 ? (body.firstChild.textContent ?? '') : '')) return body;
  const copy = body.cloneNode(true) as Element;
  const first = copy.ownerDocument.createElement('p');
  while (copy.firstChild && (copy.firstChild as Element).tagName !== 'P') first.append(copy.firstChild);
  copy.prepend(first);
  return copy;
}

/** The row's depth: `indent`, else the spacer's width in 40-pixel steps; NaN when neither reads. */
function depthOf(row: Element): number {
  const ind = row.querySelector('td.ind');
  const indent = ind?.getAttribute('indent');
  if (indent !== null && indent !== undefined) return Number(indent);
  const width = Number(ind?.querySelector('img')?.getAttribute('width'));
  return Number.isFinite(width) ? Math.round(width / 40) : NaN;
}

function readRow(row: Element, parent: string | null, base: string): RawComment {
  const user = row.querySelector('a.hnuser');
  const age = row.querySelector('span.age');
  const raw: RawComment = {
    author: text(user),
    postId: row.id,
    timeText: text(age),
    voteText: null,
    body: bodyOf(row),
    siteParent: parent,
  };
  const stamp = Date.parse(age?.getAttribute('title') ?? '');
  if (!Number.isNaN(stamp)) raw.timestamp = stamp;
  return withUrls(raw, base, {
    member: user?.getAttribute('href'),
    post: age?.querySelector('a')?.getAttribute('href'),
  });
}

/** Each row's parent by its depth; null when a depth does not read or skips a level (then no view). */
export function hnParents(rows: Element[]): (string | null)[] | null {
  const open: string[] = [];
  const parents: (string | null)[] = [];
  for (const row of rows) {
    const depth = depthOf(row);
    if (!Number.isInteger(depth) || depth < 0 || depth > open.length) return null;
    open.length = depth;
    parents.push(depth === 0 ? null : open[depth - 1]!);
    open.push(row.id);
  }
  return parents;
}

const rowsOf = (doc: Document) => Array.from(doc.querySelectorAll('tr.athing.comtr')).filter((r) => /^\d+$/.test(r.id));

/** Comment rows whose depths do not read (a skipped level): the tree is the site's, so no view at all. */
const declined = (doc: Document) => {
  const rows = rowsOf(doc);
  return rows.length > 0 && !hnParents(rows) ? 'unclear-tree' : null;
};

function locate(doc: Document, url: URL): LocatedSection[] {
  const rows = rowsOf(doc);
  const parents = hnParents(rows);
  const root = postsRoot(rows);
  if (!rows.length || !parents || !root) return [];
  const parentOf = new Map(rows.map((r, i) => [r, parents[i]!]));
  // A long discussion continues on a next page ("More", `a.morelink`): its comments are not loaded here.
  const next = doc.querySelector('a.morelink')?.getAttribute('href');
  const more = next ? notLoaded(null, next, url.href) : undefined;
  return [
    {
      ...(more?.url ? { more } : {}),
      root: root.closest('table') ?? root,
      blocks: rows,
      read: (row) => readRow(row, parentOf.get(row) ?? null, url.href),
      quotes,
      base: url.href,
      heading: text(doc.querySelector('.titleline > a, a.storylink')) || 'Hacker News',
      source: 'hackernews',
    },
  ];
}

export const hackernews = pagedEngine('hackernews', locate, declined);
