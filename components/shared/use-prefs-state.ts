import { useRef, useState } from 'preact/hooks';
import type { Prefs } from '@/utils/platform/prefs';
import { applyOps, diffPrefs, type PrefsOp } from '@/utils/platform/prefs-ops';

/** What a surface writes through: operations out, and those not yet stored (prefs-writer.ts). */
export interface PrefsSink {
  write(ops: readonly PrefsOp[]): void;
  pending(): PrefsOp[];
}

/**
 * The preferences a surface shows: what is stored now (`stored`, which follows storage) with this surface's
 * own changes not yet stored applied over it. An edit is a function of the latest value, so several quick
 * edits (typing, then toggling before a re-render) never lose one another; what it changed is sent as
 * operations, so it never overwrites what another surface changed meanwhile.
 */
export function usePrefsState(stored: Prefs, sink: PrefsSink) {
  const [, setTick] = useState(0);
  const storedRef = useRef(stored);
  storedRef.current = stored;
  const current = () => applyOps(storedRef.current, sink.pending()).prefs;
  const change = (edit: (p: Prefs) => Prefs) => {
    const before = current();
    sink.write(diffPrefs(before, edit(before)));
    setTick((n) => n + 1);
  };
  return [current(), change] as const;
}
