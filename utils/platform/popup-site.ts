import { browser } from 'wxt/browser';
import { sendMessage } from './messages';
import { builtInHere, originPattern } from './site-access';
import { framePermissions } from '@/utils/pipeline/extract/frames';

// The popup's view of the tab's site, and what its "Enable on this site" does on a site that is not built in.

/** What the popup can do on the tab's site. */
export type SiteAccess =
  | { kind: 'built-in' }
  /**
   * Any other http(s) site: enabled when the reader granted its origin. `frames`: the origins of discussion
   * frames the page embeds (Disqus) that are not granted yet, asked for with the site's.
   */
  | { kind: 'other'; origin: string; granted: boolean; frames: string[] }
  /** Not a page Threadlight can run on (a browser page, a file). */
  | { kind: 'none' };

/** The popup's requests about the tab's site; the entrypoint carries them out with the browser's APIs. */
export interface SiteActions {
  /** Must run inside the click: the browser asks the reader for the origins at once. Resolves with the answer. */
  request(origins: string[]): Promise<boolean>;
  remove(origin: string): Promise<boolean>;
  threadOnce(): Promise<boolean>;
}

/** Run in the tab (activeTab, the popup's click): the addresses of its frames. Self-contained. */
function frameSources(): string[] {
  return Array.from(document.querySelectorAll('iframe[src]'), (f) => (f as HTMLIFrameElement).src).slice(0, 200);
}

/** Discussion frames the tab's page embeds whose origins are not granted yet. */
async function missingFrames(tabId: number | undefined): Promise<string[]> {
  if (tabId === undefined) return [];
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, func: frameSources });
    const sources = Array.isArray(first?.result) ? first.result.filter((s): s is string => typeof s === 'string') : [];
    const needed = framePermissions(sources);
    const granted = await Promise.all(needed.map((o) => browser.permissions.contains({ origins: [o] })));
    return needed.filter((_, i) => !granted[i]);
  } catch {
    return [];
  }
}

export async function siteAccessOf(url: string | undefined, tabId?: number): Promise<SiteAccess> {
  const origin = url ? originPattern(url) : null;
  if (!url || !origin) return { kind: 'none' };
  const parsed = new URL(url);
  if (builtInHere(parsed)) return { kind: 'built-in' };
  const [granted, frames] = await Promise.all([
    browser.permissions.contains({ origins: [origin] }).catch(() => false),
    missingFrames(tabId),
  ]);
  return { kind: 'other', origin, granted, frames };
}

export function siteActions(tabId: number | undefined): SiteActions {
  return {
    // No await before the request: the browser asks the reader only from inside the click.
    request: (origins) => browser.permissions.request({ origins }),
    remove: (origin) => browser.permissions.remove({ origins: [origin] }),
    threadOnce: async () =>
      tabId === undefined ? false : (await sendMessage('threadlight:thread-once', { tabId })).ok,
  };
}
