import { t, uiLocale } from '@/utils/platform/i18n';
import type { DiscussionUi } from '@/utils/content/discussion-controller';
import { count } from '@/components/shared/labels';
import { readerOnly } from './reader-event';

const ago = (at: number) => {
  const min = Math.round((Date.now() - at) / 60_000);
  return min < 1 ? t('justNow') : new Intl.RelativeTimeFormat(uiLocale()).format(-min, 'minute');
};

/** The progress lines in forum pages, or in an app forum's posts. */
const byPosts = (state: DiscussionUi['state']) => 'unit' in state && state.unit === 'posts';

type LoadingState = Extract<DiscussionUi['state'], { status: 'loading' }>;

/** The progress bar, its line and Cancel. */
function Loading({ ui, state, posts }: { ui: DiscussionUi; state: LoadingState; posts: boolean }) {
  const line = posts
    ? t('loadedPosts', state.loaded, state.total)
    : state.loaded === 0
      ? t('loadingThread')
      : t('loadedPage', state.loaded, state.total);
  return (
    <>
      <progress
        max={Math.max(1, state.total)}
        value={state.loaded}
        aria-label={t(posts ? 'topicPostsLoaded' : 'forumPagesLoaded')}
      />
      <span aria-live="polite">{line}</span>
      <button type="button" class="tl-linkish" onClick={readerOnly(ui.cancel)}>
        {t('cancel')}
      </button>
    </>
  );
}

/** Load / progress / cancel / retry for the full forum discussion. */
export function DiscussionBar({ ui }: { ui: DiscussionUi }) {
  const { state } = ui;
  const posts = byPosts(state);
  return (
    <div class="tl-discussion" data-discussion={state.status}>
      {state.status === 'idle' ? (
        <button type="button" class="tl-button" onClick={readerOnly(ui.load)}>
          {t('loadFull')}
        </button>
      ) : null}
      {state.status === 'loading' ? <Loading ui={ui} state={state} posts={posts} /> : null}
      {state.status === 'failed' ? (
        <>
          <span role="alert" class="tl-error">
            {state.error}{' '}
            {posts
              ? t('postsLoadedSoFar', state.loaded, state.total)
              : state.loaded
                ? t('pagesLoaded', state.loaded)
                : ''}
          </span>{' '}
          <button type="button" class="tl-button" onClick={readerOnly(ui.load)}>
            {t('retry')}
          </button>
        </>
      ) : null}
      {state.status === 'cancelled' ? (
        <>
          <span>{t(posts ? 'stoppedAfterPosts' : 'stoppedAfter', state.loaded, state.total)}</span>{' '}
          <button type="button" class="tl-button" onClick={readerOnly(ui.load)}>
            {t('continue')}
          </button>
        </>
      ) : null}
      {state.status === 'done' ? (
        <>
          <span>
            {state.missing
              ? t('partialDiscussion', state.missing.pages, state.missing.total, count(state.posts, 'posts'))
              : state.savedAt
                ? t('fullDiscussionSaved', count(state.posts, 'posts'), ago(state.savedAt))
                : t('fullDiscussion', count(state.posts, 'posts'))}
          </span>{' '}
          <button type="button" class="tl-linkish" onClick={readerOnly(ui.load)}>
            {t('reloadFromForum')}
          </button>
        </>
      ) : null}
    </div>
  );
}
