import { useRef, useState, type MutableRef } from 'preact/hooks';
import type { ViewModel } from '@/utils/pipeline/view-model';
import type { TreeStore } from './tree-store';

interface Latest {
  model: ViewModel;
  parents: Map<string, string>;
  showThrough(rootIndex: number): void;
}

/**
 * Taking the reader to a comment wherever it is (a followed quote, Home/End, j/k past a spacer): opens its
 * collapsed ancestors, renders its top-level thread, focuses it, and for a followed quote scrolls to it and
 * flashes it. Comments keep the handler they were rendered with (they are memoised), so it reads the newest
 * model through a ref instead of the one it was made with.
 */
export function useBring(store: TreeStore, tree: MutableRef<HTMLUListElement | null>, latest: Latest) {
  const now = useRef(latest);
  now.current = latest;
  // The top-level thread the reader is being taken to.
  const [target, setTarget] = useState<{ model: ViewModel; root: number } | null>(null);
  const itemEl = (id: string) => tree.current?.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(id)}"]`);
  const focusItem = (id: string) => {
    store.focus(id);
    itemEl(id)?.focus();
  };
  /** `stay`: the reader keeps typing where they are (search): the comment is shown, not focused. */
  const bring = (id: string, flash: boolean, stay = false) => {
    if (!flash && !stay && itemEl(id)) return focusItem(id);
    const { model, parents, showThrough } = now.current;
    const open = new Set(store.collapsed);
    const path: string[] = [];
    let root = id;
    for (let p = parents.get(id); p; p = parents.get(p)) {
      open.delete(p);
      path.push(p);
      root = p;
    }
    if (open.size !== store.collapsed.size) store.setCollapsed(open);
    // Its ancestors render their replies whole at once (long reply lists otherwise come in steps).
    store.renderWhole(path);
    const index = model.roots.findIndex((n) => n.comment.id === root);
    setTarget({ model, root: index });
    showThrough(index);
    if (flash) store.setFlash(id);
    setTimeout(() => {
      if (flash) itemEl(id)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (stay) store.focus(id);
      else focusItem(id);
    }, 0);
    if (flash) setTimeout(() => store.flash === id && store.setFlash(null), 1600);
  };
  const targetRoot = target?.model === latest.model ? target.root : -1;
  return { bring, focusItem, targetRoot };
}
