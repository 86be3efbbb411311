import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CommentSection } from '@/utils/pipeline/model';

// The site changing the section under the view: re-read after a pause that grows while changes keep coming
// (backoff), so a section that mutates forever costs at most one extraction every OBSERVE_DELAY.max. And a
// section the site adds after load: the body is watched, throttled, until one appears or time runs out.

/** Delays for re-reading a changing section: doubled while the site keeps changing it, up to the maximum. */
export const OBSERVE_DELAY = { initial: 150, max: 8000, calm: 5000 };
/** A performance mark per re-read of a changing section: lets tests see the observer back off. */
export const REREAD_MARK = 'threadlight:reread';
/** How long to watch a page for a comment section that the site adds after load. */
const WAIT_FOR_SECTION_MS = 60_000;

/** Whether a new reading of the section differs from the last in anything the view shows. */
export function sameSection(a: CommentSection, b: CommentSection): boolean {
  const signature = (s: CommentSection) =>
    s.comments.map((c) => `${c.id}:${c.votes}:${c.ownText.length}:${c.quotes.length}`).join('|');
  return a.root === b.root && signature(a) === signature(b);
}

export interface SectionWatch {
  observe(root: Element): void;
  disconnect(): void;
}

export function createSectionWatch(ctx: ContentScriptContext, reread: () => void): SectionWatch {
  let observer: MutationObserver | null = null;
  let delay = OBSERVE_DELAY.initial;
  let timer: number | undefined;
  let lastRun = 0;
  const fire = () => {
    timer = undefined;
    const now = Date.now();
    delay = now - lastRun < OBSERVE_DELAY.calm ? Math.min(delay * 2, OBSERVE_DELAY.max) : OBSERVE_DELAY.initial;
    lastRun = now;
    performance.mark(REREAD_MARK);
    reread();
  };
  return {
    observe(root) {
      observer?.disconnect();
      observer = new MutationObserver(() => {
        if (timer === undefined) timer = ctx.setTimeout(fire, delay);
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    },
    disconnect: () => observer?.disconnect(),
  };
}

/** Calls `found` with the first section `find` reads after the site changes the body (checked every 500 ms). */
export function waitForSection(
  ctx: ContentScriptContext,
  doc: Document,
  find: () => CommentSection | null,
  found: (section: CommentSection) => boolean,
): void {
  let pending = false;
  const seeker = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    ctx.setTimeout(() => {
      pending = false;
      const section = find();
      if (section && found(section)) seeker.disconnect();
    }, 500);
  });
  if (doc.body) seeker.observe(doc.body, { childList: true, subtree: true });
  ctx.setTimeout(() => seeker.disconnect(), WAIT_FOR_SECTION_MS);
  ctx.onInvalidated(() => seeker.disconnect());
}
