import { t } from '@/utils/platform/i18n';
import { useDraft } from '@/components/shared/use-draft';
import { invalidMutedWords } from '@/utils/pipeline/arrange/filter';
import { splitList } from '@/utils/platform/prefs';
import { everySite } from '@/utils/platform/people-prefs';
import { isEverySite } from '@/components/thread/person-of';
import type { SectionProps } from './types';

const lines = (list: string[]) => list.join('\n');
const fromLines = (text: string) => text.split('\n').flatMap(splitList);

/** Names muted on every site (the rest, muted on one site from a comment, are listed under People). */
const everySiteNames = (mutes: Record<string, string>) =>
  Object.entries(mutes)
    .filter(([id]) => isEverySite(id))
    .map(([, name]) => name);

/** Mutes with the every-site names replaced by those in `names`. */
function withEverySiteNames(mutes: Record<string, string>, names: string[]): Record<string, string> {
  const kept = Object.entries(mutes).filter(([id]) => !isEverySite(id));
  return Object.assign(
    Object.create(null) as Record<string, string>,
    Object.fromEntries(kept),
    everySite(names.map((n) => [n, n])),
  );
}

/** Minimum rating, muted words and names. The text fields keep what is typed while the reader is in them. */
export function FilterSettings({ prefs, change }: SectionProps) {
  const words = useDraft(lines(prefs.filters.mutedWords));
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
      <MutedPeople prefs={prefs} change={change} />
    </>
  );
}

/** Names muted on every site, and whether replies to muted people are hidden too. */
function MutedPeople({ prefs, change }: SectionProps) {
  const users = useDraft(lines(everySiteNames(prefs.filters.mutedPeople)));
  return (
    <>
      <label>
        {t('mutedNamesLong')}
        <textarea
          value={users.value}
          onFocus={users.onFocus}
          onBlur={users.onBlur}
          onInput={(e) => {
            const text = users.typed((e.currentTarget as HTMLTextAreaElement).value);
            const names = text
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean);
            change((p) => ({
              ...p,
              filters: { ...p.filters, mutedPeople: withEverySiteNames(p.filters.mutedPeople, names) },
            }));
          }}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={prefs.filters.hideRepliesToMuted}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            change((p) => ({ ...p, filters: { ...p.filters, hideRepliesToMuted: on } }));
          }}
        />{' '}
        {t('hideRepliesToMuted')}
      </label>
    </>
  );
}
