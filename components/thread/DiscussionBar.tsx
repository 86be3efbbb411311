import type { DiscussionUi } from '@/utils/content/discussion-controller';

const ago = (at: number) => {
  const min = Math.round((Date.now() - at) / 60_000);
  return min < 1 ? 'just now' : `${min} min ago`;
};

/** Load / progress / cancel / retry for the full forum discussion. */
export function DiscussionBar({ ui }: { ui: DiscussionUi }) {
  const { state } = ui;
  return (
    <div class="tl-discussion" data-discussion={state.status}>
      {state.status === 'idle' ? (
        <button type="button" class="tl-button" onClick={ui.load}>
          Load full discussion
        </button>
      ) : null}
      {state.status === 'loading' ? (
        <>
          <progress max={Math.max(1, state.total)} value={state.loaded} aria-label="Forum pages loaded" />
          <span aria-live="polite">
            {state.loaded === 0 ? 'Loading the forum thread…' : `Loaded page ${state.loaded} of ${state.total}…`}
          </span>
          <button type="button" class="tl-linkish" onClick={ui.cancel}>
            Cancel
          </button>
        </>
      ) : null}
      {state.status === 'failed' ? (
        <>
          <span role="alert" class="tl-error">
            {state.error} {state.loaded ? `Pages 1–${state.loaded} are loaded.` : ''}
          </span>{' '}
          <button type="button" class="tl-button" onClick={ui.load}>
            Retry
          </button>
        </>
      ) : null}
      {state.status === 'cancelled' ? (
        <>
          <span>
            Stopped after page {state.loaded} of {state.total}.
          </span>{' '}
          <button type="button" class="tl-button" onClick={ui.load}>
            Continue
          </button>
        </>
      ) : null}
      {state.status === 'done' ? (
        <>
          <span>
            Full discussion: {state.posts} posts{state.savedAt ? ` (saved ${ago(state.savedAt)})` : ''}.
          </span>{' '}
          <button type="button" class="tl-linkish" onClick={ui.load}>
            Reload from the forum
          </button>
        </>
      ) : null}
    </div>
  );
}
