import { useEffect, useLayoutEffect, useRef, useState, type MutableRef } from 'preact/hooks';

/** Time one chunk of comments may take to render and commit, so a task of ours never runs long (50 ms). */
export const RENDER_BUDGET_MS = 12;
/**
 * Comments rendered straight away; beyond them, more are rendered as the reader scrolls towards them. A few
 * screens' worth: rendering further ahead would only render comments that are dropped at once (proximity.ts).
 */
export const EAGER_COMMENTS = 40;
const MIN_CHUNK = 4;
/** Even when comments look cheap, a chunk holds at most this many: costs vary from chunk to chunk. */
const MAX_CHUNK = 40;

export interface PacingOptions {
  /** Comments in the first chunk. */
  first: number;
  /** Comments rendered without waiting for the reader (default EAGER_COMMENTS). */
  eager?: number;
  /** Whether the end of what is rendered is near the viewport (the reader is scrolling towards it). */
  near: boolean;
  /** Cap on a chunk's size (tests). */
  maxChunk?: number;
}

export interface PacedLimit {
  /** How many top-level threads to render now. */
  visibleRoots: number;
  /** Comments in those threads. */
  shown: number;
  complete: boolean;
  /** "Show all" was asked for: everything renders and stays rendered. */
  all: boolean;
  /** Rendering waits for the reader to scroll (or for showAll). */
  waiting: boolean;
  /** Renders at least up to (and including) the thread at this index, at once. */
  showThrough(rootIndex: number): void;
  /** Renders everything, progressively, without waiting for the reader (find in page, printing). */
  showAll(): void;
}

/** The whole top-level threads that fit within `limit` comments (always the first), and their comments. */
function withinLimit(sizes: number[], limit: number) {
  let shown = 0;
  for (let i = 0; i < sizes.length; i++) {
    if (shown + sizes[i]! > limit && i > 0) return { visibleRoots: i, shown };
    shown += sizes[i]!;
  }
  return { visibleRoots: sizes.length, shown };
}

/**
 * Progressive rendering paced by time: whole top-level threads, as many comments per task as the last chunks
 * show to fit RENDER_BUDGET_MS, the next chunk on a later task. Past the first `eager` comments it goes on
 * only while the end of the rendered list is near the viewport, so a 5,000-post discussion costs what the
 * reader actually scrolls through. A new `key` (a new model: sort, filters) starts again from the first
 * chunk, so re-rendering a long discussion is progressive too.
 */
export function usePacedLimit(key: unknown, sizes: number[], options: PacingOptions): PacedLimit {
  const { first, eager = EAGER_COMMENTS, near, maxChunk = MAX_CHUNK } = options;
  const [state, setState] = useState({ key, limit: first, all: false });
  // State left from another model counts as a fresh start for this one.
  const ofThisModel = (s: typeof state) => (s.key === key ? s : { key, limit: first, all: false });
  const current = ofThisModel(state);
  const { limit } = current;
  const pace = useRef({ msPerComment: 0, start: 0, shown: 0, key });

  const { visibleRoots, shown } = withinLimit(sizes, limit);
  const complete = visibleRoots >= sizes.length;
  const waiting = !complete && !current.all && !near && shown >= eager;
  pace.current.start = performance.now();

  // After each commit: what the new comments cost, averaged with what earlier chunks cost.
  useLayoutEffect(() => {
    const p = pace.current;
    const added = p.key === key ? shown - p.shown : shown;
    if (added > 0) {
      // A dearer chunk counts at once, a cheaper one only slowly: comments differ in length, and a chunk sized
      // on a cheap run must not overshoot the budget several times over.
      const cost = (performance.now() - p.start) / added;
      p.msPerComment = Math.max(cost, p.msPerComment * 0.8 + cost * 0.2);
    }
    p.shown = shown;
    p.key = key;
  });

  useEffect(() => {
    if (complete || waiting) return;
    const { msPerComment } = pace.current;
    const chunk =
      msPerComment > 0
        ? Math.max(Math.min(MIN_CHUNK, maxChunk), Math.min(maxChunk, Math.floor(RENDER_BUDGET_MS / msPerComment)))
        : Math.min(first, maxChunk);
    // The next chunk always takes at least the next whole thread, so every chunk shows something new.
    const target = shown + Math.max(chunk, sizes[visibleRoots] ?? 0);
    const id = setTimeout(() => raise(target, false), 0);
    return () => clearTimeout(id);
  }, [key, limit, complete, waiting]);

  // Functional and never shrinking: a jump may have raised the limit before a chunk's timer fires.
  function raise(needed: number, all: boolean) {
    setState((prev) => {
      const base = ofThisModel(prev);
      return needed > base.limit || (all && !base.all)
        ? { key, limit: Math.max(base.limit, needed), all: base.all || all }
        : prev;
    });
  }

  return {
    visibleRoots,
    shown,
    complete,
    waiting,
    all: current.all,
    showThrough(rootIndex) {
      let needed = 0;
      for (let i = 0; i <= rootIndex && i < sizes.length; i++) needed += sizes[i]!;
      raise(needed, false);
    },
    showAll: () => raise(0, true),
  };
}

/** How far below the viewport the end of the list counts as near: about two screens of scrolling. */
const NEAR_MARGIN = '1500px 0px';

/**
 * Whether the element is within NEAR_MARGIN of the viewport (true where IntersectionObserver is missing, so
 * rendering then simply goes on). Re-observes when the element is replaced.
 */
export function useNearViewport(ref: MutableRef<Element | null>): boolean {
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  const el = ref.current;
  useEffect(() => {
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setNear(entries[entries.length - 1]!.isIntersecting), {
      rootMargin: NEAR_MARGIN,
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return near;
}
