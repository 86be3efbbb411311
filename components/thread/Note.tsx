import { t } from '@/utils/platform/i18n';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { noteOn } from '@/utils/platform/prefs';
import { isolate } from '@/utils/pipeline/names';
import { Named } from '@/components/shared/Named';
import type { TreeEnv } from './tree-store';
import { readerOnly } from './reader-event';
import { PrivateBox, PrivateText } from './Private';

// Notes on people: the reader's own words about an author, shown beside every comment of theirs on every
// page and site (stored with the preferences). "Note on <author>" opens a small editor in place. Both the note
// and its editor are drawn where the page's scripts cannot read them (Private.tsx).

/** The editor's own sheet (it sits in a shadow root; the view's --tl-* colours are inherited). */
const EDITOR_CSS = `
form { display: flex; flex-direction: column; gap: 0.3em; }
textarea { display: block; box-sizing: border-box; width: 100%; max-width: 36em; font: inherit; color: inherit;
  background: var(--tl-surface, #fff); border: 1px solid var(--tl-line, #d6dae0); border-radius: 4px; }
.actions { display: flex; gap: 0.5em; flex-wrap: wrap; }
button { font: inherit; min-height: 24px; }
:focus-visible { outline: 2px solid var(--tl-accent, #1a5fab); outline-offset: 1px; }
`;

/** The note beside the byline, when the reader has one on this author. */
export function NoteText({ author, env }: { author: string; env: TreeEnv }) {
  const text = author ? noteOn(env.notes, author) : undefined;
  if (!text) return null;
  return <PrivateText class="tl-note" text={text} title={t('yourNoteOn', isolate(author))} />;
}

/** The "Note on <author>" button; the editor it opens is NoteEditor. */
export function NoteButton(props: { author: string; env: TreeEnv; tab: 0 | -1; open: boolean; onOpen(): void }) {
  const { author, env } = props;
  if (!author || !env.onNote) return null;
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

/** Writing, changing or removing the note on an author; Escape or Cancel leaves it as it was. */
export function NoteEditor(props: { author: string; env: TreeEnv; onClose(): void }) {
  return (
    <PrivateBox class="tl-note-editor" css={EDITOR_CSS}>
      <NoteForm {...props} />
    </PrivateBox>
  );
}

function NoteForm({ author, env, onClose }: { author: string; env: TreeEnv; onClose(): void }) {
  const old = noteOn(env.notes, author) ?? '';
  const [text, setText] = useState(old);
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  const save = (value: string) => {
    env.onNote?.(author, value);
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
        <Named k="noteHelp" name={author} />
        <textarea ref={ref} rows={2} maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <span class="actions">
        <button type="submit" onClick={readerOnly(() => save(text))}>
          {t('saveNote')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        {old ? (
          <button type="button" onClick={readerOnly(() => save(''))}>
            {t('deleteNote')}
          </button>
        ) : null}
      </span>
    </form>
  );
}
