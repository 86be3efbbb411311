import type { ThreadNode } from './thread-by-quotes';

// Replies that name whom they answer instead of quoting: the site's own nesting or "@Name" link
// (Comment.parentHint), or an "@Name" at the start of the text (Comment.replyTo), which goes under that
// author's latest earlier comment. A name is matched by its longest known author name at a word boundary
// ("@Old School thanks" is Old School, not Old), case-insensitively.

const key = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
/** Word boundaries after which a name may end ("@Baud, yes" → "baud"). */
const BOUNDARY = /[\s,.:;!?)]/u;
const MAX_WORDS = 5;

export interface AddressIndex {
  /** The parent a node names, or null: a site's hint first, then an "@Name". Always an earlier comment. */
  parentOf(node: ThreadNode): string | null;
}

/** `ordered`: every node in chronological order (their `rank`). */
export function addressIndex(ordered: readonly ThreadNode[], byId: ReadonlyMap<string, ThreadNode>): AddressIndex {
  const byAuthor = new Map<string, ThreadNode[]>();
  for (const node of ordered) {
    if (!node.comment.author) continue;
    const k = key(node.comment.author);
    const list = byAuthor.get(k);
    if (list) list.push(node);
    else byAuthor.set(k, [node]);
  }
  const latestBefore = (list: ThreadNode[], rank: number): ThreadNode | undefined => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.rank < rank) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1] : undefined;
  };
  const byName = (text: string, rank: number): string | null => {
    const t = key(text);
    const ends: number[] = [];
    for (let i = 1; i <= t.length && ends.length < MAX_WORDS * 2; i++)
      if (i === t.length || BOUNDARY.test(t[i]!)) ends.push(i);
    for (let e = ends.length - 1; e >= 0; e--) {
      const list = byAuthor.get(t.slice(0, ends[e]).trim());
      const found = list && latestBefore(list, rank);
      if (found) return found.comment.id;
    }
    return null;
  };
  return {
    parentOf(node) {
      const { parentHint, replyTo } = node.comment;
      const hinted = parentHint === undefined ? undefined : byId.get(parentHint);
      if (hinted && hinted.rank < node.rank) return hinted.comment.id;
      return replyTo ? byName(replyTo, node.rank) : null;
    },
  };
}
