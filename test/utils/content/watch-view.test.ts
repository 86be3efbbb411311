import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatcher, type WatcherDeps, type WatchKit } from '@/utils/content/watch-view';
import { withArrivals } from '@/utils/content/watch-arrivals';
import { applyWatchOp, type WatchOp } from '@/utils/platform/watch-ops';
import type { Watched, WatchedStore } from '@/utils/platform/watched';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import type { Comment } from '@/utils/pipeline/model';

// Watching from an open view: checks on the back-off schedule while the tab is visible, arrivals handed on,
// the title counting them until the reader looks, errors stopping with Retry, and the stored list followed.

const post = (id: string) => ({ id, index: Number(id) }) as unknown as Comment;
const URL = 'https://f.example/threads/t.1/';

/** A site whose thread holds `posts`, a stored list the view's changes go to, and the watcher over them. */
function setup({ check = URL, status = 200 } = {}) {
  const site = { posts: ['1', '2', '3'], status, asked: 0 };
  let store: WatchedStore = {};
  const listeners = new Set<(e: Watched | null) => void>();
  const sent: WatchOp[] = [];
  const deps: WatcherDeps = {
    doc: document,
    fetchPage: async (url): Promise<ForumPageResult> => {
      site.asked++;
      return site.status === 200
        ? { ok: true, url, html: site.posts.join(',') }
        : { ok: false, status: site.status, error: 'x' };
    },
    send: async (change) => {
      sent.push(change);
      const { store: next, error } = applyWatchOp(store, change, Date.now());
      store = next;
      queueMicrotask(() => listeners.forEach((l) => l(store['k'] ?? null)));
      return error ? { ok: false, error } : { ok: true };
    },
    follow: (_key, on) => {
      listeners.add(on);
      queueMicrotask(() => on(store['k'] ?? null));
      return () => listeners.delete(on);
    },
  };
  const kit: WatchKit = {
    key: 'k',
    url: URL,
    check,
    title: 'A thread',
    read: async (html) => ({ key: 'k', ids: html.split(','), comments: html.split(',').map(post), last: null }),
  };
  let shown = ['1', '2', '3'].map(post);
  const arrived: string[][] = [];
  const hooks = {
    shown: () => shown,
    arrived: (c: Comment[]) => (arrived.push(c.map((x) => x.id)), (shown = withArrivals(shown, c))),
    redraw: vi.fn(),
  };
  const watcher = createWatcher(kit, deps, hooks);
  return { site, watcher, arrived, sent, hooks };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('watching from the view', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.title = 'A thread';
  });
  afterEach(() => vi.useRealTimers());

  it('checks within 30 s of watching, then backs off while nothing changes; a new post is handed on and titled', async () => {
    const { site, watcher, arrived } = setup();
    await settle();
    expect(watcher.ui().watched).toBe(false);
    await watcher.toggle();
    await settle();
    expect(watcher.ui().watched).toBe(true);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(site.asked).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(site.asked).toBe(1);
    // Nothing new: the next check a minute later, then two.
    await vi.advanceTimersByTimeAsync(59_000);
    expect(site.asked).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(site.asked).toBe(2);
    site.posts.push('4');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(arrived).toEqual([['4']]);
    expect(document.title).toBe('(1) A thread');
    expect(watcher.ui().arrived).toBe(1);
    // Something came: back to 30 s.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(site.asked).toBe(4);
    // The reader presses a key: they are looking.
    document.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    expect(document.title).toBe('A thread');
    watcher.stop();
  });

  it('pauses while the tab is hidden', async () => {
    const { site, watcher } = setup();
    await watcher.toggle();
    await settle();
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(site.asked).toBe(0);
    hidden.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(site.asked).toBe(1);
    watcher.stop();
  });

  it('stops on an error with a message; Retry checks again at once', async () => {
    const { site, watcher } = setup({ status: 500 });
    await watcher.toggle();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(watcher.ui().stopped).toMatch(/500/);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(site.asked).toBe(1);
    site.status = 200;
    watcher.ui().retry();
    await settle();
    expect(site.asked).toBe(2);
    expect(watcher.ui().stopped).toBeNull();
    watcher.stop();
  });

  it('marks a discussion gone on 404 and tells the background', async () => {
    const { watcher, sent } = setup({ status: 404 });
    await watcher.toggle();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(watcher.ui().stopped).toMatch(/gone/);
    expect(sent.at(-1)).toMatchObject({ op: 'failed', status: 'gone' });
    watcher.stop();
  });

  it('watched from a page that is not the last: the first check learns what is there, nothing arrives', async () => {
    const { watcher, arrived, site } = setup({ check: `${URL}page-5` });
    site.posts = ['101', '102'];
    await watcher.toggle();
    await settle();
    expect(site.asked).toBe(1);
    expect(arrived).toEqual([]);
    site.posts.push('103');
    // Learning was no quiet check: the first that looks for new posts comes within 30 s all the same.
    await vi.advanceTimersByTimeAsync(29_000);
    expect(site.asked).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(arrived).toEqual([['103']]);
    watcher.stop();
  });

  it('unwatching stops the checks and gives the title back', async () => {
    const { watcher, site } = setup();
    await watcher.toggle();
    await settle();
    await watcher.toggle();
    await settle();
    expect(watcher.ui().watched).toBe(false);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(site.asked).toBe(0);
    watcher.stop();
  });
});

describe('arrivals joining the discussion', () => {
  it('appends each post once, after what the view holds, numbered after it', () => {
    const merged = withArrivals(['1', '2'].map(post), ['2', '3'].map(post));
    expect(merged.map((c) => [c.id, c.index])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 2],
    ]);
  });
});
