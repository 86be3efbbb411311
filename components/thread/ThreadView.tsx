import { t } from '@/utils/platform/i18n';
import { useLayoutEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { ThreadViewInput } from '@/utils/content/section-view';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { nodesById, parentsOf, quotedBy } from '@/utils/pipeline/thread/tree';
import { BrandChart } from './BrandChart';
import { DiscussionBar } from './DiscussionBar';
import { ListEnd } from './ListEnd';
import { NotLoadedLine } from './NotLoaded';
import { ProximityContext } from './proximity';
import { PreviewLayer } from './QuotePreview';
import { RootBlock } from './RootBlock';
import { SearchBox } from './SearchBox';
import { count } from '@/components/shared/labels';
import { ThreadHeader } from './ThreadHeader';
import { HeaderTools } from './HeaderTools';
import { TreeContext, TreeStore, type TreeEnv } from './tree-store';
import { NO_MARKS, reasonOf } from '@/utils/pipeline/people/marks';
import type { PeopleInput } from '@/utils/content/section-view';
import { useBring } from './use-bring';
import { treeKeys } from './use-tree-keys';
import { useWindowing } from './use-windowing';
import { useGrowth, type Growth } from './use-growth';
import { envChanges } from './env-changes';
import { useSearch, type SearchState } from './use-search';
import { useFirstNew, useReadingSession } from './use-reading';

const NO_FRESH: ReadonlySet<string> = new Set();
/** Where the view was given no people (tests of other things): nobody muted, nothing noted. */
const NO_PEOPLE: PeopleInput = { site: '', marks: NO_MARKS, mutes: {}, notes: {}, tags: {} };

export interface ThreadViewProps extends ThreadViewInput {
  /** Comments in the first chunk; later chunks are sized by time (use-paced-limit.ts). */
  chunk?: number;
}

/** The tree's blocks of top-level threads, as far as they are rendered yet. */
function Blocks(props: {
  win: ReturnType<typeof useWindowing>;
  roots: ThreadNode[];
  version: number;
  targetRoot: number;
}) {
  const { win, roots, version, targetRoot } = props;
  return (
    <>
      {win.blocks.map((from, b) => {
        if (from >= win.visibleRoots) return null;
        const end = win.blocks[b + 1] ?? win.sizes.length;
        const to = Math.min(end, win.visibleRoots);
        return (
          <RootBlock
            key={`${version}/${b}`}
            roots={roots}
            from={from}
            to={to}
            comments={win.before[to]! - win.before[from]!}
            version={version}
            keep={win.all || win.whole}
            target={targetRoot >= from && targetRoot < end}
            skipped={targetRoot >= end}
          />
        );
      })}
    </>
  );
}

/** How many of the model's comments are new since the last visit. */
const freshCount = (model: ThreadViewProps['model']) => {
  let n = 0;
  for (const id of model.fresh ?? NO_FRESH) if (model.authors.has(id)) n++;
  return n;
};

/**
 * What every comment reads from the view (tree-store.ts), made again when the model or the notes change; kept
 * (brought up to date in place) when the discussion only grew, so the comments that did not change are not
 * drawn again: the ones whose marks changed are told (env-changes.ts).
 */
function useTreeEnv(
  props: ThreadViewProps,
  store: TreeStore,
  search: SearchState,
  onJump: (id: string) => void,
  growth: Growth,
) {
  const made = useMadeEnv(props, store, search, onJump);
  const kept = useRef<{ env: TreeEnv; made: TreeEnv; growth: Growth; changed: Set<string> } | null>(null);
  const prev = kept.current;
  if (prev && prev.made !== made && prev.growth !== growth && growth.from && sameInputs(prev.env, made)) {
    const changed = envChanges(prev.env, made, growth.from.authors.keys());
    Object.assign(prev.env, made);
    kept.current = { env: prev.env, made, growth, changed };
  } else if (prev?.made !== made) kept.current = { env: made, made, growth, changed: new Set() };
  // Told once the tree is drawn (they draw again before the frame is painted).
  useLayoutEffect(() => {
    const now = kept.current!;
    if (now.changed.size) store.notify(now.changed);
    now.changed = new Set();
  });
  return kept.current!.env;
}

/** Whether nothing but the model changed what the comments read: the reader's people, the address, the view. */
const sameInputs = (a: TreeEnv, b: TreeEnv) =>
  a.people.site === b.people.site &&
  a.people.mutes === b.people.mutes &&
  a.people.notes === b.people.notes &&
  a.people.tags === b.people.tags &&
  a.discussionUrl === b.discussionUrl &&
  a.threaded === b.threaded;

function useMadeEnv(props: ThreadViewProps, store: TreeStore, search: SearchState, onJump: (id: string) => void) {
  const { model } = props;
  const nodes = useMemo(() => nodesById(model.roots), [model.roots]);
  const backlinks = useMemo(() => quotedBy(nodes), [nodes]);
  const { result, query } = search;
  const people = props.people ?? NO_PEOPLE;
  const firstNew = useFirstNew(model);
  return useMemo(
    (): TreeEnv => ({
      store,
      reasonOf: (id) => reasonOf(id, model.reasons, people.marks),
      matcher: model.highlighter,
      authorOf: (id: string) => model.authors.get(id),
      discussionUrl: props.discussionUrl,
      onJump,
      defaultFocus:
        store.focused && model.authors.has(store.focused) ? null : (search.model.roots[0]?.comment.id ?? null),
      maxIndent: 8,
      fresh: model.fresh ?? NO_FRESH,
      firstNew,
      commentOf: (id: string) => nodes.get(id),
      quotedBy: backlinks,
      search: result ? { query, matches: result.matches, context: result.context } : null,
      people: { ...people, onlyBy: (name) => search.setText(`by:${name}`) },
      threaded: props.view === 'threaded',
      rated: model.rated,
    }),
    [model, search.model, props.discussionUrl, people, props.view, nodes, backlinks, firstNew],
  );
}

/** Collapse all / Expand all, where the view is threaded and some comment has replies. */
function useCollapseAll(parents: Map<string, string>, store: TreeStore, threaded: boolean) {
  const allParents = useMemo(() => Array.from(new Set(parents.values())), [parents]);
  const allCollapsed = allParents.length > 0 && allParents.every((id) => store.collapsed.has(id));
  return threaded && allParents.length > 0
    ? { all: allCollapsed, toggle: () => store.setCollapsed(allCollapsed ? new Set() : new Set(allParents)) }
    : null;
}

/** The thread view: header, full-discussion bar, brand chart, the tree in blocks, and what is below it. */
export function ThreadView(props: ThreadViewProps) {
  const { chunk = 24 } = props;
  const search = useSearch(props.model);
  const growth = useGrowth(search.model, search.result !== null);
  const { model, version } = growth;
  const store = useRef(new TreeStore()).current;
  const layer = useRef<HTMLDivElement>(null);
  const previews = useMemo(() => ({ layer: () => layer.current, depth: 0 }), []);
  const treeRef = useRef<HTMLUListElement>(null);
  // The header's Collapse all / Expand all follows the store.
  const [, rerender] = useReducer((n: number, _: unknown) => n + 1, 0);
  useLayoutEffect(() => store.subscribeAll(() => rerender(undefined)), [store]);
  const win = useWindowing(model, chunk, version);
  const parents = useMemo(() => parentsOf(model.roots), [model.roots]);
  const { bring, focusItem, targetRoot } = useBring(store, treeRef, { model, parents, showThrough: win.showThrough });
  const env = useTreeEnv(props, store, search, (id) => bring(id, true), growth);
  const { onResume } = useReadingSession(props, env, store, treeRef, bring);
  const collapse = useCollapseAll(parents, store, props.view === 'threaded');
  const { counts } = props;
  return (
    <div class="tl-view" data-view={props.view} data-brand-style={props.brandStyle ?? 'subtle'}>
      <ThreadHeader
        {...props}
        sort={model.sort}
        rated={model.rated}
        counts={counts}
        collapse={collapse}
        fresh={freshCount(model)}
        onResume={onResume}
        tools={<HeaderTools watch={props.watch} model={model} heading={props.heading} />}
      >
        <SearchBox search={search} onShow={(id) => bring(id, true, true)} />
      </ThreadHeader>
      {props.discussion ? <DiscussionBar ui={props.discussion} /> : null}
      <BrandChart stats={model.stats} focus={props.brandFocus} onFocus={props.onBrandFocus} rated={model.rated} />
      <TreeContext.Provider value={env}>
        <PreviewLayer.Provider value={previews}>
          <ProximityContext.Provider value={win.proximity}>
            <ul
              role="tree"
              aria-label={t('treeLabel', props.heading, count(counts.total, 'comments'))}
              class="tl-tree"
              ref={treeRef}
              onKeyDown={treeKeys({ model, parents, store, bring, focusItem, toYou: env.people.marks.replyToYou })}
            >
              <Blocks win={win} roots={model.roots} version={version} targetRoot={targetRoot} />
            </ul>
          </ProximityContext.Provider>
          <div class="tl-layer" ref={layer} />
        </PreviewLayer.Provider>
      </TreeContext.Provider>
      {props.more ? <NotLoadedLine more={props.more} what="comments" tab={0} /> : null}
      <ListEnd more={win.moreRef} total={counts.total} discussionUrl={props.discussionUrl} {...win} />
    </div>
  );
}
