import { browser } from 'wxt/browser';
import { isRecord, nullRecord, own } from '@/utils/pipeline/own';
import { decodeIds, encodeKeys, keysOf, wasSeen } from './seen';
import { cleanTopicRef, type TopicRef } from './topic-check';

// "Watch this discussion": the discussions the reader watches, in storage.local (one item: the popup lists
// them and the background counts their new posts). Each entry is validated alone when read (a stored value is
// input like any other); at most MAX_WATCHED. Written only by the background (watch-background.ts), one change
// at a time, so the view's check and the background's never write over each other.

export const WATCHED_KEY = 'threadlight.watched';
export const MAX_WATCHED = 50;
/** Post ids known per discussion (the newest kept): enough to tell new posts on the pages checked. */
export const MAX_KNOWN = 500;
const MAX_TEXT = 300;
const MAX_URL = 2000;

/** Where a watched discussion stands: checked fine, gone (404/410: never checked again), or failing. */
export type WatchStatus = 'ok' | 'gone' | 'failed';

/** A watched discussion as the view, the stored list and their changes all name it. */
export interface WatchTarget {
  /** The discussion's key (the key of "new since the last visit", fresh.ts; an app topic's own address). */
  key: string;
  /** The address the reader watched it from (opened from the list). */
  url: string;
  /** The address to check: the last page of a forum thread, an app topic's JSON, else the page itself. */
  check: string;
  title: string;
  /** The engine the section was read with (forum knowledge on sites the reader enabled). */
  source?: string;
  /** An app forum's topic, checked from the platform's JSON (topic-check.ts); a page's discussion has none. */
  topic?: TopicRef;
}

export interface Watched extends WatchTarget {
  /** Post ids known (seen.ts's encoding). */
  known: string;
  /** Posts that arrived since the reader last had the discussion open. */
  fresh: number;
  status: WatchStatus;
  /** Why the last check failed, for the list. */
  error?: string;
  /** When it was added and last checked, epoch ms. */
  added: number;
  checked: number;
}

export type WatchedStore = Record<string, Watched>;

const text = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const httpUrl = (v: unknown): v is string => text(v, MAX_URL) && /^https?:\/\//i.test(v);
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const STATUSES: readonly WatchStatus[] = ['ok', 'gone', 'failed'];

/** One stored entry, or null when it cannot be one (its key and addresses must be there and sound). */
function cleanEntry(key: string, e: unknown): Watched | null {
  if (!isRecord(e) || !text(key) || !key || !httpUrl(e.url) || !httpUrl(e.check)) return null;
  const topic = cleanTopicRef(e.topic);
  const status = STATUSES.includes(e.status as WatchStatus) ? (e.status as WatchStatus) : 'ok';
  return {
    key,
    url: e.url,
    check: e.check,
    title: text(e.title) ? e.title : '',
    ...(text(e.source, 40) ? { source: e.source } : {}),
    ...(topic ? { topic } : {}),
    known: typeof e.known === 'string' && e.known.length <= MAX_KNOWN * 12 ? e.known : '',
    fresh: count(e.fresh),
    status,
    ...(status === 'failed' && text(e.error) ? { error: e.error } : {}),
    added: time(e.added),
    checked: time(e.checked),
  };
}

/** A stored value of any shape, as a store: bad entries dropped alone, the most recently added kept. */
export function cleanWatched(value: unknown): WatchedStore {
  const out = nullRecord<Watched>();
  if (!isRecord(value)) return out;
  const entries = Object.keys(value)
    .slice(0, MAX_WATCHED * 4)
    .map((key) => cleanEntry(key, own(value, key)))
    .filter((e): e is Watched => e !== null)
    .sort((a, b) => b.added - a.added)
    .slice(0, MAX_WATCHED);
  for (const e of entries) out[e.key] = e;
  return out;
}

/** A stored value as the list the reader sees: most recently added first. */
export const watchedList = (value: unknown): Watched[] =>
  Object.values(cleanWatched(value)).sort((a, b) => b.added - a.added);

/** The watched discussions, most recently added first. */
export const listWatched = async (): Promise<Watched[]> =>
  watchedList((await browser.storage.local.get(WATCHED_KEY))[WATCHED_KEY]);

/** Known ids with these added, the newest kept (numeric ids sorted; others in the order they came). */
export function withKnown(known: string, ids: readonly string[]): string {
  const all = Array.from(new Set([...decodeIds(known), ...keysOf(ids)]));
  return encodeKeys(all.slice(-MAX_KNOWN));
}

/** The ids among these that the entry does not know yet. */
export function unknownIds(known: string, ids: readonly string[]): string[] {
  const have = decodeIds(known);
  return ids.filter((id) => !wasSeen(have, id));
}

/** The total of new posts over every watched discussion (the toolbar badge). */
export const freshTotal = (store: WatchedStore) => Object.values(store).reduce((n, e) => n + e.fresh, 0);
