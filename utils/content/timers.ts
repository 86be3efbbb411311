import type { ContentScriptContext } from 'wxt/utils/content-script-context';

// Timers that end with the content script's context. WXT's ctx.setTimeout adds an "invalidated" listener for
// every timer and never removes it once the timer has run: a page that changes every second (a live section,
// a ticking clock) would gather thousands of them in an hour. Here one listener per context clears whatever
// timers are still pending, and a timer that ran is forgotten.

export interface Timers {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

const byContext = new WeakMap<ContentScriptContext, Timers>();

export function timersOf(ctx: ContentScriptContext): Timers {
  let timers = byContext.get(ctx);
  if (timers) return timers;
  const pending = new Set<number>();
  ctx.onInvalidated(() => {
    for (const id of pending) clearTimeout(id);
    pending.clear();
  });
  timers = {
    setTimeout(handler, ms) {
      const id = window.setTimeout(() => {
        pending.delete(id);
        if (ctx.isValid) handler();
      }, ms);
      pending.add(id);
      return id;
    },
    clearTimeout(id) {
      if (id === undefined) return;
      clearTimeout(id);
      pending.delete(id);
    },
  };
  byContext.set(ctx, timers);
  return timers;
}
