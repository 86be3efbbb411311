import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CommentSection } from '@/utils/pipeline/model';
import { timersOf } from './timers';

// The site changing the section under the view: re-read after a pause that grows while changes keep coming
// (backoff), so a section that mutates forever costs at most one extraction every OBSERVE_DELAY.max.

/** Delays for re-reading a changing section: doubled while the site keeps changing it, up to the maximum. */
export const OBSERVE_DELAY = { initial: 150, max: 8000, calm: 5000 };
/** A performance mark per re-read of a changing section: lets tests see the observer back off. */
export const REREAD_MARK = 'threadlight:reread';
let marks = 0;

/** Whether a new reading of the section differs from the last in anything the view shows. */
export function sameSection(a: CommentSection, b: CommentSection): boolean {
  const signature = (s: CommentSection) =>
    s.comments.map((c) => `${c.id}:${c.votes}:${c.ownText.length}:${c.quotes.length}`).join('|');
  return a.root === b.root && signature(a) === signature(b);
}

/**
 * Whether a section found now is the discussion the view shows, drawn again or grown (it shares a comment
 * with it): the view then takes it in place, keeping what the reader collapsed. Another article's comments
 * share none.
 */
export function sameDiscussion(next: CommentSection, shown: CommentSection): boolean {
  if (next.source !== shown.source) return false;
  const ids = new Set(shown.comments.map((c) => c.id));
  return next.comments.some((c) => ids.has(c.id));
}

/** Calls `reread` once after each burst of pokes, waiting longer while the bursts keep coming. */
export function createBackoff(ctx: ContentScriptContext, reread: () => void): { poke(): void } {
  let delay = OBSERVE_DELAY.initial;
  let timer: number | undefined;
  let lastRun = 0;
  const fire = () => {
    timer = undefined;
    const now = Date.now();
    delay = now - lastRun < OBSERVE_DELAY.calm ? Math.min(delay * 2, OBSERVE_DELAY.max) : OBSERVE_DELAY.initial;
    lastRun = now;
    // The page's timeline keeps marks until cleared: keep the last hundred, not one per change for hours.
    if (++marks > 100) {
      performance.clearMarks(REREAD_MARK);
      marks = 1;
    }
    performance.mark(REREAD_MARK);
    reread();
  };
  return {
    poke() {
      if (timer === undefined) timer = timersOf(ctx).setTimeout(fire, delay);
    },
  };
}
