import { browser } from 'wxt/browser';
import { sendMessage } from './messages';
import type { PageReading } from './watch-check';
import type { PageReader } from './watch-background';

// Where the background reads a fetched page: Firefox's background page has a DOM and reads it itself
// (`local`); Chromium's service worker has none and hands it to an offscreen document (entrypoints/offscreen),
// made when first needed (the `offscreen` permission, reason DOM_PARSER) and left for the browser to close.

type Offscreen = {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
};

let making: Promise<void> | null = null;

async function ensureDocument(offscreen: Offscreen) {
  if (await offscreen.hasDocument?.().catch(() => false)) return;
  making ??= offscreen
    .createDocument({
      url: browser.runtime.getURL('/offscreen.html'),
      reasons: ['DOM_PARSER'],
      justification: 'reading pages of watched discussions (DOM_PARSER)',
    })
    .catch(() => undefined)
    .finally(() => (making = null));
  await making;
}

export function pageReader(local: (html: string, url: string) => Promise<PageReading>): PageReader {
  return async (html, url) => {
    if (typeof DOMParser !== 'undefined') return local(html, url);
    const offscreen = (globalThis as { chrome?: { offscreen?: Offscreen } }).chrome?.offscreen;
    if (!offscreen) return { key: null, ids: [], last: null };
    await ensureDocument(offscreen);
    return sendMessage('threadlight:read-page', { html, url });
  };
}
