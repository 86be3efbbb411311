import type { ThreadNode } from './thread-by-quotes';

import { foldName } from '@/utils/pipeline/names';

// Replies that name whom they answer instead of quoting: the site's own nesting or "@Name" link
// (Comment.parentHint), or an "@Name" at the start of the text (Comment.replyTo), which goes under that
// author's latest earlier comment. A name is matched by its longest known author name at a word boundary
// ("@Old School thanks" is Old School, not Old), case-insensitively; failing that, a name of five letters or
// more typed with one letter wrong, missing, extra or swapped ("@Jonathon" for Jonathan), when exactly one
// author's name is that close.

/** Names compared folded (look-alike letters, invisible characters); plain ASCII names need no folding. */
const PLAIN = /^[\x20-\x7e]*$/;
const key = (name: string) => (PLAIN.test(name) ? name : foldName(name)).toLowerCase().replace(/\s+/g, ' ').trim();
const MIN_FUZZY = 5;

/** Whether a and b differ by at most one edit (a letter changed, added, removed, or two swapped). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
/** Word boundaries after which a name may end ("@Baud, yes" → "baud"). */
const BOUNDARY = /[\s,.:;!?)]/u;
const MAX_WORDS = 5;

export interface AddressIndex {
  /** The parent the site records for a node (nesting, a reply link), if it is an earlier comment. */
  recordedParent(node: ThreadNode): string | null;
  /** The earlier comment an "@Name" at the start of the node answers, or null. */
  namedParent(node: ThreadNode): string | null;
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
    return misspelt(t.slice(0, ends[0]), rank);
  };
  /** Author names of MIN_FUZZY letters or more, by length (a misspelling is within one letter of its length). */
  const byLength = new Map<number, string[]>();
  for (const name of byAuthor.keys()) {
    if (name.length < MIN_FUZZY) continue;
    const list = byLength.get(name.length);
    if (list) list.push(name);
    else byLength.set(name.length, [name]);
  }
  /** One word typed one edit away from exactly one author's (one-word) name. */
  const misspelt = (word: string, rank: number): string | null => {
    if (word.length < MIN_FUZZY) return null;
    const near = [word.length - 1, word.length, word.length + 1].flatMap((n) => byLength.get(n) ?? []);
    const close = near.filter((name) => oneEditApart(word, name));
    const found = close.length === 1 ? latestBefore(byAuthor.get(close[0]!)!, rank) : undefined;
    return found ? found.comment.id : null;
  };
  return {
    recordedParent(node) {
      const { parentHint } = node.comment;
      const hinted = parentHint === undefined ? undefined : byId.get(parentHint);
      return hinted && hinted.rank < node.rank ? hinted.comment.id : null;
    },
    namedParent(node) {
      const { replyTo } = node.comment;
      return replyTo ? byName(replyTo, node.rank) : null;
    },
  };
}
