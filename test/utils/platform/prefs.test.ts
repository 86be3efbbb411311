import { describe, expect, it } from 'vitest';
import { applyOps } from '@/utils/platform/prefs-ops';
import {
  type Prefs,
  DEFAULT_PREFS,
  enabledOn,
  splitList,
  validatePrefs,
  validateView,
  withNote,
  withSite,
} from '@/utils/platform/prefs';
import { migrateBrandsV1, migrateFiltersV1, migrateViewV1 } from '@/utils/platform/migrations';
import { exportSettings, parseSettingsFile } from '@/utils/platform/settings-file';

describe('validating stored preferences field by field', () => {
  it('returns defaults for nothing or garbage', () => {
    for (const raw of [undefined, null, 42, 'x', [], { view: 'nope' }])
      expect(validatePrefs(raw)).toEqual(DEFAULT_PREFS);
  });
  it('keeps every good field and replaces only the bad ones', () => {
    const prefs = validatePrefs({
      view: {
        enabled: 'yes',
        sites: { 'macrumors.com': false, 'bad host!': false, 'x.com': 'no' },
        view: 'flat',
        sort: 'sideways',
      },
      filters: { minRating: '5', mutedWords: ['ok', 3, '', ' spaced '], mutedUsers: 'alice' },
      brands: {
        highlight: false,
        only: ['apple', 'BAD ID'],
        custom: [{ id: 'fairphone', label: 'Fairphone', color: 'red', aliases: ['Fairphone', 7] }, { id: '!!' }],
        disabled: 'samsung',
        style: 'boxed',
      },
      notes: { byAuthor: { ' Alice ': ' reliable ', bob: 7, '': 'nobody', carol: '   ' } },
    });
    expect(prefs).toEqual({
      view: { enabled: true, sites: { 'macrumors.com': false }, view: 'flat', sort: 'top' },
      filters: { minRating: null, mutedWords: ['ok', 'spaced'], mutedUsers: [] },
      brands: {
        highlight: false,
        only: ['apple'],
        custom: [{ id: 'fairphone', label: 'Fairphone', color: '#888888', aliases: ['Fairphone'] }],
        disabled: [],
        style: 'subtle',
      },
      notes: { byAuthor: { alice: 'reliable' } },
    });
  });
  it('exports and imports notes with the other settings', () => {
    const prefs = { ...DEFAULT_PREFS, notes: { byAuthor: { alice: 'reliable' } } };
    expect(imported(DEFAULT_PREFS, exportSettings(prefs))).toEqual(prefs);
  });
  it('keeps notes bounded and sets or removes one without touching the others', () => {
    const many = Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`user${i}`, 'x'.repeat(900)]));
    const notes = validatePrefs({ notes: { byAuthor: many } }).notes;
    expect(Object.keys(notes.byAuthor)).toHaveLength(500);
    expect(notes.byAuthor.user0).toHaveLength(500);
    expect(validatePrefs({ notes: 'junk' }).notes).toEqual({ byAuthor: {} });
    const one = withNote({ byAuthor: { alice: 'a' } }, ' Bob ', ' helpful ');
    expect(one).toEqual({ byAuthor: { alice: 'a', bob: 'helpful' } });
    expect(withNote(one, 'BOB', '  ')).toEqual({ byAuthor: { alice: 'a' } });
  });
  it('bounds numbers and list sizes', () => {
    const prefs = validatePrefs({
      filters: { minRating: 1e12, mutedWords: Array.from({ length: 2000 }, (_, i) => `w${i}`) },
    });
    expect(prefs.filters.minRating).toBe(1e6);
    expect(prefs.filters.mutedWords).toHaveLength(500);
    expect(validatePrefs({ filters: { minRating: NaN } }).filters.minRating).toBeNull();
  });
  it('turns the view off per site without losing the master switch', () => {
    const view = validateView({ enabled: true, sites: { 'macrumors.com': false } });
    expect(enabledOn(view, 'www.macrumors.com')).toBe(false);
    expect(enabledOn(view, 'forums.macrumors.com')).toBe(true);
  });
  it('splits comma lists but keeps /regex/ with commas whole', () => {
    expect(splitList('a, b ,, c')).toEqual(['a', 'b', 'c']);
    expect(splitList('foo, /a,b{1,2}/i, and/or')).toEqual(['foo', '/a,b{1,2}/i', 'and/or']);
  });
});

