import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fetchForumPage, forumOf } from '@/utils/platform/forum-fetch';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';

const THREAD = 'https://forum.example.org/threads/which-bike.77/';

describe('full discussions on sites the reader added', () => {
  let granted: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    useForOtherSites(anySite);
    granted = ['https://forum.example.org/*'];
    fakeBrowser.permissions.contains = async ({ origins = [] }) => origins.every((o) => granted.includes(o));
  });

  it('knows a thread by the engine its page was read with, on sites that are not built in', () => {
    expect(forumOf(THREAD, 'xenforo')).not.toBeNull();
    expect(forumOf(`${THREAD}page-3`, 'xenforo1')?.pageUrl(THREAD, 2)).toBe(`${THREAD}page-2`);
    expect(forumOf(THREAD)).toBeNull();
    expect(forumOf(THREAD, 'forum-signals')).toBeNull();
    expect(forumOf('https://forum.example.org/members/1/', 'xenforo')).toBeNull();
    expect(forumOf('https://forums.macrumors.com/members/1/', 'xenforo')).toBeNull();
  });

  it('fetches only threads on the asking page’s own origin, which the reader granted', async () => {
    const ok = vi.fn(async () => new Response('<html>ok</html>', { status: 200 }));
    const scope = { source: 'xenforo', from: `${THREAD}page-2` };
    expect(await fetchForumPage(`${THREAD}page-3`, ok, scope)).toMatchObject({ ok: true });
    expect(await fetchForumPage('https://elsewhere.example/threads/x.1/', ok, scope)).toMatchObject({ ok: false });
    expect(await fetchForumPage(`${THREAD}page-3`, ok, { source: 'xenforo' })).toMatchObject({ ok: false });
    granted = [];
    expect(await fetchForumPage(`${THREAD}page-3`, ok, scope)).toMatchObject({ ok: false });
    expect(ok).toHaveBeenCalledTimes(1);
  });
});
