import type { Comment } from '@/utils/pipeline/model';
import { runAll, type Steps } from '@/utils/pipeline/steps';
import { WordScan } from '@/utils/pipeline/text';
import {
  COMMON,
  ensure,
  groupPostings,
  hasRank,
  postingsTable,
  radixSortPairs,
  topCandidates,
  type PostingsTable,
} from './postings';
import { KEY_BITS, shingleCount, writeShingles } from './shingles';

// Matching a quote to the earlier comment it quotes, by text: every comment's own words are indexed once as
// hashed 3-word shingles; a quote's shingles vote for a shortlist of earlier comments (shingles common to very
// many comments are skipped, like stop words); each candidate is scored, first as an exact token substring
// (confidence 1), else by containment, the share of the quote's shingles found in the candidate, which
// tolerates partial excerpts and light edits in the way Hypothesis' fuzzy anchoring does (accepted from
// MIN_CONTAINMENT). Quotes shorter than MIN_QUOTE_WORDS words / MIN_QUOTE_CHARS characters match nothing.

export const MIN_QUOTE_WORDS = 3;
export const MIN_QUOTE_CHARS = 12;
export const MIN_CONTAINMENT = 0.6;
const SHORTLIST = 6;

export interface TextMatch {
  target: number;
  confidence: number;
}

/** Of a quote's informative shingles, how many need not be in a candidate (prefix filtering, see match). */
function proposingCount(informative: number): number {
  let need = Math.ceil(MIN_CONTAINMENT * informative);
  while (need > 1 && (need - 1) / informative >= MIN_CONTAINMENT) need--;
  while (need <= informative && need / informative < MIN_CONTAINMENT) need++;
  return informative - need + 1;
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
    const informative = this.rarestFirst(this.distinctQuoteKeys(words.hashes, words.count));
    // Every shingle is too common: nothing says which comment is quoted.
    if (informative === 0) return null;
    const proposing = proposingCount(informative);
    const candidates = this.propose(proposing, before);
    if (candidates === 0) return null;
    this.confirm(proposing, informative, candidates);
    const best = this.best(candidates, informative, words.hashes, words.count);
    for (let i = 0; i < candidates; i++) this.votes[this.voted[i]!] = 0;
    return best;
  }

  /**
   * Each informative shingle's postings into lens/froms: length (0: in no comment) and where they are (the
   * rank itself for a shingle of one comment), rarest first; returns how many. Shingles found in very many
   * comments say nothing about which one is quoted: they are left out of both the candidates and the score.
   */
  private rarestFirst(distinct: number): number {
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
    return informative;
  }

  /** The rarest `proposing` shingles vote for the earlier comments holding them; returns how many there are. */
  private propose(proposing: number, before: number): number {
    const { lens, froms, votes, voted, ranks } = this;
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
    return candidates;
  }

  /** The commoner shingles add their votes to the candidates only. */
  private confirm(proposing: number, informative: number, candidates: number): void {
    const { lens, froms, votes, voted, ranks } = this;
    for (let s = proposing; s < informative; s++) {
      const len = lens[s]!;
      const from = froms[s]!;
      for (let c = 0; c < candidates; c++) {
        const rank = voted[c]!;
        if (len === 1 ? from === rank : hasRank(ranks, from, from + len, rank)) votes[rank]!++;
      }
    }
  }

  /** The shortlisted candidate with the highest confidence (ties: the earliest), if it is high enough. */
  private best(candidates: number, informative: number, quote: Int32Array, length: number): TextMatch | null {
    let best: TextMatch | null = null;
    for (const [rank, hits] of topCandidates(this.voted, this.votes, candidates, SHORTLIST)) {
      const containment = hits / informative;
      // Exact substring only matters where every shingle is there; elsewhere containment is the score.
      const confidence = containment === 1 && this.containsRun(rank, quote, length) ? 1 : Math.min(containment, 0.99);
      // Ties go to the earliest candidate: the original, not a later echo of it.
      if (
        confidence >= MIN_CONTAINMENT &&
        (!best || confidence > best.confidence || (confidence === best.confidence && rank < best.target))
      ) {
        best = { target: rank, confidence };
      }
    }
    return best;
  }
}
