import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { ThreadViewInput } from '@/utils/content/section-view';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { parentsOf } from '@/utils/pipeline/thread/tree';
import { BrandChart } from './BrandChart';
import { DiscussionBar } from './DiscussionBar';
import { ListEnd } from './ListEnd';
import { ProximityContext } from './proximity';
import { RootBlock } from './RootBlock';
import { ThreadHeader } from './ThreadHeader';
import { TreeContext, TreeStore, type TreeEnv } from './tree-store';
import { useBring } from './use-bring';
import { treeKeys } from './use-tree-keys';
import { identity, useWindowing } from './use-windowing';

const NO_FRESH: ReadonlySet<string> = new Set();

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

/** The thread view: header, full-discussion bar, brand chart, the tree in blocks, and what is below it. */
export function ThreadView(props: ThreadViewProps) {
  const { model, chunk = 24 } = props;
  const store = useRef(new TreeStore()).current;
  const treeRef = useRef<HTMLUListElement>(null);
  // The header's Collapse all / Expand all follows the store.
  const [, rerender] = useReducer((n: number, _: unknown) => n + 1, 0);
  useEffect(() => store.subscribeAll(() => rerender(undefined)), [store]);
  const win = useWindowing(model, chunk);
  const parents = useMemo(() => parentsOf(model.roots), [model.roots]);
  const { bring, focusItem, targetRoot } = useBring(store, treeRef, { model, parents, showThrough: win.showThrough });
  // A new model (sort, filters, highlighting) renders every comment again: its identity says so.
  const version = identity(model);
  const env: TreeEnv = useMemo(
    () => ({
      store,
      reasons: model.reasons,
      matcher: model.highlighter,
      authorOf: (id: string) => model.authors.get(id),
      discussionUrl: props.discussionUrl,
      onJump: (id: string) => bring(id, true),
      defaultFocus: store.focused && model.authors.has(store.focused) ? null : (model.roots[0]?.comment.id ?? null),
      maxIndent: 8,
      fresh: model.fresh ?? NO_FRESH,
    }),
    [model, props.discussionUrl],
  );
  const allParents = useMemo(() => Array.from(new Set(parents.values())), [parents]);
  const allCollapsed = allParents.length > 0 && allParents.every((id) => store.collapsed.has(id));
  const collapse =
    props.view === 'threaded' && allParents.length > 0
      ? { all: allCollapsed, toggle: () => store.setCollapsed(allCollapsed ? new Set() : new Set(allParents)) }
      : null;
  const { counts } = model;
  return (
    <div class="tl-view" data-view={props.view}>
      <ThreadHeader {...props} counts={counts} collapse={collapse} fresh={freshCount(model)} />
      {props.discussion ? <DiscussionBar ui={props.discussion} /> : null}
      <BrandChart stats={model.stats} focus={props.brandFocus} onFocus={props.onBrandFocus} />
      <TreeContext.Provider value={env}>
        <ProximityContext.Provider value={win.proximity}>
          <ul
            role="tree"
            aria-label={`${props.heading}, ${counts.total} comments`}
            class="tl-tree"
            ref={treeRef}
            onKeyDown={treeKeys({ model, parents, store, bring, focusItem })}
          >
            <Blocks win={win} roots={model.roots} version={version} targetRoot={targetRoot} />
          </ul>
        </ProximityContext.Provider>
      </TreeContext.Provider>
      <ListEnd more={win.moreRef} total={counts.total} discussionUrl={props.discussionUrl} {...win} />
    </div>
  );
}
