import { t } from '@/utils/platform/i18n';
import { useDraft } from '@/components/shared/use-draft';
import { splitList, type Prefs } from '@/utils/platform/prefs';

interface Props {
  filters: Prefs['filters'];
  change(edit: (p: Prefs) => Prefs): void;
}

/** Minimum rating and muted words, kept as typed (the field is not rewritten while the reader is in it). */
export function QuickFilters({ filters, change }: Props) {
  const muted = useDraft(filters.mutedWords.join(', '));
  const minRating = useDraft(filters.minRating === null ? '' : String(filters.minRating));
  return (
    <>
      <div class="tl-row">
        <label for="tl-min-rating">{t('minimumRating')}</label>
        <input
          id="tl-min-rating"
          type="number"
          inputMode="numeric"
          step={1}
          placeholder={t('minimumRatingNone')}
          value={minRating.value}
          onFocus={minRating.onFocus}
          onBlur={minRating.onBlur}
          onInput={(e) => {
            const text = minRating.typed((e.currentTarget as HTMLInputElement).value);
            const n = text.trim() === '' ? null : Number(text);
            if (n === null || Number.isFinite(n))
              change((p) => ({ ...p, filters: { ...p.filters, minRating: n === null ? null : Math.round(n) } }));
          }}
        />
      </div>
      <div class="tl-row tl-column">
        <label for="tl-muted">{t('mutedWords')}</label>
        <input
          id="tl-muted"
          type="text"
          placeholder={t('mutedWordsHint')}
          value={muted.value}
          onFocus={muted.onFocus}
          onBlur={muted.onBlur}
          onInput={(e) => {
            const text = muted.typed((e.currentTarget as HTMLInputElement).value);
            change((p) => ({ ...p, filters: { ...p.filters, mutedWords: splitList(text) } }));
          }}
        />
      </div>
    </>
  );
}
