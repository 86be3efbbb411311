import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timersOf } from '@/utils/content/timers';

/** A context like WXT's: listeners on invalidation, counted. */
function fakeContext() {
  const listeners: Array<() => void> = [];
  return {
    isValid: true,
    listeners,
    onInvalidated(cb: () => void) {
      listeners.push(cb);
      return () => listeners.splice(listeners.indexOf(cb), 1);
    },
    invalidate() {
      this.isValid = false;
      for (const cb of listeners) cb();
    },
  };
}

describe('timers that end with the context', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('add one invalidation listener per context, however many timers run', () => {
    const ctx = fakeContext();
    const timers = timersOf(ctx as never);
    const ran = vi.fn();
    for (let i = 0; i < 1000; i++) timers.setTimeout(ran, 10);
    vi.advanceTimersByTime(20);
    expect(ran).toHaveBeenCalledTimes(1000);
    expect(ctx.listeners).toHaveLength(1);
    expect(timersOf(ctx as never)).toBe(timers);
  });

  it('clear what is still pending when the context ends, and run nothing after', () => {
    const ctx = fakeContext();
    const timers = timersOf(ctx as never);
    const ran = vi.fn();
    timers.setTimeout(ran, 100);
    const cleared = timers.setTimeout(ran, 50);
    timers.clearTimeout(cleared);
    ctx.invalidate();
    vi.advanceTimersByTime(200);
    expect(ran).not.toHaveBeenCalled();
  });
});
