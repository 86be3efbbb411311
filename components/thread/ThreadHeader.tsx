import type { ComponentChildren } from 'preact';
import type { Counts } from '@/utils/pipeline/view-model';
import { FILTER_REASONS } from '@/utils/pipeline/arrange/filter';
import type { SortMode } from '@/utils/pipeline/arrange/order';
import type { ViewMode, ViewPrefs } from '@/utils/platform/prefs';
import { ChoiceSelect } from '@/components/shared/ChoiceSelect';
import { REASON_TEXT, SORT_LABELS, VIEW_LABELS } from '@/components/shared/labels';

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
  /** The search box. */
  children?: ComponentChildren;
}

/** The view's header: heading, counts (and why comments are hidden), sort, view, collapse all. */
export function ThreadHeader(props: Props) {
  const { heading, counts, view, sort, onViewPrefs, collapse, fresh, onMarkRead } = props;
  const hiddenBy = FILTER_REASONS.filter((r) => counts.byReason[r] > 0)
    .map((r) => `${counts.byReason[r]} ${REASON_TEXT[r]}`)
    .join(', ');
  return (
    <header class="tl-header">
      <h2 class="tl-heading">{heading}</h2>
      <span class="tl-count" aria-live="polite">
        {counts.total} comments{counts.hidden ? ` · ${counts.hidden} hidden (${hiddenBy})` : ''}
        {fresh ? <span class="tl-fresh-count"> · {fresh} new (n / Shift+N)</span> : null}
      </span>
      {fresh && onMarkRead ? (
        <button type="button" class="tl-linkish" onClick={onMarkRead}>
          Mark all read
        </button>
      ) : null}
      <span class="tl-controls">
        {props.children}
        <ChoiceSelect label="Sort" value={sort} labels={SORT_LABELS} onChange={(s) => onViewPrefs({ sort: s })} />
        <span role="group" aria-label="View" class="tl-segmented">
          {(Object.keys(VIEW_LABELS) as ViewMode[]).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => onViewPrefs({ view: v })}>
              {VIEW_LABELS[v]}
            </button>
          ))}
        </span>
        {collapse ? (
          <button type="button" class="tl-linkish" onClick={collapse.toggle}>
            {collapse.all ? 'Expand all' : 'Collapse all'}
          </button>
        ) : null}
      </span>
    </header>
  );
}
