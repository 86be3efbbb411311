import { t } from '@/utils/platform/i18n';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Comment } from '@/utils/pipeline/model';
import type { TreeEnv } from './tree-store';
import { readerOnly } from './reader-event';
import { entriesOf, newIdOf } from './person-of';

// "More for <author>": what the reader can do about a person from any of their comments: mute or unmute them
// (on this site; a mute on every site is made in settings), and show only their posts (the search box then
// holds "by:<name>"; clearing it brings the whole tree back).

export function PersonMenuButton(props: { author: string; tab: 0 | -1; open: boolean; onOpen(): void }) {
  if (!props.author) return null;
  return (
    <button
      type="button"
      class="tl-linkish tl-person-button"
      tabIndex={props.tab}
      aria-label={t('personActions', props.author)}
      aria-expanded={props.open}
      onClick={props.onOpen}
    >
      ⋯
    </button>
  );
}

export function PersonMenu({ comment, env, onClose }: { comment: Comment; env: TreeEnv; onClose(): void }) {
  const { people } = env;
  const { mutes } = entriesOf(comment, people);
  const first = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const name = comment.author;
  const mute = () => {
    if (mutes.length) people.onChange?.({ kind: 'unmute', ids: mutes });
    else people.onChange?.({ kind: 'mute', id: newIdOf(comment, people.site, false), name });
    onClose();
  };
  return (
    <div
      class="tl-person-menu"
      role="group"
      aria-label={t('personActions', name)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      {people.onChange ? (
        <button type="button" class="tl-linkish tl-mute" ref={first} onClick={readerOnly(mute)}>
          {t(mutes.length ? 'unmuteAuthor' : 'muteAuthor', name)}
        </button>
      ) : null}
      <button
        type="button"
        class="tl-linkish tl-only-by"
        ref={people.onChange ? undefined : first}
        onClick={() => {
          people.onlyBy(name);
          onClose();
        }}
      >
        {t('onlyPostsBy', name)}
      </button>
    </div>
  );
}
