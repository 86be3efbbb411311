import { nextCheckMs } from '@/utils/platform/watch-check';

// The two clocks of watching from a view (watch-view.ts): when the next check runs (the back-off, paused while
// the tab is hidden: the wait resumes where it was when the reader comes back), and the tab's title counting
// posts the reader has not looked at yet ("(3) "), until they press a key, click, touch or wheel (our own
// scrolling, which keeps their place, is none of those).

/** Runs `check` after each wait; `quiet`: checks in a row that found nothing (the back-off). */
export function createPacer(doc: Document, check: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = 0;
  let quiet = 0;
  const clear = () => (clearTimeout(timer), (timer = undefined));
  const start = (wait: number) => {
    clear();
    due = Date.now() + wait;
    if (doc.visibilityState !== 'hidden') timer = setTimeout(check, wait);
  };
  let on = false;
  const onVisibility = () => (doc.visibilityState === 'hidden' ? clear() : on && start(Math.max(0, due - Date.now())));
  doc.addEventListener('visibilitychange', onVisibility);
  return {
    /** The next check on the back-off: `found` says whether the last one found something. */
    next(found?: boolean) {
      if (found !== undefined) quiet = found ? 0 : quiet + 1;
      on = true;
      start(nextCheckMs(quiet));
    },
    /** No more checks until `next`. */
    pause: () => ((on = false), clear()),
    reset: () => (quiet = 0),
    stop() {
      on = false;
      clear();
      doc.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

const LOOKING = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
const COUNTED = /^\(\d+\) /;

/** The title without our count. */
export const bareTitle = (title: string) => title.replace(COUNTED, '');

export function createTitleCount(doc: Document) {
  let unread = 0;
  const show = () => {
    const base = bareTitle(doc.title);
    doc.title = unread ? `(${unread}) ${base}` : base;
  };
  const looked = () => unread && doc.visibilityState === 'visible' && ((unread = 0), show());
  const win = doc.defaultView;
  for (const type of LOOKING) win?.addEventListener(type, looked, { passive: true, capture: true });
  return {
    add: (n: number) => ((unread += n), show()),
    clear: () => ((unread = 0), show()),
    stop() {
      for (const type of LOOKING) win?.removeEventListener(type, looked, { capture: true });
      unread = 0;
      show();
    },
  };
}
