import { t } from './i18n';
import { browser } from 'wxt/browser';
import { MIGRATIONS } from './migrations';
import { CONCERNS, PREFS_VERSION, validatePrefs, type Concern, type Prefs } from './prefs';
import { fieldsOf, VALIDATE } from './prefs-ops';
import { isRecord, own } from '@/utils/pipeline/own';

// Where preferences live: browser.storage.sync, one versioned item per concern ("threadlight.view" …),
// migrated in storage by the background (prefs-migrate.ts, WXT's storage.defineItem) and in memory by
// readers. A concern too large for sync (8 KB per item), or one that sync refused, is kept in storage.local, and *that it is* is recorded in storage.local too (LOCAL_ONLY_KEY), in the
// same write: never as a marker in sync, which the same full quota would refuse. Reading a concern kept
// locally merges the two areas (local wins a conflict; lists and maps are joined; what was removed here
// stays removed), so another browser's changes arriving through sync are never shadowed.

export const SYNC_ITEM_QUOTA = 8192;
const KEY_PREFIX = 'threadlight.';
/** storage.local: which concerns are kept on this device, and what was removed from them here. */
export const LOCAL_ONLY_KEY = 'threadlight.local-only';
/** Older versions left this marker in sync; it still means "look locally". */
const LEGACY_MARKER = '$storedLocally';
/** Removals on this device remembered per field (the oldest forgotten first). */
export const MAX_REMOVED = 1000;

export const prefsKey = (c: Concern) => `${KEY_PREFIX}${c}`;
/** WXT keeps an item's version in "<key>$". */
export const metaKey = (c: Concern) => `${prefsKey(c)}$`;

/** Per concern kept locally: the keys and items removed here since, per field, so sync cannot bring them back. */
export type LocalOnly = Partial<Record<Concern, { removed: Record<string, string[]> }>>;

const isLegacyMarker = (v: unknown) => isRecord(v) && v[LEGACY_MARKER] === true;

export function cleanLocalOnly(raw: unknown): LocalOnly {
  const out: LocalOnly = {};
  if (!isRecord(raw)) return out;
  for (const c of CONCERNS) {
    const entry = own(raw, c);
    if (!isRecord(entry)) continue;
    const removed: Record<string, string[]> = {};
    const r = isRecord(entry.removed) ? entry.removed : {};
    for (const [f] of fieldsOf(c)) {
      const list = own(r, f);
      removed[f] = Array.isArray(list)
        ? list.filter((x): x is string => typeof x === 'string').slice(-MAX_REMOVED)
        : [];
    }
    out[c] = { removed };
  }
  return out;
}

/** What is stored of every concern: the sync and local values, what is kept locally, versions. */
export interface Stored {
  sync: Partial<Record<Concern, unknown>>;
  local: Partial<Record<Concern, unknown>>;
  localOnly: LocalOnly;
  versions: Partial<Record<Concern, number>>;
}

const safely = <T>(p: Promise<T>, fallback: T) => p.catch(() => fallback);

/** A stored value of an older schema version, lifted to the current one in memory (the background does it in storage). */
export function lifted(c: Concern, value: unknown, version: number): unknown {
  let out = value;
  for (let v = version + 1; v <= PREFS_VERSION; v++) {
    const step = own(MIGRATIONS[c], String(v));
    if (step) out = step(out);
  }
  return out;
}

const versionOf = (meta: unknown) => (isRecord(meta) && typeof meta.v === 'number' ? meta.v : 1);

/** Every concern's stored values and versions, in one read of each area. */
export async function readStored(): Promise<Stored> {
  const keys = [...CONCERNS.flatMap((c) => [prefsKey(c), metaKey(c)]), LOCAL_ONLY_KEY];
  const none = {} as Record<string, unknown>;
  const [sync, local] = await Promise.all([
    safely(browser.storage.sync.get(keys), none),
    safely(browser.storage.local.get(keys), none),
  ]);
  const stored: Stored = { sync: {}, local: {}, localOnly: cleanLocalOnly(local[LOCAL_ONLY_KEY]), versions: {} };
  for (const c of CONCERNS) {
    const s = sync[prefsKey(c)];
    const l = local[prefsKey(c)];
    const vs = versionOf(sync[metaKey(c)]);
    const vl = versionOf(local[metaKey(c)]);
    if (s !== undefined && s !== null && !isLegacyMarker(s)) stored.sync[c] = lifted(c, s, vs);
    if (l !== undefined && l !== null) stored.local[c] = lifted(c, l, vl);
    if (isLegacyMarker(s) && !stored.localOnly[c]) stored.localOnly[c] = { removed: {} };
    stored.versions[c] = Math.max(vs, vl);
  }
  return stored;
}

