import type { Comment, CommentSection } from '@/utils/pipeline/model';
import type { DiscussionController } from './discussion-controller';
import { createWatcher, type WatchHooks, type WatcherDeps, type WatchKit } from './watch-view';

// A discussion controller with watching beside it: posts a check brought (watch-view.ts) join the section
// after everything else the view holds (the page's own reading, a loaded full discussion), each once, so the
// threading puts them where they belong and "new since the last visit" marks them new.

/** The comments with the arrivals none of them is, appended in the order they came. */
export function withArrivals(comments: readonly Comment[], arrivals: readonly Comment[]): Comment[] {
  const have = new Set(comments.map((c) => c.id));
  const more = arrivals.filter((c) => !have.has(c.id));
  return more.length ? [...comments, ...more.map((c, i) => ({ ...c, index: comments.length + i }))] : [...comments];
}

type Make = (onChange: (merged: CommentSection | null) => void) => DiscussionController;

export function withWatching(
  section: CommentSection,
  make: Make,
  onChange: (merged: CommentSection | null) => void,
  kit: WatchKit,
  deps: WatcherDeps,
): DiscussionController {
  const arrivals: Comment[] = [];
  let arrivedIds: ReadonlySet<string> = new Set();
  let shown = section;
  const add = (s: CommentSection) => (arrivals.length ? { ...s, comments: withArrivals(s.comments, arrivals) } : s);
  const inner = make((merged) => onChange(merged && (shown = add(merged))));
  const hooks: WatchHooks = {
    shown: () => shown.comments,
    arrived(comments) {
      arrivals.push(...comments);
      arrivedIds = new Set(arrivals.map((c) => c.id));
      onChange((shown = add(inner.apply(section))));
    },
    redraw: () => onChange(null),
  };
  const watcher = createWatcher(kit, deps, hooks);
  return {
    ui: () => inner.ui(),
    apply(s) {
      section = s;
      return (shown = add(inner.apply(s)));
    },
    watch: () => ({ ...watcher.ui(), arrivedIds }),
    destroy() {
      inner.destroy();
      watcher.stop();
    },
  };
}
