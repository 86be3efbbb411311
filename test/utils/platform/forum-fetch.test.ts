import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fetchForumPage, forumOf, mayFetchFor } from '@/utils/platform/forum-fetch';
import { fetchPageLimited } from '@/utils/platform/page-fetch';
import { fetchSameOrigin } from '@/utils/content/same-origin-fetch';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';

const THREAD = 'https://forum.example.org/threads/which-bike.77/';
const MR_THREAD = 'https://forums.macrumors.com/threads/2105432/';
const MR_ARTICLE = 'https://www.macrumors.com/2017/11/20/huawei-xiaomi/';
const ok = () => vi.fn(async () => new Response('<html>ok</html>', { status: 200 }));

/** A body that never ends: a chunk of 64 KiB every time it is read. */
const endless = () =>
  new Response(
    new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(65_536).fill(60));
      },
    }),
    { status: 200 },
  );

/** A fetch that answers only when aborted (a forum that never answers). */
const hanging = vi.fn(
  (_url: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) =>
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)),
    ),
);

describe('what the background fetches, and for whom', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useForOtherSites(anySite);
  });

  it('knows a thread by the engine its page was read with, on sites that are not built in', () => {
    expect(forumOf(THREAD, 'xenforo')).not.toBeNull();
    expect(forumOf(`${THREAD}page-3`, 'xenforo1')?.pageUrl(THREAD, 2)).toBe(`${THREAD}page-2`);
    expect(forumOf(THREAD)).toBeNull();
    expect(forumOf(THREAD, 'forum-signals')).toBeNull();
    expect(forumOf('https://forum.example.org/members/1/', 'xenforo')).toBeNull();
    expect(forumOf('https://forums.macrumors.com/members/1/', 'xenforo')).toBeNull();
  });

  it("fetches a built-in forum's thread only for that built-in site's own tabs", async () => {
    expect(mayFetchFor(MR_THREAD, MR_ARTICLE)).toBe(true);
    expect(mayFetchFor(MR_THREAD, `${MR_THREAD}page-2`)).toBe(true);
    expect(mayFetchFor(MR_THREAD, THREAD)).toBe(false); // an enabled page asking for MacRumors
    expect(mayFetchFor(MR_THREAD, undefined)).toBe(false);
    expect(mayFetchFor(THREAD, THREAD)).toBe(false); // enabled sites fetch their own pages themselves
    const fetchImpl = ok();
    expect(await fetchForumPage(MR_THREAD, THREAD, { fetchImpl })).toMatchObject({ ok: false });
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(await fetchForumPage(MR_THREAD, MR_ARTICLE, { fetchImpl })).toMatchObject({ ok: true });
  });

  it('refuses an answer that came from another address than a built-in thread', async () => {
    const moved = vi.fn(async () =>
      Object.defineProperty(new Response('x'), 'url', { value: 'https://evil.example/' }),
    );
    expect(await fetchForumPage(MR_THREAD, MR_ARTICLE, { fetchImpl: moved })).toMatchObject({ ok: false });
  });
});

describe('a page fetched within limits', () => {
  it('stops reading a body that never ends at the byte cap', async () => {
    const result = await fetchPageLimited('https://x.example/', {
      init: {},
      fetchImpl: async () => endless(),
      maxBytes: 1_000_000,
    });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/too large/i) });
  });

  it('gives up on a page that does not answer within its time', async () => {
    const result = await fetchPageLimited('https://x.example/', { init: {}, fetchImpl: hanging, timeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/did not answer/) });
  });

  it('ends the wait at once when the reader cancels', async () => {
    const cancel = new AbortController();
    const pending = fetchPageLimited('https://x.example/', { init: {}, fetchImpl: hanging, signal: cancel.signal });
    cancel.abort();
    expect(await pending).toMatchObject({ ok: false, error: 'Cancelled.' });
  });

  it("fetches an enabled site's pages from its own origin only, refusing redirects to others", async () => {
    const origin = 'https://forum.example.org';
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('<html>ok</html>'));
    try {
      expect(await fetchSameOrigin('https://elsewhere.example/threads/1', origin)).toMatchObject({ ok: false });
      expect(fetchMock).not.toHaveBeenCalled();
      expect(await fetchSameOrigin(THREAD, origin)).toMatchObject({ ok: true });
      expect(fetchMock).toHaveBeenCalledWith(THREAD, expect.objectContaining({ mode: 'same-origin' }));
      fetchMock.mockImplementation(async () =>
        Object.defineProperty(new Response('x'), 'url', { value: 'https://elsewhere.example/' }),
      );
      expect(await fetchSameOrigin(THREAD, origin)).toMatchObject({ ok: false });
    } finally {
      fetchMock.mockRestore();
    }
  });
});
