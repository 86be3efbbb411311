import { t } from '@/utils/platform/i18n';
import { withPeopleChange, type Note } from '@/utils/platform/people-prefs';
import { useDraft } from '@/components/shared/use-draft';
import { Named } from '@/components/shared/Named';
import type { SectionProps } from './types';
import { siteOfId } from './PeopleSettings';

/** One note: editable (saved when the field is left; kept as typed while the reader is in it) and removable. */
function NoteRow({ id, note, set }: { id: string; note: Note; set(id: string, name: string, text: string): void }) {
  const draft = useDraft(note.text);
  return (
    <li>
      <span class="tl-site">{siteOfId(id)}</span>{' '}
      <label>
        <Named k="noteOn" name={note.name} />
        <textarea
          rows={2}
          maxLength={500}
          value={draft.value}
          onFocus={draft.onFocus}
          onInput={(e) => draft.typed(e.currentTarget.value)}
          onBlur={(e) => {
            if (e.currentTarget.value !== note.text) set(id, note.name, e.currentTarget.value);
            draft.onBlur();
          }}
        />
      </label>
      <button type="button" aria-label={t('deleteNoteOn', note.name)} onClick={() => set(id, note.name, '')}>
        {t('delete')}
      </button>
    </li>
  );
}

/** The reader's notes on people, each on its site or on every site. */
export function NoteSettings({ prefs, change }: SectionProps) {
  const notes = Object.entries(prefs.notes.byPerson).sort(([, a], [, b]) => a.name.localeCompare(b.name));
  const set = (id: string, name: string, text: string) =>
    change((p) => withPeopleChange(p, { kind: 'note', id, name, text }));
  return (
    <>
      <h2>{t('notesOnPeople')}</h2>
      {notes.length === 0 ? (
        <p>{t('noNotesYet')}</p>
      ) : (
        <ul class="tl-notes">
          {notes.map(([id, note]) => (
            <NoteRow key={id} id={id} note={note} set={set} />
          ))}
        </ul>
      )}
    </>
  );
}
