import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  cleanWatched,
  listWatched,
  MAX_KNOWN,
  MAX_WATCHED,
  WATCHED_KEY,
  type WatchedStore,
} from '@/utils/platform/watched';
import { applyWatchOp, isWatchOp, type WatchOp } from '@/utils/platform/watch-ops';
import { changeWatched, checkInBackground, opOf } from '@/utils/platform/watch-background';
import { decodeIds } from '@/utils/platform/seen';
import { makeTopic, topicJson } from '@/test/support/discourse-topics.mjs';

// The watched list: validated entry by entry (a stored value is hostile), at most 50, each change applied
// by one pure function and written by the background one change at a time.

const NOW = 1_800_000_000_000;
const add = (key: string, ids: string[] = ['1', '2']): Extract<WatchOp, { op: 'add' }> => ({
  op: 'add',
  key,
  url: `https://f.example/${key}`,
  check: `https://f.example/${key}/page-2`,
  title: `Thread ${key}`,
  ids,
});
const apply = (store: WatchedStore, ...ops: WatchOp[]) =>
  ops.reduce((s, op, i) => applyWatchOp(s, op, NOW + i).store, store);

describe('the watched list', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a hostile stored value as what is usable in it, entry by entry', () => {
    const good = apply({}, add('a'))['a'];
    const store = cleanWatched({
      a: good,
      ['__proto__']: { ...good, key: '__proto__' },
      b: { ...good, url: 'javascript:alert(1)' },
      c: { ...good, check: 42 },
      d: 'x',
      e: { ...good, fresh: -5, status: 'weird', title: 7 },
    });
    expect(Object.keys(store).sort()).toEqual(['__proto__', 'a', 'e']);
    expect(store['e']).toMatchObject({ fresh: 0, status: 'ok', title: '' });
    expect(Object.getPrototypeOf(store)).toBeNull();
    expect(cleanWatched(null)).toEqual({});
    expect(cleanWatched([good])).toEqual({});
  });

  it('keeps at most 50, refusing the 51st with a message and losing none', () => {
    let store: WatchedStore = {};
    for (let i = 0; i < MAX_WATCHED; i++) store = apply(store, add(`t${i}`));
    const refused = applyWatchOp(store, add('one-more'), NOW);
    expect(refused.error).toMatch(/50/);
    expect(Object.keys(refused.store)).toHaveLength(MAX_WATCHED);
    // Watching one already watched is no new entry.
    expect(applyWatchOp(store, add('t3'), NOW).error).toBeNull();
  });

  it('counts posts a check finds that it did not know, resets when opened, marks gone', () => {
    let store = apply({}, add('a', ['1', '2']));
    store = apply(store, {
      op: 'checked',
      key: 'a',
      check: 'https://f.example/a/page-3',
      ids: ['2', '3', 'x-9'],
      counts: true,
    });
    expect(store['a']).toMatchObject({ fresh: 2, check: 'https://f.example/a/page-3', status: 'ok' });
    // The same posts again: nothing more.
    store = apply(store, {
      op: 'checked',
      key: 'a',
      check: 'https://f.example/a/page-3',
      ids: ['3', 'x-9'],
      counts: true,
    });
    expect(store['a']!.fresh).toBe(2);
    // A check by the open view: known, not counted.
    store = apply(store, { op: 'checked', key: 'a', check: 'https://f.example/a/page-3', ids: ['4'], counts: false });
    expect(store['a']!.fresh).toBe(2);
    store = apply(store, { op: 'opened', key: 'a', ids: [] });
    expect(store['a']!.fresh).toBe(0);
    store = apply(store, { op: 'failed', key: 'a', status: 'gone', error: 'Gone.' });
    expect(store['a']).toMatchObject({ status: 'gone', fresh: 0 });
    expect(apply(store, { op: 'remove', key: 'a' })).toEqual({});
  });

  it('stays within its bound: 50 discussions of thousands of posts each', () => {
    let store: WatchedStore = {};
    const ids = Array.from({ length: 1000 }, (_, i) => String(60_000_000 + i * 13));
    for (let i = 0; i < MAX_WATCHED; i++)
      store = apply(
        store,
        add(`t${i}`, ids),
        add(
          `t${i}`,
          ids.map((id) => `${id}1`),
        ),
      );
    expect(decodeIds(store['t0']!.known).size).toBe(MAX_KNOWN);
    // Under 200 KB in all (storage.local holds 10 MB; the seen state's budget is 1.5 MB).
    expect(JSON.stringify(store).length).toBeLessThan(200_000);
  });

  it('checks the shape of what arrives in a message', () => {
    expect(isWatchOp(add('a'))).toBe(true);
    expect(isWatchOp({ op: 'add', key: 'a' })).toBe(false);
    expect(isWatchOp({ op: 'remove' })).toBe(false);
    expect(isWatchOp({ op: 'checked', key: 'a', check: 'x', ids: [1], counts: true })).toBe(false);
    expect(isWatchOp({ op: 'drop-all', key: 'a' })).toBe(false);
    expect(isWatchOp({ ...add('a'), topic: { platform: 'discourse', id: '12' } })).toBe(true);
    expect(isWatchOp({ ...add('a'), topic: { platform: 'phpbb', id: '12' } })).toBe(false);
  });

  it('is written by the background one change at a time: two changes at once both land', async () => {
    await Promise.all([changeWatched(add('a')), changeWatched(add('b')), changeWatched(add('c'))]);
    expect((await listWatched()).map((w) => w.key).sort()).toEqual(['a', 'b', 'c']);
    await browser.storage.local.set({ [WATCHED_KEY]: 'garbage' });
    expect(await listWatched()).toEqual([]);
  });
});

