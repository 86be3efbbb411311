import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CONTENT_JS,
  ENABLED_SITES_KEY,
  isEnabledHere,
  isEnabledSite,
  originPattern,
  syncRegistrations,
  USER_SCRIPT_ID,
  userOrigins,
  wantedOnUserSite,
  whenDisabled,
} from '@/utils/platform/site-access';

describe('sites the reader enables', () => {
  it('names a page by its origin pattern, http(s) only', () => {
    expect(originPattern('https://Forum.Example.org/threads/x.1/?p=2#post-3')).toBe('https://forum.example.org/*');
    expect(originPattern('http://old.example.net/viewtopic.php?t=1')).toBe('http://old.example.net/*');
    expect(originPattern('file:///home/a.html')).toBeNull();
    expect(originPattern('chrome://extensions')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });

  it('counts only single granted sites that are not built in', () => {
    expect(
      userOrigins([
        'https://www.macrumors.com/*',
        'https://forum.example.org/*',
        'https://*/*',
        '<all_urls>',
        'https://forum.example.org/*',
        'http://old.example.net/*',
      ]),
    ).toEqual(['http://old.example.net/*', 'https://forum.example.org/*']);
    expect(isEnabledSite('https://forum.example.org/t/1', ['https://forum.example.org/*'])).toBe(true);
    expect(isEnabledSite('https://other.example.org/t/1', ['https://forum.example.org/*'])).toBe(false);
  });
});

describe('registrations follow the granted origins', () => {
  let registered: Array<{ id: string; matches: string[]; allFrames?: boolean }>;
  let granted: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    registered = [];
    granted = [];
    const scripting = {
      getRegisteredContentScripts: vi.fn(async () => registered),
      registerContentScripts: vi.fn(async (s: typeof registered) => void registered.push(...s)),
      updateContentScripts: vi.fn(async (s: typeof registered) => void (registered = s)),
      unregisterContentScripts: vi.fn(async () => void (registered = [])),
    };
    Object.assign(fakeBrowser, { scripting });
    fakeBrowser.permissions.getAll = async () => ({ origins: granted, permissions: [] });
  });

  it('registers, updates and removes the one script, and mirrors the list for content scripts', async () => {
    granted = ['https://www.macrumors.com/*', 'https://forum.example.org/*'];
    expect(await syncRegistrations()).toEqual(['https://forum.example.org/*']);
    expect(registered).toEqual([
      expect.objectContaining({ id: USER_SCRIPT_ID, matches: ['https://forum.example.org/*'], js: [CONTENT_JS] }),
    ]);
    granted.push('http://old.example.net/*');
    await syncRegistrations();
    expect(registered[0]!.matches).toEqual(['http://old.example.net/*', 'https://forum.example.org/*']);
    expect((await fakeBrowser.storage.local.get(ENABLED_SITES_KEY))[ENABLED_SITES_KEY]).toHaveLength(2);
    granted = ['https://www.macrumors.com/*'];
    await syncRegistrations();
    expect(registered).toEqual([]);
    expect((await fakeBrowser.storage.local.get(ENABLED_SITES_KEY))[ENABLED_SITES_KEY]).toEqual([]);
  });

  it('registers for every frame, and brings an older top-frame-only registration up to date', async () => {
    granted = ['https://news.example.org/*', 'https://disqus.com/*'];
    registered = [{ id: USER_SCRIPT_ID, matches: ['https://disqus.com/*', 'https://news.example.org/*'] }];
    await syncRegistrations();
    expect(registered).toEqual([expect.objectContaining({ allFrames: true })]);
  });

  it('runs in a discussion frame only where its origin and the site embedding it are both enabled', async () => {
    const frame = 'https://disqus.com/embed/comments/?f=x&t_u=http%3A%2F%2Fnews.example.org%2Fa%2F1';
    const embedder = 'http://news.example.org/a/1'; // the frame names the page http, the site is https
    await fakeBrowser.storage.local.set({
      [ENABLED_SITES_KEY]: ['https://disqus.com/*', 'https://news.example.org/*'],
    });
    expect(await wantedOnUserSite(frame, embedder)).toBe(true);
    expect(await wantedOnUserSite(frame, null)).toBe(false);
    expect(await wantedOnUserSite(frame, 'https://other.example.org/')).toBe(false);
    const gone = vi.fn();
    whenDisabled(frame, gone, embedder);
    await fakeBrowser.storage.local.set({ [ENABLED_SITES_KEY]: ['https://disqus.com/*'] });
    expect(gone).toHaveBeenCalledTimes(1);
    expect(isEnabledHere(frame, embedder, ['https://news.example.org/*'])).toBe(false);
  });

  it('tells a content script whether it is wanted, and when it no longer is', async () => {
    await fakeBrowser.storage.local.set({ [ENABLED_SITES_KEY]: ['https://forum.example.org/*'] });
    expect(await wantedOnUserSite('https://forum.example.org/t/1')).toBe(true);
    expect(await wantedOnUserSite('https://other.example.org/t/1')).toBe(false);
    const gone = vi.fn();
    whenDisabled('https://forum.example.org/t/1', gone);
    await fakeBrowser.storage.local.set({ [ENABLED_SITES_KEY]: ['https://forum.example.org/*', 'http://x.org/*'] });
    expect(gone).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ [ENABLED_SITES_KEY]: ['http://x.org/*'] });
    expect(gone).toHaveBeenCalledTimes(1);
  });
});

describe('"Thread this page once"', () => {
  it('is taken only from an extension page, never from a content script', async () => {
    fakeBrowser.reset();
    const executeScript = vi.fn(async () => []);
    const insertCSS = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, { scripting: { executeScript, insertCSS } });
    const events = { addListener: () => {} };
    Object.assign(fakeBrowser.permissions, { onAdded: events, onRemoved: events });
    const { listenForSiteAccess } = await import('@/utils/platform/site-access');
    listenForSiteAccess();
    const ask = (sender: object) =>
      fakeBrowser.runtime.onMessage.trigger({ type: 'threadlight:thread-once', tabId: 4 }, sender, () => {});
    expect(await ask({ tab: { id: 9 }, url: 'https://evil.example/' })).toEqual([{ ok: false }]);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await ask({ url: 'chrome-extension://id/popup.html' })).toEqual([{ ok: true }]);
    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(insertCSS).toHaveBeenCalledWith({ target: { tabId: 4 }, files: [expect.stringContaining('sites.css')] });
  });
});
