import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { applyOps, type PrefsOp } from '@/utils/platform/prefs-ops';

/** A surface's sink that keeps every operation, and the preferences after each write (`changes`). */
export function recordingSink(stored: Prefs = DEFAULT_PREFS) {
  const ops: PrefsOp[] = [];
  const changes: Prefs[] = [];
  const sink = {
    write(batch: readonly PrefsOp[]) {
      ops.push(...batch);
      changes.push(applyOps(stored, ops).prefs);
    },
    pending: () => ops.slice(),
  };
  return { sink, changes, ops };
}
