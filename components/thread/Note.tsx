import { t } from '@/utils/platform/i18n';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Comment } from '@/utils/pipeline/model';
import { isolate } from '@/utils/pipeline/names';
import { TAG_COLORS, type PeopleChange, type TagColor } from '@/utils/platform/people-prefs';
import { Named } from '@/components/shared/Named';
import type { TreeEnv } from './tree-store';
import { readerOnly } from './reader-event';
import { PrivateBox, PrivateText } from './Private';
import { entriesOf, isEverySite, newIdOf } from './person-of';
import { colorLabels } from '@/components/shared/labels';

// Notes and tags on people: the reader's own words about an author (private: drawn where the page's scripts
// cannot read them, Private.tsx) and a short coloured label (shown like the author's name), beside every
// comment of theirs on this site, or on every site. "Note on <author>" opens one small editor for both.

/** The editor's own sheet (it sits in a shadow root; the view's --tl-* colours are inherited). */
const EDITOR_CSS = `
form { display: flex; flex-direction: column; gap: 0.3em; }
textarea, input[type=text], select { box-sizing: border-box; font: inherit; color: inherit;
  background: var(--tl-surface, #fff); border: 1px solid var(--tl-line, #d6dae0); border-radius: 4px; }
textarea { display: block; width: 100%; max-width: 36em; }
.row, .actions { display: flex; gap: 0.5em; flex-wrap: wrap; align-items: center; }
button { font: inherit; min-height: 24px; }
:focus-visible { outline: 2px solid var(--tl-accent, #1a5fab); outline-offset: 1px; }
`;

/** The tag and the note beside the byline, where the reader has them on this author. */
export function PersonMarks({ comment, env }: { comment: Comment; env: TreeEnv }) {
  const { note, tag } = entriesOf(comment, env.people);
  return (
    <>
      {env.people.marks.you.has(comment.id) ? <span class="tl-you-badge">{t('youBadge')}</span> : null}
      {tag ? (
        <span
          class="tl-tag"
          data-threadlight="tag"
          data-tag-color={tag[1].color}
          title={t('tagOn', isolate(comment.author))}
        >
          {tag[1].label}
        </span>
      ) : null}
      {note ? (
        <PrivateText class="tl-note" text={note[1].text} title={t('yourNoteOn', isolate(comment.author))} />
      ) : null}
    </>
  );
}

/** The "Note on <author>" button; the editor it opens is NoteEditor. */
export function NoteButton(props: { author: string; env: TreeEnv; tab: 0 | -1; open: boolean; onOpen(): void }) {
  const { author, env } = props;
  if (!author || !env.people.onChange) return null;
  return (
    <button
      type="button"
      class="tl-linkish tl-note-button"
      tabIndex={props.tab}
      aria-label={t('noteOn', author)}
      aria-expanded={props.open}
      onClick={props.onOpen}
    >
      {t('note')}
    </button>
  );
}

/** Writing, changing or removing the note and tag on an author; Escape or Cancel leaves them as they were. */
export function NoteEditor(props: { comment: Comment; env: TreeEnv; onClose(): void }) {
  return (
    <PrivateBox class="tl-note-editor" css={EDITOR_CSS}>
      <NoteForm {...props} />
    </PrivateBox>
  );
}

/** What saving the editor changes: the note and the tag that differ from what is kept (moved when the scope changed). */
function changesOf(
  comment: Comment,
  env: TreeEnv,
  everySite: boolean,
  want: { text: string; label: string; color: TagColor },
) {
  const { note, tag } = entriesOf(comment, env.people);
  const name = comment.author;
  const id = newIdOf(comment, env.people.site, everySite);
  const text = want.text.trim();
  const label = want.label.trim();
  const out: PeopleChange[] = [];
  if (note && note[0] !== id) out.push({ kind: 'note', id: note[0], name, text: '' });
  if (tag && tag[0] !== id) out.push({ kind: 'tag', id: tag[0], name, label: '', color: want.color });
  const noteMoved = !!note && note[0] !== id;
  const tagMoved = !!tag && tag[0] !== id;
  if (noteMoved || text !== (note?.[1].text ?? '')) out.push({ kind: 'note', id, name, text });
  if (tagMoved || label !== (tag?.[1].label ?? '') || (label && want.color !== tag?.[1].color))
    out.push({ kind: 'tag', id, name, label, color: want.color });
  return out;
}

function NoteForm({ comment, env, onClose }: { comment: Comment; env: TreeEnv; onClose(): void }) {
  const { note, tag } = entriesOf(comment, env.people);
  const [text, setText] = useState(note?.[1].text ?? '');
  const [label, setLabel] = useState(tag?.[1].label ?? '');
  const [color, setColor] = useState<TagColor>(tag?.[1].color ?? 'blue');
  const [everySite, setEverySite] = useState(!!note && isEverySite(note[0]));
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  const save = (noteText: string, tagLabel: string) => {
    const change = env.people.onChange;
    if (change) changesOf(comment, env, everySite, { text: noteText, label: tagLabel, color }).forEach(change);
    onClose();
  };
  return (
    <form
      // Saving is the Save button's click: a script's requestSubmit() fires a submit event the browser trusts.
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onClose();
      }}
    >
      <label>
        <Named k="noteTagHelp" name={comment.author} />
        <textarea ref={ref} rows={2} maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <TagFields label={label} setLabel={setLabel} color={color} setColor={setColor}>
        <label>
          <input type="checkbox" checked={everySite} onChange={(e) => setEverySite(e.currentTarget.checked)} />{' '}
          {t('onEverySite')}
        </label>
      </TagFields>
      <span class="actions">
        <button type="submit" onClick={readerOnly(() => save(text, label))}>
          {t('saveNoteTag')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        {note ? (
          <button type="button" onClick={readerOnly(() => save('', label))}>
            {t('deleteNote')}
          </button>
        ) : null}
      </span>
    </form>
  );
}

interface TagFieldProps {
  label: string;
  setLabel(label: string): void;
  color: TagColor;
  setColor(color: TagColor): void;
  children: ComponentChildren;
}

/** The tag's label and colour (and, beside them, where the note and tag apply). */
function TagFields({ label, setLabel, color, setColor, children }: TagFieldProps) {
  return (
    <span class="row">
      <label>
        {t('tagLabel')}{' '}
        <input type="text" size={14} maxLength={24} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      </label>
      <label>
        {t('tagColor')}{' '}
        <select value={color} onChange={(e) => setColor(e.currentTarget.value as TagColor)}>
          {TAG_COLORS.map((c) => (
            <option key={c} value={c}>
              {colorLabels()[c]}
            </option>
          ))}
        </select>
      </label>
      {children}
    </span>
  );
}
