import { useEffect, useMemo, useRef, type MutableRef } from 'preact/hooks';
import type { ReadingInput } from '@/utils/content/section-view';
import type { ViewModel } from '@/utils/pipeline/view-model';
import { shownOrder } from '@/utils/pipeline/thread/tree';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import type { TreeEnv, TreeStore } from './tree-store';
import type { ThreadViewInput } from '@/utils/content/section-view';

// Reading sessions in the view: where the reader is (the comment a third of the way down the window, told at
// most once a second while they scroll: one hit test, no layout of ours), the line before the first comment
// new since their last visit, and, where they asked for it, threads holding nothing new collapsed.

/** How often the place is told while the reader scrolls. */
export const PLACE_INTERVAL_MS = 1000;

/** The comment under a point a third of the way down the window, inside our tree. */
function commentAtReadingLine(tree: HTMLElement): string | null {
  const box = tree.getBoundingClientRect();
  const y = Math.min(Math.max(innerHeight / 3, box.top + 4), box.bottom - 4);
  if (box.bottom <= 0 || box.top >= innerHeight || y <= 0) return null;
  const hit = document.elementFromPoint(box.left + box.width / 2, y)?.closest<HTMLElement>('[role="treeitem"]');
  return hit && tree.contains(hit) ? (hit.dataset.commentId ?? null) : null;
}

/** Tells `reading.onPlace` where the reader is, as they scroll (trailing, at most once per interval). */
export function usePlace(
  tree: MutableRef<HTMLUListElement | null>,
  reading: ReadingInput | null | undefined,
  commentOf: (id: string) => ThreadNode | undefined,
) {
  const latest = useRef({ reading, commentOf });
  latest.current = { reading, commentOf };
  const on = !!reading;
  useEffect(() => {
    if (!on) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const report = () => {
      timer = undefined;
      last = Date.now();
      const el = tree.current;
      const id = el ? commentAtReadingLine(el) : null;
      const now = latest.current;
      if (!id || !now.reading) return;
      const url = now.commentOf(id)?.comment.postUrl;
      now.reading.onPlace(url ? { id, url } : { id });
    };
    const onScroll = () => {
      timer ??= setTimeout(report, Math.max(0, last + PLACE_INTERVAL_MS - Date.now()));
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => {
      removeEventListener('scroll', onScroll);
      clearTimeout(timer);
    };
  }, [on, tree]);
}

/** The first comment new since the last visit, in reading order (the unread line goes before it). */
export function useFirstNew(model: ViewModel): string | null {
  return useMemo(() => {
    const fresh = model.fresh;
    if (!fresh?.size) return null;
    return shownOrder(model.roots, new Set()).find((id) => fresh.has(id)) ?? null;
  }, [model.roots, model.fresh]);
}

/** Collapses the top-level threads that hold nothing new, once per set of new comments (the reader's setting). */
export function useCollapseRead(model: ViewModel, store: TreeStore, on: boolean) {
  useEffect(() => {
    const fresh = model.fresh;
    if (!on || !fresh?.size) return;
    const quiet = model.roots.filter(
      (root) => root.children.length > 0 && !shownOrder([root], new Set()).some((id) => fresh.has(id)),
    );
    if (quiet.length) store.setCollapsed(new Set([...store.collapsed, ...quiet.map((r) => r.comment.id)]));
  }, [model.fresh, on]);
}

/**
 * The view's reading session: tells the place as the reader scrolls, collapses what holds nothing new (where
 * asked), and gives the header "Continue where you left off" (the remembered comment, or the page it is on).
 */
export function useReadingSession(
  props: ThreadViewInput,
  env: TreeEnv,
  store: TreeStore,
  tree: MutableRef<HTMLUListElement | null>,
  bring: (id: string, flash: boolean) => void,
) {
  usePlace(tree, props.reading, env.commentOf);
  useCollapseRead(props.model, store, props.collapseRead === true && props.view === 'threaded');
  const resume = props.reading?.resume ?? null;
  const onResume = resume
    ? () => (env.commentOf(resume.id) ? bring(resume.id, true) : resume.url && location.assign(resume.url))
    : undefined;
  return { onResume };
}
