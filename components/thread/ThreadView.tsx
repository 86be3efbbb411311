import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { ViewModel } from '@/utils/pipeline/view-model';
import { parentsOf, shownOrder, subtreeSize } from '@/utils/pipeline/thread/tree';
import type { ViewPrefs, ViewMode } from '@/utils/platform/prefs';
import type { SortMode } from '@/utils/pipeline/arrange/order';
import { FILTER_REASONS } from '@/utils/pipeline/arrange/filter';
import { BrandChart } from './BrandChart';
import { DiscussionBar } from './DiscussionBar';
import type { DiscussionUi } from '@/utils/content/discussion-controller';
import { REASON_TEXT } from './CommentItem';
import { RootBlock } from './RootBlock';
import { blocksOf, Proximity, ProximityContext, WINDOW_FROM } from './proximity';
import { TreeContext, TreeStore, type TreeEnv } from './tree-store';
import { useNearViewport, usePacedLimit } from './use-paced-limit';

export interface ThreadViewProps {
  heading: string;
  discussionUrl: string | undefined;
  model: ViewModel;
  view: ViewMode;
  sort: SortMode;
  brandFocus: string[];
  onViewPrefs(change: Partial<ViewPrefs>): void;
  onBrandFocus(ids: string[]): void;
  /** The full forum discussion, when the section links to one. */
  discussion?: DiscussionUi | null;
  /** Comments in the first chunk; later chunks are sized by time (use-paced-limit.ts). */
  chunk?: number;
}

export const SORT_LABELS: Record<SortMode, string> = {
  top: 'Top rated',
  newest: 'Newest',
  oldest: 'Oldest',
  page: 'Page order',
};
export const VIEW_LABELS: Record<ViewMode, string> = { threaded: 'Threaded', flat: 'Flat', original: 'Original' };

