import { sendMessage } from './messages';
import { compactOps, type PrefsOp } from './prefs-ops';
import type { SaveResult } from './storage';

// Writing preferences as people change them. Every surface (popup, settings page, the view in a tab) sends its
// changes as operations (prefs-ops.ts) to the background, which applies them over what is stored now, one
// batch after another (prefs-store.ts): the one writer, so no two surfaces read the same old value. Batches
// are coalesced here, at most one every WRITE_INTERVAL_MS (sync allows 120 writes a minute).

export const WRITE_INTERVAL_MS = 600;

export type SendOps = (ops: PrefsOp[]) => Promise<SaveResult>;

/** The surfaces' `send`: hands the batch to the background (which outlives a closing popup or tab). */
export const sendToBackground: SendOps = (ops) => sendMessage('threadlight:change-prefs', { ops });

/**
 * Coalesces rapid changes (toggling, typing) into at most one batch per interval. `onResult` hears every
 * outcome, so a refused write is shown where it happened, never dropped. `pending()` is what was changed
 * here and not yet confirmed stored: a surface that follows storage applies it over what arrives, so a change
 * in flight never flickers back. A flush (page going away) hands everything over at once.
 */
export function createPrefsWriter(
  onResult: (r: SaveResult | Error) => void,
  interval = WRITE_INTERVAL_MS,
  send: SendOps = sendToBackground,
) {
  let queued: PrefsOp[] = [];
  const inFlight = new Set<PrefsOp[]>();
  // Answered, but perhaps not yet in the stored value the surface shows: kept until it reads storage again.
  let answered: PrefsOp[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite = 0;
  const flush = async () => {
    timer = undefined;
    const batch = queued;
    queued = [];
    if (batch.length === 0) return;
    lastWrite = Date.now();
    inFlight.add(batch);
    try {
      onResult(await send(batch));
    } catch (e) {
      onResult(e instanceof Error ? e : new Error(String(e)));
    } finally {
      inFlight.delete(batch);
      answered = compactOps([...answered, ...batch]);
    }
  };
  return {
    write(ops: readonly PrefsOp[]) {
      if (ops.length === 0) return;
      queued = compactOps([...queued, ...ops]);
      if (timer === undefined) timer = setTimeout(flush, Math.max(0, lastWrite + interval - Date.now()));
    },
    /** Write now (page closing, tests). */
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      return flush();
    },
    /** Changes made here and not yet confirmed stored, oldest first. */
    pending(): PrefsOp[] {
      return [...answered, ...Array.from(inFlight).flat(), ...queued];
    },
    /** The surface has read storage after the answers so far: they are in what it shows now. */
    settle() {
      answered = [];
    },
  };
}

export type PrefsWriter = ReturnType<typeof createPrefsWriter>;
