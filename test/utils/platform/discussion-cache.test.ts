import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { cacheDiscussion, CACHE_TTL_MS, discussionKey, readCachedDiscussion } from '@/utils/platform/discussion-cache';
import { DISCUSSIONS_BUDGET, evictions, INDEX_KEY, makeRoom, readIndex } from '@/utils/platform/cache-budget';
import { comment } from '@/test/support/threads';

const URL_ = 'https://forums.macrumors.com/threads/x.1/';
const OTHER = 'https://forum.example.org/threads/x.1/';
const comments = [comment('1', 'first post'), comment('2', 'a reply')];
const storageKey = (url: string, thread: string) => `threadlight.discussion.${discussionKey(url, thread)}`;

describe('the full-discussion cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives back what was stored, with when, until it expires', async () => {
    expect(await cacheDiscussion(URL_, '1', comments, 1000)).toBe(true);
    expect(await readCachedDiscussion(URL_, '1', 1000 + 60_000)).toEqual({ comments, savedAt: 1000 });
    expect(await readCachedDiscussion(URL_, '1', 1000 + CACHE_TTL_MS + 1)).toBeNull();
    expect(await readCachedDiscussion(URL_, '2', 1000)).toBeNull();
  });

  it("never gives one forum's thread for another's with the same number", async () => {
    await cacheDiscussion(OTHER, '2105432', comments, 1000);
    expect(await readCachedDiscussion(URL_, '2105432', 1000)).toBeNull();
    expect(await readCachedDiscussion(OTHER, '2105432', 1000)).not.toBeNull();
    // An entry under the right key whose stored address is another origin's is not believed, and is removed.
    await browser.storage.local.set({ [storageKey(URL_, '7')]: { savedAt: 1000, url: OTHER, comments } });
    expect(await readCachedDiscussion(URL_, '7', 1000)).toBeNull();
    expect(await browser.storage.local.get(storageKey(URL_, '7'))).toEqual({});
  });

  it('reads stored data as untrusted: malformed comments are dropped, a malformed entry is nothing', async () => {
    const key = storageKey(URL_, '1');
    await browser.storage.local.set({
      [key]: { savedAt: 5, url: URL_, comments: [comments[0], { id: 3 }, null, 'x', { ...comments[1], quotes: 'no' }] },
    });
    expect(await readCachedDiscussion(URL_, '1', 10)).toEqual({ comments: [comments[0]], savedAt: 5 });
    // Kept as one JSON text (as cacheDiscussion writes now): read as untrusted the same way.
    await browser.storage.local.set({
      [key]: { savedAt: 5, url: URL_, json: JSON.stringify([{ id: 3 }, comments[1]]) },
    });
    expect(await readCachedDiscussion(URL_, '1', 10)).toEqual({ comments: [comments[1]], savedAt: 5 });
    for (const bad of [
      { savedAt: 'now', url: URL_, comments },
      { savedAt: 5, url: URL_, comments: 'all' },
      42,
      { savedAt: 5, url: URL_, comments: [] },
      { savedAt: 5, url: URL_, json: '[{"id": not json' },
      { savedAt: 5, url: URL_, json: '{"__proto__": {"polluted": 1}}' },
      { savedAt: 5, url: URL_, json: 42 },
    ]) {
      await browser.storage.local.set({ [key]: bad });
      expect(await readCachedDiscussion(URL_, '1', 10)).toBeNull();
    }
  });

  it('refuses a discussion too large to keep, and survives a storage that fails', async () => {
    const huge = [comment('1', 'x'.repeat(4_100_000))];
    expect(await cacheDiscussion(URL_, '1', huge)).toBe(false);
    expect(await readCachedDiscussion(URL_, '1')).toBeNull();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES exceeded'));
    expect(await cacheDiscussion(URL_, '1', comments)).toBe(false);
    vi.spyOn(browser.storage.local, 'get').mockRejectedValueOnce(new Error('gone'));
    expect(await readCachedDiscussion(URL_, '1')).toBeNull();
  });
});

describe('the caches stay within their share of storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('removes expired discussions first, then the oldest, until the new one fits', () => {
    const index = {
      a: { savedAt: 0, bytes: 10 },
      b: { savedAt: 100_000_000, bytes: 2_000_000 },
      c: { savedAt: 100_000_001, bytes: 2_000_000 },
    };
    const now = 100_000_002;
    expect(evictions(index, 0, now)).toEqual(['a']);
    expect(evictions(index, 1_500_000, now)).toEqual(['a', 'b']);
    expect(evictions(index, DISCUSSIONS_BUDGET, now)).toEqual(['a', 'b', 'c']);
  });

  it('keeps long discussions under the budget however many are loaded, and indexes what it keeps', async () => {
    const long = [comment('1', 'y'.repeat(1_800_000))];
    for (let i = 0; i < 6; i++) expect(await cacheDiscussion(URL_, String(i), long, 1000 + i)).toBe(true);
    const index = await readIndex();
    const total = Object.values(index).reduce((s, e) => s + e.bytes, 0);
    expect(total).toBeLessThanOrEqual(DISCUSSIONS_BUDGET);
    expect(Object.keys(index)).toEqual([storageKey(URL_, '4'), storageKey(URL_, '5')]);
    const stored = Object.keys(await browser.storage.local.get(null)).filter((k) => k.includes('discussion.'));
    expect(stored.sort()).toEqual(Object.keys(index).sort());
  });

  it('finds discussions an older version stored without an index, and sweeps them by the same rules', async () => {
    await browser.storage.local.set({ 'threadlight.discussion.1': { savedAt: 0, url: URL_, comments } });
    await cacheDiscussion(URL_, '2', comments, CACHE_TTL_MS * 4);
    expect(await browser.storage.local.get('threadlight.discussion.1')).toEqual({});
    expect(Object.keys((await browser.storage.local.get(INDEX_KEY))[INDEX_KEY] as object)).toEqual([
      storageKey(URL_, '2'),
    ]);
  });

  it('makes room for the reader by emptying the caches', async () => {
    await cacheDiscussion(URL_, '1', comments, 1000);
    await browser.storage.local.set({ 'threadlight.notes': { byAuthor: { a: 'kept' } } });
    await makeRoom();
    const left = await browser.storage.local.get(null);
    expect(Object.keys(left).filter((k) => k.includes('discussion'))).toEqual([]);
    expect(left['threadlight.notes']).toEqual({ byAuthor: { a: 'kept' } });
  });
});