describe("the background's check", () => {
  const entry = () => apply({}, add('k'))['k']!;

  it('fetches the discussion from its own origin only, without cookies, and reads what came', async () => {
    const asked: Array<[string, RequestInit | undefined]> = [];
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      asked.push([url, init]);
      return new Response('<html>', { status: 200 });
    }) as unknown as typeof fetch;
    const read = async () => ({ key: 'k', ids: ['7'], last: 'https://elsewhere.example/page-9' });
    const result = await checkInBackground(entry(), read, fetchImpl);
    expect(result).toMatchObject({ status: 'ok', ids: ['7'] });
    expect(asked.map(([u]) => u)).toEqual(['https://f.example/k/page-2']);
    expect(asked[0]![1]?.credentials).toBe('omit');
  });

  it('checks a watched topic from its platform JSON, counting the posts it lists that are new', async () => {
    const topic = { platform: 'discourse' as const, id: '789' };
    const ids = makeTopic(789, 10).posts.map((p: { id: number }) => String(p.id));
    const check = 'https://f.example/t/789.json';
    const store = apply({}, { ...add('t', ids), check, topic });
    expect(store['t']!.topic).toEqual(topic);
    // A stored topic of a platform not known is dropped alone; the entry stays, checked as a page.
    expect(cleanWatched({ t: { ...store['t'], topic: { platform: 'x', id: '1' } } })['t']!.topic).toBeUndefined();
    const asked: Array<[string, RequestInit | undefined]> = [];
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      asked.push([url, init]);
      return new Response(JSON.stringify(topicJson(makeTopic(789, 13))), { status: 200 });
    }) as unknown as typeof fetch;
    const pageReader = async () => {
      throw new Error('a topic is not read as a page');
    };
    const result = await checkInBackground(store['t']!, pageReader, fetchImpl);
    expect(asked.map(([u, init]) => [u, init?.credentials, (init?.headers as Record<string, string>).accept])).toEqual([
      [check, 'omit', 'application/json'],
    ]);
    const after = applyWatchOp(store, opOf(store['t']!, result), NOW + 5).store;
    expect(after['t']!.fresh).toBe(3);
  });

  it('turns a result into the change it makes', () => {
    const e = entry();
    expect(opOf(e, { status: 'ok', ids: ['1'], comments: [], check: e.check })).toMatchObject({
      op: 'checked',
      counts: true,
    });
    expect(opOf(e, { status: 'gone' })).toMatchObject({ op: 'failed', status: 'gone' });
    expect(opOf(e, { status: 'not-discussion' })).toMatchObject({ op: 'failed', status: 'failed' });
    expect(opOf(e, { status: 'failed', error: 'http', httpStatus: 500 })).toMatchObject({
      error: expect.stringMatching(/500/),
    });
  });
});
