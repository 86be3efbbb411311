import type { Comment } from './model';
import { normalizeText, tokenize } from './text';
import { runAll, type Steps } from './steps';

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
const MAX_POSTINGS = 64;

/**
 * Chronological order used for "earlier": post ids when every comment has a numeric one (XenForo ids
 * grow with time), else estimated timestamps when every comment has one, else page order.
 */
export function chronology(comments: Comment[]): Comment[] {
  const numeric = comments.every((c) => /^\d+$/.test(c.id));
  const timed = comments.every((c) => c.timestamp !== undefined);
  const sorted = comments.slice();
  if (numeric) sorted.sort((a, b) => Number(a.id) - Number(b.id) || a.index - b.index);
  else if (timed) sorted.sort((a, b) => a.timestamp! - b.timestamp! || a.index - b.index);
  else sorted.sort((a, b) => a.index - b.index);
  return sorted;
}

/**
 * Order-sensitive 30-bit key of three token ids. 30 bits keeps keys small integers in V8 (no boxed doubles
 * in the postings map); a collision only costs a wasted candidate check.
 */
const shingleKey = (a: number, b: number, c: number) =>
  (Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77) ^ Math.imul(c + 1, 0xc2b2ae3d)) & 0x3fffffff;

/** Keys of every run of SHINGLE tokens (or of the whole text when it is shorter). */
export function shingleKeys(ids: number[]): number[] {
  if (ids.length < SHINGLE) return ids.length ? [shingleKey(ids[0]!, ids[1] ?? -1, ids[2] ?? -1)] : [];
  const out = new Array<number>(ids.length - SHINGLE + 1);
  for (let i = 0; i + SHINGLE <= ids.length; i++) out[i] = shingleKey(ids[i]!, ids[i + 1]!, ids[i + 2]!);
  return out;
}

interface Indexed {
  comment: Comment;
  /** Normalised own text. Token arrays are not kept: 10,000 comments' worth of live token strings costs
   * more in garbage collection than re-tokenising the few shortlisted candidates. */
  normalized: string;
  /** Tokens joined by single spaces, padded (exact-substring tests on word boundaries); built on demand. */
  joined?: string;
}

export interface TextMatch {
  target: number;
  confidence: number;
}

/**
 * Stable LSD radix sort of (key, value) pairs by 30-bit key, two 15-bit passes: linear time, and values
 * appended in ascending order stay ascending within each key.
 */
function radixSortPairs(keys: Uint32Array, values: Uint32Array, n: number): [Uint32Array, Uint32Array] {
  let k1: Uint32Array = keys;
  let v1: Uint32Array = values;
  let k2: Uint32Array = new Uint32Array(n);
  let v2: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(1 << 15);
  for (const shift of [0, 15]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(k1[i]! >>> shift) & 0x7fff]!++;
    let sum = 0;
    for (let b = 0; b < counts.length; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(k1[i]! >>> shift) & 0x7fff]!++;
      k2[at] = k1[i]!;
      v2[at] = v1[i]!;
    }
    [k1, k2] = [k2, k1];
    [v1, v2] = [v2, v1];
  }
  return [k1, v1];
}

/**
 * Index of the comments' own words (in chronological order), for matching quotes by text. Postings are
 * compressed sorted arrays (distinct keys, where each key's ranks start, the ranks), radix-sorted in linear
 * time and read by binary search: no per-key arrays or maps.
 */
export class QuoteIndex {
  readonly items: Indexed[] = [];
  /** Token → small integer: V8's string hashing instead of hashing every token in JS. */
  private readonly vocab = new Map<string, number>();
  private keys: Uint32Array = new Uint32Array(0);
  private starts: Uint32Array = new Uint32Array(1);
  private ranks: Uint32Array = new Uint32Array(0);

  private keyBuf = new Uint32Array(4096);
  private rankBuf = new Uint32Array(4096);
  private filled = 0;

