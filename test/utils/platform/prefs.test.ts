import { describe, expect, it } from 'vitest';
import { applyOps } from '@/utils/platform/prefs-ops';
import {
  type Prefs,
  DEFAULT_PREFS,
  enabledOn,
  splitList,
  validatePrefs,
  validateView,
  withSite,
} from '@/utils/platform/prefs';
import {
  migrateBrandsV1,
  migrateFiltersV1,
  migrateFiltersV2,
  migrateNotesV2,
  migrateViewV1,
} from '@/utils/platform/migrations';
import { everySiteId } from '@/utils/pipeline/people/person';
import { withPeopleChange } from '@/utils/platform/people-prefs';

const SITE_ID = 'https://forums.example.org p:/members/alice.1';
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
      filters: {
        minRating: '5',
        mutedWords: ['ok', 3, '', ' spaced '],
        mutedPeople: { [SITE_ID]: 'Alice', 'not an id': 'x', [everySiteId('bob')]: 7 },
        hideRepliesToMuted: 'yes',
      },
      brands: {
        highlight: false,
        only: ['apple', 'BAD ID'],
        custom: [{ id: 'fairphone', label: 'Fairphone', color: 'red', aliases: ['Fairphone', 7] }, { id: '!!' }],
        disabled: 'samsung',
        style: 'boxed',
      },
      notes: {
        byPerson: {
          [SITE_ID]: { name: ' Alice ', text: ' reliable ' },
          [everySiteId('bob')]: { name: 'bob', text: 7 },
          [everySiteId('carol')]: { name: 'carol', text: '   ' },
          'junk id': { name: 'x', text: 'y' },
        },
      },
      people: {
        tags: {
          [SITE_ID]: { name: 'Alice', label: ' helpful ', color: 'mauve' },
          [everySiteId('dan')]: { name: 'dan', label: 'x'.repeat(25), color: 'red' },
        },
        you: { 'https://forums.example.org': 'me', 'ftp://x': 'no', 'https://a.example': '' },
      },
    });
    expect(prefs).toEqual({
      view: { enabled: true, sites: { 'macrumors.com': false }, view: 'flat', sort: 'top', collapseRead: false },
      filters: {
        minRating: null,
        mutedWords: ['ok', 'spaced'],
        mutedPeople: { [SITE_ID]: 'Alice' },
        hideRepliesToMuted: false,
      },
      brands: {
        highlight: false,
        only: ['apple'],
        custom: [{ id: 'fairphone', label: 'Fairphone', color: '#888888', aliases: ['Fairphone'] }],
        disabled: [],
        style: 'subtle',
      },
      notes: { byPerson: { [SITE_ID]: { name: 'Alice', text: 'reliable' } } },
      people: {
        tags: { [SITE_ID]: { name: 'Alice', label: 'helpful', color: 'gray' } },
        you: { 'https://forums.example.org': 'me' },
      },
    });
  });
  it('exports and imports notes, tags and mutes with the other settings', () => {
    const prefs = validatePrefs({
      notes: { byPerson: { [SITE_ID]: { name: 'Alice', text: 'reliable' } } },
      filters: { mutedPeople: { [everySiteId('troll')]: 'troll' }, hideRepliesToMuted: true },
      people: { tags: { [SITE_ID]: { name: 'Alice', label: 'mod', color: 'teal' } } },
    });
    expect(imported(DEFAULT_PREFS, exportSettings(prefs))).toEqual(prefs);
  });
  it('keeps notes, tags and mutes bounded and sets or removes one without touching the others', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => everySiteId(`user${i}`));
    const many = Object.fromEntries(ids(700).map((id, i) => [id, { name: `user${i}`, text: 'x'.repeat(900) }]));
    const notes = validatePrefs({ notes: { byPerson: many } }).notes.byPerson;
    expect(Object.keys(notes)).toHaveLength(500);
    expect(notes[everySiteId('user0')]!.text).toHaveLength(500);
    const mutes = Object.fromEntries(ids(1500).map((id, i) => [id, `user${i}`]));
    expect(Object.keys(validatePrefs({ filters: { mutedPeople: mutes } }).filters.mutedPeople)).toHaveLength(1000);
    const tags = Object.fromEntries(ids(700).map((id, i) => [id, { name: `user${i}`, label: 't' }]));
    expect(Object.keys(validatePrefs({ people: { tags } }).people.tags)).toHaveLength(500);
    expect(validatePrefs({ notes: 'junk' }).notes).toEqual({ byPerson: {} });
    const bob = everySiteId('bob');
    const one = withPeopleChange(validatePrefs({ notes: { byPerson: many } }), {
      kind: 'note',
      id: bob,
      name: 'Bob',
      text: ' helpful ',
    });
    expect(one.notes.byPerson[bob]).toEqual({ name: 'Bob', text: 'helpful' });
    const none = withPeopleChange(one, { kind: 'note', id: bob, name: 'Bob', text: '  ' });
    expect(none.notes.byPerson).not.toHaveProperty(bob);
    expect(Object.keys(none.notes.byPerson)).toHaveLength(500);
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
      collapseRead: false,
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
  it('v2 names become the same names on every site: nothing is lost', () => {
    const filters = migrateFiltersV2({ minRating: 2, mutedWords: ['w'], mutedUsers: ['Troll', ' __proto__ ', 7] });
    expect(validatePrefs({ filters }).filters).toEqual({
      minRating: 2,
      mutedWords: ['w'],
      mutedPeople: { [everySiteId('Troll')]: 'Troll', [everySiteId('__proto__')]: '__proto__' },
      hideRepliesToMuted: false,
    });
    const notes = migrateNotesV2({ byAuthor: JSON.parse('{"alice": "kind", "constructor": "a name"}') });
    expect(validatePrefs({ notes }).notes.byPerson).toEqual({
      [everySiteId('alice')]: { name: 'alice', text: 'kind' },
      [everySiteId('constructor')]: { name: 'constructor', text: 'a name' },
    });
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
    filters: { mutedWords: ['a'], mutedPeople: { [everySiteId('troll')]: 'troll' } },
    notes: { byPerson: { [everySiteId('alice')]: { name: 'alice', text: 'mine' } } },
  });
  it('changes only the concerns and fields the file holds, merging notes and lists entry by entry', () => {
    const after = imported(mine, file({ view: { sort: 'newest' }, filters: { mutedWords: ['b'] } }, 3));
    expect(after.view).toEqual({ ...mine.view, sort: 'newest' });
    expect(after.filters).toEqual({ ...mine.filters, mutedWords: ['a', 'b'] });
    expect(after.notes).toEqual(mine.notes);
    // A file of the previous version: its names are people on every site, merged with what is here.
    const notes = imported(mine, file({ notes: { byAuthor: { bob: 'theirs', alice: 'updated' } } }, 2));
    expect(notes.notes.byPerson).toEqual({
      [everySiteId('alice')]: { name: 'alice', text: 'updated' },
      [everySiteId('bob')]: { name: 'bob', text: 'theirs' },
    });
    const muted = imported(mine, file({ filters: { mutedUsers: ['spammer'] } }, 2));
    expect(Object.values(muted.filters.mutedPeople).sort()).toEqual(['spammer', 'troll']);
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
    const byPerson = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, i) => [everySiteId(`p${i}`), { name: `p${i}`, text: 'n' }]),
    );
    const result = parseSettingsFile(file({ notes: { byPerson } }, 3));
    expect(result.ok && result.problems.join(' ')).toMatch(/9,500 of 10,000 entries in notes.byPerson/);
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
