import type { Comment } from '@/utils/pipeline/model';
import type { QuoteLink } from './thread-by-quotes';

// Who a reply answers, decided once, by the first rule that knows, strongest first:
//   0. site: the tree the site draws (nesting, indent levels), kept as it is: quotes and names only add "also
//      replies to". Only what the site leaves at top level is placed by the rules below, under an earlier
//      comment in page order (thread-by-quotes.ts);
//   1. exact: a quote whose markup names its source post (quote ids, post links) on this page;
//   2. recorded: a parent the page records (a theme's nesting or data-parent, a reply link with a comment id,
//      NodeBB's post/parent);
//   3. number: a "#N" / "@#N" the reader typed (references.ts);
//   4. name: an "@Name" the reply begins with (addressed.ts);
//   5. text: the quoted words, matched to the post whose own words they are (quote-index.ts);
//   else top level: a wrong parent is worse than none.
// Every other post the reply quotes or addresses is listed as "also replies to".

export type PlacedBy = 'site' | 'exact' | 'recorded' | 'number' | 'name' | 'text';

/** What each rule knows, asked for only as far as the rules before it knew nothing (most replies: none). */
export interface Evidence {
  links: readonly QuoteLink[];
  /** The site's parent if it is an earlier comment on the page, else null. */
  site(): string | null;
  recorded(): string | null;
  numbers(): readonly string[];
  named(): string | null;
}

const NOWHERE: Placement = Object.freeze({ parentId: null, placedBy: null, alsoRepliesTo: [] }) as Placement;

export interface Placement {
  parentId: string | null;
  placedBy: PlacedBy | null;
  alsoRepliesTo: string[];
}

/** The source a set of links answers most (quoted length summed per source), or null on a tie. */
function answeredMost(comment: Comment, links: readonly QuoteLink[], tieBreak: 'first' | 'none'): string | null {
  const weight = new Map<string, number>();
  for (const l of links) {
    const w = comment.quotes[l.quote]!.text.length * (l.confidence || 1);
    weight.set(l.sourceId!, (weight.get(l.sourceId!) ?? 0) + w);
  }
  const ranked = Array.from(weight).sort((a, b) => b[1] - a[1]);
  if (ranked.length > 1 && ranked[0]![1] === ranked[1]![1] && tieBreak === 'none') return null;
  return ranked[0]?.[0] ?? null;
}

/** The strongest text link by confidence (then quoted length); null when two sources tie. */
function bestByText(comment: Comment, links: readonly QuoteLink[]): string | null {
  const weigh = (l: QuoteLink) => [l.confidence, comment.quotes[l.quote]!.text.length] as const;
  const ranked = links.slice().sort((a, b) => weigh(b)[0] - weigh(a)[0] || weigh(b)[1] - weigh(a)[1]);
  const top = ranked[0];
  if (!top) return null;
  const rival = ranked.find((l) => l.sourceId !== top.sourceId);
  const tie = rival !== undefined && weigh(rival)[0] === weigh(top)[0] && weigh(rival)[1] === weigh(top)[1];
  return tie ? null : top.sourceId;
}

export function placeReply(comment: Comment, evidence: Evidence): Placement {
  if (comment.siteParent) return placeInSiteTree(evidence);
  if (evidence.links.length === 0) return placeUnquoted(comment, evidence);
  const linked = evidence.links.filter((l) => l.sourceId !== null);
  const exact = linked.filter((l) => l.method === 'exact');
  let parentId: string | null = exact.length ? answeredMost(comment, exact, 'first') : null;
  let placedBy: PlacedBy | null = parentId ? 'exact' : null;
  const decide = (by: PlacedBy, id: string | null) => {
    if (parentId === null && id !== null) [parentId, placedBy] = [id, by];
  };
  decide('recorded', parentId === null ? evidence.recorded() : null);
  // "Also replies to" lists every post a reply names by number, so these are read whenever it has a "#".
  const numbers = comment.ownText.includes('#') ? evidence.numbers() : [];
  decide('number', numbers[0] ?? null);
  decide('name', parentId === null ? evidence.named() : null);
  const byText = linked.filter((l) => l.method === 'text');
  decide('text', parentId === null && byText.length ? bestByText(comment, byText) : null);
  if (parentId === null && linked.length === 0 && numbers.length === 0) return NOWHERE;
  const sources = new Set<string>([...linked.map((l) => l.sourceId!), ...numbers]);
  if (parentId) sources.delete(parentId);
  return { parentId, placedBy, alsoRepliesTo: Array.from(sources) };
}

/** A reply that quotes nothing (most of them): the rules that need no quote, nothing allocated when none knows. */
function placeUnquoted(comment: Comment, evidence: Evidence): Placement {
  const recorded = evidence.recorded();
  const numbers = comment.ownText.includes('#') ? evidence.numbers() : [];
  const parentId = recorded ?? numbers[0] ?? evidence.named();
  if (parentId === null) return NOWHERE;
  const placedBy: PlacedBy = recorded ? 'recorded' : numbers.length ? 'number' : 'name';
  return { parentId, placedBy, alsoRepliesTo: numbers.filter((id) => id !== parentId) };
}

/** Rule 0: the site's own tree. Its parent (an earlier comment on the page), or top level; quotes are links. */
function placeInSiteTree(evidence: Evidence): Placement {
  const parentId = evidence.site();
  const quoted = evidence.links.map((l) => l.sourceId).filter((id): id is string => id !== null && id !== parentId);
  return { parentId, placedBy: parentId ? 'site' : null, alsoRepliesTo: Array.from(new Set(quoted)) };
}
