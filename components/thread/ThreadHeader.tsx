import type { ComponentChildren } from 'preact';
import type { Counts } from '@/utils/pipeline/view-model';
import { FILTER_REASONS } from '@/utils/pipeline/arrange/filter';
import type { SortMode } from '@/utils/pipeline/arrange/order';
import type { ViewMode, ViewPrefs } from '@/utils/platform/prefs';
import { ChoiceSelect } from '@/components/shared/ChoiceSelect';
import { count, reasonText, sortLabels, viewLabels } from '@/components/shared/labels';
import { t } from '@/utils/platform/i18n';
import { fromReader, readerOnly } from './reader-event';

interface Props {
  heading: string;
  counts: Counts;
  view: ViewMode;
  sort: SortMode;
  onViewPrefs(change: Partial<ViewPrefs>): void;
  /** Collapse all / Expand all, when the view is threaded and some comment has replies. */
  collapse: { all: boolean; toggle(): void } | null;
  /** Comments new since the last visit, and marking them read. */
  fresh: number;
  onMarkRead?(): void;
  /** "Continue where you left off", where the reader has read this discussion before. */
  onResume?: (() => void) | undefined;
  /** Whether the page shows ratings: without, "Top rated" is not offered and the header says why. */
  rated?: boolean;
  /** Why the reader's last change could not be kept. */
  problem?: string | null;
  /**
   * Watching and exporting (the view makes them: they need its model), with the controls: the heading's line
   * keeps room for "Continue where you left off", which arrives after the first draw (no layout shift).
   */
  tools?: ComponentChildren;
  /** The search box. */
  children?: ComponentChildren;
}

/** The sorts a page without ratings can use: every one but "Top rated". */
function unratedSorts() {
  const { top: _top, ...rest } = sortLabels();
  return rest;
}

/** The view's header: heading, counts (and why comments are hidden), sort, view, collapse all. */
export function ThreadHeader(props: Props) {
  const { heading, counts, view, sort, onViewPrefs, collapse, fresh, onMarkRead } = props;
  const hiddenBy = FILTER_REASONS.filter((r) => counts.byReason[r] > 0)
    .map((r) => `${counts.byReason[r]} ${reasonText(r)}`)
    .join(', ');
  return (
    <header class="tl-header">
      <h2 class="tl-heading">{heading}</h2>
      <span class="tl-count" aria-live="polite">
        {count(counts.total, 'comments')}
        {counts.hidden ? ` · ${t('hiddenBy', counts.hidden, hiddenBy)}` : ''}
        {fresh ? <span class="tl-fresh-count"> · {t('freshCount', fresh)}</span> : null}
        {counts.repliesToYou ? <span class="tl-replies-you"> · {t('repliesToYou', counts.repliesToYou)}</span> : null}
      </span>
      {props.onResume ? (
        <button type="button" class="tl-linkish tl-resume" onClick={readerOnly(props.onResume)}>
          {t('continueReading')}
        </button>
      ) : null}
      {fresh && onMarkRead ? (
        <button type="button" class="tl-linkish" onClick={readerOnly(onMarkRead)}>
          {t('markAllRead')}
        </button>
      ) : null}
      {props.problem ? (
        <p class="tl-problem" role="alert">
          {props.problem}
        </p>
      ) : null}
      <span class="tl-controls">
        {props.tools}
        {props.children}
        {props.rated === false ? <span class="tl-unrated">{t('noRatingsHere')}</span> : null}
        <ChoiceSelect
          label={t('sort')}
          value={sort}
          labels={props.rated === false ? unratedSorts() : sortLabels()}
          onChange={(s, e) => fromReader(e) && onViewPrefs({ sort: s })}
        />
        <span role="group" aria-label={t('view')} class="tl-segmented">
          {(Object.entries(viewLabels()) as Array<[ViewMode, string]>).map(([v, name]) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={readerOnly(() => onViewPrefs({ view: v }))}
            >
              {name}
            </button>
          ))}
        </span>
        {collapse ? (
          <button type="button" class="tl-linkish" onClick={collapse.toggle}>
            {collapse.all ? t('expandAll') : t('collapseAll')}
          </button>
        ) : null}
      </span>
    </header>
  );
}