export function ThreadView(props: ThreadViewProps) {
  const { model, chunk = 24 } = props;
  const store = useRef(new TreeStore()).current;
  const treeRef = useRef<HTMLUListElement>(null);
  // The header's Collapse all / Expand all follows the store.
  const [, rerender] = useReducer((n: number, _: unknown) => n + 1, 0);
  useEffect(() => store.subscribeAll(() => rerender(undefined)), [store]);

  // Progressive rendering: whole top-level threads, paced so each chunk renders within a few milliseconds.
  // Comments already shown are memoised, so each chunk only renders the new ones.
  // Past the first few dozen comments, more render as the reader scrolls towards the end of the list, and
  // blocks of threads far from the viewport are dropped to spacers (RootBlock), so a long discussion keeps a
  // bounded number of comments alive.
  const sizes = useMemo(() => model.roots.map(subtreeSize), [model.roots]);
  const blocks = useMemo(() => blocksOf(sizes), [sizes]);
  const before = useMemo(() => {
    const sums = new Array<number>(sizes.length + 1);
    sums[0] = 0;
    for (let i = 0; i < sizes.length; i++) sums[i + 1] = sums[i]! + sizes[i]!;
    return sums;
  }, [sizes]);
  const moreRef = useRef<HTMLParagraphElement>(null);
  const near = useNearViewport(moreRef);
  // A discussion shorter than WINDOW_FROM renders whole and stays rendered (find in page needs no Show all).
  const whole = before[sizes.length]! < WINDOW_FROM;
  const { visibleRoots, shown, complete, waiting, all, showThrough, showAll } = usePacedLimit(model, sizes, {
    first: chunk,
    eager: whole ? WINDOW_FROM : undefined,
    near,
  });
  const proximity = useMemo(() => new Proximity(), []);
  useEffect(() => () => proximity.disconnect(), [proximity]);
  // The top-level thread the reader is being taken to (a followed quote, Home/End, j/k past a spacer).
  const [target, setTarget] = useState<{ model: ViewModel; root: number } | null>(null);
  const targetRoot = target?.model === model ? target.root : -1;

  const parents = useMemo(() => parentsOf(model.roots), [model.roots]);

  const itemEl = (id: string) => treeRef.current?.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(id)}"]`);
  const focusItem = (id: string) => {
    store.focus(id);
    itemEl(id)?.focus();
  };

  // Comments keep the jump handler they were rendered with (they are memoised), so it reads the newest
  // model through a ref instead of the one it was made with.
  const latest = useRef({ model, parents, showThrough });
  latest.current = { model, parents, showThrough };
  /** Renders the comment wherever it is (opening collapsed ancestors), then focuses it; `flash` points at it. */
  const bring = (id: string, flash: boolean) => {
    if (!flash && itemEl(id)) return focusItem(id);
    const { model, parents, showThrough } = latest.current;
    const open = new Set(store.collapsed);
    let root = id;
    for (let p = parents.get(id); p; p = parents.get(p)) {
      open.delete(p);
      root = p;
    }
    if (open.size !== store.collapsed.size) store.setCollapsed(open);
    const index = model.roots.findIndex((n) => n.comment.id === root);
    setTarget({ model, root: index });
    showThrough(index);
    if (flash) store.setFlash(id);
    setTimeout(() => {
      if (flash) itemEl(id)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      focusItem(id);
    }, 0);
    if (flash)
      setTimeout(() => {
        if (store.flash === id) store.setFlash(null);
      }, 1600);
  };
  const jump = (id: string) => bring(id, true);

  // A new model (sort, filters, highlighting) renders every comment again: the version says so.
  const version = useMemo(() => Math.random(), [model]);
  const env: TreeEnv = useMemo(
    () => ({
      store,
      reasons: model.reasons,
      matcher: model.highlighter,
      authorOf: (id: string) => model.authors.get(id),
      discussionUrl: props.discussionUrl,
      onJump: jump,
      defaultFocus: store.focused && model.authors.has(store.focused) ? null : (model.roots[0]?.comment.id ?? null),
      maxIndent: 8,
    }),
    [model, props.discussionUrl],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const current = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
    const id = current.dataset.commentId!;
    const expandable = current.hasAttribute('aria-expanded');
    const expanded = current.getAttribute('aria-expanded') === 'true';
    // Moves follow the model, not the DOM: the comment next in line may not be rendered (long discussions).
    const order = () => shownOrder(model.roots, store.collapsed);
    const step = (by: number) => {
      const ids = order();
      const next = ids[ids.indexOf(id) + by];
      if (next) bring(next, false);
    };
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        step(1);
        break;
      case 'k':
      case 'ArrowUp':
        step(-1);
        break;
      case 'Home':
        if (model.roots[0]) bring(model.roots[0].comment.id, false);
        break;
      case 'End': {
        const ids = order();
        if (ids.length) bring(ids[ids.length - 1]!, false);
        break;
      }
      case 'h':
      case 'ArrowLeft':
        if (expandable && expanded) store.toggle(id);
        else if (parents.has(id)) focusItem(parents.get(id)!);
        break;
      case 'l':
      case 'ArrowRight':
        if (expandable && !expanded) store.toggle(id);
        else if (expanded) step(1);
        break;
      case 'Enter':
        if (expandable) store.toggle(id);
        else if (current.dataset.filtered) store.reveal(id);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const allParents = useMemo(() => Array.from(new Set(parents.values())), [parents]);
  const allCollapsed = allParents.length > 0 && allParents.every((id) => store.collapsed.has(id));
  const { counts } = model;
  const hiddenBy = FILTER_REASONS.filter((r) => counts.byReason[r] > 0)
    .map((r) => `${counts.byReason[r]} ${REASON_TEXT[r]}`)
    .join(', ');

  return (
    <div class="tl-view" data-view={props.view}>
      <header class="tl-header">
        <h2 class="tl-heading">{props.heading}</h2>
        <span class="tl-count" aria-live="polite">
          {counts.total} comments{counts.hidden ? ` · ${counts.hidden} hidden (${hiddenBy})` : ''}
        </span>
        <span class="tl-controls">
          <label>
            Sort{' '}
            <select
              value={props.sort}
              onChange={(e) => props.onViewPrefs({ sort: (e.currentTarget as HTMLSelectElement).value as SortMode })}
            >
              {(Object.keys(SORT_LABELS) as SortMode[]).map((m) => (
                <option key={m} value={m}>
                  {SORT_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <span role="group" aria-label="View" class="tl-segmented">
            {(Object.keys(VIEW_LABELS) as ViewMode[]).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={props.view === v}
                onClick={() => props.onViewPrefs({ view: v })}
              >
                {VIEW_LABELS[v]}
              </button>
            ))}
          </span>
          {props.view === 'threaded' && allParents.length > 0 ? (
            <button
              type="button"
              class="tl-linkish"
              onClick={() => store.setCollapsed(allCollapsed ? new Set() : new Set(allParents))}
            >
              {allCollapsed ? 'Expand all' : 'Collapse all'}
            </button>
          ) : null}
        </span>
      </header>
      {props.discussion ? <DiscussionBar ui={props.discussion} /> : null}
      <BrandChart stats={model.stats} focus={props.brandFocus} onFocus={props.onBrandFocus} />
      <TreeContext.Provider value={env}>
        <ProximityContext.Provider value={proximity}>
          <ul
            role="tree"
            aria-label={`${props.heading}, ${counts.total} comments`}
            class="tl-tree"
            ref={treeRef}
            onKeyDown={onKeyDown}
          >
            {blocks.map((from, b) => {
              if (from >= visibleRoots) return null;
              const end = blocks[b + 1] ?? sizes.length;
              const to = Math.min(end, visibleRoots);
              return (
                <RootBlock
                  key={`${version}/${b}`}
                  roots={model.roots}
                  from={from}
                  to={to}
                  comments={before[to]! - before[from]!}
                  version={version}
                  keep={all || whole}
                  target={targetRoot >= from && targetRoot < end}
                  skipped={targetRoot >= end}
                />
              );
            })}
          </ul>
        </ProximityContext.Provider>
      </TreeContext.Provider>
      {complete ? null : (
        <p class="tl-more" ref={moreRef}>
          {waiting ? (
            <>
              Showing {shown} of {counts.total} comments; more appear as you scroll.{' '}
              <button type="button" class="tl-linkish" onClick={showAll}>
                Show all
              </button>
            </>
          ) : (
            'Rendering more comments…'
          )}
        </p>
      )}
      {props.discussionUrl ? (
        <p class="tl-footer">
          <a href={props.discussionUrl} target="_blank" rel="noopener noreferrer">
            Read All Comments
          </a>
        </p>
      ) : null}
    </div>
  );
}
