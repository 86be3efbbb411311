import { browser } from 'wxt/browser';
import { builtInOrigins, isBuiltIn, isLoopback } from '@/utils/pipeline/extract/sites/registry';
import { onMessage } from './messages';

// Sites the reader enables, beyond the built-in ones: each is an optional host permission ("https://host/*"),
// and the content script is registered for exactly the granted ones, however they were granted (the popup,
// the browser's own extension settings, policy, install). The background keeps the two in step at every
// start and whenever a permission is added or removed; the list it registered is mirrored in storage.local,
// where content scripts on those sites look to know they are still wanted.

/** Our one dynamic registration. */
export const USER_SCRIPT_ID = 'threadlight-sites';
/** storage.local key: the origins the content script is registered for. */
export const ENABLED_SITES_KEY = 'threadlight.enabledSites';
export const CONTENT_JS = '/content-scripts/sites.js';
export const CONTENT_CSS = '/content-scripts/sites.css';

/** "https://forum.example.org/*" for a page address; null for anything but http(s). */
export function originPattern(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.protocol}//${url.hostname.toLowerCase()}/*`;
  } catch {
    return null;
  }
}

/** Test builds run on loopback pages as if they were built in (but for /sites/…, the reader's sites). */
const LOOPBACK_BUILT_IN = import.meta.env.TL_TEST_BUILD === '1';

/** Whether Threadlight runs on this address without the reader enabling it. */
export const builtInHere = (url: URL): boolean =>
  isBuiltIn(url) || (LOOPBACK_BUILT_IN && isLoopback(url) && !url.pathname.startsWith('/sites/'));

/** Granted origins that are single sites of our own choosing: not built in, not wildcards, not loopback. */
export function userOrigins(granted: readonly string[]): string[] {
  const builtIn = new Set(builtInOrigins());
  const single = /^https?:\/\/[^*/]+\/\*$/;
  // Loopback is where test builds serve their fixtures, with the built-in content script.
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost)\//;
  return Array.from(new Set(granted.filter((o) => single.test(o) && !builtIn.has(o) && !loopback.test(o)))).sort();
}

/** Whether a content script on this page address is one the reader enabled (or asked for once). */
export function isEnabledSite(raw: string, enabled: readonly string[]): boolean {
  const pattern = originPattern(raw);
  return pattern !== null && enabled.includes(pattern);
}

/**
 * A page, or a discussion frame (`embedder`: the address of the page that embeds it, as the frame names it;
 * null when it names none): the frame's origin and the embedding site must both be enabled. Embedding pages
 * name themselves with either scheme (Disqus's `t_u` is often http on an https site): either counts.
 */
export function isEnabledHere(raw: string, embedder: string | null | undefined, enabled: readonly string[]): boolean {
  if (!isEnabledSite(raw, enabled)) return false;
  if (embedder === undefined) return true;
  if (!embedder) return false;
  const other = embedder.replace(/^(https?):/i, (_, s: string) => (s.toLowerCase() === 'https' ? 'http:' : 'https:'));
  return isEnabledSite(embedder, enabled) || isEnabledSite(other, enabled);
}

type Registered = { id: string; matches?: string[]; allFrames?: boolean };

async function currentRegistration(): Promise<Registered | undefined> {
  const all = (await browser.scripting.getRegisteredContentScripts({ ids: [USER_SCRIPT_ID] })) as Registered[];
  return all.find((s) => s.id === USER_SCRIPT_ID);
}

/** Registers the content script for the granted user origins (or removes it); returns them. */
async function syncNow(): Promise<string[]> {
  const origins = userOrigins((await browser.permissions.getAll()).origins ?? []);
  const current = await currentRegistration();
  // A registration from an older version (top frames only) is updated too.
  const same =
    current?.allFrames === true && JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify(origins);
  if (origins.length === 0 && current) await browser.scripting.unregisterContentScripts({ ids: [USER_SCRIPT_ID] });
  else if (origins.length && !current) await browser.scripting.registerContentScripts([script(origins)]);
  else if (origins.length && !same) await browser.scripting.updateContentScripts([script(origins)]);
  await browser.storage.local.set({ [ENABLED_SITES_KEY]: origins });
  return origins;
}

