import type { Comment } from '@/utils/pipeline/model';
import { escapeRegExp } from '@/utils/pipeline/text';

// Filters are data: rules in, one reason per comment out. A filtered comment keeps its place in the tree
// as a placeholder; its replies are judged on their own.

/** `muted-user` and `reply-to-muted` come from the reader's people rules (people/marks.ts), the rest from here. */
export const FILTER_REASONS = ['rating', 'muted-word', 'muted-user', 'reply-to-muted', 'brand-focus'] as const;
export type FilterReason = (typeof FILTER_REASONS)[number];

export interface FilterRules {
  minRating: number | null;
  mutedWords: string[];
  /** Brand ids: when non-empty, only comments mentioning one of them stay open. */
  brandFocus: string[];
}

export const NO_FILTERS: FilterRules = { minRating: null, mutedWords: [], brandFocus: [] };

/** "/pattern/flags" is a regular expression; anything else is a whole word or phrase, any case. */
export function compileMutedWord(entry: string): RegExp | null {
  const t = entry.trim();
  if (!t) return null;
  const re = /^\/(.+)\/([a-z]*)$/s.exec(t);
  try {
    if (re) return new RegExp(re[1]!, (re[2] ?? '').replace(/[gy]/g, '') + (re[2]?.includes('i') ? '' : 'i'));
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`, 'iu');
  } catch {
    return null;
  }
}

/** Entries that are not valid: shown to the user next to the field. */
export function invalidMutedWords(entries: string[]): string[] {
  return entries.filter((e) => e.trim() && !compileMutedWord(e));
}

export type CommentFilter = (comment: Comment, brands: ReadonlySet<string>) => FilterReason | null;

export function compileFilters(rules: FilterRules): CommentFilter {
  const words = rules.mutedWords.map(compileMutedWord).filter((r): r is RegExp => r !== null);
  const focus = rules.brandFocus;
  return (comment, brands) => {
    // A withheld comment shows nothing to filter: only its place and the site's link.
    if (comment.withheld) return null;
    if (words.length && words.some((w) => w.test(comment.ownText))) return 'muted-word';
    if (rules.minRating !== null && comment.votes < rules.minRating) return 'rating';
    if (focus.length && !focus.some((b) => brands.has(b))) return 'brand-focus';
    return null;
  };
}
