import { browser, type Browser } from 'wxt/browser';
import type { ForumPageResult } from './page-fetch';
import type { PrefsOp } from './prefs-ops';
import type { SaveResult } from './storage';
import type { WatchOp } from './watch-ops';
import type { PageReading } from './watch-check';
import type { ExportRecord } from '@/utils/pipeline/export/formats';

// Every runtime message between the extension's parts, in one map: its type, what it carries and what it is
// answered with. Senders and listeners go through the helpers below, so no call site casts; what arrives is
// checked before a listener sees it (a message is input like any other).

/** What the content script reports to the popup about its tab. */
export interface TabStats {
  found: boolean;
  enabled: boolean;
  total: number;
  shown: number;
  hidden: number;
  source: string | null;
  /** Whether the page rates its comments (false: page order, no vote counts); null without a section. */
  rated?: boolean | null;
  /** Levels of the discussion's tree, while the view is on. */
  levels?: number | null;
  /** Where its nesting comes from: the site's own tree, quotes and replies, or none (all at top level). */
  nesting?: 'site' | 'quotes' | 'flat' | null;
  /** Why no view was drawn on a page that has a discussion (the content script stepped aside). */
  aside?: StepAside | null;
}

/** Why Threadlight left a page with a discussion as it was. */
export type StepAside = 'unclear-tree';

interface Protocol {
  /** Popup → content script: the tab's counts. */
  'threadlight:stats': { payload: Record<string, never>; answer: TabStats };
  /** Content script → background: one forum thread page for "Load full discussion". */
  'threadlight:fetch-forum-page': { payload: { url: string; source?: string; id?: string }; answer: ForumPageResult };
  /** Content script → background: end the request with this id at once (Cancel). */
  'threadlight:cancel-fetch': { payload: { id: string }; answer: { ok: boolean } };
  /** Popup, settings, view → background: apply these changes over what is stored (the one writer). */
  'threadlight:change-prefs': { payload: { ops: PrefsOp[] }; answer: SaveResult };
  /** Popup → background: run Threadlight once in this tab, without enabling its site (activeTab). */
  'threadlight:thread-once': { payload: { tabId: number }; answer: { ok: boolean } };
  /** Content script → background: run the view's drawing code in my frame (utils/content/view-parts.ts). */
  'threadlight:load-view': { payload: Record<string, never>; answer: { loaded: boolean } };
  /** View, popup → background: a change to the watched discussions (checked there: watch-ops.ts). */
  'threadlight:watch': { payload: { change: WatchOp }; answer: { ok: boolean; error?: string } };
  /** Background → its offscreen document (Chromium): read a fetched page of a watched discussion. */
  'threadlight:read-page': { payload: { html: string; url: string }; answer: PageReading };
  /** Popup → the view in a tab: whether its discussion is watched ("Watch this discussion"); null: no view. */
  'threadlight:watch-info': { payload: Record<string, never>; answer: WatchInfo | null };
  /** View → background: open the export page with this discussion (saved there: a tab's download ends its script in Firefox). */
  'threadlight:export-open': { payload: ExportPayload; answer: { ok: boolean } };
  /** Export page → background: the discussion it was opened for. */
  'threadlight:export-take': { payload: { id: string }; answer: ExportPayload | null };
  /** Popup → the view in a tab: watch its discussion, or stop. */
  'threadlight:watch-toggle': { payload: Record<string, never>; answer: WatchInfo };
}

/** A discussion handed to the export page: its records and why the view hides some (id, reason). */
export interface ExportPayload {
  title: string;
  url: string;
  records: ExportRecord[];
  hidden: Array<[string, string]>;
}

/** The popup's view of the tab's discussion. */
export interface WatchInfo {
  watched: boolean;
  title: string;
  /** Why the last toggle could not be kept. */
  problem?: string | null;
}

export type MessageType = keyof Protocol;
export type Payload<K extends MessageType> = Protocol[K]['payload'];
export type Answer<K extends MessageType> = Protocol[K]['answer'];
type Message<K extends MessageType> = { type: K } & Payload<K>;

/** More changes than any batch of edits makes (an import of every note and list is about 2,000). */
const MAX_OPS = 10_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Shape checks of what arrives, per type. */
const VALID: { [K in MessageType]: (m: Record<string, unknown>) => boolean } = {
  'threadlight:stats': () => true,
  'threadlight:fetch-forum-page': (m) =>
    typeof m.url === 'string' &&
    (m.source === undefined || typeof m.source === 'string') &&
    (m.id === undefined || typeof m.id === 'string'),
  'threadlight:cancel-fetch': (m) => typeof m.id === 'string',
  'threadlight:change-prefs': (m) => Array.isArray(m.ops) && m.ops.length <= MAX_OPS,
  'threadlight:load-view': () => true,
  'threadlight:thread-once': (m) => Number.isInteger(m.tabId),
  'threadlight:watch': (m) => isObject(m.change),
  'threadlight:read-page': (m) => typeof m.html === 'string' && typeof m.url === 'string',
  'threadlight:watch-info': () => true,
  'threadlight:watch-toggle': () => true,
  'threadlight:export-open': (m) =>
    typeof m.title === 'string' && typeof m.url === 'string' && Array.isArray(m.records) && Array.isArray(m.hidden),
  'threadlight:export-take': (m) => typeof m.id === 'string',
};

export function isMessage<K extends MessageType>(type: K, message: unknown): message is Message<K> {
  return isObject(message) && message.type === type && VALID[type](message);
}

/** Sends to the extension's other pages and background; resolves with the listener's answer. */
export function sendMessage<K extends MessageType>(type: K, payload: Payload<K>): Promise<Answer<K>> {
  return browser.runtime.sendMessage({ type, ...payload }) as Promise<Answer<K>>;
}

/** Sends to the content script of one tab. */
export function sendTabMessage<K extends MessageType>(tabId: number, type: K, payload: Payload<K>): Promise<Answer<K>> {
  return browser.tabs.sendMessage(tabId, { type, ...payload }) as Promise<Answer<K>>;
}

/** Answers messages of one type; returns the function that stops listening. */
export function onMessage<K extends MessageType>(
  type: K,
  answer: (message: Message<K>, sender: Browser.runtime.MessageSender) => Answer<K> | Promise<Answer<K>>,
): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) =>
    isMessage(type, message) ? Promise.resolve(answer(message, sender)) : undefined;
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
