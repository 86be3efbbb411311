import { isRated, type Comment } from './model';
import type { Prefs } from '@/utils/platform/prefs';
import type { Forest, ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import {
  brandTally,
  compileBrandMatcher,
  effectiveBrands,
  type BrandMatcher,
  type BrandStat,
} from '@/utils/pipeline/highlight/brands';
import { compileFilters, FILTER_REASONS, type FilterReason } from '@/utils/pipeline/arrange/filter';
import { flattenForest, sortForest, type SortMode } from '@/utils/pipeline/arrange/order';
import { runAll, type Steps } from './steps';

// Everything the view shows, derived from comments, their forest and the preferences: sorted roots,
// filter reasons, counts for the header and the popup, the brand picture. Pure, so it is tested without DOM.

export interface Counts {
  total: number;
  hidden: number;
  byReason: Record<FilterReason, number>;
  /** Replies to the reader's own comments (people/marks.ts). */
  repliesToYou?: number;
}

export interface ViewModel {
  roots: ThreadNode[];
  reasons: Map<string, FilterReason>;
  counts: Counts;
  /** Highlights mentions of the brands chosen for highlighting; null when highlighting is off. */
  highlighter: BrandMatcher | null;
  stats: BrandStat[];
  authors: Map<string, string>;
  /** Comments first shown since the reader's last visit (marked, and reached with n / Shift+N). */
  fresh?: ReadonlySet<string>;
  /** Whether the page shows any rating: without one there are no vote counts, no "Top rated", no minimum. */
  rated: boolean;
  /** The order the roots are in: the preference, or page order where nothing is rated. */
  sort: SortMode;
}

export interface BrandContext {
  all: BrandMatcher;
  mentions: Map<string, Set<string>>;
  stats: BrandStat[];
}

/**
 * Brand mentions per comment under the user's dictionary (computed once per extraction and brand edit),
 * pausing after every `slice` comments; see steps.ts.
 */
export function* brandContextSteps(comments: Comment[], prefs: Prefs['brands'], slice: number): Steps<BrandContext> {
  const all = compileBrandMatcher(effectiveBrands(prefs.custom, prefs.disabled));
  const tally = brandTally(all);
  const mentions = new Map<string, Set<string>>();
  for (const c of comments) {
    mentions.set(c.id, tally.add(c));
    if (mentions.size % slice === 0) yield;
  }
  return { all, mentions, stats: tally.stats() };
}

export function brandContext(comments: Comment[], prefs: Prefs['brands']): BrandContext {
  return runAll(brandContextSteps(comments, prefs, Number.POSITIVE_INFINITY));
}

/**
 * The view model, pausing after every `slice` comments while filtering and once after sorting (the first
 * draw of a long discussion is prepared in tasks; later ones are built at once).
 */
export function* viewModelSteps(
  comments: Comment[],
  forest: Forest,
  prefs: Prefs,
  brands: BrandContext,
  brandFocus: string[],
  slice: number,
): Steps<ViewModel> {
  // Nothing rated (most forums and blogs): page order for "Top rated", and no minimum rating to hide by.
  const rated = isRated(comments);
  const sort: SortMode = !rated && prefs.view.sort === 'top' ? 'page' : prefs.view.sort;
  const filter = compileFilters({ ...prefs.filters, minRating: rated ? prefs.filters.minRating : null, brandFocus });
  const reasons = new Map<string, FilterReason>();
  const byReason = Object.fromEntries(FILTER_REASONS.map((r) => [r, 0])) as Record<FilterReason, number>;
  const none = new Set<string>();
  let seen = 0;
  for (const c of comments) {
    const reason = filter(c, brands.mentions.get(c.id) ?? none);
    if (reason) {
      reasons.set(c.id, reason);
      byReason[reason]++;
    }
    if (++seen % slice === 0) yield;
  }
  const roots = prefs.view.view === 'flat' ? flattenForest(forest.roots, sort) : sortForest(forest.roots, sort);
  yield;
  let highlighter: BrandMatcher | null = null;
  if (prefs.brands.highlight) {
    const only = prefs.brands.only;
    highlighter = only.length ? compileBrandMatcher(brands.all.brands.filter((b) => only.includes(b.id))) : brands.all;
  }
  return {
    roots,
    reasons,
    counts: { total: comments.length, hidden: reasons.size, byReason },
    highlighter,
    stats: brands.stats,
    authors: new Map(comments.map((c) => [c.id, c.author])),
    rated,
    sort,
  };
}

export function buildViewModel(
  comments: Comment[],
  forest: Forest,
  prefs: Prefs,
  brands: BrandContext,
  brandFocus: string[],
): ViewModel {
  return runAll(viewModelSteps(comments, forest, prefs, brands, brandFocus, Number.POSITIVE_INFINITY));
}
