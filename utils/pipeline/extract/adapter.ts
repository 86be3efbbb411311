import type { Comment, CommentSection, Quote } from '@/utils/pipeline/model';
import { bodyText, elementText, extractBody, type QuoteReader } from './body';
import { parseVotes } from './votes';
import { estimateTimestamp } from './relative-time';
import { stableId } from '@/utils/pipeline/text';
import { runAll, type Steps } from '@/utils/pipeline/steps';

/** One per site: the only code that knows that site's markup. */
export interface SiteAdapter {
  id: string;
  matches(url: URL): boolean;
  /**
   * Where the comment section might be, best guess first (markup eras, then visible signals): its root, its
   * comment blocks and how to read one. Lazy, so later guesses run only when earlier ones are rejected.
   */
  locate(doc: Document, url: URL): Iterable<LocatedSection>;
}

/** A candidate comment section: found, not yet read. Reading the blocks is the costly part. */
export interface LocatedSection {
  root: Element;
  blocks: Element[];
  read(block: Element): RawComment;
  quotes: QuoteReader;
  base: string;
  heading: string;
  discussionUrl?: string;
  source: string;
  /** Whether the comments read look like this markup really is a comment section. */
  accept?(comments: Comment[]): boolean;
}

/** What an adapter reads off one comment block before the shared conversion. */
export interface RawComment {
  element: Element;
  author: string;
  authorUrl?: string;
  avatarUrl?: string;
  postUrl?: string;
  postId?: string;
  timeText: string;
  timestamp?: number;
  voteText: string | null;
  /** Votes counted some other way (XenForo reactions); wins over voteText. */
  votes?: number;
  body: Element | null;
  page?: number;
}

const POST_ID = /\/posts\/(\d+)/;

export function postIdFromUrl(href: string | null | undefined): string | undefined {
  return href ? POST_ID.exec(href)?.[1] : undefined;
}

/** Builds Comment models from raw blocks and makes ids unique (a repeated post keeps its first id). */
export function toComments(raws: RawComment[], base: string, quotes: QuoteReader, now = Date.now()): Comment[] {
  return raws.map(commentBuilder(base, quotes, now));
}

/** Converts raw blocks one at a time, in page order, keeping ids unique across calls. */
export function commentBuilder(base: string, quotes: QuoteReader, now = Date.now()): (raw: RawComment) => Comment {
  const seen = new Map<string, number>();
  let index = 0;
  return (raw) => {
    const { body, quotes: found } = raw.body ? extractBody(raw.body, base, quotes) : { body: [], quotes: [] };
    const ownText = bodyText(body);
    const parsed = raw.votes !== undefined ? { votes: raw.votes, missing: false } : parseVotes(raw.voteText);
    let id = raw.postId ?? stableId(raw.author, ownText + found.map((q) => q.text).join('\n'));
    const dup = seen.get(id);
    seen.set(id, (dup ?? 0) + 1);
    if (dup) id = `${id}-${dup + 1}`;
    const comment: Comment = {
      id,
      author: raw.author.trim(),
      timeText: raw.timeText.trim(),
      votes: parsed.votes,
      votesMissing: parsed.missing,
      body,
      quotes: found,
      ownText,
      index,
      element: raw.element,
    };
    const timestamp = raw.timestamp ?? estimateTimestamp(raw.timeText, now);
    if (timestamp !== undefined) comment.timestamp = timestamp;
    if (raw.authorUrl) comment.authorUrl = raw.authorUrl;
    if (raw.avatarUrl) comment.avatarUrl = raw.avatarUrl;
    if (raw.postUrl) comment.postUrl = raw.postUrl;
    if (raw.page !== undefined) comment.page = raw.page;
    index++;
    return comment;
  };
}

function finish(located: LocatedSection, comments: Comment[]): CommentSection | null {
  if (comments.length === 0 || (located.accept && !located.accept(comments))) return null;
  const section: CommentSection = { root: located.root, comments, heading: located.heading, source: located.source };
  if (located.discussionUrl) section.discussionUrl = located.discussionUrl;
  return section;
}

/** Reads a located section's blocks, pausing after every `slice` of them; see steps.ts. */
export function* extractSteps(located: LocatedSection, slice: number): Steps<CommentSection | null> {
  const build = commentBuilder(located.base, located.quotes);
  const comments: Comment[] = [];
  for (const block of located.blocks) {
    comments.push(build(located.read(block)));
    if (comments.length % slice === 0) yield;
  }
  return finish(located, comments);
}

/** Reads every block of a located section at once. */
export function extractLocated(located: LocatedSection): CommentSection | null {
  return runAll(extractSteps(located, Number.POSITIVE_INFINITY));
}

/** Article-page quotes: `p.quote` (2017) or `blockquote`; no author, sometimes a /posts/N link. */
export const articleQuotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE' || (el.tagName === 'P' && el.classList.contains('quote')),
  read: (el) => {
    const quote: Quote & { content: Element } = { text: elementText(el), content: el };
    const sourceId = postIdFromUrl(el.querySelector('a[href*="/posts/"]')?.getAttribute('href'));
    if (sourceId) quote.sourceId = sourceId;
    return quote;
  },
};

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Elements under root having a class token that starts with prefix (CSS-module classes: `content--2GFZ`). */
export function byClassPrefix(root: ParentNode, prefix: string): Element[] {
  return Array.from(root.querySelectorAll(`[class*="${prefix}"]`)).filter((el) =>
    Array.from(el.classList).some((c) => c.startsWith(prefix)),
  );
}

export function firstByClassPrefix(root: ParentNode, prefix: string): Element | null {
  return byClassPrefix(root, prefix)[0] ?? null;
}