describe('migrations from the v1 schema', () => {
  it('view', () => {
    expect(validateView(migrateViewV1({ enabled: false, mode: 'list', sort: 'new' }))).toEqual({
      enabled: false,
      sites: {},
      view: 'flat',
      sort: 'newest',
    });
    expect(validateView(migrateViewV1({ mode: 'weird' })).view).toBe('threaded');
  });
  it('filters', () => {
    expect(migrateFiltersV1({ minRating: '3', muted: 'foo, bar' })).toEqual({
      minRating: 3,
      mutedWords: ['foo', 'bar'],
      mutedUsers: [],
    });
    expect(migrateFiltersV1({ minRating: '', muted: 7 })).toEqual({ minRating: null, mutedWords: [], mutedUsers: [] });
  });
  it('brands', () => {
    expect(migrateBrandsV1({ highlight: true, enabled: ['apple'] })).toEqual({
      highlight: true,
      only: ['apple'],
      custom: [],
      disabled: [],
    });
  });
});

/** What the stored preferences become when the file is imported over them. */
function imported(stored: Prefs, text: string): Prefs {
  const result = parseSettingsFile(text);
  if (!result.ok) throw new Error(result.error);
  return applyOps(stored, result.ops).prefs;
}
const file = (prefs: unknown, version: unknown = 2) => JSON.stringify({ app: 'threadlight', version, prefs });

describe('settings file', () => {
  it('round-trips', () => {
    const prefs = validatePrefs({ filters: { minRating: 4, mutedWords: ['x'] } });
    expect(imported(DEFAULT_PREFS, exportSettings(prefs))).toEqual(prefs);
  });
  const mine = validatePrefs({
    view: { view: 'flat' },
    filters: { mutedWords: ['a'], mutedUsers: ['troll'] },
    notes: { byAuthor: { alice: 'mine' } },
  });
  it('changes only the concerns and fields the file holds, merging notes and lists entry by entry', () => {
    const after = imported(mine, file({ view: { sort: 'newest' }, filters: { mutedWords: ['b'] } }));
    expect(after.view).toEqual({ ...mine.view, sort: 'newest' });
    expect(after.filters).toEqual({ minRating: null, mutedWords: ['a', 'b'], mutedUsers: ['troll'] });
    expect(after.notes).toEqual(mine.notes);
    const notes = imported(mine, file({ notes: { byAuthor: { bob: 'theirs', alice: 'updated' } } }));
    expect(notes.notes.byAuthor).toEqual({ alice: 'updated', bob: 'theirs' });
  });
  it('refuses a concern of the wrong type with a message, and imports the others', () => {
    const result = parseSettingsFile(file({ view: { sort: 'newest' }, filters: { mutedWords: 'all' }, notes: [1] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.imported).toEqual(['view']);
    expect(result.problems.join(' ')).toMatch(/"filters" was not imported.*"notes" was not imported/);
    expect(applyOps(mine, result.ops).prefs.filters).toEqual(mine.filters);
    const only = parseSettingsFile(file({ view: { enabled: 'yes' } }));
    expect(only.ok).toBe(false);
  });
  it('says how many entries it dropped', () => {
    const byAuthor = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`p${i}`, 'n']));
    const result = parseSettingsFile(file({ notes: { byAuthor } }));
    expect(result.ok && result.problems.join(' ')).toMatch(/9,500 of 10,000 entries in notes.byAuthor/);
  });
  it.each([['"99"'], ['99'], ['1.5'], ['0'], ['null']])('checks the version strictly: %s', (v) => {
    const result = parseSettingsFile(file({ view: {} }, JSON.parse(v)));
    expect(result.ok).toBe(false);
  });
  it.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['another app', JSON.stringify({ app: 'other', prefs: {} }), /not a Threadlight settings file/],
    ['no prefs', JSON.stringify({ app: 'threadlight', version: 2, prefs: {} }), /no settings in it/],
    ['newer', JSON.stringify({ app: 'threadlight', version: 9, prefs: { view: {} } }), /newer Threadlight/],
    ['null', 'null', /not a Threadlight settings file/],
  ])('refuses %s with a message', (_name, text, message) => {
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).toMatch(/Nothing was changed|Threadlight settings file/);
    }
  });
});

describe('switching one site', () => {
  it('records only sites switched off, and leaves the others as they were', () => {
    const off = withSite({ 'other.com': false }, 'macrumors.com', false);
    expect(off).toEqual({ 'other.com': false, 'macrumors.com': false });
    expect(withSite(off, 'macrumors.com', true)).toEqual({ 'other.com': false });
    expect(enabledOn({ ...DEFAULT_PREFS.view, sites: off }, 'www.macrumors.com')).toBe(false);
  });
});
