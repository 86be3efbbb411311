import type { ThreadNode } from '@/utils/thread-by-quotes';
import type { BrandMatcher } from '@/utils/brands';
import type { FilterReason } from '@/utils/filter';
import { CommentBody, hideBroken, type QuoteContext } from './CommentBody';

export interface TreeState {
  collapsed: ReadonlySet<string>;
  revealed: ReadonlySet<string>;
  focused: string | null;
  flash: string | null;
  reasons: ReadonlyMap<string, FilterReason>;
  matcher: BrandMatcher | null;
  authorOf(id: string): string | undefined;
  discussionUrl: string | undefined;
  onToggle(id: string): void;
  onReveal(id: string): void;
  onFocus(id: string): void;
  onJump(id: string): void;
  /** Visual indentation stops here; deeper replies still nest in the tree. */
  maxIndent: number;
}

export const REASON_TEXT: Record<FilterReason, string> = {
  rating: 'below your minimum rating',
  'muted-word': 'contains a muted word',
  'muted-user': 'from a muted user',
  'brand-focus': 'outside the brand focus',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function CommentItem({ node, level, state }: { node: ThreadNode; level: number; state: TreeState }) {
  const { comment } = node;
  const hasReplies = node.children.length > 0;
  const collapsed = state.collapsed.has(comment.id);
  const reason = state.reasons.get(comment.id);
  const hidden = reason !== undefined && !state.revealed.has(comment.id);
  const quotes: QuoteContext = {
    links: node.links,
    authorOf: state.authorOf,
    onJump: state.onJump,
    discussionUrl: state.discussionUrl,
  };
  return (
    <li
      role="treeitem"
      id={`tl-c-${comment.id}`}
      class={`tl-item${state.flash === comment.id ? ' tl-flash' : ''}${level > state.maxIndent ? ' tl-flat-indent' : ''}`}
      aria-level={level}
      aria-expanded={hasReplies ? !collapsed : undefined}
      aria-label={`${comment.author || 'Anonymous'}, ${plural(comment.votes, 'vote')}${hidden ? ', hidden' : ''}`}
      data-comment-id={comment.id}
      data-rating={String(comment.votes)}
      data-filtered={hidden ? reason : undefined}
      tabIndex={state.focused === comment.id ? 0 : -1}
      onFocus={(e) => {
        if (e.target === e.currentTarget) state.onFocus(comment.id);
      }}
    >
      {hasReplies ? (
        <button
          type="button"
          class="tl-thread-line"
          tabIndex={-1}
          aria-label={collapsed ? 'Expand replies' : 'Collapse replies'}
          onClick={() => state.onToggle(comment.id)}
        />
      ) : null}
      {hidden ? (
        <div class="tl-placeholder">
          <span>
            Comment by {comment.author || 'Anonymous'} hidden: {REASON_TEXT[reason!]}.
          </span>{' '}
          <button type="button" class="tl-linkish" tabIndex={-1} onClick={() => state.onReveal(comment.id)}>
            Show
          </button>
        </div>
      ) : (
        <article class="tl-comment">
          <header class="tl-meta">
            {comment.avatarUrl ? <img class="tl-avatar" src={comment.avatarUrl} alt="" width={32} height={32} loading="lazy" onError={hideBroken} /> : null}
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
              <button type="button" class="tl-toggle tl-linkish" tabIndex={-1} onClick={() => state.onToggle(comment.id)}>
                {collapsed ? `[+] ${plural(countAll(node), 'reply', 'replies')}` : '[−]'}
              </button>
            ) : null}
          </header>
          <CommentBody nodes={comment.body} matcher={state.matcher} quotes={quotes} />
          {node.alsoRepliesTo.length > 0 ? (
            <div class="tl-also">
              Also replies to{' '}
              {node.alsoRepliesTo.map((id, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <button type="button" class="tl-linkish" tabIndex={-1} onClick={() => state.onJump(id)}>
                    {state.authorOf(id) ?? 'a comment'}
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
            <CommentItem key={child.comment.id} node={child} level={level + 1} state={state} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function countAll(node: ThreadNode): number {
  let n = 0;
  const stack = [...node.children];
  while (stack.length) {
    const c = stack.pop()!;
    n++;
    stack.push(...c.children);
  }
  return n;
}
