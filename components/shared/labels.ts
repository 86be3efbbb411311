import type { FilterReason } from '@/utils/pipeline/arrange/filter';
import type { SortMode } from '@/utils/pipeline/arrange/order';
import type { BrandStyle, ViewMode } from '@/utils/platform/prefs';

// Words the popup, the settings page and the view share, so a choice is called the same everywhere.

export const SORT_LABELS: Record<SortMode, string> = {
  top: 'Top rated',
  newest: 'Newest',
  oldest: 'Oldest',
  page: 'Page order',
};
export const VIEW_LABELS: Record<ViewMode, string> = { threaded: 'Threaded', flat: 'Flat', original: 'Original' };

export const BRAND_STYLE_LABELS: Record<BrandStyle, string> = {
  subtle: 'Subtle tint',
  underline: 'Underline',
  off: 'Off (marked, not coloured)',
};

export const REASON_TEXT: Record<FilterReason, string> = {
  rating: 'below your minimum rating',
  'muted-word': 'contains a muted word',
  'muted-user': 'from a muted user',
  'brand-focus': 'outside the brand focus',
};

/** "1 vote", "3 votes"; "1 reply", "2 replies". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
