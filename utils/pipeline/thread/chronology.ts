import type { Comment } from '@/utils/pipeline/model';

/**
 * Chronological order used for "earlier": post ids when every comment has a numeric one (XenForo ids
 * grow with time), else estimated timestamps when every comment has one, else page order.
 */
export function chronology(comments: Comment[]): Comment[] {
  return chronological(comments, (c) => c);
}

/** Items in chronological order of their comments (see chronology). */
export function chronological<T>(items: T[], commentOf: (item: T) => Comment): T[] {
  const numeric = items.every((item) => /^\d+$/.test(commentOf(item).id));
  const timed = items.every((item) => commentOf(item).timestamp !== undefined);
  // Each item's sort key is read once, not in every comparison.
  const keyed = items.map((item) => {
    const c = commentOf(item);
    return { item, index: c.index, key: numeric ? Number(c.id) : timed ? c.timestamp! : c.index };
  });
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((k) => k.item);
}