  /** Comments are added in chronological order; `seal` must run before `match`. */
  constructor(ordered: Comment[] = []) {
    for (const c of ordered) this.add(c);
    if (ordered.length) this.seal();
  }

  add(comment: Comment): void {
    const rank = this.items.length;
    const normalized = normalizeText(comment.ownText);
    const ids = tokenize(normalized).map((t) => {
      let id = this.vocab.get(t);
      if (id === undefined) this.vocab.set(t, (id = this.vocab.size));
      return id;
    });
    const keys = shingleKeys(ids);
    let n = this.filled;
    if (n + keys.length > this.keyBuf.length) {
      const size = Math.max(this.keyBuf.length * 2, n + keys.length);
      const k = new Uint32Array(size);
      const r = new Uint32Array(size);
      k.set(this.keyBuf.subarray(0, n));
      r.set(this.rankBuf.subarray(0, n));
      this.keyBuf = k;
      this.rankBuf = r;
    }
    for (const key of keys) {
      this.keyBuf[n] = key;
      this.rankBuf[n++] = rank;
    }
    this.filled = n;
    this.items.push({ comment, normalized });
  }

  seal(): void {
    const n = this.filled;
    const [sortedKeys, sortedRanks] = radixSortPairs(this.keyBuf, this.rankBuf, n);
    const keys = new Uint32Array(n);
    const starts = new Uint32Array(n + 1);
    const ranks = new Uint32Array(n);
    let distinct = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const key = sortedKeys[i]!;
      const rank = sortedRanks[i]!;
      if (distinct === 0 || keys[distinct - 1] !== key) {
        keys[distinct] = key;
        starts[distinct++] = m;
        ranks[m++] = rank;
      } else if (ranks[m - 1] !== rank) ranks[m++] = rank; // a comment counts once per key
    }
    starts[distinct] = m;
    this.keys = keys.subarray(0, distinct);
    this.starts = starts.subarray(0, distinct + 1);
    this.ranks = ranks.subarray(0, m);
    this.keyBuf = new Uint32Array(0);
    this.rankBuf = new Uint32Array(0);
  }

  /** Token ids of a text; words never seen in any comment get -1 (no shingle with them can match). */
  ids(tokens: string[]): number[] {
    return tokens.map((t) => this.vocab.get(t) ?? -1);
  }

  private joined(rank: number): string {
    const item = this.items[rank]!;
    return (item.joined ??= ` ${tokenize(item.normalized).join(' ')} `);
  }

  /** Position of key in the sorted keys, or -1. */
  private find(key: number): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid]!;
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Best earlier comment (rank < before) containing the quoted text, or null. */
  match(quoteText: string, before: number): TextMatch | null {
    const tokens = tokenize(normalizeText(quoteText));
    if (tokens.length < MIN_QUOTE_WORDS || tokens.join('').length < MIN_QUOTE_CHARS) return null;
    const keys = Array.from(new Set(shingleKeys(this.ids(tokens))));
    const votes = new Map<number, number>();
    // Shingles found in very many comments say nothing about which one is quoted: they are left out of
    // both the votes and the containment score.
    let informative = 0;
    for (const key of keys) {
      const at = this.find(key);
      if (at < 0) {
        informative++;
        continue;
      }
      const from = this.starts[at]!;
      const to = this.starts[at + 1]!;
      if (to - from > MAX_POSTINGS) continue;
      informative++;
      for (let i = from; i < to; i++) {
        const rank = this.ranks[i]!;
        if (rank < before) votes.set(rank, (votes.get(rank) ?? 0) + 1);
      }
    }
    if (votes.size === 0) return null;
    const needle = ` ${tokens.join(' ')} `;
    let best: TextMatch | null = null;
    for (const [rank, hits] of topCandidates(votes, SHORTLIST)) {
      const containment = informative ? hits / informative : 0;
      // Exact substring only matters where every shingle is there; elsewhere containment is the score.
      const confidence = containment === 1 && this.joined(rank).includes(needle) ? 1 : Math.min(containment, 0.99);
      // Ties go to the earliest candidate: the original, not a later echo of it.
      if (confidence >= MIN_CONTAINMENT && (!best || confidence > best.confidence || (confidence === best.confidence && rank < best.target))) {
        best = { target: rank, confidence };
      }
    }
    return best;
  }
}

