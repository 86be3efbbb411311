import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createPrefsWriter, WRITE_INTERVAL_MS } from '@/utils/platform/prefs-writer';
import { changePrefs, listenForPrefsWrites } from '@/utils/platform/prefs-store';
import { LOCAL_ONLY_KEY, loadPrefs, peopleKeptOnDevice, watchPrefs } from '@/utils/platform/storage';
import { migrateStoredPrefs } from '@/utils/platform/prefs-migrate';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { everySiteId } from '@/utils/pipeline/people/person';
import { withPeopleChange } from '@/utils/platform/people-prefs';
import { diffPrefs, type PrefsOp } from '@/utils/platform/prefs-ops';
import { cacheDiscussion } from '@/utils/platform/discussion-cache';
import { comment } from '@/test/support/threads';

const flush = () => new Promise((r) => setTimeout(r, 0));
const set = (c: 'view' | 'filters' | 'brands', f: string, value: unknown): PrefsOp => ({ c, f, op: 'set', value });
const note = (name: string, text: string): PrefsOp => ({
  c: 'notes',
  f: 'byPerson',
  op: 'put',
  key: everySiteId(name),
  value: { name, text },
});
/** The notes as name → text (each kept under the name on every site here). */
const texts = (p: Prefs) => Object.fromEntries(Object.values(p.notes.byPerson).map((n) => [n.name, n.text]));
const bigBrands = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `brand${i}`,
    label: `Brand ${i}`,
    color: '#123456',
    aliases: [`Alias number ${i}`, `Another alias ${i}`],
  }));

describe('preference storage: one writer that merges', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('reads defaults when nothing is stored, and writes nothing by reading', async () => {
    expect(await loadPrefs()).toEqual(DEFAULT_PREFS);
    expect(await browser.storage.sync.get(null)).toEqual({});
  });

  it('writes only the concern an operation changes, with its schema version', async () => {
    const result = await changePrefs([
      set('filters', 'minRating', 3),
      { c: 'filters', f: 'mutedWords', op: 'add', item: 'x' },
    ]);
    expect(result).toEqual({ stored: { filters: 'sync' }, warnings: [], ok: true });
    expect(await browser.storage.sync.get(null)).toEqual({
      'threadlight.filters': { minRating: 3, mutedWords: ['x'], mutedPeople: {}, hideRepliesToMuted: false },
      'threadlight.filters$': { v: 3 },
    });
  });

  it('never undoes what another surface changed: a stale settings page, two tabs saving notes at once', async () => {
    const stale = await loadPrefs(); // a settings page opened earlier
    await changePrefs([note('alice', 'from a tab')]);
    await changePrefs([set('view', 'sort', 'newest')]); // the popup
    // The settings page's edit is the difference from what it read: one muted word, nothing else.
    const edited: Prefs = { ...stale, filters: { ...stale.filters, mutedWords: ['spoiler'] } };
    await changePrefs(diffPrefs(stale, edited));
    listenForPrefsWrites();
    const send = (ops: PrefsOp[]) =>
      fakeBrowser.runtime.onMessage.trigger({ type: 'threadlight:change-prefs', ops }, {}, () => {});
    await Promise.all([send([note('bob', 'tab one')]), send([note('carol', 'tab two')])]);
    const prefs = await loadPrefs();
    expect(texts(prefs)).toEqual({ alice: 'from a tab', bob: 'tab one', carol: 'tab two' });
    expect(prefs.view.sort).toBe('newest');
    expect(prefs.filters.mutedWords).toEqual(['spoiler']);
  });

  it('migrates a v1 value in place, once, and keeps user values', async () => {
    await browser.storage.sync.set({
      'threadlight.filters': { minRating: '4', muted: 'foo, /ba+r/' },
      'threadlight.view': { enabled: false, mode: 'list', sort: 'old' },
    });
    await migrateStoredPrefs();
    const stored = await browser.storage.sync.get(null);
    expect(stored['threadlight.filters']).toEqual({
      minRating: 4,
      mutedWords: ['foo', '/ba+r/'],
      mutedPeople: {},
      hideRepliesToMuted: false,
    });
    const prefs = await loadPrefs();
    expect(prefs.view).toEqual({ enabled: false, sites: {}, view: 'flat', sort: 'oldest', collapseRead: false });
    await migrateStoredPrefs();
    expect(await browser.storage.sync.get(null)).toEqual(stored);
  });

  it('reads a v1 value that is not migrated yet as the current schema, without writing', async () => {
    await browser.storage.sync.set({ 'threadlight.view': { enabled: true, mode: 'tree', sort: 'new' } });
    expect((await loadPrefs()).view).toEqual({
      enabled: true,
      sites: {},
      view: 'threaded',
      sort: 'newest',
      collapseRead: false,
    });
    expect(await browser.storage.sync.get(null)).toEqual({
      'threadlight.view': { enabled: true, mode: 'tree', sort: 'new' },
    });
  });

  it('falls back field by field on corrupted values, and a bad operation changes nothing', async () => {
    await browser.storage.sync.set({
      'threadlight.view': { enabled: 'nope', view: 'flat', sort: 42 },
      'threadlight.filters': 'garbage',
      'threadlight.filters$': { v: 2 },
      'threadlight.view$': { v: 2 },
    });
    const prefs = await loadPrefs();
    expect(prefs.view).toEqual({ ...DEFAULT_PREFS.view, view: 'flat' });
    expect(prefs.filters).toEqual(DEFAULT_PREFS.filters);
    await changePrefs([set('view', 'view', 'bogus'), { c: 'view', f: 'nope', op: 'set', value: 1 } as PrefsOp]);
    expect((await loadPrefs()).view.view).toBe('flat');
  });

  it('leaves a value written by a newer version untouched, says so, and keeps fields it does not know', async () => {
    const newer = { enabled: true, view: 'flat', sort: 'top', sites: {}, layout: 'cards' };
    await browser.storage.sync.set({ 'threadlight.view': newer, 'threadlight.view$': { v: 4 } });
    const result = await changePrefs([set('view', 'view', 'threaded')]);
    expect(result.warnings[0]).toMatch(/newer Threadlight/);
    expect(result.ok).toBe(false);
    expect((await browser.storage.sync.get('threadlight.view'))['threadlight.view']).toEqual(newer);
    await browser.storage.sync.set({
      'threadlight.filters': { minRating: 1, mutedWords: [], mutedPeople: {}, future: 'kept' },
      'threadlight.filters$': { v: 3 },
    });
    await changePrefs([set('filters', 'minRating', 2)]);
    expect((await browser.storage.sync.get('threadlight.filters'))['threadlight.filters']).toMatchObject({
      minRating: 2,
      future: 'kept',
    });
  });
});

