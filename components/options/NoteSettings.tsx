import { t } from '@/utils/platform/i18n';
import { withNote } from '@/utils/platform/prefs';
import type { SectionProps } from './types';

/** The reader's notes on people: each editable (saved when the field is left) and removable. */
export function NoteSettings({ prefs, change }: SectionProps) {
  const notes = Object.entries(prefs.notes.byAuthor).sort(([a], [b]) => a.localeCompare(b));
  const set = (author: string, text: string) => change((p) => ({ ...p, notes: withNote(p.notes, author, text) }));
  return (
    <>
      <h2>{t('notesOnPeople')}</h2>
      {notes.length === 0 ? (
        <p>{t('noNotesYet')}</p>
      ) : (
        <ul class="tl-notes">
          {notes.map(([author, text]) => (
            <li key={author}>
              <label>
                {t('noteOn', author)}
                <textarea rows={2} maxLength={500} value={text} onChange={(e) => set(author, e.currentTarget.value)} />
              </label>
              <button type="button" aria-label={t('deleteNoteOn', author)} onClick={() => set(author, '')}>
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