/** The k entries with most votes (ties: earliest), without sorting every candidate. */
function topCandidates(votes: Map<number, number>, k: number): [number, number][] {
  const top: [number, number][] = [];
  for (const entry of votes) {
    if (top.length === k && (entry[1] < top[k - 1]![1] || (entry[1] === top[k - 1]![1] && entry[0] > top[k - 1]![0]))) continue;
    let i = top.length;
    while (i > 0 && (top[i - 1]![1] < entry[1] || (top[i - 1]![1] === entry[1] && top[i - 1]![0] > entry[0]))) i--;
    top.splice(i, 0, entry);
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

/** Threads all at once. */
export function threadByQuotes(comments: Comment[]): Forest {
  return runAll(threadSteps(comments, Number.POSITIVE_INFINITY));
}

/** The threading work, pausing (yield) after every `slice` comments indexed or linked; see steps.ts. */
export function* threadSteps(comments: Comment[], slice: number): Steps<Forest> {
  const ordered = chronology(comments);
  const index = new QuoteIndex();
  for (let i = 0; i < ordered.length; i++) {
    index.add(ordered[i]!);
    if ((i + 1) % slice === 0) yield;
  }
  index.seal();
  const rankOf = new Map<string, number>();
  ordered.forEach((c, rank) => rankOf.set(c.id, rank));
  const byId = new Map<string, ThreadNode>();
  for (const c of comments) {
    if (byId.has(c.id)) continue;
    byId.set(c.id, { comment: c, parentId: null, children: [], links: [], alsoRepliesTo: [], rank: rankOf.get(c.id)! });
  }

  let visited = 0;
  for (const node of byId.values()) {
    if (++visited % slice === 0) yield;
    const { comment, rank } = node;
    node.links = comment.quotes.map((quote, i): QuoteLink => {
      const exact = quote.sourceId !== undefined ? rankOf.get(quote.sourceId) : undefined;
      if (exact !== undefined && exact < rank) return { quote: i, sourceId: quote.sourceId!, method: 'exact', confidence: 1 };
      // A named source that is not on the page stays an orphan: its text may echo another comment.
      if (quote.sourceId !== undefined) return { quote: i, sourceId: null, method: null, confidence: 0 };
      const m = index.match(quote.text, rank);
      return m
        ? { quote: i, sourceId: ordered[m.target]!.id, method: 'text', confidence: m.confidence }
        : { quote: i, sourceId: null, method: null, confidence: 0 };
    });
    // One parent only when unambiguous: the single best link (confidence, then quoted length). A tie
    // between different sources leaves the comment at top level; every other source is "also replies to".
    const linked = node.links.filter((l) => l.sourceId !== null);
    const sources = new Set(linked.map((l) => l.sourceId!));
    if (sources.size === 0) continue;
    const weigh = (l: QuoteLink) => [l.confidence, comment.quotes[l.quote]!.text.length] as const;
    const ranked = linked.slice().sort((a, b) => weigh(b)[0] - weigh(a)[0] || weigh(b)[1] - weigh(a)[1]);
    const top = ranked[0]!;
    const rival = ranked.find((l) => l.sourceId !== top.sourceId);
    const ambiguous = rival !== undefined && weigh(rival)[0] === weigh(top)[0] && weigh(rival)[1] === weigh(top)[1];
    if (!ambiguous) node.parentId = top.sourceId;
    node.alsoRepliesTo = Array.from(sources).filter((s) => s !== node.parentId);
  }

  const roots: ThreadNode[] = [];
  for (const c of comments) {
    const node = byId.get(c.id)!;
    if (node.comment !== c) continue;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, byId };
}
