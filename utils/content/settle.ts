import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { timersOf } from './timers';

// After an in-page navigation the site may swap its content before or after it changes the address. Wait
// until the page has settled (the old section gone, or no change for a short while) before detecting again,
// so the old section is not found again and attached to.

/** No change for this long after a navigation counts as settled. */
export const QUIET_MS = 250;
/** Settled at the latest this long after the navigation, however busy the page is. */
export const SETTLE_CAP_MS = 800;

export interface Settler {
  /** A navigation happened: call `settled` once the page has settled. */
  start(settled: () => void): void;
  /** The page changed (restarts the quiet period). */
  activity(): void;
  /** The old section is gone: settled now. */
  now(): void;
  readonly waiting: boolean;
}

export function createSettler(ctx: ContentScriptContext): Settler {
  const timers = timersOf(ctx);
  let done: (() => void) | null = null;
  let quiet: number | undefined;
  let cap: number | undefined;
  const finish = () => {
    const call = done;
    done = null;
    timers.clearTimeout(quiet);
    timers.clearTimeout(cap);
    call?.();
  };
  return {
    start(settled) {
      timers.clearTimeout(cap);
      done = settled;
      quiet = timers.setTimeout(finish, QUIET_MS);
      cap = timers.setTimeout(finish, SETTLE_CAP_MS);
    },
    activity() {
      if (!done) return;
      timers.clearTimeout(quiet);
      quiet = timers.setTimeout(finish, QUIET_MS);
    },
    now: finish,
    get waiting() {
      return done !== null;
    },
  };
}
