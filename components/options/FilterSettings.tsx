import { useState } from 'preact/hooks';
import { invalidMutedWords } from '@/utils/pipeline/arrange/filter';
import { splitList } from '@/utils/platform/prefs';
import type { SectionProps } from './types';

const lines = (list: string[]) => list.join('\n');
const fromLines = (text: string) => text.split('\n').flatMap(splitList);

/** Minimum rating, muted words and users. The text fields keep what is typed; a new key starts them afresh. */
export function FilterSettings({ prefs, change }: SectionProps) {
  const [words, setWords] = useState(lines(prefs.filters.mutedWords));
  const [users, setUsers] = useState(lines(prefs.filters.mutedUsers));
  const invalid = invalidMutedWords(prefs.filters.mutedWords);
  return (
    <>
      <h2>Filters</h2>
      <label>
        Minimum rating{' '}
        <input
          type="number"
          step={1}
          placeholder="none"
          value={prefs.filters.minRating ?? ''}
          onInput={(e) => {
            const t = (e.currentTarget as HTMLInputElement).value.trim();
            const n = t === '' ? null : Math.round(Number(t));
            if (n === null || Number.isFinite(n)) change((p) => ({ ...p, filters: { ...p.filters, minRating: n } }));
          }}
        />
      </label>
      <label>
        Muted words (one per line or comma-separated; <code>/regex/i</code> allowed)
        <textarea
          value={words}
          onInput={(e) => {
            const t = (e.currentTarget as HTMLTextAreaElement).value;
            setWords(t);
            change((p) => ({ ...p, filters: { ...p.filters, mutedWords: fromLines(t) } }));
          }}
        />
      </label>
      {invalid.length ? (
        <p class="tl-error" role="alert">
          Not a valid pattern, ignored: {invalid.join(', ')}
        </p>
      ) : null}
      <label>
        Muted users (one per line)
        <textarea
          value={users}
          onInput={(e) => {
            const t = (e.currentTarget as HTMLTextAreaElement).value;
            setUsers(t);
            const mutedUsers = t
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
