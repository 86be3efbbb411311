import { browser } from 'wxt/browser';
import { nullRecord, own } from '@/utils/pipeline/own';
import { shrinkSeen } from './seen';

// storage.local holds two kinds of things: the reader's own (preferences kept on this device, the enabled
// sites) and caches Threadlight can always rebuild (loaded discussions, what was seen where). Chrome gives an
// extension 10 MiB there. The caches get fixed shares of it, so the reader's data always has room:
//   discussions  DISCUSSIONS_BUDGET in all (each at most ENTRY_MAX), oldest out first, expired ones removed;
//   seen state   SEEN_BUDGET (seen.ts drops the least recently visited discussions past it);
//   the rest     (about 3 MiB) the reader's: preferences, notes, sites. Should a write of theirs still fail,
//                makeRoom() empties the caches and the write is tried again (prefs-store.ts).
// The index (INDEX_KEY) lists each cached discussion's key, time and size, so nothing needs to read them all.

export const DISCUSSION_PREFIX = 'threadlight.discussion.';
export const INDEX_KEY = 'threadlight.discussion-index';
export const DISCUSSIONS_BUDGET = 5_000_000;
export const ENTRY_MAX = 4_000_000;
export const SEEN_BUDGET = 1_500_000;
export const CACHE_TTL_MS = 30 * 60_000;

export interface IndexEntry {
  savedAt: number;
  bytes: number;
}
export type CacheIndex = Record<string, IndexEntry>;

/** Bytes a value takes as storage counts it (its JSON, UTF-8). */
export const bytesOf = (value: unknown) => new Blob([JSON.stringify(value)]).size;

function cleanIndex(raw: unknown): CacheIndex {
  const out = nullRecord<IndexEntry>();
  if (typeof raw !== 'object' || raw === null) return out;
  for (const key of Object.keys(raw)) {
    const e = own(raw as Record<string, unknown>, key) as Partial<IndexEntry> | undefined;
    if (key.startsWith(DISCUSSION_PREFIX) && e && Number.isFinite(e.savedAt) && Number.isFinite(e.bytes))
      out[key] = { savedAt: e.savedAt!, bytes: e.bytes! };
  }
  return out;
}

/** The index; the first time (entries written by an older version), built by looking at every key once. */
export async function readIndex(): Promise<CacheIndex> {
  const got = await browser.storage.local.get(INDEX_KEY);
  if (got[INDEX_KEY] !== undefined) return cleanIndex(got[INDEX_KEY]);
  const all = await browser.storage.local.get(null);
  const index = nullRecord<IndexEntry>();
  for (const key of Object.keys(all)) {
    if (!key.startsWith(DISCUSSION_PREFIX)) continue;
    const savedAt = (all[key] as { savedAt?: unknown } | null)?.savedAt;
    index[key] = { savedAt: typeof savedAt === 'number' ? savedAt : 0, bytes: bytesOf(all[key]) };
  }
  return index;
}

/**
 * The keys to remove so that `incoming` more bytes fit: every expired entry, then the oldest, until the
 * discussions' total is within the budget. Pure, so the policy is tested on its own.
 */
export function evictions(index: CacheIndex, incoming: number, now: number, budget = DISCUSSIONS_BUDGET): string[] {
  const live = Object.entries(index).sort(([, a], [, b]) => a.savedAt - b.savedAt);
  const out: string[] = [];
  let total = live.reduce((sum, [, e]) => sum + e.bytes, 0) + incoming;
  for (const [key, e] of live) {
    if (now - e.savedAt <= CACHE_TTL_MS && total <= budget) continue;
    out.push(key);
    total -= e.bytes;
  }
  return out;
}

/** Takes entries out of the index (changed in place) and out of storage. */
async function forget(index: CacheIndex, keys: string[]): Promise<void> {
  for (const k of keys) delete index[k];
  if (keys.length) await browser.storage.local.remove(keys);
}

/**
 * Stores one discussion within the budget; false when it is too large to keep or storage refused it. `bytes`:
 * its size, where the caller knows it (a value held as one JSON text).
 */
export async function putDiscussion(
  key: string,
  value: { savedAt: number },
  now: number,
  bytes = bytesOf(value),
): Promise<boolean> {
  if (bytes > ENTRY_MAX) return false;
  const storageKey = DISCUSSION_PREFIX + key;
  const index = await readIndex();
  delete index[storageKey];
  await forget(index, evictions(index, bytes, now));
  index[storageKey] = { savedAt: value.savedAt, bytes };
  try {
    await browser.storage.local.set({ [storageKey]: value, [INDEX_KEY]: index });
    return true;
  } catch {
    delete index[storageKey];
    await browser.storage.local.set({ [INDEX_KEY]: index }).catch(() => undefined);
    return false;
  }
}

/** Removes expired discussions (the background does this at start; each cache write does it too). */
export async function sweepDiscussions(now = Date.now()): Promise<void> {
  const index = await readIndex();
  await forget(index, evictions(index, 0, now));
  await browser.storage.local.set({ [INDEX_KEY]: index });
}

/** Forgets one cached discussion (expired, or not what it claims to be). */
export async function dropDiscussion(key: string): Promise<void> {
  const index = await readIndex();
  await forget(index, [DISCUSSION_PREFIX + key]);
  await browser.storage.local.set({ [INDEX_KEY]: index });
}

/**
 * Room for the reader's own data: every cached discussion goes (found by key, indexed or not: this runs only
 * when a write of theirs failed), and the seen state is cut to half its budget.
 */
export async function makeRoom(): Promise<void> {
  const all = await browser.storage.local.get(null).catch(() => ({}) as Record<string, unknown>);
  const caches = Object.keys(all).filter((k) => k.startsWith(DISCUSSION_PREFIX) || k === INDEX_KEY);
  await browser.storage.local.remove(caches).catch(() => undefined);
  await shrinkSeen(SEEN_BUDGET / 2).catch(() => undefined);
}
