import { t } from './i18n';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { MIGRATIONS } from './migrations';
import { CONCERNS, PREFS_VERSION, validatePrefs, type Concern, type Prefs } from './prefs';

// Where preferences live: browser.storage.sync, one versioned item per concern ("threadlight.view" …),
// migrated by WXT's storage.defineItem. An item too large for sync (8 KB per item) or a write that sync
// rejects goes to storage.local instead, with a marker left in sync, and the caller is told.

export const SYNC_ITEM_QUOTA = 8192;
const KEY_PREFIX = 'threadlight.';
const LOCAL_MARKER = '$storedLocally';

const key = (c: Concern) => `${KEY_PREFIX}${c}`;
/** WXT keeps an item's version in "<key>$". */
const metaKey = (c: Concern) => `${key(c)}$`;

const defineItems = (area: 'sync' | 'local') =>
  Object.fromEntries(
    CONCERNS.map((c) => [
      c,
      storage.defineItem<unknown, { v: number }>(`${area}:${key(c)}`, {
        version: PREFS_VERSION,
        migrations: MIGRATIONS[c],
      }),
    ]),
  ) as Record<Concern, ReturnType<typeof storage.defineItem<unknown, { v: number }>>>;

let items: { sync: ReturnType<typeof defineItems>; local: ReturnType<typeof defineItems> } | undefined;
/** Items are defined on first use: defining runs migrations, which must not happen at import time. */
function getItems() {
  items ??= { sync: defineItems('sync'), local: defineItems('local') };
  return items;
}

const isMarker = (v: unknown) =>
  typeof v === 'object' && v !== null && (v as Record<string, unknown>)[LOCAL_MARKER] === true;

async function readRaw(c: Concern): Promise<unknown> {
  const { sync, local } = getItems();
  try {
    const value = await sync[c].getValue();
    if (value !== null && !isMarker(value)) return value;
  } catch {
    // sync unavailable (disabled, or Firefox without an account in some setups): local only
  }
  return local[c].getValue();
}

export async function loadPrefs(): Promise<Prefs> {
  const raw = await Promise.all(CONCERNS.map(async (c) => [c, await readRaw(c).catch(() => null)] as const));
  return validatePrefs(Object.fromEntries(raw));
}

/** The schema version stored for a concern (1 when none is recorded). */
async function storedVersion(c: Concern): Promise<number> {
  const { sync, local } = getItems();
  const metas = await Promise.all([sync[c].getMeta(), local[c].getMeta()].map((p) => p.catch(() => ({}))));
  return Math.max(1, ...metas.map((m: { v?: unknown }) => (typeof m.v === 'number' ? m.v : 1)));
}

export interface SaveResult {
  /** Where each concern went. */
  stored: Partial<Record<Concern, 'sync' | 'local'>>;
  /** Human-readable problems ("too large to sync …"), empty when all went to sync. */
  warnings: string[];
}

/** Writes whole concerns at once (one sync write for all of them), keeping stored fields we don't know. */
export async function savePrefs(values: Partial<Prefs>): Promise<SaveResult> {
  const { local } = getItems();
  const result: SaveResult = { stored: {}, warnings: [] };
  const toSync: Record<string, unknown> = {};
  const toLocal: Partial<Record<Concern, unknown>> = {};
  for (const c of CONCERNS) {
    const value = values[c];
    if (value === undefined) continue;
    const version = await storedVersion(c);
    if (version > PREFS_VERSION) {
      result.warnings.push(t('newerSaved', c, String(version)));
      continue;
    }
    const old = await readRaw(c).catch(() => null);
    // Fields a newer version added are kept as they were.
    const merged = typeof old === 'object' && old !== null && !isMarker(old) ? { ...(old as object), ...value } : value;
    if (new Blob([JSON.stringify(key(c)) + JSON.stringify(merged)]).size > SYNC_ITEM_QUOTA - 64) {
      toLocal[c] = merged;
      result.warnings.push(t('tooLargeToSync', c));
    } else {
      toSync[key(c)] = merged;
      toSync[metaKey(c)] = { v: PREFS_VERSION }; // same write as the value: one sync operation in all
    }
  }
  if (Object.keys(toSync).length) {
    try {
      await browser.storage.sync.set(toSync);
      for (const c of CONCERNS) if (key(c) in toSync) result.stored[c] = 'sync';
    } catch (err) {
      result.warnings.push(t('syncRefused', errorText(err)));
      for (const c of CONCERNS) if (key(c) in toSync) toLocal[c] = toSync[key(c)];
    }
  }
  for (const c of CONCERNS) {
    if (toLocal[c] === undefined) continue;
    await local[c].setValue(toLocal[c]);
    await local[c].setMeta({ v: PREFS_VERSION });
    await browser.storage.sync.set({ [key(c)]: { [LOCAL_MARKER]: true } }).catch(() => undefined);
    result.stored[c] = 'local';
  }
  return result;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** What the user should be told about a save: null when everything went to sync. */
export function saveMessage(result: SaveResult | Error): string | null {
  return result instanceof Error ? t('couldNotSave', result.message) : result.warnings.join(' ') || null;
}

export function isPrefsKey(k: string): boolean {
  return k.startsWith(KEY_PREFIX);
}

/** Runs migrations on every stored item (background, on update). Never writes defaults over user values. */
export async function migrateStoredPrefs(): Promise<void> {
  const { sync, local } = getItems();
  await Promise.all(
    CONCERNS.flatMap((c) => [sync[c].migrate(), local[c].migrate()]).map((p) => p.catch(() => undefined)),
  );
}

/** Calls back with fresh preferences whenever stored ones really change (no-op events are ignored). */
export function watchPrefs(current: Prefs, onChange: (prefs: Prefs) => void): () => void {
  let last = JSON.stringify(current);
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    if (!Object.keys(changes).some(isPrefsKey)) return;
    void loadPrefs().then((prefs) => {
      const json = JSON.stringify(prefs);
      if (json === last) return;
      last = json;
      onChange(prefs);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
