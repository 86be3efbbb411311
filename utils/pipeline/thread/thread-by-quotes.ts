import type { Comment } from '@/utils/pipeline/model';
import { WordScan } from '@/utils/pipeline/text';
import { runAll, type Steps } from '@/utils/pipeline/steps';

// Quote threading: a comment whose body quotes an earlier comment becomes its reply.
//
// Exact links first: a quote that names its source (XenForo data-source, a /posts/N link) links to it.
// Otherwise by text, in three steps, after normalising both sides (NFKC, quote marks, invisible characters,
// whitespace, case; see text.ts): every comment's own words are indexed once as hashed 3-word shingles;
// a quote's shingles vote for a shortlist of earlier comments (shingles common to very many comments are
// skipped, like stop words); each candidate is scored, first as an exact token substring (confidence 1),
// else by containment, the share of the quote's shingles found in the candidate, which tolerates partial
// excerpts and light edits in the way Hypothesis' fuzzy anchoring does (accepted from MIN_CONTAINMENT).
// Quotes shorter than MIN_QUOTE_WORDS words / MIN_QUOTE_CHARS characters match nothing ("LOL").
//
// "Earlier" is one total order (see chronology): a parent always precedes its reply, so there are no cycles.

export type LinkMethod = 'exact' | 'text';

export interface QuoteLink {
  /** Index into the comment's quotes. */
  quote: number;
  /** Id of the quoted comment, or null for an orphan quote (its source is not on the page). */
  sourceId: string | null;
  method: LinkMethod | null;
  confidence: number;
}

export interface ThreadNode {
  comment: Comment;
  parentId: string | null;
  /** Replies in page order. Not to be written to: a comment without replies shares one empty, frozen list. */
  children: ThreadNode[];
  links: QuoteLink[];
  /** Other comments this one quotes besides its parent. */
  alsoRepliesTo: string[];
  /** Position in the chronological order (0 = earliest). */
  rank: number;
}

export interface Forest {
  roots: ThreadNode[];
  byId: Map<string, ThreadNode>;
}

export const MIN_QUOTE_WORDS = 3;
export const MIN_QUOTE_CHARS = 12;
export const MIN_CONTAINMENT = 0.6;
const SHINGLE = 3;
const SHORTLIST = 6;
/** A shingle found in more comments than this is too common to shortlist by. */
export const MAX_POSTINGS = 64;
/** Postings of a key too common to use (see postingsTable; MAX_POSTINGS - 2 must stay below it). */
const COMMON = 63;

/**
 * Chronological order used for "earlier": post ids when every comment has a numeric one (XenForo ids
 * grow with time), else estimated timestamps when every comment has one, else page order.
 */
export function chronology(comments: Comment[]): Comment[] {
  return chronological(comments, (c) => c);
}

/** Items in chronological order of their comments (see chronology). */
function chronological<T>(items: T[], commentOf: (item: T) => Comment): T[] {
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

/**
 * Order-sensitive 30-bit key of three token ids. 30 bits keeps keys small integers in V8 (no boxed doubles
 * in the postings map); a collision only costs a wasted candidate check.
 */
const shingleKey = (a: number, b: number, c: number) =>
  (Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77) ^ Math.imul(c + 1, 0xc2b2ae3d)) & 0x3fffffff;
/** Bits of a shingle key (the mask above). */
const KEY_BITS = 30;

/** Shingles of a text of `count` words: every run of SHINGLE words, or the whole text when shorter. */
const shingleCount = (count: number) => (count < SHINGLE ? Math.min(count, 1) : count - SHINGLE + 1);

