import { onMessage, sendMessage } from './messages';
import type { Prefs } from './prefs';
import { savePrefs, type SaveResult } from './storage';

// Writing preferences as people change them: batched, at most one sync write every WRITE_INTERVAL_MS (sync
// allows 120 a minute), and from the popup through the background, which outlives it.

export const WRITE_INTERVAL_MS = 600;

/**
 * Coalesces rapid changes (toggling, typing) into at most one write per interval; the last value wins.
 * `onResult` hears every outcome, so a refused write is shown to the user, never silently dropped.
 * Writing here reads before it writes (savePrefs), so writes wait for one another. A `save` that hands the
 * batch to someone else (the popup gives it to the background, which outlives it) is called at once instead:
 * a flush as the page goes away then hands over everything before the page is gone.
 */
export function createPrefsWriter(
  onResult: (r: SaveResult | Error) => void,
  interval = WRITE_INTERVAL_MS,
  save?: (batch: Partial<Prefs>) => Promise<SaveResult>,
) {
  let pending: Partial<Prefs> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite = 0;
  let chain: Promise<void> = Promise.resolve();
  const report = (p: Promise<SaveResult>) =>
    p.then(onResult, (e: unknown) => onResult(e instanceof Error ? e : new Error(String(e))));
  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = {};
    if (Object.keys(batch).length === 0) return chain;
    lastWrite = Date.now();
    if (save) return report(save(batch));
    chain = chain.then(() => report(savePrefs(batch)));
    return chain;
  };
  return {
    write(values: Partial<Prefs>) {
      pending = { ...pending, ...values };
      if (timer === undefined) timer = setTimeout(flush, Math.max(0, lastWrite + interval - Date.now()));
    },
    /** Write now (popup closing, tests). */
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      return flush();
    },
  };
}

/** The popup's `save`: hands the batch to the background and hears the outcome (if the popup is still open). */
export function saveThroughBackground(values: Partial<Prefs>): Promise<SaveResult> {
  return sendMessage('threadlight:save-prefs', { values });
}

/** In the background: writes what the popup hands over, one write after another, in the order received. */
export function listenForPrefsWrites(): void {
  let chain: Promise<unknown> = Promise.resolve();
  onMessage('threadlight:save-prefs', ({ values }) => {
    const done = chain.then(() => savePrefs(values));
    chain = done.catch(() => undefined);
    return done;
  });
}
