// Shingles: every run of SHINGLE consecutive words of a text, as a 30-bit key of their word hashes. Quotes and
// comments are compared by the shingles they share (see quote-index.ts).

export const SHINGLE = 3;
/** A shingle found in more comments than this is too common to shortlist by. */
export const MAX_POSTINGS = 64;

/**
 * Order-sensitive 30-bit key of three token ids. 30 bits keeps keys small integers in V8 (no boxed doubles
 * in the postings map); a collision only costs a wasted candidate check.
 */
export const shingleKey = (a: number, b: number, c: number) =>
  (Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77) ^ Math.imul(c + 1, 0xc2b2ae3d)) & 0x3fffffff;
/** Bits of a shingle key (the mask above). */
export const KEY_BITS = 30;

/** Shingles of a text of `count` words: every run of SHINGLE words, or the whole text when shorter. */
export const shingleCount = (count: number) => (count < SHINGLE ? Math.min(count, 1) : count - SHINGLE + 1);

/** Writes the shingle keys of words[from, from + count) into out at `at`; returns the end position. */
export function writeShingles(
  words: ArrayLike<number>,
  from: number,
  count: number,
  out: Uint32Array,
  at: number,
): number {
  if (count < SHINGLE) {
    if (count) out[at++] = shingleKey(words[from]!, count > 1 ? words[from + 1]! : -1, -1);
    return at;
  }
  for (let i = from, end = from + count - SHINGLE; i <= end; i++)
    out[at++] = shingleKey(words[i]!, words[i + 1]!, words[i + 2]!);
  return at;
}

/** Keys of every shingle of a list of word ids (see writeShingles). */
export function shingleKeys(ids: ArrayLike<number>): number[] {
  const out = new Uint32Array(shingleCount(ids.length));
  writeShingles(ids, 0, ids.length, out, 0);
  return Array.from(out);
}
