import { browser } from 'wxt/browser';
import { nullRecord, own } from '@/utils/pipeline/own';
import { EXPIRY_MS, keepRecent, MAX_DISCUSSIONS } from './seen';

// "Continue where you left off": per discussion (the key of "new since the last visit", fresh.ts), the last
// comment the reader had on screen and the page of the discussion it is on. In storage.local beside the seen
// state and bounded and forgotten like it (at most MAX_DISCUSSIONS, least recently read dropped first;
// forgotten after EXPIRY_MS), but in an item of its own: written up to once a second while the reader scrolls,
// it must stay small (a few dozen bytes per discussion), never the seen state's megabyte.

export const PLACES_KEY = 'threadlight.places';
const MAX_ID = 200;
const MAX_URL = 2000;

export interface Place {
  /** The comment's id. */
  id: string;
  /** The page of the discussion it is on (a forum thread's page), where that is known. */
  url?: string;
}

interface Entry extends Place {
  /** When it was written, epoch ms. */
  t: number;
}
export type PlaceStore = Record<string, Entry>;

const httpUrl = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_URL && /^https?:\/\//i.test(v);

/** A stored value of any shape, as a store: bad entries dropped, expired ones forgotten. */
export function cleanPlaces(value: unknown, now: number): PlaceStore {
  const out = nullRecord<Entry>();
  if (typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(value).slice(0, MAX_DISCUSSIONS * 2)) {
    const e = own(value as Record<string, unknown>, key) as Partial<Entry> | null;
    if (!e || typeof e.t !== 'number' || now - e.t >= EXPIRY_MS) continue;
    if (typeof e.id !== 'string' || !e.id || e.id.length > MAX_ID) continue;
    out[key] = httpUrl(e.url) ? { t: e.t, id: e.id, url: e.url } : { t: e.t, id: e.id };
  }
  return out;
}

/** The store with one discussion's place set, its least recently read discussions dropped beyond the bound. */
export function withPlace(store: PlaceStore, key: string, place: Place, now: number): PlaceStore {
  const next = Object.assign(nullRecord<Entry>(), store);
  const url = httpUrl(place.url) ? { url: place.url } : {};
  next[key] = { t: now, id: place.id.slice(0, MAX_ID), ...url };
  return keepRecent(next);
}

/** The place remembered for a discussion, if any (what the reader had on screen when they last read it). */
export async function placeOf(key: string, now = Date.now()): Promise<Place | null> {
  const stored = (await browser.storage.local.get(PLACES_KEY))[PLACES_KEY];
  const entry = own(cleanPlaces(stored, now), key);
  return entry ? (entry.url ? { id: entry.id, url: entry.url } : { id: entry.id }) : null;
}

/** Remembers where the reader is in a discussion. */
export async function rememberPlace(key: string, place: Place, now = Date.now()): Promise<void> {
  const stored = (await browser.storage.local.get(PLACES_KEY))[PLACES_KEY];
  await browser.storage.local.set({ [PLACES_KEY]: withPlace(cleanPlaces(stored, now), key, place, now) });
}
