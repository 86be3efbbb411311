import type { ViewModel } from '@/utils/pipeline/view-model';
import { shownOrder } from '@/utils/pipeline/thread/tree';
import type { TreeStore } from './tree-store';
import { own } from '@/utils/pipeline/own';

type Action =
  'next' | 'prev' | 'first' | 'last' | 'out' | 'in' | 'toggle' | 'next-new' | 'prev-new' | 'next-you' | 'prev-you';

/** The tree's keys (WAI-ARIA tree view, plus j/k/h/l as in most comment readers). */
const KEYS: Record<string, Action> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'prev',
  ArrowUp: 'prev',
  Home: 'first',
  End: 'last',
  h: 'out',
  ArrowLeft: 'out',
  l: 'in',
  ArrowRight: 'in',
  Enter: 'toggle',
  n: 'next-new',
  N: 'prev-new',
  r: 'next-you',
  R: 'prev-you',
};

interface KeyContext {
  model: ViewModel;
  parents: Map<string, string>;
  store: TreeStore;
  bring(id: string, flash: boolean): void;
  focusItem(id: string): void;
  /** Replies to the reader (r / Shift+R). */
  toYou: readonly string[];
}

/**
 * The next (or previous) marked comment in reading order: new ones skip the replies of collapsed comments,
 * replies to the reader are found wherever they are (their thread opens).
 */
function toMarked(by: 1 | -1, id: string, marked: ReadonlySet<string>, context: KeyContext, hidden: Set<string>) {
  if (!marked.size) return;
  const ids = shownOrder(context.model.roots, hidden);
  const start = ids.indexOf(id);
  for (let i = start + by; i >= 0 && i < ids.length; i += by)
    if (marked.has(ids[i]!)) return context.bring(ids[i]!, true);
}

const NONE = new Set<string>();

/** What a key does on a comment. Moves follow the model, not the DOM: the next comment may not be rendered. */

function act(action: Action, item: HTMLElement, context: KeyContext) {
  const { model, parents, store, bring, focusItem } = context;
  const id = item.dataset.commentId!;
  const expandable = item.hasAttribute('aria-expanded');
  const expanded = item.getAttribute('aria-expanded') === 'true';
  const order = () => shownOrder(model.roots, store.collapsed);
  const step = (by: number) => {
    const ids = order();
    const next = ids[ids.indexOf(id) + by];
    if (next) bring(next, false);
  };
  if (action === 'next-new' || action === 'prev-new')
    return toMarked(action === 'next-new' ? 1 : -1, id, model.fresh ?? NONE, context, store.collapsed);
  if (action === 'next-you' || action === 'prev-you')
    return toMarked(action === 'next-you' ? 1 : -1, id, new Set(context.toYou), context, new Set());
  if (action === 'next') step(1);
  else if (action === 'prev') step(-1);
  else if (action === 'first') {
    if (model.roots[0]) bring(model.roots[0].comment.id, false);
  } else if (action === 'last') {
    const ids = order();
    if (ids.length) bring(ids[ids.length - 1]!, false);
  } else if (action === 'out') {
    if (expandable && expanded) store.toggle(id);
    else if (parents.has(id)) focusItem(parents.get(id)!);
  } else if (action === 'in') {
    if (expandable && !expanded) store.toggle(id);
    else if (expanded) step(1);
  } else if (expandable) store.toggle(id);
  else if (item.dataset.filtered) store.reveal(id);
}

/** The tree's keydown handler. */
export function treeKeys(context: KeyContext) {
  return (e: KeyboardEvent) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    // Keys on a control inside a comment (a link, the note editor) are that control's.
    if (!item || e.target !== item || e.altKey || e.ctrlKey || e.metaKey) return;
    const action = own(KEYS, e.key);
    if (!action) return;
    act(action, item, context);
    e.preventDefault();
  };
}
