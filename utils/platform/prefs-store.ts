import { t } from './i18n';
import { browser } from 'wxt/browser';
import { CONCERNS, PREFS_VERSION, validatePrefs, type Concern } from './prefs';
import { applyOps, fieldsOf, isPrefsOp, type PrefsOp } from './prefs-ops';
import { onMessage } from './messages';
import {
  effectiveRaw,
  errorText,
  LOCAL_ONLY_KEY,
  MAX_REMOVED,
  metaKey,
  prefsKey,
  readStored,
  SYNC_ITEM_QUOTA,
  type LocalOnly,
  type SaveResult,
  type Stored,
} from './storage';
import { makeRoom } from './cache-budget';
import { isRecord } from '@/utils/pipeline/own';

// The one place preferences are written. It reads what is stored now, applies the operations a surface sent
// (prefs-ops.ts), and writes only the concerns they changed: to sync where they fit, else to this device with
// the fact recorded beside them. The background runs every write through here, one after another, so two
// tabs, the popup and the settings page never read the same old value and overwrite each other.

type Obj = Record<string, unknown>;
const ITEM_ROOM = SYNC_ITEM_QUOTA - 64;
const bytes = (text: string) => new TextEncoder().encode(text).length;
const fitsSync = (c: Concern, value: unknown) =>
  bytes(JSON.stringify(prefsKey(c)) + JSON.stringify(value)) <= ITEM_ROOM;

/**
 * What of a concern too large for one sync item still fits in one: its scalars and lists, and as many entries
 * of its maps (notes, tags, mutes) as fit, oldest first (so adding one does not push another out of sync);
 * null when not even that fits. The whole value stays on this device.
 */
export function syncPart(c: Concern, value: unknown): Obj | null {
  if (!isRecord(value)) return null;
  const maps = fieldsOf(c).filter(([f, kind]) => kind === 'map' && isRecord(value[f]));
  if (!maps.length) return null;
  const part: Obj = { ...value };
  for (const [f] of maps) part[f] = {};
  let used = bytes(JSON.stringify(prefsKey(c)) + JSON.stringify(part));
  if (used > ITEM_ROOM) return null;
  for (const [f] of maps) {
    const kept: Obj = Object.create(null) as Obj;
    for (const [key, entry] of Object.entries(value[f] as Obj)) {
      const cost = bytes(JSON.stringify(key) + JSON.stringify(entry)) + 2;
      if (used + cost > ITEM_ROOM) break;
      kept[key] = entry;
      used += cost;
    }
    part[f] = kept;
  }
  return part;
}

/** What removals on this device sync must not bring back, after these operations (puts and adds undo them). */
function removedAfter(flag: LocalOnly[Concern], c: Concern, ops: readonly PrefsOp[]) {
  const removed: Record<string, string[]> = {};
  for (const [f, list] of Object.entries(flag?.removed ?? {})) removed[f] = list.slice();
  for (const op of ops) {
    if (op.c !== c) continue;
    const target = 'key' in op ? op.key : 'item' in op ? op.item : null;
    if (target === null) continue;
    const list = (removed[op.f] ??= []).filter((x) => x !== target);
    if (op.op === 'delete' || op.op === 'remove') list.push(target);
    removed[op.f] = list.slice(-MAX_REMOVED);
  }
  return removed;
}

/** Applies `ops` over what is stored now and writes the concerns they change. */
export async function changePrefs(ops: readonly PrefsOp[]): Promise<SaveResult> {
  const stored = await readStored();
  const raws = Object.fromEntries(CONCERNS.map((c) => [c, effectiveRaw(stored, c)])) as Record<Concern, unknown>;
  const current = validatePrefs(raws);
  const applied = applyOps(current, ops);
  const result: SaveResult = { stored: {}, warnings: [...applied.refused], ok: applied.refused.length === 0 };
  const values: Partial<Record<Concern, unknown>> = {};
  for (const c of applied.touched) {
    if ((stored.versions[c] ?? 1) > PREFS_VERSION) {
      result.warnings.push(t('newerSaved', c, String(stored.versions[c])));
      result.ok = false;
      continue;
    }
    // Fields a newer version added are kept as they were.
    const old = raws[c];
    values[c] = isRecord(old) ? { ...old, ...applied.prefs[c] } : applied.prefs[c];
  }
  await write(stored, values, ops, result);
  return result;
}

async function write(
  stored: Stored,
  values: Partial<Record<Concern, unknown>>,
  ops: readonly PrefsOp[],
  result: SaveResult,
) {
  const toSync: Obj = {};
  const local = new Set<Concern>();
  const partial = new Set<Concern>();
  for (const c of CONCERNS) {
    if (!(c in values)) continue;
    if (fitsSync(c, values[c])) {
      toSync[prefsKey(c)] = values[c];
      toSync[metaKey(c)] = { v: PREFS_VERSION }; // same write as the value: one sync operation in all
      continue;
    }
    local.add(c);
    const part = syncPart(c, values[c]);
    if (part) {
      // Synced where it fits, the rest on this device (read back merged, storage.ts).
      toSync[prefsKey(c)] = part;
      toSync[metaKey(c)] = { v: PREFS_VERSION };
      partial.add(c);
    } else result.warnings.push(t('tooLargeToSync', c));
  }
  if (Object.keys(toSync).length) {
    try {
      await browser.storage.sync.set(toSync);
      for (const c of CONCERNS) if (prefsKey(c) in toSync && !partial.has(c)) result.stored[c] = 'sync';
    } catch (err) {
      result.warnings.push(t('syncRefused', errorText(err)));
      for (const c of CONCERNS) if (prefsKey(c) in toSync) local.add(c);
    }
  }
  await writeLocal(stored, values, ops, local, result);
}

/** The concerns that stay on this device, with the record of which they are, in one local write. */
async function writeLocal(
  stored: Stored,
  values: Partial<Record<Concern, unknown>>,
  ops: readonly PrefsOp[],
  local: Set<Concern>,
  result: SaveResult,
) {
  const flags: LocalOnly = { ...stored.localOnly };
  const set: Obj = {};
  const synced = CONCERNS.filter((c) => result.stored[c] === 'sync' && flags[c]);
  for (const c of synced) delete flags[c];
  for (const c of local) {
    flags[c] = { removed: removedAfter(flags[c], c, ops) };
    set[prefsKey(c)] = values[c];
    set[metaKey(c)] = { v: PREFS_VERSION };
  }
  if (!local.size && !synced.length) return;
  set[LOCAL_ONLY_KEY] = flags;
  try {
    await setLocalMakingRoom(set);
    for (const c of local) result.stored[c] = 'local';
    // Now in sync whole: the device's copy is no longer needed.
    if (synced.length) await browser.storage.local.remove(synced.flatMap((c) => [prefsKey(c), metaKey(c)]));
  } catch (err) {
    result.ok = false;
    result.warnings.push(t('couldNotSave', errorText(err)));
  }
}

/** A local write that the caches' share of the quota must never stop: on failure, caches go and it is tried again. */
export async function setLocalMakingRoom(values: Obj): Promise<void> {
  try {
    await browser.storage.local.set(values);
  } catch {
    await makeRoom();
    await browser.storage.local.set(values);
  }
}

/** In the background: applies what every surface hands over, one batch after another, in the order received. */
export function listenForPrefsWrites(): void {
  let chain: Promise<unknown> = Promise.resolve();
  onMessage('threadlight:change-prefs', ({ ops }) => {
    const done = chain.then(() => changePrefs(ops.filter(isPrefsOp)));
    chain = done.catch(() => undefined);
    return done;
  });
}
