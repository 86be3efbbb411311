import { t } from '@/utils/platform/i18n';
import { Named } from '@/components/shared/Named';
import type { Comment } from '@/utils/pipeline/model';
import { count, reasonText } from '@/components/shared/labels';
import type { FilterReason } from '@/utils/pipeline/arrange/filter';
import { hideBroken } from './CommentBody';
import { NoteButton, PersonMarks } from './Note';
import { PersonMenuButton } from './PersonMenu';
import type { TreeEnv } from './tree-store';

interface MetaProps {
  comment: Comment;
  hasReplies: boolean;
  /** Counted only when shown (collapsed): a subtree walk per comment on every render would add up. */
  replies(): number;
  collapsed: boolean;
  onToggle(): void;
  env: TreeEnv;
  tab: 0 | -1;
  noting: boolean;
  onNote(): void;
  /** The "More for <author>" menu is open. */
  menu: boolean;
  onMenu(): void;
}

/** Avatar, author, time (linking to the post), votes, and the [−] / [+] N replies toggle. */
export function CommentMeta(props: MetaProps) {
  const { comment, hasReplies, replies, collapsed, onToggle, env, tab } = props;
  return (
    <header class="tl-meta">
      {comment.avatarUrl ? (
        <img
          class="tl-avatar"
          src={comment.avatarUrl}
          alt=""
          width={32}
          height={32}
          loading="lazy"
          onError={hideBroken}
        />
      ) : null}
      {comment.authorUrl ? (
        <a class="tl-author" href={comment.authorUrl} target="_blank" rel="noopener noreferrer" tabIndex={tab}>
          {comment.author}
        </a>
      ) : (
        <span class="tl-author">{comment.author || t('anonymous')}</span>
      )}
      {env.fresh.has(comment.id) ? <span class="tl-new-badge">{t('newBadge')}</span> : null}
      <PersonMarks comment={comment} env={env} />
      {comment.postUrl ? (
        <a class="tl-time" href={comment.postUrl} target="_blank" rel="noopener noreferrer" tabIndex={tab}>
          {comment.timeText || t('post')}
        </a>
      ) : (
        <span class="tl-time">{comment.timeText}</span>
      )}
      {env.rated ? (
        <span class="tl-votes" title={comment.votesMissing ? t('noVoteCount') : undefined}>
          {count(comment.votes, 'votes')}
        </span>
      ) : null}
      {hasReplies ? (
        <button
          type="button"
          class="tl-toggle tl-linkish"
          tabIndex={tab}
          aria-label={collapsed ? undefined : t('collapseReplies')}
          onClick={onToggle}
        >
          {collapsed ? `[+] ${count(replies(), 'replies')}` : '[−]'}
        </button>
      ) : null}
      <NoteButton author={comment.author} env={env} tab={tab} open={props.noting} onOpen={props.onNote} />
      <PersonMenuButton author={comment.author} tab={tab} open={props.menu} onOpen={props.onMenu} />
    </header>
  );
}

/** A filtered comment keeps its place as one line that a click reveals (and, for a muted person, unmutes). */
export function Placeholder(props: {
  author: string;
  reason: FilterReason;
  onShow(): void;
  tab: 0 | -1;
  onUnmute?: (() => void) | undefined;
}) {
  return (
    <div class="tl-placeholder">
      <span>
        <Named k="hiddenComment" name={props.author || t('anonymous')} rest={[reasonText(props.reason)]} />
      </span>{' '}
      <button type="button" class="tl-linkish" tabIndex={props.tab} onClick={props.onShow}>
        {t('show')}
      </button>
      {props.onUnmute ? (
        <>
          {' · '}
          <button type="button" class="tl-linkish" tabIndex={props.tab} onClick={props.onUnmute}>
            {t('unmuteAuthor', props.author)}
          </button>
        </>
      ) : null}
    </div>
  );
}

/**
 * "Also replies to A, B": the other comments a reply quotes besides its parent. With `parent`: "In reply to
 * A", the parent itself, where the view does not nest (Flat): the site's tree is never lost.
 */
export function AlsoRepliesTo(props: {
  ids: string[];
  authorOf(id: string): string | undefined;
  onJump(id: string): void;
  tab: 0 | -1;
  parent?: boolean;
}) {
  if (props.ids.length === 0) return null;
  return (
    <div class={props.parent ? 'tl-also tl-in-reply-to' : 'tl-also'}>
      {t(props.parent ? 'inReplyTo' : 'alsoRepliesTo')}{' '}
      {props.ids.map((other, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <button type="button" class="tl-linkish" tabIndex={props.tab} onClick={() => props.onJump(other)}>
            {props.authorOf(other) ?? t('aComment')}
          </button>
        </>
      ))}
    </div>
  );
}
