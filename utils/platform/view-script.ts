import { browser } from 'wxt/browser';
import { onMessage } from './messages';

// The background's half of the lazily loaded view (utils/content/view-parts.ts): it runs the view script in
// the frame that asks, in that frame's content-script world. Only this one file of ours is ever run, and only
// where the extension already runs its content script (the same host permissions).

/** The unlisted script built from entrypoints/thread-view.ts. */
export const VIEW_SCRIPT = '/thread-view.js';

export function listenForViewLoads(): void {
  onMessage('threadlight:load-view', async (_message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { loaded: false };
    try {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: [VIEW_SCRIPT],
      });
      return { loaded: true };
    } catch {
      return { loaded: false };
    }
  });
}
