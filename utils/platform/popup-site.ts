import { browser } from 'wxt/browser';
import { sendMessage } from './messages';
import { builtInHere, originPattern } from './site-access';

// The popup's view of the tab's site, and what its "Enable on this site" does on a site that is not built in.

/** What the popup can do on the tab's site. */
export type SiteAccess =
  | { kind: 'built-in' }
  /** Any other http(s) site: enabled when the reader granted its origin. */
  | { kind: 'other'; origin: string; granted: boolean }
  /** Not a page Threadlight can run on (a browser page, a file). */
  | { kind: 'none' };

/** The popup's requests about the tab's site; the entrypoint carries them out with the browser's APIs. */
export interface SiteActions {
  /** Must run inside the click: the browser asks the reader for the origin. Resolves with the answer. */
  request(origin: string): Promise<boolean>;
  remove(origin: string): Promise<boolean>;
  threadOnce(): Promise<boolean>;
}

export async function siteAccessOf(url: string | undefined): Promise<SiteAccess> {
  const origin = url ? originPattern(url) : null;
  if (!url || !origin) return { kind: 'none' };
  const parsed = new URL(url);
  if (builtInHere(parsed)) return { kind: 'built-in' };
  const granted = await browser.permissions.contains({ origins: [origin] }).catch(() => false);
  return { kind: 'other', origin, granted };
}

export function siteActions(tabId: number | undefined): SiteActions {
  return {
    // No await before the request: the browser asks the reader only from inside the click.
    request: (origin) => browser.permissions.request({ origins: [origin] }),
    remove: (origin) => browser.permissions.remove({ origins: [origin] }),
    threadOnce: async () =>
      tabId === undefined ? false : (await sendMessage('threadlight:thread-once', { tabId })).ok,
  };
}
