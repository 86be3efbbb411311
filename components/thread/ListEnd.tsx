import { t } from '@/utils/platform/i18n';
import type { Ref } from 'preact';

interface Props {
  /** Watched: more comments render while this is near the viewport. */
  more: Ref<HTMLParagraphElement>;
  complete: boolean;
  waiting: boolean;
  shown: number;
  total: number;
  showAll(): void;
  discussionUrl: string | undefined;
}

/** Below the list: how much is rendered (with Show all), and the link to the whole discussion. */
export function ListEnd({ more, complete, waiting, shown, total, showAll, discussionUrl }: Props) {
  return (
    <>
      {complete ? null : (
        <p class="tl-more" ref={more}>
          {waiting ? (
            <>
              {t('showingOf', shown, total)}{' '}
              <button type="button" class="tl-linkish" onClick={showAll}>
                {t('showAll')}
              </button>
            </>
          ) : (
            t('renderingMore')
          )}
        </p>
      )}
      {discussionUrl ? (
        <p class="tl-footer">
          <a href={discussionUrl} target="_blank" rel="noopener noreferrer">
            {t('readAll')}
          </a>
        </p>
      ) : null}
    </>
  );
}
