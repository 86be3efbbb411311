import { t } from '@/utils/platform/i18n';
import { useDraft } from '@/components/shared/use-draft';
import { invalidMutedWords } from '@/utils/pipeline/arrange/filter';
import { splitList } from '@/utils/platform/prefs';
import type { SectionProps } from './types';

const lines = (list: string[]) => list.join('\n');
const fromLines = (text: string) => text.split('\n').flatMap(splitList);

/** Minimum rating, muted words and users. The text fields keep what is typed while the reader is in them. */
export function FilterSettings({ prefs, change }: SectionProps) {
  const words = useDraft(lines(prefs.filters.mutedWords));
  const users = useDraft(lines(prefs.filters.mutedUsers));
  const invalid = invalidMutedWords(prefs.filters.mutedWords);
  return (
    <>
      <h2>{t('filters')}</h2>
      <label>
        {t('minimumRating')}{' '}
        <input
          type="number"
          step={1}
          placeholder={t('minimumRatingNone')}
          value={prefs.filters.minRating ?? ''}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value.trim();
            const n = text === '' ? null : Math.round(Number(text));
            if (n === null || Number.isFinite(n)) change((p) => ({ ...p, filters: { ...p.filters, minRating: n } }));
          }}
        />
      </label>
      <label>
        {t('mutedWordsLong')}
        <textarea
          value={words.value}
          onFocus={words.onFocus}
          onBlur={words.onBlur}
          onInput={(e) => {
            const text = words.typed((e.currentTarget as HTMLTextAreaElement).value);
            change((p) => ({ ...p, filters: { ...p.filters, mutedWords: fromLines(text) } }));
          }}
        />
      </label>
      {invalid.length ? (
        <p class="tl-error" role="alert">
          {t('invalidPattern', invalid.join(', '))}
        </p>
      ) : null}
      <label>
        {t('mutedUsersLong')}
        <textarea
          value={users.value}
          onFocus={users.onFocus}
          onBlur={users.onBlur}
          onInput={(e) => {
            const text = users.typed((e.currentTarget as HTMLTextAreaElement).value);
            const mutedUsers = text
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean);
            change((p) => ({ ...p, filters: { ...p.filters, mutedUsers } }));
          }}
        />
      </label>
    </>
  );
}
