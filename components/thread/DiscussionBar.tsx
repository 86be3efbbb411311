import { t, uiLocale } from '@/utils/platform/i18n';
import type { DiscussionUi } from '@/utils/content/discussion-controller';
import { count } from '@/components/shared/labels';
import { readerOnly } from './reader-event';

const ago = (at: number) => {
  const min = Math.round((Date.now() - at) / 60_000);
  return min < 1 ? t('justNow') : new Intl.RelativeTimeFormat(uiLocale()).format(-min, 'minute');
};

/** Load / progress / cancel / retry for the full forum discussion. */
export function DiscussionBar({ ui }: { ui: DiscussionUi }) {
  const { state } = ui;
  return (
    <div class="tl-discussion" data-discussion={state.status}>
      {state.status === 'idle' ? (
        <button type="button" class="tl-button" onClick={readerOnly(ui.load)}>
          {t('loadFull')}
        </button>
      ) : null}
      {state.status === 'loading' ? (
        <>
          <progress max={Math.max(1, state.total)} value={state.loaded} aria-label={t('forumPagesLoaded')} />
          <span aria-live="polite">
            {state.loaded === 0 ? t('loadingThread') : t('loadedPage', state.loaded, state.total)}
          </span>
          <button type="button" class="tl-linkish" onClick={readerOnly(ui.cancel)}>
            {t('cancel')}
          </button>
        </>
      ) : null}
      {state.status === 'failed' ? (
        <>
          <span role="alert" class="tl-error">
            {state.error} {state.loaded ? t('pagesLoaded', state.loaded) : ''}
          </span>{' '}
          <button type="button" class="tl-button" onClick={readerOnly(ui.load)}>
            {t('retry')}
          </button>
        </>
      ) : null}
      {state.status === 'cancelled' ? (
        <>
          <span>{t('stoppedAfter', state.loaded, state.total)}</span>{' '}
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
