import type { Watched } from '@/utils/platform/watched';
import { t } from '@/utils/platform/i18n';
import { Toggle } from '@/components/shared/Toggle';
import type { PopupWatching as Watching } from './Popup';

interface Props {
  watched: readonly Watched[];
  onOpen(url: string): void;
  onUnwatch(key: string): void;
}

/** What a watched discussion's line says besides its title: new posts, or why it is not checked. */
function stateOf(w: Watched) {
  if (w.status === 'gone') return t('watchGone');
  if (w.status === 'failed') return w.error ?? t('watchOffline');
  return w.fresh ? t('watchNew', w.fresh) : '';
}

/** "Watched discussions": each opens with a click, shows its new posts, and can be unwatched. */
export function WatchedList({ watched, onOpen, onUnwatch }: Props) {
  return (
    <section class="tl-watched" aria-labelledby="tl-watched-heading">
      <h2 id="tl-watched-heading">{t('watchedDiscussions')}</h2>
      {watched.length ? (
        <ul>
          {watched.map((w) => (
            <li key={w.key} data-status={w.status} data-fresh={w.fresh}>
              <a
                href={w.url}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(w.url);
                }}
              >
                {w.title || w.url}
              </a>{' '}
              <span class="tl-watched-state">{stateOf(w)}</span>{' '}
              <button
                type="button"
                class="tl-linkish"
                aria-label={t('unwatch', w.title || w.url)}
                onClick={() => onUnwatch(w.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('watchNone')}</p>
      )}
    </section>
  );
}

/** The popup's watching: "Watch this discussion" where the tab has a view, then the watched list. */
export function PopupWatching(props: Watching) {
  return (
    <>
      {props.info ? (
        <Toggle
          id="tl-watch"
          class="tl-row"
          label={t('watchThis')}
          checked={props.info.watched}
          onToggle={props.onToggle}
        />
      ) : null}
      {props.info?.problem ? (
        <p class="tl-warning" role="alert">
          {props.info.problem}
        </p>
      ) : null}
      <WatchedList watched={props.list} onOpen={props.onOpen} onUnwatch={props.onUnwatch} />
    </>
  );
}