describe('kept on this device: known locally, merged with sync', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('moves a concern too large for sync to local, records that locally, and still reads it', async () => {
    const custom = bigBrands(150);
    const result = await changePrefs(custom.map((b) => ({ c: 'brands', f: 'custom', op: 'put', key: b.id, value: b })));
    expect(result.stored.brands).toBe('local');
    expect(result.warnings[0]).toMatch(/too large to sync/);
    expect(await browser.storage.sync.get(null)).toEqual({});
    expect((await browser.storage.local.get(LOCAL_ONLY_KEY))[LOCAL_ONLY_KEY]).toHaveProperty('brands');
    expect((await loadPrefs()).brands.custom).toHaveLength(150);
  });

  it('keeps a change that sync refuses (quota) although sync refuses every write, even a marker', async () => {
    await changePrefs([set('filters', 'minRating', 1)]);
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    const result = await changePrefs([set('filters', 'minRating', 7)]);
    expect(result.stored.filters).toBe('local');
    expect(result.warnings.join(' ')).toMatch(/MAX_WRITE_OPERATIONS/);
    // "After a reload": sync still holds the older value, and does not win.
    expect((await browser.storage.sync.get('threadlight.filters'))['threadlight.filters']).toMatchObject({
      minRating: 1,
    });
    expect((await loadPrefs()).filters.minRating).toBe(7);
  });

  it("merges another browser's notes arriving through sync with the notes kept here; a deletion here stays", async () => {
    // Sync refuses this device's notes (they are too many for its quota).
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await changePrefs([note('kept-here', 'local note'), note('old', 'to delete')]);
    await changePrefs([{ c: 'notes', f: 'byPerson', op: 'delete', key: everySiteId('old') }]);
    // Meanwhile another browser wrote its small notes to sync (including the old one it had seen).
    vi.restoreAllMocks();
    await browser.storage.sync.set({
      'threadlight.notes': { byAuthor: { 'from-sync': 'other browser', old: 'to delete' } },
      'threadlight.notes$': { v: 2 },
    });
    // (An older version's notes, kept by name: read as names on every site.)
    expect(texts(await loadPrefs())).toEqual({ 'kept-here': 'local note', 'from-sync': 'other browser' });
  });

  it('goes back to sync once the concern fits, and forgets the local copy', async () => {
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await changePrefs([note('a', 'one')]);
    const result = await changePrefs([note('b', 'two')]);
    expect(result.stored.notes).toBe('sync');
    expect(await browser.storage.local.get(['threadlight.notes'])).toEqual({});
    expect((await browser.storage.sync.get('threadlight.notes'))['threadlight.notes']).toEqual({
      byPerson: { [everySiteId('a')]: { name: 'a', text: 'one' }, [everySiteId('b')]: { name: 'b', text: 'two' } },
    });
  });

  it('gives the reader room when local storage is full: the caches go, the note stays', async () => {
    await cacheDiscussion('https://forums.macrumors.com/threads/1/', '1', [comment('1', 'x')], Date.now());
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const localSet = browser.storage.local.set.bind(browser.storage.local);
    vi.spyOn(browser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'))
      .mockImplementation(localSet);
    const result = await changePrefs([note('alice', 'kept')]);
    expect(result.ok).toBe(true);
    expect(texts(await loadPrefs())).toEqual({ alice: 'kept' });
    const keys = Object.keys(await browser.storage.local.get(null));
    expect(keys.filter((k) => k.startsWith('threadlight.discussion.'))).toEqual([]);
  });

  it('says so when even then nothing could be stored', async () => {
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const result = await changePrefs([note('alice', 'lost')]);
    expect(result.ok).toBe(false);
    expect(result.warnings.join(' ')).toMatch(/Could not save/i);
  });
});