const script = (matches: string[]) => ({
  id: USER_SCRIPT_ID,
  matches,
  js: [CONTENT_JS],
  css: [CONTENT_CSS],
  runAt: 'document_start' as const,
  // Discussion frames (Disqus) of enabled sites; in any other frame the script returns at once (start.ts).
  allFrames: true,
  persistAcrossSessions: true,
});

let queue: Promise<unknown> = Promise.resolve();
/** One sync at a time, in the order asked for. */
export function syncRegistrations(): Promise<string[]> {
  const next = queue.then(syncNow, syncNow);
  queue = next.catch(() => undefined);
  return next;
}

/** Runs Threadlight in open tabs of newly granted origins at once (no reload needed). */
async function runInOpenTabs(origins: string[]): Promise<void> {
  const mine = userOrigins(origins);
  if (mine.length === 0) return;
  const tabs = await browser.tabs.query({ url: mine });
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : runInTab(t.id).catch(() => undefined))));
}

/** The content script and its stylesheet in one tab's top frame, now. */
export async function runInTab(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_CSS] });
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_JS] });
}

/** "Thread this page once": the content script in one tab, with no site enabled (the popup's activeTab). */
async function threadOnce(tabId: number): Promise<{ ok: boolean }> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, func: markOnce });
    await runInTab(tabId);
    return { ok: true };
  } catch {
    return { ok: false };
  }
}

export function listenForSiteAccess(): void {
  // Only the popup asks (an extension page, not a content script, which has a tab).
  onMessage('threadlight:thread-once', ({ tabId }, sender) => (sender.tab ? { ok: false } : threadOnce(tabId)));
  browser.runtime.onInstalled.addListener(() => void syncRegistrations());
  browser.runtime.onStartup.addListener(() => void syncRegistrations());
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void syncRegistrations().then(() => runInOpenTabs(origins));
  });
  browser.permissions.onRemoved.addListener(() => void syncRegistrations());
}

// The settings page's half.

/** Calls `show` with the reader's enabled sites now and whenever a permission changes. */
export function followEnabledSites(show: (origins: string[]) => void): void {
  const read = () => void browser.permissions.getAll().then((p) => show(userOrigins(p.origins ?? [])));
  browser.permissions.onAdded.addListener(read);
  browser.permissions.onRemoved.addListener(read);
  read();
}

export const removeSite = (origin: string) => browser.permissions.remove({ origins: [origin] });

// The content script's half.

/** Set by the background before it runs the content script once in a tab ("Thread this page once"): a symbol, so
 * no page element's id can be taken for it. */
const ONCE_KEY = Symbol.for('threadlight.once');
/** Run in the tab by executeScript: self-contained (the browser sends its source, not its scope). */
export function markOnce(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('threadlight.once')] = true;
}
const once = () => (globalThis as Record<symbol, unknown>)[ONCE_KEY] === true;

const enabledList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Whether the content script should run on this page of a site that is not built in. */
export async function wantedOnUserSite(href: string, embedder?: string | null): Promise<boolean> {
  if (once() && embedder === undefined) return true;
  const stored = await browser.storage.local.get(ENABLED_SITES_KEY);
  return isEnabledHere(href, embedder, enabledList(stored[ENABLED_SITES_KEY]));
}

/** Calls `gone` when the reader takes the site away (its permission removed); returns the unsubscribe. */
export function whenDisabled(href: string, gone: () => void, embedder?: string | null): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[ENABLED_SITES_KEY];
    if (area !== 'local' || !change || (once() && embedder === undefined)) return;
    if (!isEnabledHere(href, embedder, enabledList(change.newValue))) gone();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
