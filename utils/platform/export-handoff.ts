import { browser } from 'wxt/browser';
import { onMessage, type ExportPayload } from './messages';

// The background's part in "Export discussion": the view hands over what it exported, the background opens
// the export page beside its tab and gives it that, once (entrypoints/export). Kept only until taken, and at
// most KEEP_MS; nothing is written to storage.

const KEEP_MS = 5 * 60_000;
const pending = new Map<string, { payload: ExportPayload; at: number }>();

function forget(now: number) {
  for (const [id, entry] of pending) if (now - entry.at > KEEP_MS) pending.delete(id);
}

export function listenForExports(): void {
  onMessage('threadlight:export-open', async (payload, sender) => {
    const now = Date.now();
    forget(now);
    const id = crypto.randomUUID();
    pending.set(id, {
      payload: { title: payload.title, url: payload.url, records: payload.records, hidden: payload.hidden },
      at: now,
    });
    const tab = sender.tab;
    const place = tab?.id !== undefined ? { index: tab.index + 1, openerTabId: tab.id } : {};
    await browser.tabs.create({ url: `${browser.runtime.getURL('/export.html')}#${id}`, ...place });
    return { ok: true };
  });
  onMessage('threadlight:export-take', ({ id }) => {
    const entry = pending.get(id);
    pending.delete(id);
    return entry?.payload ?? null;
  });
}