/** One concern as the reader has it: sync's value, or sync and local merged where it is kept locally. */
export function effectiveRaw(stored: Stored, c: Concern): unknown {
  const flag = stored.localOnly[c];
  const s = stored.sync[c];
  const l = stored.local[c];
  if (!flag || l === undefined) return s ?? l ?? null;
  if (s === undefined) return l;
  return mergeAreas(c, s, l, flag.removed);
}

type Obj = Record<string, unknown>;

/** Local's scalars; lists, maps and brands joined (local first), less what was removed on this device. */
export function mergeAreas(c: Concern, syncRaw: unknown, localRaw: unknown, removed: Record<string, string[]>) {
  const s = VALIDATE[c](syncRaw) as unknown as Obj;
  const l = VALIDATE[c](localRaw) as unknown as Obj;
  const out: Obj = { ...(isRecord(localRaw) ? localRaw : {}), ...l };
  for (const [f, kind] of fieldsOf(c)) {
    const gone = new Set(removed[f] ?? []);
    if (kind === 'list')
      out[f] = Array.from(new Set([...(l[f] as string[]), ...(s[f] as string[]).filter((x) => !gone.has(x))]));
    else if (kind === 'map') {
      const joined = Object.assign(Object.create(null) as Obj, s[f]);
      for (const key of gone) delete joined[key];
      out[f] = Object.assign(joined, l[f]);
    } else if (kind === 'keyed') {
      const ids = new Set((l[f] as Array<{ id: string }>).map((b) => b.id));
      const extra = (s[f] as Array<{ id: string }>).filter((b) => !ids.has(b.id) && !gone.has(b.id));
      out[f] = [...(l[f] as unknown[]), ...extra];
    }
  }
  return out;
}

export async function loadPrefs(): Promise<Prefs> {
  const stored = await readStored();
  return validatePrefs(Object.fromEntries(CONCERNS.map((c) => [c, effectiveRaw(stored, c)])));
}

export interface SaveResult {
  /** Where each concern went. */
  stored: Partial<Record<Concern, 'sync' | 'local'>>;
  /** Human-readable problems ("too large to sync …", a refused change), empty when all went to sync. */
  warnings: string[];
  /** False when something the reader changed could not be kept (a limit, a full or failing storage). */
  ok?: boolean;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** What the user should be told about a save: null when everything went to sync. */
export function saveMessage(result: SaveResult | Error): string | null {
  return result instanceof Error ? t('couldNotSave', result.message) : result.warnings.join(' ') || null;
}

export const isPrefsKey = (k: string) =>
  k.startsWith(KEY_PREFIX) && (k.endsWith('$') || k === LOCAL_ONLY_KEY || isConcernKey(k));
const isConcernKey = (k: string) => CONCERNS.some((c) => prefsKey(c) === k);

/** Calls back with fresh preferences whenever stored ones really change (no-op events are ignored). */
export function watchPrefs(current: Prefs, onChange: (prefs: Prefs) => void): () => void {
  let last = JSON.stringify(current);
  let reading: Promise<void> = Promise.resolve();
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    if (!Object.keys(changes).some(isPrefsKey)) return;
    // Read in order, so a slow earlier read never replaces a later one.
    reading = reading.then(() =>
      loadPrefs().then(
        (prefs) => {
          const json = JSON.stringify(prefs);
          if (json === last) return;
          last = json;
          onChange(prefs);
        },
        () => undefined,
      ),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The reader's own data about people that sync does not hold whole (kept on this device, the popup says so). */
export const PEOPLE_CONCERNS: Concern[] = ['filters', 'notes', 'people'];

export async function peopleKeptOnDevice(): Promise<boolean> {
  const local = await safely(browser.storage.local.get(LOCAL_ONLY_KEY), {} as Record<string, unknown>);
  const flags = cleanLocalOnly(local[LOCAL_ONLY_KEY]);
  return PEOPLE_CONCERNS.some((c) => flags[c] !== undefined);
}
