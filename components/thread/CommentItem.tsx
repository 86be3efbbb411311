import { pure } from './pure';
import { useContext, useEffect, useReducer } from 'preact/hooks';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { subtreeSize } from '@/utils/pipeline/thread/tree';
import type { FilterReason } from '@/utils/pipeline/arrange/filter';
import { CommentBody, hideBroken } from './CommentBody';
import { TreeContext } from './tree-store';

export const REASON_TEXT: Record<FilterReason, string> = {
  rating: 'below your minimum rating',
  'muted-word': 'contains a muted word',
  'muted-user': 'from a muted user',
  'brand-focus': 'outside the brand focus',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface Props {
  node: ThreadNode;
  level: number;
  /** Changes whenever the model does (sort, filters, highlighting): every comment renders again then. */
  version: number;
  /** Place among the top-level comments and their number (only some are rendered at a time in long discussions). */
  pos?: number;
  of?: number;
}

/** One comment and its replies. Re-renders on its own state changes or a new model, never for a sibling's. */
export const CommentItem = pure(function CommentItem({ node, level, version, pos, of }: Props) {
  const env = useContext(TreeContext)!;
  const { store } = env;
  const { comment } = node;
  const id = comment.id;
  const [, rerender] = useReducer((n: number, _: unknown) => n + 1, 0);
  useEffect(() => store.subscribe(id, () => rerender(undefined)), [store, id]);

  const hasReplies = node.children.length > 0;
  const collapsed = store.collapsed.has(id);
  const reason = env.reasons.get(id);
  const hidden = reason !== undefined && !store.revealed.has(id);
  const focusable = (store.focused ?? env.defaultFocus) === id;
  return (
    <li
      role="treeitem"
      id={`tl-c-${id}`}
      class={`tl-item${store.flash === id ? ' tl-flash' : ''}${level > env.maxIndent ? ' tl-flat-indent' : ''}`}
      aria-level={level}
      aria-posinset={pos}
      aria-setsize={of}
      aria-expanded={hasReplies ? !collapsed : undefined}
      aria-label={`${comment.author || 'Anonymous'}, ${plural(comment.votes, 'vote')}${hidden ? ', hidden' : ''}`}
      data-comment-id={id}
      data-rating={String(comment.votes)}
      data-filtered={hidden ? reason : undefined}
      tabIndex={focusable ? 0 : -1}
      onFocus={(e) => {
        if (e.target === e.currentTarget && store.focused !== id) store.focus(id);
      }}
    >
      {hasReplies ? (
        <button
          type="button"
          class="tl-thread-line"
          tabIndex={-1}
          aria-label={collapsed ? 'Expand replies' : 'Collapse replies'}
          onClick={() => store.toggle(id)}
        />
      ) : null}
      {hidden ? (
        <div class="tl-placeholder">
          <span>
            Comment by {comment.author || 'Anonymous'} hidden: {REASON_TEXT[reason!]}.
          </span>{' '}
          <button type="button" class="tl-linkish" tabIndex={-1} onClick={() => store.reveal(id)}>
            Show
          </button>
        </div>
      ) : (
        <article class="tl-comment">
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
              <a class="tl-author" href={comment.authorUrl} target="_blank" rel="noopener noreferrer" tabIndex={-1}>
                {comment.author}
              </a>
            ) : (
              <span class="tl-author">{comment.author || 'Anonymous'}</span>
            )}
            {comment.postUrl ? (
              <a class="tl-time" href={comment.postUrl} target="_blank" rel="noopener noreferrer" tabIndex={-1}>
                {comment.timeText || 'post'}
              </a>
            ) : (
              <span class="tl-time">{comment.timeText}</span>
            )}
            <span class="tl-votes" title={comment.votesMissing ? 'No vote count on the page' : undefined}>
              {plural(comment.votes, 'vote')}
            </span>
            {hasReplies ? (
              <button type="button" class="tl-toggle tl-linkish" tabIndex={-1} onClick={() => store.toggle(id)}>
                {collapsed ? `[+] ${plural(subtreeSize(node) - 1, 'reply', 'replies')}` : '[−]'}
              </button>
            ) : null}
          </header>
          <CommentBody nodes={comment.body} links={node.links} matcher={env.matcher} />
          {node.alsoRepliesTo.length > 0 ? (
            <div class="tl-also">
              Also replies to{' '}
              {node.alsoRepliesTo.map((other, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <button type="button" class="tl-linkish" tabIndex={-1} onClick={() => env.onJump(other)}>
                    {env.authorOf(other) ?? 'a comment'}
                  </button>
                </>
              ))}
            </div>
          ) : null}
        </article>
      )}
      {hasReplies && !collapsed ? (
        <ul role="group" class="tl-group">
          {node.children.map((child) => (
            <CommentItem key={child.comment.id} node={child} level={level + 1} version={version} />
          ))}
        </ul>
      ) : null}
    </li>
  );
});
