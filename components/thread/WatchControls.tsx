import type { WatchUi } from '@/utils/content/watch-view';
import { t } from '@/utils/platform/i18n';
import { readerOnly } from './reader-event';

/** "Watch this discussion" (a toggle), what arrived while watching, and why checking stopped, with Retry. */
export function WatchControls({ ui }: { ui: WatchUi }) {
  return (
    <>
      <button
        type="button"
        class="tl-linkish tl-watch"
        aria-pressed={ui.watched}
        data-threadlight="watch"
        onClick={readerOnly(ui.toggle)}
      >
        {t('watchThis')}
      </button>
      <span class="tl-arrived" aria-live="polite">
        {ui.watched && ui.arrived ? t('watchArrived', ui.arrived) : ''}
      </span>
      {ui.problem ? (
        <p class="tl-problem" role="alert">
          {ui.problem}
        </p>
      ) : null}
      {ui.watched && ui.stopped ? (
        <p class="tl-problem tl-watch-stopped" role="status">
          {ui.stopped}{' '}
          <button type="button" class="tl-linkish" onClick={readerOnly(ui.retry)}>
            {t('retry')}
          </button>
        </p>
      ) : null}
    </>
  );
}
