import { t } from '@/utils/platform/i18n';
import { pure } from './pure';
import { useContext, useLayoutEffect, useReducer, useState } from 'preact/hooks';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { subtreeSize } from '@/utils/pipeline/thread/tree';
import { CommentBody } from './CommentBody';
import { AlsoRepliesTo, CommentMeta, Placeholder } from './CommentParts';
import { NoteEditor } from './Note';
import { PersonMenu } from './PersonMenu';
import { entriesOf } from './person-of';
import { NotLoadedLine, WithheldComment } from './NotLoaded';
import { QuotedBy } from './QuotedBy';
import { TreeContext, type TreeEnv } from './tree-store';
import type { Comment } from '@/utils/pipeline/model';
import { usePacedReplies } from './use-paced-replies';
import type { FilterReason } from '@/utils/pipeline/arrange/filter';

interface Props {
  node: ThreadNode;
  level: number;
  /** Changes whenever the model does (sort, filters, highlighting): every comment renders again then. */
  version: number;
  /** Place among the top-level comments and their number (only some are rendered at a time in long discussions). */
  pos?: number;
  of?: number;
}

/** A comment that is shown: its byline, its body, and the other comments it answers. */
function CommentArticle({ node, collapsed, tab }: { node: ThreadNode; collapsed: boolean; tab: 0 | -1 }) {
  const env = useContext(TreeContext)!;
  const { comment } = node;
  const [noting, setNoting] = useState(false);
  const [menu, setMenu] = useState(false);
  return (
    <article class="tl-comment">
      <CommentMeta
        comment={comment}
        hasReplies={node.children.length > 0}
        replies={() => subtreeSize(node) - 1}
        collapsed={collapsed}
        onToggle={() => env.store.toggle(comment.id)}
        env={env}
        tab={tab}
        noting={noting}
        onNote={() => setNoting(!noting)}
        menu={menu}
        onMenu={() => setMenu(!menu)}
      />
      {menu ? <PersonMenu comment={comment} env={env} onClose={() => setMenu(false)} /> : null}
      {noting ? <NoteEditor comment={comment} env={env} onClose={() => setNoting(false)} /> : null}
      <CommentBody
        nodes={comment.body}
        quotes={comment.quotes}
        links={node.links}
        matcher={env.matcher}
        parentId={node.parentId}
        mutedQuotes={env.people.marks.mutedQuotes.get(comment.id)}
        tab={tab}
        query={env.search && env.search.matches.has(comment.id) ? env.search.query : ''}
      />
      {!env.threaded && node.parentId ? (
        <AlsoRepliesTo ids={[node.parentId]} authorOf={env.authorOf} onJump={env.onJump} tab={tab} parent />
      ) : null}
      <AlsoRepliesTo ids={node.alsoRepliesTo} authorOf={env.authorOf} onJump={env.onJump} tab={tab} />
      <QuotedBy id={comment.id} env={env} tab={tab} />
    </article>
  );
}

/** What a tree item shows: the comment, its filter placeholder, or the site's link when it is withheld. */
function ItemContent(props: { node: ThreadNode; reason: FilterReason | undefined; collapsed: boolean; tab: 0 | -1 }) {
  const { node, reason, collapsed, tab } = props;
  const env = useContext(TreeContext)!;
  const { comment } = node;
  if (reason) {
    const unmute = () => env.people.onChange?.({ kind: 'unmute', ids: entriesOf(comment, env.people).mutes });
    return (
      <Placeholder
        author={comment.author}
        reason={reason}
        onShow={() => env.store.reveal(comment.id)}
        tab={tab}
        onUnmute={reason === 'muted-user' && env.people.onChange ? unmute : undefined}
      />
    );
  }
  if (comment.withheld) return <WithheldComment url={comment.postUrl} tab={tab} />;
  return <CommentArticle node={node} collapsed={collapsed} tab={tab} />;
}

/** The line before the first comment new since the last visit. */
const UnreadLine = () => (
  <li role="none" class="tl-unread-line" data-threadlight="unread-line">
    {t('unreadLine')}
  </li>
);

/** The hooks of a comment's tree item (docs/contract.md): its id, rating, and what marks it. */
function markAttributes(env: TreeEnv, comment: Comment, filtered: FilterReason | undefined) {
  const { id } = comment;
  const { search } = env;
  const { you, replyToYouSet } = env.people.marks;
  const flag = (on: boolean | undefined) => (on ? '' : undefined);
  return {
    'data-comment-id': id,
    'data-rating': String(comment.votes),
    'data-filtered': filtered,
    'data-new': flag(env.fresh.has(id)),
    'data-search-match': flag(search?.matches.has(id)),
    'data-search-context': flag(search?.context.has(id)),
    'data-not-loaded': flag(comment.withheld),
    'data-you': flag(you.has(id)),
    'data-reply-to-you': flag(replyToYouSet.has(id)),
  };
}

/** One comment and its replies. Re-renders on its own state changes or a new model, never for a sibling's. */
export const CommentItem = pure(function CommentItem({ node, level, version, pos, of }: Props) {
  const env = useContext(TreeContext)!;
  const { store } = env;
  const { comment } = node;
  const id = comment.id;
  const [, rerender] = useReducer((n: number, _: unknown) => n + 1, 0);
  // Subscribed as soon as it is drawn (a layout effect, not one after paint): a click on its toggle in the
  // first frame must not be lost.
  useLayoutEffect(() => store.subscribe(id, () => rerender(undefined)), [store, id]);

  const hasReplies = node.children.length > 0;
  const collapsed = store.collapsed.has(id);
  const replies = usePacedReplies(node, store.whole.has(id));
  const reason = env.reasonOf(id);
  const hidden = reason !== undefined && !store.revealed.has(id);
  const focusable = (store.focused ?? env.defaultFocus) === id;
  const tab = focusable ? 0 : -1;
  return (
    <>
      {env.firstNew === id ? <UnreadLine /> : null}
      <li
        role="treeitem"
        id={`tl-c-${id}`}
        class={`tl-item${store.flash === id ? ' tl-flash' : ''}${level > env.maxIndent ? ' tl-flat-indent' : ''}`}
        aria-level={level}
        aria-posinset={pos}
        aria-setsize={of}
        aria-expanded={hasReplies ? !collapsed : undefined}
        {...markAttributes(env, comment, hidden ? reason : undefined)}
        tabIndex={tab}
        onFocus={(e) => {
          if (e.target === e.currentTarget && store.focused !== id) store.focus(id);
        }}
      >
        {hasReplies ? (
          <button
            type="button"
            class="tl-thread-line"
            tabIndex={-1}
            aria-label={collapsed ? t('expandReplies') : t('collapseReplies')}
            onClick={() => store.toggle(id)}
          />
        ) : null}
        <ItemContent node={node} reason={hidden ? reason : undefined} collapsed={collapsed} tab={tab} />
        {hasReplies && !collapsed ? (
          <ul role="group" class="tl-group">
            {replies.map((child) => (
              <CommentItem key={child.comment.id} node={child} level={level + 1} version={version} />
            ))}
          </ul>
        ) : null}
        {comment.more && !collapsed ? <NotLoadedLine more={comment.more} what="replies" tab={tab} /> : null}
      </li>
    </>
  );
});