describe('limits refuse with a message, never hide an entry; names are only names', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('refuses the 501st note and keeps all 500', async () => {
    const ops = Array.from({ length: 500 }, (_, i) => note(`person${i}`, `n${i}`));
    expect((await changePrefs(ops)).ok).toBe(true);
    const result = await changePrefs([note('one-more', 'x')]);
    expect(result.ok).toBe(false);
    expect(result.warnings.join(' ')).toMatch(/500 notes/);
    const notes = texts(await loadPrefs());
    expect(Object.keys(notes)).toHaveLength(500);
    expect(notes['person0']).toBe('n0');
    // Changing an existing note is still possible at the limit.
    expect((await changePrefs([note('person0', 'changed')])).ok).toBe(true);
  });

  it('refuses a note on a name longer than the limit instead of losing it on reload', async () => {
    const result = await changePrefs([note('x'.repeat(201), 'hi')]);
    expect(result.ok).toBe(false);
    expect(result.warnings.join(' ')).toMatch(/longer than 200/);
    expect((await changePrefs([note('y'.repeat(200), 'hi')])).ok).toBe(true);
  });

  it('keeps notes on "__proto__", "constructor" and "toString" like any others, and pollutes nothing', async () => {
    await changePrefs(['__proto__', 'constructor', 'tostring'].map((n) => note(n, `on ${n}`)));
    const prefs = await loadPrefs();
    expect(Object.keys(texts(prefs)).sort()).toEqual(['__proto__', 'constructor', 'tostring']);
    const id = everySiteId('hasOwnProperty');
    expect(withPeopleChange(prefs, { kind: 'note', id, name: 'x', text: '' }).notes.byPerson).not.toHaveProperty(id);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.prototype).not.toHaveProperty('on __proto__');
  });
});

