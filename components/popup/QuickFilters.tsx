import { t } from '@/utils/platform/i18n';
import { useState } from 'preact/hooks';
import { splitList, type Prefs } from '@/utils/platform/prefs';

interface Props {
  initial: Prefs['filters'];
  change(edit: (p: Prefs) => Prefs): void;
}

/** Minimum rating and muted words, kept as typed (the field is not rewritten while the reader types). */
export function QuickFilters({ initial, change }: Props) {
  const [muted, setMuted] = useState(initial.mutedWords.join(', '));
  const [minRating, setMinRating] = useState(initial.minRating === null ? '' : String(initial.minRating));
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
          value={minRating}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value;
            setMinRating(text);
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
          value={muted}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value;
            setMuted(text);
            change((p) => ({ ...p, filters: { ...p.filters, mutedWords: splitList(text) } }));
          }}
        />
      </div>
    </>
  );
}
