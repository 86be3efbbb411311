import { browser } from 'wxt/browser';
import { fnv1a } from '@/utils/pipeline/text';
import { nullRecord, own } from '@/utils/pipeline/own';
import { bytesOf, SEEN_BUDGET } from './cache-budget';

// "New since the last visit": per discussion, the comment ids the reader has been shown, in storage.local.
// Compact (numeric ids sorted and written as base-36 gaps; other ids as a 32-bit hash), bounded (at most
// MAX_DISCUSSIONS, the least recently visited dropped first; at most MAX_IDS ids each) and forgotten after
// EXPIRY_MS without a visit, and within SEEN_BUDGET bytes in all (cache-budget.ts). A first visit marks nothing.

export const SEEN_KEY = 'threadlight.seen';
export const MAX_DISCUSSIONS = 300;
export const MAX_IDS = 20_000;
export const EXPIRY_MS = 30 * 24 * 60 * 60 * 1000;

interface Entry {
  /** Last visit, epoch ms. */
  t: number;
  /** Encoded ids (encodeIds). */
  ids: string;
}
export type SeenStore = Record<string, Entry>;

/** The key an id is remembered by: a numeric id itself, any other a hash of it. */
const keyOf = (id: string) => (/^\d{1,15}$/.test(id) ? String(Number(id)) : `~${fnv1a(id).toString(36)}`);

export const encodeIds = (ids: Iterable<string>): string => encodeKeys(Array.from(ids, keyOf));

/** Keys as kept (decodeIds gives them back): never made keys again, so a hashed id stays the same hash. */
export function encodeKeys(all: Iterable<string>): string {
  const keys = Array.from(new Set(all));
  const numbers = keys
    .filter((k) => !k.startsWith('~'))
    .map(Number)
    .sort((a, b) => a - b);
  const gaps = numbers.map((n, i) => (n - (i ? numbers[i - 1]! : 0)).toString(36));
  return [gaps.join('.'), keys.filter((k) => k.startsWith('~')).join('')].join('|');
}

export function decodeIds(encoded: string): Set<string> {
  const [gaps = '', hashed = ''] = encoded.split('|');
  const out = new Set<string>();
  let at = 0;
  for (const gap of gaps ? gaps.split('.') : []) {
    at += parseInt(gap, 36) || 0;
    out.add(String(at));
  }
  for (const h of hashed.split('~').filter(Boolean)) out.add(`~${h}`);
  return out;
}

export const wasSeen = (seen: ReadonlySet<string>, id: string) => seen.has(keyOf(id));

/** Each id as it is remembered (decodeIds's form). */
export const keysOf = (ids: Iterable<string>) => Array.from(ids, keyOf);

/** A stored value of any shape, as a store: bad entries dropped, expired ones forgotten. */
export function cleanStore(value: unknown, now: number): SeenStore {
  const out = nullRecord<Entry>();
  if (typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(value)) {
    const e = own(value as Record<string, unknown>, key) as Partial<Entry> | null;
    if (e && typeof e.t === 'number' && typeof e.ids === 'string' && now - e.t < EXPIRY_MS)
      out[key] = { t: e.t, ids: e.ids };
  }
  return out;
}

/**
 * Records a visit: what the reader had seen before it (null on a first visit) and the store with these ids
 * added, its oldest discussions dropped beyond the bound.
 */
export function recordVisit(store: SeenStore, key: string, ids: readonly string[], now: number) {
  const entry = own(store, key);
  const before = entry ? decodeIds(entry.ids) : null;
  const all = new Set(before ?? []);
  for (const id of ids) all.add(keyOf(id));
  const kept = Array.from(all).slice(-MAX_IDS);
  const next: SeenStore = Object.assign(nullRecord<Entry>(), store);
  next[key] = { t: now, ids: encodeKeys(kept) };
  return { before, store: withinBytes(keepRecent(next), SEEN_BUDGET) };
}

/** A per-discussion store (`t`: last visit) cut to its MAX_DISCUSSIONS most recent entries, in place. */
export function keepRecent<T extends { t: number }>(store: Record<string, T>): Record<string, T> {
  const keys = Object.keys(store).sort((a, b) => store[b]!.t - store[a]!.t);
  for (const old of keys.slice(MAX_DISCUSSIONS)) delete store[old];
  return store;
}

/** The store less its least recently visited discussions, until it takes at most `budget` bytes. */
export function withinBytes(store: SeenStore, budget: number): SeenStore {
  let bytes = bytesOf(store);
  if (bytes <= budget) return store;
  const next = Object.assign(nullRecord<Entry>(), store);
  for (const key of Object.keys(next).sort((a, b) => next[a]!.t - next[b]!.t)) {
    if (bytes <= budget) break;
    bytes -= bytesOf({ [key]: next[key] });
    delete next[key];
  }
  return next;
}

/** Cuts the stored seen state to `budget` bytes (to make room for the reader's own data). */
export async function shrinkSeen(budget: number, now = Date.now()): Promise<void> {
  const stored = (await browser.storage.local.get(SEEN_KEY))[SEEN_KEY];
  await browser.storage.local.set({ [SEEN_KEY]: withinBytes(cleanStore(stored, now), budget) });
}

/** One discussion's visit, read and written in storage.local; what was seen before it, null the first time. */
export async function visitDiscussion(key: string, ids: readonly string[], now = Date.now()) {
  const stored = (await browser.storage.local.get(SEEN_KEY))[SEEN_KEY];
  const { before, store } = recordVisit(cleanStore(stored, now), key, ids, now);
  await browser.storage.local.set({ [SEEN_KEY]: store });
  return before;
}
