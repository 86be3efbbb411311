import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createPrefsWriter, listenForPrefsWrites, WRITE_INTERVAL_MS } from '@/utils/platform/prefs-writer';
import { loadPrefs, migrateStoredPrefs, savePrefs, watchPrefs } from '@/utils/platform/storage';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('preference storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('reads defaults when nothing is stored, and writes nothing by reading', async () => {
    expect(await loadPrefs()).toEqual(DEFAULT_PREFS);
    expect(await browser.storage.sync.get(null)).toEqual({});
  });

  it('saves to sync with the schema version and reads back', async () => {
    const prefs: Prefs = { ...DEFAULT_PREFS, filters: { minRating: 3, mutedWords: ['x'], mutedUsers: [] } };
    const result = await savePrefs({ filters: prefs.filters });
    expect(result).toEqual({ stored: { filters: 'sync' }, warnings: [] });
    expect(await browser.storage.sync.get(['threadlight.filters', 'threadlight.filters$'])).toEqual({
      'threadlight.filters': prefs.filters,
      'threadlight.filters$': { v: 2 },
    });
    expect(await loadPrefs()).toEqual(prefs);
  });

  it('migrates a v1 value in place, once, and keeps user values', async () => {
    await browser.storage.sync.set({
      'threadlight.filters': { minRating: '4', muted: 'foo, /ba+r/' },
      'threadlight.view': { enabled: false, mode: 'list', sort: 'old' },
    });
    await migrateStoredPrefs();
    const stored = await browser.storage.sync.get(null);
    expect(stored['threadlight.filters']).toEqual({ minRating: 4, mutedWords: ['foo', '/ba+r/'], mutedUsers: [] });
    expect(stored['threadlight.filters$']).toEqual({ v: 2 });
    const prefs = await loadPrefs();
    expect(prefs.view).toEqual({ enabled: false, sites: {}, view: 'flat', sort: 'oldest' });
    await migrateStoredPrefs();
    expect(await browser.storage.sync.get(null)).toEqual(stored);
  });

  it('falls back field by field on corrupted values', async () => {
    await browser.storage.sync.set({
      'threadlight.view': { enabled: 'nope', view: 'flat', sort: 42 },
      'threadlight.filters': 'garbage',
      'threadlight.filters$': { v: 2 },
      'threadlight.view$': { v: 2 },
    });
    const prefs = await loadPrefs();
    expect(prefs.view).toEqual({ ...DEFAULT_PREFS.view, view: 'flat' });
    expect(prefs.filters).toEqual(DEFAULT_PREFS.filters);
  });

  it('leaves a value written by a newer version untouched, and says so', async () => {
    const newer = { enabled: true, view: 'flat', sort: 'top', sites: {}, layout: 'cards' };
    await browser.storage.sync.set({ 'threadlight.view': newer, 'threadlight.view$': { v: 3 } });
    await migrateStoredPrefs();
    expect((await loadPrefs()).view.view).toBe('flat');
    const result = await savePrefs({ view: { ...DEFAULT_PREFS.view, view: 'threaded' } });
    expect(result.warnings[0]).toMatch(/newer Threadlight/);
    expect((await browser.storage.sync.get('threadlight.view'))['threadlight.view']).toEqual(newer);
  });

  it('keeps fields it does not know when writing', async () => {
    await browser.storage.sync.set({
      'threadlight.filters': { minRating: 1, mutedWords: [], mutedUsers: [], future: 'kept' },
      'threadlight.filters$': { v: 2 },
    });
    await savePrefs({ filters: { minRating: 2, mutedWords: [], mutedUsers: [] } });
    expect((await browser.storage.sync.get('threadlight.filters'))['threadlight.filters']).toEqual({
      minRating: 2,
      mutedWords: [],
      mutedUsers: [],
      future: 'kept',
    });
  });

  it('moves an item too large for sync to local, tells the user, and still reads it', async () => {
    const custom = Array.from({ length: 150 }, (_, i) => ({
      id: `brand${i}`,
      label: `Brand ${i}`,
      color: '#123456',
      aliases: [`Alias number ${i}`, `Another alias ${i}`],
    }));
    const brands = { ...DEFAULT_PREFS.brands, custom };
    const result = await savePrefs({ brands });
    expect(result.stored.brands).toBe('local');
    expect(result.warnings[0]).toMatch(/too large to sync/);
    expect((await browser.storage.local.get('threadlight.brands'))['threadlight.brands']).toEqual(brands);
    expect((await loadPrefs()).brands.custom).toHaveLength(150);
  });

  it('reports a write that sync refuses (quota) and keeps the value locally', async () => {
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const result = await savePrefs({ filters: { minRating: 7, mutedWords: [], mutedUsers: [] } });
    expect(result.stored.filters).toBe('local');
    expect(result.warnings.join(' ')).toMatch(/QUOTA_BYTES quota exceeded/);
    expect((await loadPrefs()).filters.minRating).toBe(7);
  });

  it('coalesces rapid changes into few writes, last value winning', async () => {
    vi.useFakeTimers();
    try {
      const set = vi.spyOn(browser.storage.sync, 'set');
      const results: unknown[] = [];
      const writer = createPrefsWriter((r) => results.push(r));
      // 60 toggles in 6 seconds: at most one write per interval.
      for (let i = 0; i < 60; i++) {
        writer.write({ brands: { ...DEFAULT_PREFS.brands, highlight: i % 2 === 0 } });
        await vi.advanceTimersByTimeAsync(100);
      }
      await writer.flush();
      await vi.runAllTimersAsync();
      expect(set.mock.calls.length).toBeLessThanOrEqual(Math.ceil(6000 / WRITE_INTERVAL_MS) + 2);
      expect(set.mock.calls.length).toBeGreaterThan(1);
      expect((await loadPrefs()).brands.highlight).toBe(false);
      expect(results.every((r) => !(r instanceof Error))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands a batch over at once on flush, even while an earlier hand-over is unanswered (popup closing)', async () => {
    const handed: Array<Partial<Prefs>> = [];
    const never = new Promise<never>(() => {});
    const writer = createPrefsWriter(
      () => {},
      WRITE_INTERVAL_MS,
      (batch) => {
        handed.push(batch);
        return never;
      },
    );
    writer.write({ view: { ...DEFAULT_PREFS.view, view: 'flat' } });
    void writer.flush();
    writer.write({ view: { ...DEFAULT_PREFS.view, view: 'flat', sort: 'newest' } });
    // The page is going away: no timer and no earlier answer may stand between the change and the hand-over.
    void writer.flush();
    expect(handed.map((b) => b.view?.sort)).toEqual(['top', 'newest']);
  });

  it('lets the background write what the popup hands over, in order, and answers with the outcome', async () => {
    listenForPrefsWrites();
    // fake-browser's sendMessage only knows sendResponse; the polyfill (and the real browser) take the promise
    // the listener returns, which is what trigger hands back here.
    const hand = (sort: Prefs['view']['sort']) =>
      fakeBrowser.runtime.onMessage.trigger(
        { type: 'threadlight:save-prefs', values: { view: { ...DEFAULT_PREFS.view, sort } } },
        {},
        () => {},
      );
    const first = hand('oldest');
    const second = hand('newest');
    expect(await first).toEqual([{ stored: { view: 'sync' }, warnings: [] }]);
    await second;
    expect((await loadPrefs()).view.sort).toBe('newest');
    // Other messages are left to other listeners.
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'something else', values: {} }, {}, () => {})).toEqual([
      undefined,
    ]);
  });

  it('tells watchers about real changes only', async () => {
    const seen: Prefs[] = [];
    const stop = watchPrefs(await loadPrefs(), (p) => seen.push(p));
    await savePrefs({ view: { ...DEFAULT_PREFS.view, sort: 'newest' } });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await savePrefs({ view: { ...DEFAULT_PREFS.view, sort: 'newest' } }); // same value: no-op event
    await browser.storage.sync.set({ unrelated: 1 });
    await flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.view.sort).toBe('newest');
    stop();
  });
});