describe('the surfaces write operations, coalesced', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('coalesces rapid changes into few batches, the last operation on each field winning', async () => {
    vi.useFakeTimers();
    try {
      const sent: PrefsOp[][] = [];
      const writer = createPrefsWriter(
        () => {},
        WRITE_INTERVAL_MS,
        async (ops) => {
          sent.push(ops);
          return changePrefs(ops);
        },
      );
      for (let i = 0; i < 60; i++) {
        writer.write([set('brands', 'highlight', i % 2 === 0)]);
        await vi.advanceTimersByTimeAsync(100);
      }
      await writer.flush();
      await vi.runAllTimersAsync();
      expect(sent.length).toBeLessThanOrEqual(Math.ceil(6000 / WRITE_INTERVAL_MS) + 2);
      expect(sent.every((b) => b.length === 1)).toBe(true);
      expect((await loadPrefs()).brands.highlight).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands a batch over at once on flush, and counts what is in flight as pending until settled', async () => {
    const handed: PrefsOp[][] = [];
    const answers: Array<(v: { stored: object; warnings: string[] }) => void> = [];
    const writer = createPrefsWriter(
      () => {},
      WRITE_INTERVAL_MS,
      (ops) => {
        handed.push(ops);
        return new Promise((r) => answers.push(r));
      },
    );
    writer.write([set('view', 'view', 'flat')]);
    const first = writer.flush();
    writer.write([set('view', 'sort', 'newest')]);
    void writer.flush();
    expect(handed.map((b) => b[0]!.f)).toEqual(['view', 'sort']);
    expect(writer.pending().map((o) => o.f)).toEqual(['view', 'sort']);
    answers[0]!({ stored: {}, warnings: [] });
    await first;
    expect(writer.pending().map((o) => o.f)).toContain('view');
    writer.settle();
    expect(writer.pending().map((o) => o.f)).toEqual(['sort']);
  });

  it('tells watchers about real changes only', async () => {
    const seen: Prefs[] = [];
    const stop = watchPrefs(await loadPrefs(), (p) => seen.push(p));
    await changePrefs([set('view', 'sort', 'newest')]);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await browser.storage.sync.set({
      'threadlight.view': (await browser.storage.sync.get('threadlight.view'))['threadlight.view'],
    });
    await browser.storage.sync.set({ unrelated: 1 });
    await flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.view.sort).toBe('newest');
    stop();
  });
});

describe('people data synced where it fits, the rest on this device', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('syncs the notes that fit one item, keeps all of them here, reads them whole, and says so', async () => {
    const ops = Array.from({ length: 300 }, (_, i) => note(`person${i}`, `A longer note on person ${i}, to fill.`));
    const result = await changePrefs(ops);
    expect(result.ok).toBe(true);
    expect(result.stored.notes).toBe('local');
    const synced = (await browser.storage.sync.get('threadlight.notes'))['threadlight.notes'] as Prefs['notes'];
    const inSync = Object.keys(synced.byPerson).length;
    expect(inSync).toBeGreaterThan(50);
    expect(inSync).toBeLessThan(300);
    // The first entries (oldest) are the synced ones: a new note does not push one out.
    expect(Object.keys(synced.byPerson)[0]).toBe(everySiteId('person0'));
    expect(new Blob([JSON.stringify(synced)]).size).toBeLessThan(8192);
    expect(Object.keys(texts(await loadPrefs()))).toHaveLength(300);
    expect(await peopleKeptOnDevice()).toBe(true);
    // Another browser sees what sync holds; a note deleted here stays deleted here.
    await changePrefs([{ c: 'notes', f: 'byPerson', op: 'delete', key: everySiteId('person0') }]);
    const after = texts(await loadPrefs());
    expect(after).not.toHaveProperty('person0');
    expect(Object.keys(after)).toHaveLength(299);
  });

  it('goes back to sync whole once the people data fits again, and the notice goes', async () => {
    await changePrefs(Array.from({ length: 300 }, (_, i) => note(`p${i}`, 'x'.repeat(40))));
    await changePrefs(
      Array.from(
        { length: 295 },
        (_, i) => ({ c: 'notes', f: 'byPerson', op: 'delete', key: everySiteId(`p${i}`) }) as PrefsOp,
      ),
    );
    expect(await peopleKeptOnDevice()).toBe(false);
    expect(Object.keys(texts(await loadPrefs()))).toHaveLength(5);
  });
});
