import type { Steps } from '@/utils/pipeline/steps';
import { KEY_BITS, MAX_POSTINGS } from './shingles';

// The quote index's postings: which comments (by rank) hold each shingle key, built without a per-key array
// or map (radix sort, grouping in place, an open-addressing table), and the small searches over them.

/** Postings of a key too common to use (see postingsTable; MAX_POSTINGS - 2 must stay below it). */
export const COMMON = 63;

/**
 * Stable LSD radix sort of (key, value) pairs by 30-bit key, three 10-bit passes (small counts: cheap for
 * short discussions, cache-resident for long ones): linear time, and values appended in ascending order stay
 * ascending within each key. Returns the sorted keys and values, and the key buffer it no longer needs (the
 * one passed in: an odd number of passes ends in the other).
 */
export function* radixSortPairs(
  keys: Uint32Array,
  values: Uint32Array,
  n: number,
): Steps<[Uint32Array, Uint32Array, Uint32Array]> {
  let k1: Uint32Array = keys;
  let v1: Uint32Array = values;
  let k2: Uint32Array = new Uint32Array(n);
  let v2: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(1 << 10);
  for (const shift of [0, 10, 20]) {
    radixPass(k1, v1, k2, v2, n, shift, counts);
    [k1, k2] = [k2, k1];
    [v1, v2] = [v2, v1];
    yield;
  }
  return [k1, v1, k2];
}

/** One counting-sort pass on 10 bits of the keys (a plain function: V8 optimises its loops best there). */
function radixPass(
  k1: Uint32Array,
  v1: Uint32Array,
  k2: Uint32Array,
  v2: Uint32Array,
  n: number,
  shift: number,
  counts: Uint32Array,
): void {
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(k1[i]! >>> shift) & 0x3ff]!++;
  let sum = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b]!;
    counts[b] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const at = counts[(k1[i]! >>> shift) & 0x3ff]!++;
    k2[at] = k1[i]!;
    v2[at] = v1[i]!;
  }
}

/**
 * Distinct keys, where each one's ranks start, and the ranks (each comment once per key), written over the
 * sorted arrays themselves (what is written never overtakes what is read) and into `starts` (n + 1 long): a
 * long discussion's index allocates less, so the collector has less to do.
 */
export function groupPostings(keys: Uint32Array, ranks: Uint32Array, n: number, starts: Uint32Array) {
  let distinct = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    const rank = ranks[i]!;
    if (distinct === 0 || keys[distinct - 1] !== key) {
      keys[distinct] = key;
      starts[distinct++] = m;
      ranks[m++] = rank;
    } else if (ranks[m - 1] !== rank) ranks[m++] = rank;
  }
  starts[distinct] = m;
  return { keys, starts, ranks: ranks.subarray(0, m), distinct };
}

/**
 * Open-addressing table of the distinct keys, two words a slot: key + 1 (0: empty), and what the key's
 * postings are: ~rank (< 0) for a key found in one comment only, most of them; else where its ranks start
 * (times 64) and their count (low 6 bits: count - 2, or COMMON for more than MAX_POSTINGS). Keys are already
 * well-mixed hashes: their high bits address a table at most two thirds full (linear probing). High bits, not low:
 * the keys come sorted, so the table is written front to back instead of at random, which keeps building it
 * cheap once it outgrows the caches. A lookup touches one slot (one cache miss at most) and then the ranks.
 */
export function postingsTable(
  keys: Uint32Array,
  starts: Uint32Array,
  ranks: Uint32Array,
  distinct: number,
): PostingsTable {
  let bits = 1;
  while ((1 << bits) * 2 < distinct * 3) bits++;
  const slots = 1 << bits;
  const shift = KEY_BITS - bits;
  const table = new Int32Array(slots * 2);
  for (let d = 0; d < distinct; d++) {
    let slot = keys[d]! >>> shift;
    while (table[slot * 2] !== 0) slot = (slot + 1) & (slots - 1);
    table[slot * 2] = keys[d]! + 1;
    const from = starts[d]!;
    const count = starts[d + 1]! - from;
    // Past 2^25 postings (a discussion of hundreds of megabytes) a start no longer fits: counted as common.
    table[slot * 2 + 1] =
      count === 1 ? ~ranks[from]! : count > MAX_POSTINGS || from >= 1 << 25 ? COMMON : from * 64 + count - 2;
  }
  return { table, shift };
}

export interface PostingsTable {
  table: Int32Array;
  /** A key's first slot is key >>> shift. */
  shift: number;
}

/** A typed array holding at least `size` entries: buf itself, or a copy of it twice as large (or more). */
export function ensure<T extends Int32Array | Uint32Array>(buf: T, size: number, make: (n: number) => T): T {
  if (size <= buf.length) return buf;
  const next = make(Math.max(buf.length * 2, size));
  next.set(buf);
  return next;
}

/** Is rank among ranks[from, to) (ascending)? */
export function hasRank(ranks: Uint32Array, from: number, to: number, rank: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranks[mid]! < rank) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && ranks[lo] === rank;
}

/** The k candidates with most votes (ties: earliest), as [rank, votes], without sorting every candidate. */
export function topCandidates(
  ranks: Uint32Array,
  votes: Uint32Array,
  candidates: number,
  k: number,
): [number, number][] {
  const top: [number, number][] = [];
  for (let c = 0; c < candidates; c++) {
    const rank = ranks[c]!;
    const hits = votes[rank]!;
    const last = top[top.length - 1];
    if (top.length === k && (hits < last![1] || (hits === last![1] && rank > last![0]))) continue;
    let i = top.length;
    while (i > 0 && (top[i - 1]![1] < hits || (top[i - 1]![1] === hits && top[i - 1]![0] > rank))) i--;
    top.splice(i, 0, [rank, hits]);
    if (top.length > k) top.pop();
  }
  return top;
}
