import type { BodyNode, Comment, CommentSection } from '@/utils/pipeline/model';
import { runAll, type Steps } from '@/utils/pipeline/steps';
import { stableId } from '@/utils/pipeline/text';
import type { LocatedSection, MarkupSection, RawComment } from './adapter';
import { bodyText, extractBody, type QuoteReader } from './body';
import { estimateTimestamp } from './relative-time';
import { parseVotes } from './votes';

// The shared half of extraction: what an adapter read off each block becomes Comment data, the same way for
// every site.

/** Converts raw blocks one at a time, in page order, keeping ids unique across calls. */
export function commentBuilder(base: string, quotes: QuoteReader, now = Date.now()): (raw: RawComment) => Comment {
  const seen = new Map<string, number>();
  const ids: string[] = [];
  let index = 0;
  return (raw) => {
    const { body, quotes: found } = raw.body ? extractBody(raw.body, base, quotes) : { body: [], quotes: [] };
    if (raw.signature) appendSignature(body, raw.signature, base, quotes);
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
    };
    const timestamp = raw.timestamp ?? estimateTimestamp(raw.timeText, now);
    if (timestamp !== undefined) comment.timestamp = timestamp;
    if (raw.authorUrl) comment.authorUrl = raw.authorUrl;
    if (raw.avatarUrl) comment.avatarUrl = raw.avatarUrl;
    if (raw.postUrl) comment.postUrl = raw.postUrl;
    if (raw.page !== undefined) comment.page = raw.page;
    if (raw.number !== undefined && Number.isInteger(raw.number) && raw.number > 0) comment.number = raw.number;
    if (raw.opening) comment.opening = true;
    if (raw.parentId) comment.parentHint = raw.parentId;
    if (raw.siteParent !== undefined) comment.siteParent = raw.siteParent === raw.postId ? null : raw.siteParent;
    else if (raw.siteParentAt !== undefined) comment.siteParent = ids[raw.siteParentAt ?? -1] ?? null;
    if (raw.more) comment.more = raw.more;
    if (raw.withheld) comment.withheld = true;
    const replyTo = raw.replyTo ?? addressee(ownText);
    if (replyTo) comment.replyTo = replyTo;
    ids.push(id);
    index++;
    return comment;
  };
}

/** A signature under the post, as a fold at the end of its body (its quotes, if any, are not the post's). */
function appendSignature(body: BodyNode[], el: Element, base: string, quotes: QuoteReader): void {
  const signature = extractBody(el, base, { ...quotes, isQuote: () => false }).body;
  if (bodyText(signature)) body.push({ type: 'fold', kind: 'signature', label: '', children: signature });
}

/**
 * What follows an "@" at the very start of a comment (up to 60 characters of one line): the threading stage
 * finds the longest author name it begins with (thread/addressed.ts).
 */
const AT_NAME = /^@([^\s@][^\n@]{0,59})/u;
export function addressee(ownText: string): string | undefined {
  return AT_NAME.exec(ownText.trimStart())?.[1];
}

function finish(located: LocatedSection, comments: Comment[]): CommentSection | null {
  if (comments.length === 0 || (located.accept && !located.accept(comments))) return null;
  const section: CommentSection = { root: located.root, comments, heading: located.heading, source: located.source };
  if (located.discussionUrl) section.discussionUrl = located.discussionUrl;
  if (located.pages) section.pages = located.pages;
  if (located.more) section.more = located.more;
  if (located.topic) section.topic = located.topic;
  return section;
}

/** A markup section's blocks as comments, one at a time. */
function* readBlocks(located: MarkupSection): Iterable<Comment> {
  const build = commentBuilder(located.base, located.quotes);
  for (const block of located.blocks) yield build(located.read(block));
}

/** Reads a located section's comments, pausing after every `slice` of them; see steps.ts. */
export function* extractSteps(located: LocatedSection, slice: number): Steps<CommentSection | null> {
  const comments: Comment[] = [];
  for (const comment of 'comments' in located ? located.comments : readBlocks(located)) {
    comments.push(comment);
    if (comments.length % slice === 0) yield;
  }
  return finish(located, comments);
}

/** Reads every block of a located section at once. */
export function extractLocated(located: LocatedSection): CommentSection | null {
  return runAll(extractSteps(located, Number.POSITIVE_INFINITY));
}
