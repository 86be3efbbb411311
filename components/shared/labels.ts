import type { TagColor } from '@/utils/platform/people-prefs';
import type { FilterReason } from '@/utils/pipeline/arrange/filter';
import type { SortMode } from '@/utils/pipeline/arrange/order';
import type { BrandStyle, ViewMode } from '@/utils/platform/prefs';
import { t, uiLocale } from '@/utils/platform/i18n';

// Words the popup, the settings page and the view share, so a choice is called the same everywhere.

/** The sort choices, in the UI's language (read when drawn: the language is the browser's). */
export const sortLabels = (): Record<SortMode, string> => ({
  top: t('sortTop'),
  newest: t('sortNewest'),
  oldest: t('sortOldest'),
  page: t('sortPage'),
});
export const viewLabels = (): Record<ViewMode, string> => ({
  threaded: t('viewThreaded'),
  flat: t('viewFlat'),
  original: t('viewOriginal'),
});

export const brandStyleLabels = (): Record<BrandStyle, string> => ({
  subtle: t('styleSubtle'),
  underline: t('styleUnderline'),
  off: t('styleOff'),
});

/** Why a comment is hidden ("below your minimum rating"). */
export const reasonText = (reason: FilterReason): string =>
  t(
    (
      {
        rating: 'reasonRating',
        'muted-word': 'reasonMutedWord',
        'muted-user': 'reasonMutedUser',
        'reply-to-muted': 'reasonReplyToMuted',
        'brand-focus': 'reasonBrandFocus',
      } as const
    )[reason],
  );

export type Counted = 'votes' | 'replies' | 'mentions' | 'comments' | 'matches' | 'posts' | 'levels';
let rules: Intl.PluralRules | undefined;
/** "1 vote", "3 votes" in the UI's language (its plural rules and digits). */
export function count(n: number, what: Counted): string {
  rules ??= new Intl.PluralRules(uiLocale());
  return t(`${what}_${rules.select(n) === 'one' ? 'one' : 'other'}`, n);
}

/** Tag colours by name, in the reader's language. */
export const colorLabels = (): Record<TagColor, string> => ({
  gray: t('colorGray'),
  red: t('colorRed'),
  orange: t('colorOrange'),
  green: t('colorGreen'),
  teal: t('colorTeal'),
  blue: t('colorBlue'),
  purple: t('colorPurple'),
  pink: t('colorPink'),
});
