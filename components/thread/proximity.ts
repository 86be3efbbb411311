import { createContext } from 'preact';

/** Discussions with fewer comments render whole and stay rendered; longer ones render what is near the viewport. */
export const WINDOW_FROM = 300;
/** Comments per block of top-level threads: the unit that is rendered or dropped as the reader scrolls. */
export const BLOCK_COMMENTS = 25;
/**
 * How far outside the viewport a block stays rendered; beyond it, it becomes an empty spacer of the same
 * height. Wider than the margin at which more comments are rendered (use-paced-limit.ts), so a block just
 * rendered at the end of the list is never dropped straight away.
 */
export const KEEP_MARGIN = '3000px 0px';
/** Height assumed for a comment not measured yet (a spacer for a block the reader jumped over). */
const DEFAULT_COMMENT_PX = 120;

/**
 * Splits top-level threads into blocks of about BLOCK_COMMENTS comments (whole threads: a thread larger than
 * that is one block). Returns each block's first thread index.
 */
export function blocksOf(sizes: readonly number[], target = BLOCK_COMMENTS): number[] {
  const starts: number[] = [];
  let inBlock = target;
  for (let i = 0; i < sizes.length; i++) {
    if (inBlock >= target) {
      starts.push(i);
      inBlock = 0;
    }
    inBlock += sizes[i]!;
  }
  return starts;
}

/** Told whether a watched element is within KEEP_MARGIN of the viewport, and its height then. */
export type Watcher = (near: boolean, height: number) => void;

/**
 * One IntersectionObserver for every block of a view, a queue that renders and drops blocks one per task (a
 * fast scroll over many blocks never adds up to a long task), and the average height of a comment so far.
 * Where IntersectionObserver is missing nothing is ever reported far, so every block stays rendered.
 */
export class Proximity {
  private readonly observer: IntersectionObserver | null;
  private readonly watchers = new Map<Element, Watcher>();
  private readonly urgent: Array<() => void> = [];
  private readonly queue: Array<() => void> = [];
  private draining = false;
  private px = 0;
  private comments = 0;

  constructor(private readonly later: (fn: () => void) => void = (fn) => setTimeout(fn, 0)) {
    this.observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              for (const e of entries) this.watchers.get(e.target)?.(e.isIntersecting, e.boundingClientRect.height);
            },
            { rootMargin: KEEP_MARGIN },
          );
  }

  watch(el: Element, watcher: Watcher): () => void {
    this.watchers.set(el, watcher);
    this.observer?.observe(el);
    return () => {
      this.watchers.delete(el);
      this.observer?.unobserve(el);
    };
  }

  /**
   * Runs `fn` on a later task, one per task: blocks coming near (`first`) before blocks going away, each
   * kind in order. A scroll across many blocks thus never renders or drops them all in one long task.
   */
  schedule(fn: () => void, first = false) {
    (first ? this.urgent : this.queue).push(fn);
    if (this.draining) return;
    this.draining = true;
    this.later(this.drain);
  }

  private readonly drain = () => {
    (this.urgent.shift() ?? this.queue.shift())?.();
    if (this.urgent.length || this.queue.length) this.later(this.drain);
    else this.draining = false;
  };

  /** A block of `comments` comments measured `px` high. */
  measured(px: number, comments: number) {
    this.px += px;
    this.comments += comments;
  }

  /** Height to assume for `comments` comments not rendered yet. */
  estimate(comments: number): number {
    return Math.round(comments * (this.comments ? this.px / this.comments : DEFAULT_COMMENT_PX));
  }

  disconnect() {
    this.observer?.disconnect();
    this.watchers.clear();
    this.urgent.length = 0;
    this.queue.length = 0;
  }
}

export const ProximityContext = createContext<Proximity | null>(null);