/** Writes the shingle keys of words[from, from + count) into out at `at`; returns the end position. */
function writeShingles(words: ArrayLike<number>, from: number, count: number, out: Uint32Array, at: number): number {
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

export interface TextMatch {
  target: number;
  confidence: number;
}

/**
 * Stable LSD radix sort of (key, value) pairs by 30-bit key, three 10-bit passes (small counts: cheap for
 * short discussions, cache-resident for long ones): linear time, and values appended in ascending order stay
 * ascending within each key. Returns the sorted keys and values, and the key buffer it no longer needs (the
 * one passed in: an odd number of passes ends in the other).
 */
function* radixSortPairs(
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
function groupPostings(keys: Uint32Array, ranks: Uint32Array, n: number, starts: Uint32Array) {
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
function postingsTable(keys: Uint32Array, starts: Uint32Array, ranks: Uint32Array, distinct: number): PostingsTable {
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

interface PostingsTable {
  table: Int32Array;
  /** A key's first slot is key >>> shift. */
  shift: number;
}

/** A typed array holding at least `size` entries: buf itself, or a copy of it twice as large (or more). */
function ensure<T extends Int32Array | Uint32Array>(buf: T, size: number, make: (n: number) => T): T {
  if (size <= buf.length) return buf;
  const next = make(Math.max(buf.length * 2, size));
  next.set(buf);
  return next;
}

/**
 * Index of the comments' own words (in chronological order), for matching quotes by text. Words are kept as
 * their 32-bit hashes (WordScan) in one typed array, so neither a string per word nor the comments' normalised
 * texts stay alive for the garbage collector to trace. Postings are compressed sorted arrays (distinct
 * shingle keys, where each key's ranks start, the ranks), radix-sorted in linear time and found through an
 * open-addressing table: no per-key arrays or maps. Votes are counted in one typed array, cleared after each quote.
 */
export class QuoteIndex {
  /** Comments indexed so far; a comment's rank is its position. */
  size = 0;
  private words = new Int32Array(1 << 10);
  /** Where each rank's words start in `words` (one more entry than ranks). */
  private wordStarts = new Uint32Array(64);
  /** See postingsTable. */
  private postings: PostingsTable = { table: new Int32Array(4), shift: KEY_BITS - 1 };
  private ranks: Uint32Array = new Uint32Array(0);
  private votes: Uint32Array = new Uint32Array(0);
  private voted: Uint32Array = new Uint32Array(0);
  private readonly scanner = new WordScan();
  /** The quote being matched: its distinct shingle keys, and their postings (see match). */
  private quoteKeys = new Uint32Array(64);
  private lens = new Uint32Array(64);
  private froms = new Uint32Array(64);

  /** Comments are added in chronological order; `seal` must run before `match`. */
  constructor(ordered: Comment[] = []) {
    for (const c of ordered) this.add(c);
    if (ordered.length) this.seal();
  }

  add(comment: Comment): void {
    const { hashes, count } = this.scanner.scanText(comment.ownText);
    const from = this.wordStarts[this.size]!;
    this.words = ensure(this.words, from + count, (n) => new Int32Array(n));
    this.words.set(hashes.subarray(0, count), from);
    this.wordStarts = ensure(this.wordStarts, this.size + 2, (n) => new Uint32Array(n));
    this.wordStarts[++this.size] = from + count;
  }

  /** Builds the postings from every comment's shingles. */
  seal(): void {
    runAll(this.sealSteps());
  }

  /** `seal`, pausing (yield) between its passes. */
  *sealSteps(): Steps<void> {
    const { words, wordStarts, size } = this;
    let n = 0;
    for (let rank = 0; rank < size; rank++) n += shingleCount(wordStarts[rank + 1]! - wordStarts[rank]!);
    // One more than n: once sorted, this buffer holds where each key's ranks start (groupPostings).
    const keyBuf = new Uint32Array(n + 1);
    const rankBuf = new Uint32Array(n);
    let at = 0;
    for (let rank = 0; rank < size; rank++) {
      const from = wordStarts[rank]!;
      const count = wordStarts[rank + 1]! - from;
      at = writeShingles(words, from, count, keyBuf, at);
      rankBuf.fill(rank, at - shingleCount(count), at);
    }
    yield;
    const [sortedKeys, sortedRanks, spare] = yield* radixSortPairs(keyBuf, rankBuf, n);
    const { keys, starts, ranks, distinct } = groupPostings(
      sortedKeys,
      sortedRanks,
      n,
      spare.length > n ? spare : new Uint32Array(n + 1),
    );
    yield;
    this.postings = postingsTable(keys, starts, ranks, distinct);
    this.ranks = ranks;
    this.votes = new Uint32Array(size);
    this.voted = new Uint32Array(size);
  }

  /** Table slot of a key (times two), or -1 when no comment has it. */
  private find(key: number): number {
    const { table, shift } = this.postings;
    const mask = table.length / 2 - 1;
    for (let slot = key >>> shift; ; slot = (slot + 1) & mask) {
      const stored = table[slot * 2]!;
      if (stored === key + 1) return slot * 2;
      if (stored === 0) return -1;
    }
  }

  /**
   * Does the comment at rank contain the quote's words as one contiguous run (the word-boundary substring
   * of the normalised texts, compared by word hash)?
   */
  private containsRun(rank: number, quote: Int32Array, length: number): boolean {
    const { words } = this;
    const from = this.wordStarts[rank]!;
    const to = this.wordStarts[rank + 1]!;
    outer: for (let at = from; at + length <= to; at++) {
      for (let k = 0; k < length; k++) if (words[at + k] !== quote[k]) continue outer;
      return true;
    }
    return false;
  }

  /** Distinct shingle keys of the scanned quote, sorted, in quoteKeys; returns how many. */
  private distinctQuoteKeys(hashes: Int32Array, count: number): number {
    const total = shingleCount(count);
    if (total > this.quoteKeys.length) {
      this.quoteKeys = new Uint32Array(total * 2);
      this.lens = new Uint32Array(total * 2);
      this.froms = new Uint32Array(total * 2);
    }
    const keys = this.quoteKeys;
    writeShingles(hashes, 0, count, keys, 0);
    keys.subarray(0, total).sort();
    let distinct = 0;
    for (let i = 0; i < total; i++) if (distinct === 0 || keys[distinct - 1] !== keys[i]) keys[distinct++] = keys[i]!;
    return distinct;
  }

  /**
   * Best earlier comment (rank < before) containing the quoted text, or null.
   *
   * Prefix filtering (Chaudhuri, Ganti and Kaushik, "A primitive operator for similarity joins", 2006;
   * Bayardo et al., "Scaling up all pairs similarity search", 2007): a comment sharing at least `need` of
   * the quote's `informative` shingles shares at least one of any `informative - need + 1` of them. So only
   * the rarest that many shingles propose candidates; the commoner ones are then only checked against those
   * candidates (a binary search in their postings), instead of every comment containing them becoming a
   * candidate. Common phrases recur more the longer a discussion is, so this keeps the work per quote from
   * growing with it. The result is the same as voting with every shingle.
   */
  match(quoteText: string, before: number): TextMatch | null {
    const words = this.scanner.scanText(quoteText);
    if (words.count < MIN_QUOTE_WORDS || words.chars < MIN_QUOTE_CHARS) return null;
    const distinct = this.distinctQuoteKeys(words.hashes, words.count);
    // Each informative shingle's postings: length (0: in no comment) and where they are (the rank itself
    // for a shingle of one comment), rarest first. Shingles found in very many comments say nothing about
    // which one is quoted: they are left out of both the candidates and the containment score.
    const { lens, froms } = this;
    let informative = 0;
    for (let q = 0; q < distinct; q++) {
      const at = this.find(this.quoteKeys[q]!);
      let len = 0;
      let from = 0;
      if (at >= 0) {
        const posting = this.postings.table[at + 1]!;
        if (posting === COMMON) continue;
        len = posting < 0 ? 1 : (posting & 63) + 2;
        from = posting < 0 ? ~posting : posting >>> 6;
      }
      let i = informative++;
      for (; i > 0 && lens[i - 1]! > len; i--) {
        lens[i] = lens[i - 1]!;
        froms[i] = froms[i - 1]!;
      }
      lens[i] = len;
      froms[i] = from;
    }
    // Every shingle is too common: nothing says which comment is quoted.
    if (informative === 0) return null;
    let need = Math.ceil(MIN_CONTAINMENT * informative);
    while (need > 1 && (need - 1) / informative >= MIN_CONTAINMENT) need--;
    while (need <= informative && need / informative < MIN_CONTAINMENT) need++;
    const proposing = informative - need + 1;
    const { votes, voted, ranks } = this;
    let candidates = 0;
    for (let s = 0; s < proposing; s++) {
      const len = lens[s]!;
      if (len === 1) {
        const rank = froms[s]!;
        if (rank < before && votes[rank]!++ === 0) voted[candidates++] = rank;
      } else {
        for (let i = froms[s]!, to = i + len; i < to; i++) {
          const rank = ranks[i]!;
          if (rank >= before) break; // ranks ascend within a key
          if (votes[rank]!++ === 0) voted[candidates++] = rank;
        }
      }
    }
    if (candidates === 0) return null;
    for (let s = proposing; s < informative; s++) {
      const len = lens[s]!;
      const from = froms[s]!;
      for (let c = 0; c < candidates; c++) {
        const rank = voted[c]!;
        if (len === 1 ? from === rank : hasRank(ranks, from, from + len, rank)) votes[rank]!++;
      }
    }
    let best: TextMatch | null = null;
    for (const [rank, hits] of topCandidates(voted, votes, candidates, SHORTLIST)) {
      const containment = hits / informative;
      // Exact substring only matters where every shingle is there; elsewhere containment is the score.
      const confidence =
        containment === 1 && this.containsRun(rank, words.hashes, words.count) ? 1 : Math.min(containment, 0.99);
      // Ties go to the earliest candidate: the original, not a later echo of it.
      if (
        confidence >= MIN_CONTAINMENT &&
        (!best || confidence > best.confidence || (confidence === best.confidence && rank < best.target))
      ) {
        best = { target: rank, confidence };
      }
    }
    for (let i = 0; i < candidates; i++) votes[voted[i]!] = 0;
    return best;
  }
}

/** Is rank among ranks[from, to) (ascending)? */
function hasRank(ranks: Uint32Array, from: number, to: number, rank: number): boolean {
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
function topCandidates(ranks: Uint32Array, votes: Uint32Array, candidates: number, k: number): [number, number][] {
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

/** Comments in a thread: the node and all its replies, at any depth. */
export function subtreeSize(node: ThreadNode): number {
  let size = 1;
  for (const child of node.children) size += subtreeSize(child);
  return size;
}

/** Ids in reading order, leaving out the replies of collapsed comments (what a reader steps through). */
export function shownOrder(roots: readonly ThreadNode[], collapsed: ReadonlySet<string>): string[] {
  const ids: string[] = [];
  const stack: ThreadNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    ids.push(node.comment.id);
    if (collapsed.has(node.comment.id)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return ids;
}

/** Shared by every comment without quotes or replies (most of them): one empty list, never written to. */
const NONE: never[] = Object.freeze([]) as never[];

/** Threads all at once. */
export function threadByQuotes(comments: Comment[]): Forest {
  return runAll(threadSteps(comments, Number.POSITIVE_INFINITY));
}

/** The threading work, pausing (yield) after every `slice` comments indexed or linked; see steps.ts. */
export function* threadSteps(comments: Comment[], slice: number): Steps<Forest> {
  // A repeated id is one comment: the first with it on the page. Nodes are kept in arrays (page order and
  // chronological order) besides the map, so the passes below walk arrays instead of looking ids up.
  const byId = new Map<string, ThreadNode>();
  const nodes: ThreadNode[] = [];
  for (const c of comments) {
    if (byId.has(c.id)) continue;
    const node: ThreadNode = { comment: c, parentId: null, children: NONE, links: NONE, alsoRepliesTo: NONE, rank: -1 };
    byId.set(c.id, node);
    nodes.push(node);
  }
  const ordered = chronological(nodes, (node) => node.comment);
  const index = new QuoteIndex();
  for (let i = 0; i < ordered.length; i++) {
    ordered[i]!.rank = i;
    index.add(ordered[i]!.comment);
    if ((i + 1) % slice === 0) yield;
  }
  yield* index.sealSteps();

  // Page order: children are appended in it, and roots listed in it.
  const roots: ThreadNode[] = [];
  for (let visited = 0; visited < nodes.length; visited++) {
    if ((visited + 1) % slice === 0) yield;
    const node = nodes[visited]!;
    if (node.comment.quotes.length) linkQuotes(node, byId, ordered, index);
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (!parent) roots.push(node);
    // Most comments have no replies: their list is only made for the first one (less for the collector).
    else if (parent.children === NONE) parent.children = [node];
    else parent.children.push(node);
  }
  return { roots, byId };
}

/**
 * Links each quote of a node to its source and sets the node's parent and "also replies to". One parent only
 * when unambiguous: the single best link (confidence, then quoted length). A tie between different sources
 * leaves the comment at top level; every other source is "also replies to".
 */
function linkQuotes(node: ThreadNode, byId: Map<string, ThreadNode>, ordered: ThreadNode[], index: QuoteIndex): void {
  const { comment, rank } = node;
  node.links = comment.quotes.map((quote, i): QuoteLink => {
    const exact = quote.sourceId !== undefined ? byId.get(quote.sourceId)?.rank : undefined;
    if (exact !== undefined && exact < rank)
      return { quote: i, sourceId: quote.sourceId!, method: 'exact', confidence: 1 };
    // A named source that is not on the page stays an orphan: its text may echo another comment.
    if (quote.sourceId !== undefined) return { quote: i, sourceId: null, method: null, confidence: 0 };
    const m = index.match(quote.text, rank);
    return m
      ? { quote: i, sourceId: ordered[m.target]!.comment.id, method: 'text', confidence: m.confidence }
      : { quote: i, sourceId: null, method: null, confidence: 0 };
  });
  const linked = node.links.filter((l) => l.sourceId !== null);
  if (linked.length === 0) return;
  if (linked.length === 1) {
    node.parentId = linked[0]!.sourceId;
    return;
  }
  const sources = new Set(linked.map((l) => l.sourceId!));
  const weigh = (l: QuoteLink) => [l.confidence, comment.quotes[l.quote]!.text.length] as const;
  const ranked = linked.slice().sort((a, b) => weigh(b)[0] - weigh(a)[0] || weigh(b)[1] - weigh(a)[1]);
  const top = ranked[0]!;
  const rival = ranked.find((l) => l.sourceId !== top.sourceId);
  const ambiguous = rival !== undefined && weigh(rival)[0] === weigh(top)[0] && weigh(rival)[1] === weigh(top)[1];
  if (!ambiguous) node.parentId = top.sourceId;
  node.alsoRepliesTo = Array.from(sources).filter((s) => s !== node.parentId);
}
