import { pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment } from '@/utils/pipeline/extract/adapter';
import { articleQuotes, childMatching, text, withUrls } from '@/utils/pipeline/extract/fields';
import { postsRoot } from '@/utils/pipeline/extract/forum-common';
import { countIn, joinNotLoaded, notLoaded } from '@/utils/pipeline/extract/not-loaded';
import type { NotLoaded } from '@/utils/pipeline/model';

// Reddit's 2018–2023 React redesign, before shreddit (built on newreddit2019-r-humansbeingbros-…html): the
// comments are sibling `div#t1_<id>` rows with hashed classes; the only level marker is the hidden text
// "level N" (and a left padding), so each comment's parent is the nearest earlier row one level up. No author
// text: the author is in the address of `a[data-testid="comment_author_icon"]` (`/user/X/`; a removed
// comment has only `[to="/user/[deleted]/"]`). Words `[data-testid="comment"]`, time and permalink
// `a[data-testid="comment_timestamp"]`, score the text beside the vote arrows ("2.1k"). "Continue this
// thread" and "N more replies" are rows `#continueThread-t1_<id>` / `#moreComments-t1_<id>` after the
// comment they belong to.

const idOf = (row: Element) => /^t1_([a-z0-9]+)$/.exec(row.id)?.[1];
const LEVEL = /^level (\d{1,3})$/;

function levelOf(row: Element): number | null {
  for (const span of Array.from(row.getElementsByTagName('span'))) {
    const n = LEVEL.exec(text(span))?.[1];
    if (n) return Number(n);
  }
  return null;
}

/** "2.1k" → 2100, "15" → 15, "Vote" → undefined. */
function score(label: string): number | undefined {
  const m = /^(-?\d+(?:\.\d+)?)(k|m)?$/i.exec(label.trim());
  if (!m) return undefined;
  const unit = { k: 1e3, m: 1e6 }[m[2]?.toLowerCase() as 'k' | 'm'] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

function authorOf(row: Element): string {
  const href =
    row.querySelector('a[data-testid="comment_author_icon"]')?.getAttribute('href') ??
    row.querySelector('[to^="/user/"]')?.getAttribute('to');
  const name = /^\/user\/([^/]+)\/?$/.exec(href ?? '')?.[1];
  try {
    return name && name !== '[deleted]' ? decodeURIComponent(name) : '';
  } catch {
    return '';
  }
}

function readRow(row: Element, parent: string | null, more: NotLoaded | undefined, base: string): RawComment {
  const stamp = row.querySelector('a[data-testid="comment_timestamp"]');
  const author = authorOf(row);
  const raw: RawComment = {
    author,
    postId: idOf(row),
    timeText: text(stamp),
    voteText: null,
    body: row.querySelector('[data-testid="comment"]'),
    siteParent: parent,
  };
  const votes = score(text(childMatching(row.querySelector('[id^="vote-arrows-"]'), 'div')));
  if (votes !== undefined) raw.votes = votes;
  if (more) raw.more = more;
  return withUrls(raw, base, { member: author ? `/user/${author}/` : null, post: stamp?.getAttribute('href') });
}

/** Rows that say what is not loaded here, by the comment they follow. */
function stubs(doc: Document, base: string): Map<string, NotLoaded> {
  const byId = new Map<string, NotLoaded>();
  for (const row of Array.from(doc.querySelectorAll('[id^="continueThread-t1_"], [id^="moreComments-t1_"]'))) {
    const id = /t1_([a-z0-9]+)$/.exec(row.id)?.[1];
    const link = row.querySelector('a[href]');
    if (id) byId.set(id, joinNotLoaded(byId.get(id), notLoaded(countIn(text(row)), link?.getAttribute('href'), base)));
  }
  return byId;
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const rows = Array.from(doc.querySelectorAll('div[id^="t1_"]')).filter((r) => idOf(r) && levelOf(r) !== null);
  const root = postsRoot(rows);
  if (!root || !rows.length) return [];
  const open: string[] = [];
  const parents = new Map<Element, string | null>();
  for (const row of rows) {
    const level = levelOf(row)! - 1;
    if (level < 0 || level > open.length) return []; // a skipped level: the tree does not read
    open.length = level;
    parents.set(row, level ? open[level - 1]! : null);
    open.push(idOf(row)!);
  }
  const more = stubs(doc, url.href);
  return [
    {
      root,
      blocks: rows,
      read: (row) => readRow(row, parents.get(row) ?? null, more.get(idOf(row)!), url.href),
      quotes: articleQuotes,
      base: url.href,
      heading: text(doc.querySelector('h1')) || 'Reddit',
      source: 'reddit-redesign',
    },
  ];
}

export const redditRedesign = pagedEngine('reddit-redesign', locate);
