import type { Comment } from '@/utils/pipeline/model';
import { CACHE_TTL_MS, dropDiscussion, DISCUSSION_PREFIX, putDiscussion } from './cache-budget';
import { browser } from 'wxt/browser';
import { originOf } from './page-fetch';
import { nextTask, runInTasks, type Steps } from '@/utils/pipeline/steps';

// A loaded discussion, kept in storage.local so reopening the article is instant, within the caches' budget
// (cache-budget.ts). The key is the forum's origin plus its thread key, and the stored address is checked on
// read, so one forum's thread never stands in for another's. Entries expire; the cache is read back as
// untrusted data (only well-formed comments are used, and rendering re-checks every URL).

export { CACHE_TTL_MS };

/** As kept: the comments as one JSON text (`json`; older entries hold them as `comments`). */
type Stored = { savedAt: number; url: string; json?: string; comments?: Comment[] };

/** The stored comments, as they were kept; null when they do not read. */
function storedComments(stored: Stored): unknown[] | null {
  if (typeof stored.json !== 'string') return Array.isArray(stored.comments) ? stored.comments : null;
  try {
    const list: unknown = JSON.parse(stored.json);
    return Array.isArray(list) ? list : null;
  } catch {
    return null;
  }
}

/**
 * The comments as one JSON text, a comment a step, on tasks of a few milliseconds (steps.ts): storing 2,000
 * comments as objects took the page's main thread 150 ms in Firefox (each object cloned); one string is copied
 * whole.
 */
function* jsonSteps(comments: readonly Comment[]): Steps<string> {
  const parts: string[] = [];
  for (const c of comments) {
    parts.push(JSON.stringify(c));
    yield;
  }
  return `[${parts.join(',')}]`;
}

const isComment = (c: unknown): c is Comment => {
  const x = c as Comment;
  return (
    !!x &&
    typeof x.id === 'string' &&
    typeof x.author === 'string' &&
    typeof x.ownText === 'string' &&
    Array.isArray(x.body) &&
    Array.isArray(x.quotes) &&
    typeof x.votes === 'number'
  );
};

/** The cache key of a thread: its forum's origin and the engine's thread key. */
export const discussionKey = (threadUrl: string, threadKey: string) => `${originOf(threadUrl) ?? ''}|${threadKey}`;

export async function readCachedDiscussion(
  threadUrl: string,
  threadKey: string,
  now = Date.now(),
): Promise<{ comments: Comment[]; savedAt: number } | null> {
  const key = discussionKey(threadUrl, threadKey);
  try {
    const stored = (await browser.storage.local.get(DISCUSSION_PREFIX + key))[DISCUSSION_PREFIX + key] as
      Stored | undefined;
    if (!stored) return null;
    const fresh = typeof stored.savedAt === 'number' && now - stored.savedAt <= CACHE_TTL_MS;
    const same = typeof stored.url === 'string' && originOf(stored.url) === originOf(threadUrl);
    const list = fresh && same ? storedComments(stored) : null;
    if (!list) {
      await dropDiscussion(key);
      return null;
    }
    const comments = list.filter(isComment);
    return comments.length ? { comments, savedAt: stored.savedAt } : null;
  } catch {
    return null;
  }
}

export async function cacheDiscussion(
  threadUrl: string,
  threadKey: string,
  comments: Comment[],
  now = Date.now(),
): Promise<boolean> {
  const json = await runInTasks(jsonSteps(comments), nextTask);
  const value: Stored = { savedAt: now, url: threadUrl, json };
  const bytes = new Blob([json]).size + threadUrl.length + 64;
  return putDiscussion(discussionKey(threadUrl, threadKey), value, now, bytes).catch(() => false);
}
