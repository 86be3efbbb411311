import { browser } from 'wxt/browser';
import type { Comment } from '@/utils/pipeline/model';

// A loaded discussion, kept in storage.local so reopening the article is instant. Entries expire; the cache is
// read back as untrusted data (only well-formed comments are used, and rendering re-checks every URL).

export const CACHE_TTL_MS = 30 * 60_000;
const PREFIX = 'threadlight.discussion.';
const MAX_CHARS = 4_000_000;

type Stored = { savedAt: number; url: string; comments: Comment[] };

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

export async function readCachedDiscussion(
  key: string,
  now = Date.now(),
): Promise<{ comments: Comment[]; savedAt: number } | null> {
  try {
    const stored = (await browser.storage.local.get(PREFIX + key))[PREFIX + key] as Stored | undefined;
    if (
      !stored ||
      typeof stored.savedAt !== 'number' ||
      now - stored.savedAt > CACHE_TTL_MS ||
      !Array.isArray(stored.comments)
    )
      return null;
    const comments = stored.comments.filter(isComment);
    return comments.length ? { comments, savedAt: stored.savedAt } : null;
  } catch {
    return null;
  }
}

export async function cacheDiscussion(
  key: string,
  url: string,
  comments: Comment[],
  now = Date.now(),
): Promise<boolean> {
  const value: Stored = { savedAt: now, url, comments };
  if (JSON.stringify(value).length > MAX_CHARS) return false;
  try {
    await browser.storage.local.set({ [PREFIX + key]: value });
    return true;
  } catch {
    return false;
  }
}
