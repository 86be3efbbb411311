import { createContext } from 'preact';
import type { BrandMatcher } from '@/utils/pipeline/highlight/brands';
import type { FilterReason } from '@/utils/pipeline/arrange/filter';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import type { PeopleInput } from '@/utils/content/section-view';

export interface PeopleEnv extends PeopleInput {
  /** "Only posts by <name>": the search box searches `by:<name>`. */
  onlyBy(name: string): void;
}

/**
 * Per-comment view state (collapsed, revealed, focused, flashing) with subscriptions by comment id, so a
 * change re-renders only the comments it concerns, and progressive rendering adds comments without
 * re-rendering the ones already shown.
 */
export class TreeStore {
  collapsed = new Set<string>();
  revealed = new Set<string>();
  focused: string | null = null;
  flash: string | null = null;
  /** Comments whose replies render all at once now (the reader is being taken into them). */
  whole = new Set<string>();
  private listeners = new Map<string, Set<() => void>>();
  private any = new Set<() => void>();

  subscribe(id: string, fn: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  /** Listeners for every change (the header's Collapse all button). */
  subscribeAll(fn: () => void): () => void {
    this.any.add(fn);
    return () => this.any.delete(fn);
  }

  notify(ids: Iterable<string>) {
    for (const id of ids) for (const fn of this.listeners.get(id) ?? []) fn();
    for (const fn of this.any) fn();
  }

  toggle(id: string) {
    if (!this.collapsed.delete(id)) this.collapsed.add(id);
    this.notify([id]);
  }

  setCollapsed(ids: Set<string>) {
    const changed = new Set([...this.collapsed, ...ids]);
    this.collapsed = ids;
    this.notify(changed);
  }

  reveal(id: string) {
    this.revealed.add(id);
    this.notify([id]);
  }

  focus(id: string | null) {
    const old = this.focused;
    this.focused = id;
    this.notify([old, id].filter((x): x is string => x !== null));
  }

  renderWhole(ids: string[]) {
    const added = ids.filter((id) => !this.whole.has(id));
    for (const id of added) this.whole.add(id);
    if (added.length) this.notify(added);
  }

  setFlash(id: string | null) {
    const old = this.flash;
    this.flash = id;
    this.notify([old, id].filter((x): x is string => x !== null));
  }
}

/** What every comment needs from the view besides its own state; changes with the model. */
export interface TreeEnv {
  store: TreeStore;
  /** Why a comment is a placeholder (filters and the reader's people rules), if it is one. */
  reasonOf(id: string): FilterReason | undefined;
  matcher: BrandMatcher | null;
  authorOf(id: string): string | undefined;
  discussionUrl: string | undefined;
  onJump(id: string): void;
  /** The id that holds the tab stop when the focused one is not shown. */
  defaultFocus: string | null;
  /** Comments new since the reader's last visit. */
  fresh: ReadonlySet<string>;
  /** The first of them in reading order: the unread line stands before it. */
  firstNew: string | null;
  maxIndent: number;
  /** Any comment of the discussion, rendered or not (previews). */
  commentOf(id: string): ThreadNode | undefined;
  /** Backlinks: the comments quoting each comment. */
  quotedBy: ReadonlyMap<string, string[]>;
  /** The search in the header, while it holds text. */
  search: { query: string; matches: ReadonlySet<string>; context: ReadonlySet<string> } | null;
  /** The reader's people on this page (marks, notes, tags, changing them), and showing one person's posts. */
  people: PeopleEnv;
  /** Replies sit under their parents (threaded view): a quote of the parent folds to one line. */
  threaded: boolean;
  /** Whether the page shows ratings: without, no vote counts are drawn. */
  rated: boolean;
}

export const TreeContext = createContext<TreeEnv | null>(null);
