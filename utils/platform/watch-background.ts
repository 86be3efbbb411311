import { browser } from 'wxt/browser';
import { onMessage } from './messages';
import { t } from './i18n';
import { fetchPageLimited, NO_COOKIES_HTML, NO_COOKIES_JSON, originOf } from './page-fetch';
import { topicReader } from './topic-check';
import { builtInHere, originPattern } from './site-access';
import { applyWatchOp, failedOp, isWatchOp, type WatchOp } from './watch-ops';
import { checkDiscussion, type CheckResult, type PageReading } from './watch-check';
import { cleanWatched, freshTotal, listWatched, WATCHED_KEY, type Watched } from './watched';
import { makeRoom } from './cache-budget';

// The background's side of watching: the one writer of the watched list (every surface's change applied one
// at a time, watch-ops.ts), the toolbar badge (the total of new posts), and the checks of watched discussions
// nobody has open: an alarm every 15 minutes (every hour while the reader is away from the computer), one
// request at a time, only on sites Threadlight runs on (built in or enabled by the reader), never a discussion
// checked in the last CHECKED_RECENTLY (an open tab checks its own), never one that is gone.

export const WATCH_ALARM = 'threadlight-watch';
export const ALARM_MINUTES = 15;
const IDLE_EVERY_MS = 60 * 60_000;
const CHECKED_RECENTLY = (ALARM_MINUTES - 1) * 60_000;

/** Reads one fetched page (here where there is a DOM, else in an offscreen document: watch-offscreen.ts). */
export type PageReader = (html: string, url: string) => Promise<PageReading>;

let chain: Promise<unknown> = Promise.resolve();

/** Applies one change over what is stored now, after every change before it. */
export function changeWatched(op: WatchOp): Promise<{ ok: boolean; error?: string }> {
  const done = chain.then(async () => {
    const stored = cleanWatched((await browser.storage.local.get(WATCHED_KEY))[WATCHED_KEY]);
    const { store, error } = applyWatchOp(stored, op, Date.now());
    if (error) return { ok: false, error };
    if (store !== stored) await writeStore(store);
    return { ok: true };
  });
  chain = done.catch(() => undefined);
  return done;
}

async function writeStore(store: object) {
  try {
    await browser.storage.local.set({ [WATCHED_KEY]: store });
  } catch {
    // Storage full: loaded discussions kept for later make room (cache-budget.ts), then once more.
    await makeRoom();
    await browser.storage.local.set({ [WATCHED_KEY]: store });
  }
}

/** The badge and the alarm, as the stored list says now. */
async function follow() {
  const store = cleanWatched((await browser.storage.local.get(WATCHED_KEY))[WATCHED_KEY]);
  const total = freshTotal(store);
  await browser.action.setBadgeText({ text: total ? String(Math.min(total, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#1a5fb4' });
  const any = Object.keys(store).length > 0;
  const alarm = await browser.alarms.get(WATCH_ALARM);
  if (any && !alarm) await browser.alarms.create(WATCH_ALARM, { periodInMinutes: ALARM_MINUTES });
  if (!any && alarm) await browser.alarms.clear(WATCH_ALARM);
}

/** Whether Threadlight runs on this discussion's site: built in, or a site the reader enabled. */
async function allowed(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  if (builtInHere(new URL(url))) return true;
  return browser.permissions.contains({ origins: [pattern] }).catch(() => false);
}

/** The change one check's result makes. */
export function opOf(entry: Watched, result: CheckResult): WatchOp {
  const key = entry.key;
  if (result.status === 'ok') return { op: 'checked', key, check: result.check, ids: result.ids, counts: true };
  return failedOp(key, result);
}

/**
 * One discussion checked from the background: its own origin only, no cookies, within the page limits; an app
 * forum's topic from the platform's JSON (read here: only its post ids are counted), any other from its page.
 */
export function checkInBackground(entry: Watched, read: PageReader, fetchImpl?: typeof fetch) {
  const origin = originOf(entry.check);
  const init = entry.topic ? NO_COOKIES_JSON : NO_COOKIES_HTML;
  return checkDiscussion(entry.key, entry.check, {
    fetchPage: (url, signal) =>
      originOf(url) !== origin
        ? Promise.resolve({ ok: false, status: 0, error: t('notThreadAddress') })
        : fetchPageLimited(url, { init, signal, ...(fetchImpl ? { fetchImpl } : {}) }, (f) => originOf(f) === origin),
    read: entry.topic ? topicReader(entry.topic, entry.key) : read,
  });
}

let lastRun = 0;

/** Every watched discussion due a check, one after another. */
export async function checkWatched(read: PageReader, now = Date.now()): Promise<void> {
  const state = await browser.idle.queryState(5 * 60).catch(() => 'active' as const);
  if (state !== 'active' && now - lastRun < IDLE_EVERY_MS) return;
  lastRun = now;
  for (const entry of await listWatched()) {
    if (entry.status === 'gone' || now - entry.checked < CHECKED_RECENTLY) continue;
    if (!(await allowed(entry.check))) continue;
    const result = await checkInBackground(entry, read).catch(() => null);
    if (result) await changeWatched(opOf(entry, result));
  }
}

export function listenForWatching(read: PageReader): void {
  onMessage('threadlight:watch', ({ change }) => (isWatchOp(change) ? changeWatched(change) : { ok: false }));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && WATCHED_KEY in changes) void follow().catch(() => undefined);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WATCH_ALARM) void checkWatched(read).catch(() => undefined);
  });
  void follow().catch(() => undefined);
}
