import { t } from '@/utils/platform/i18n';
import { withNote } from '@/utils/platform/prefs';
import { useDraft } from '@/components/shared/use-draft';
import { Named } from '@/components/shared/Named';
import type { SectionProps } from './types';

/** One note: editable (saved when the field is left; kept as typed while the reader is in it) and removable. */
function NoteRow({ author, text, set }: { author: string; text: string; set(author: string, text: string): void }) {
  const draft = useDraft(text);
  return (
    <li>
      <label>
        <Named k="noteOn" name={author} />
        <textarea
          rows={2}
          maxLength={500}
          value={draft.value}
          onFocus={draft.onFocus}
          onInput={(e) => draft.typed(e.currentTarget.value)}
          onBlur={(e) => {
            if (e.currentTarget.value !== text) set(author, e.currentTarget.value);
            draft.onBlur();
          }}
        />
      </label>
      <button type="button" aria-label={t('deleteNoteOn', author)} onClick={() => set(author, '')}>
        {t('delete')}
      </button>
    </li>
  );
}

/** The reader's notes on people. */
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
            <NoteRow key={author} author={author} text={text} set={set} />
          ))}
        </ul>
      )}
    </>
  );
}
