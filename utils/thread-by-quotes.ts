import type { Comment } from './model';
import { fnv1a, normalizeText, tokenize } from './text';

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

function shingleHashes(tokens: string[], size: number): number[] {
  const tokenHashes = tokens.map(fnv1a);
  const out: number[] = [];
  for (let i = 0; i + size <= tokenHashes.length; i++) {
    let h = 0x9e3779b9;
    for (let k = 0; k < size; k++) h = Math.imul(h ^ tokenHashes[i + k]!, 0x85ebca6b) >>> 0;
    out.push(h);
  }
  return out;
}

interface Indexed {
  comment: Comment;
  rank: number;
  /** Tokens joined by single spaces, padded: exact-substring tests on word boundaries. */
  joined: string;
  shingles: Set<number>;
}

export interface TextMatch {
  target: number;
  confidence: number;
}

/** Index of the comments' own words, for matching quotes by text. */
export class QuoteIndex {
  readonly items: Indexed[];
  private readonly postings = new Map<number, number[]>();

  constructor(ordered: Comment[]) {
    this.items = ordered.map((comment, rank) => {
      const tokens = tokenize(normalizeText(comment.ownText));
      const shingles = new Set(shingleHashes(tokens, SHINGLE));
      for (const s of shingles) {
        const list = this.postings.get(s);
        if (list) list.push(rank);
        else this.postings.set(s, [rank]);
      }
      return { comment, rank, joined: ` ${tokens.join(' ')} `, shingles };
    });
  }

  /** Best earlier comment (rank < before) containing the quoted text, or null. */
  match(quoteText: string, before: number): TextMatch | null {
    const tokens = tokenize(normalizeText(quoteText));
    if (tokens.length < MIN_QUOTE_WORDS || tokens.join('').length < MIN_QUOTE_CHARS) return null;
    const needle = ` ${tokens.join(' ')} `;
    const size = Math.min(SHINGLE, tokens.length);
    const shingles = new Set(shingleHashes(tokens, size));
    const votes = new Map<number, number>();
    for (const s of shingles) {
      const list = this.postings.get(s);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const rank of list) if (rank < before) votes.set(rank, (votes.get(rank) ?? 0) + 1);
    }
    const shortlist = Array.from(votes).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHORTLIST);
    let best: TextMatch | null = null;
    for (const [rank, hits] of shortlist) {
      const item = this.items[rank]!;
      const confidence = item.joined.includes(needle) ? 1 : hits / shingles.size;
      // Ties go to the earliest candidate: the original, not a later echo of it.
      if (confidence >= MIN_CONTAINMENT && (!best || confidence > best.confidence)) best = { target: rank, confidence };
    }
    return best;
  }
}

export function threadByQuotes(comments: Comment[]): Forest {
  const ordered = chronology(comments);
  const index = new QuoteIndex(ordered);
  const rankOf = new Map<string, number>();
  ordered.forEach((c, rank) => rankOf.set(c.id, rank));
  const byId = new Map<string, ThreadNode>();
  for (const c of comments) {
    if (byId.has(c.id)) continue;
    byId.set(c.id, { comment: c, parentId: null, children: [], links: [], alsoRepliesTo: [], rank: rankOf.get(c.id)! });
  }

  for (const node of byId.values()) {
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
