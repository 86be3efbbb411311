import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { cacheDiscussion, CACHE_TTL_MS, readCachedDiscussion } from '@/utils/platform/discussion-cache';
import { comment } from '@/test/support/threads';

const URL_ = 'https://forums.macrumors.com/threads/x.1/';
const comments = [comment('1', 'first post'), comment('2', 'a reply')];

describe('the full-discussion cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives back what was stored, with when, until it expires', async () => {
    expect(await cacheDiscussion('1', URL_, comments, 1000)).toBe(true);
    expect(await readCachedDiscussion('1', 1000 + 60_000)).toEqual({ comments, savedAt: 1000 });
    expect(await readCachedDiscussion('1', 1000 + CACHE_TTL_MS + 1)).toBeNull();
    expect(await readCachedDiscussion('2', 1000)).toBeNull();
  });

  it('reads stored data as untrusted: malformed comments are dropped, a malformed entry is nothing', async () => {
    const key = 'threadlight.discussion.1';
    await browser.storage.local.set({
      [key]: { savedAt: 5, url: URL_, comments: [comments[0], { id: 3 }, null, 'x', { ...comments[1], quotes: 'no' }] },
    });
    expect(await readCachedDiscussion('1', 10)).toEqual({ comments: [comments[0]], savedAt: 5 });
    for (const bad of [
      { savedAt: 'now', comments },
      { savedAt: 5, comments: 'all' },
      42,
      { savedAt: 5, comments: [] },
    ]) {
      await browser.storage.local.set({ [key]: bad });
      expect(await readCachedDiscussion('1', 10)).toBeNull();
    }
  });

  it('refuses a discussion too large to keep, and survives a storage that fails', async () => {
    const huge = [comment('1', 'x'.repeat(4_100_000))];
    expect(await cacheDiscussion('1', URL_, huge)).toBe(false);
    expect(await readCachedDiscussion('1')).toBeNull();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES exceeded'));
    expect(await cacheDiscussion('1', URL_, comments)).toBe(false);
    vi.spyOn(browser.storage.local, 'get').mockRejectedValueOnce(new Error('gone'));
    expect(await readCachedDiscussion('1')).toBeNull();
  });
});
