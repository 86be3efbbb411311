import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, validatePrefs, type Prefs } from '@/utils/platform/prefs';
import { applyOps, compactOps, diffPrefs, isPrefsOp, type PrefsOp } from '@/utils/platform/prefs-ops';
import { everySiteId } from '@/utils/pipeline/people/person';

const word = fc.stringMatching(/^[a-z_]{1,8}$/);
const people = fc.uniqueArray(fc.constantFrom('__proto__', 'constructor', 'ann', 'bob', 'cy'), { maxLength: 5 });
const prefsArb: fc.Arbitrary<Prefs> = fc
  .record({
    view: fc.record({
      enabled: fc.boolean(),
      sites: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}\.com$/), fc.constant(false), { maxKeys: 4 }),
      view: fc.constantFrom('threaded', 'flat', 'original'),
      sort: fc.constantFrom('top', 'newest', 'oldest', 'page'),
    }),
    filters: fc.record({
      minRating: fc.option(fc.integer({ min: -5, max: 50 }), { nil: null }),
      mutedWords: fc.uniqueArray(word, { maxLength: 5 }),
      mutedPeople: people.map((names) => Object.fromEntries(names.map((n) => [everySiteId(n), n]))),
      hideRepliesToMuted: fc.boolean(),
    }),
    notes: fc.record({
      byPerson: fc
        .tuple(people, word)
        .map(([names, text]) => Object.fromEntries(names.map((n) => [everySiteId(n), { name: n, text }]))),
    }),
    people: fc.record({
      tags: fc
        .tuple(people, word, fc.constantFrom('red', 'blue'))
        .map(([names, label, color]) =>
          Object.fromEntries(names.map((n) => [everySiteId(n), { name: n, label, color }])),
        ),
    }),
  })
  .map((raw) => validatePrefs(raw));

/** Comparable: plain objects, and lists as sets (an added item goes at the end; lists here are sets). */
const json = (p: Prefs) =>
  JSON.parse(JSON.stringify(p), (_k, v: unknown) =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v,
  ) as unknown;

describe('changes as operations', () => {
  it('the difference of two states, applied to the first, gives the second', () => {
    fc.assert(
      fc.property(prefsArb, prefsArb, (a, b) => {
        expect(json(applyOps(a, diffPrefs(a, b)).prefs)).toEqual(json(b));
      }),
    );
  });

  it("two surfaces' changes from the same state both survive, in either order", () => {
    fc.assert(
      fc.property(prefsArb, prefsArb, prefsArb, (base, x, y) => {
        // Surface one changes the view, surface two the filters and notes.
        const one = diffPrefs(base, { ...base, view: x.view });
        const two = diffPrefs(base, { ...base, filters: y.filters, notes: y.notes });
        const expected = json({ ...base, view: x.view, filters: y.filters, notes: y.notes });
        expect(json(applyOps(applyOps(base, one).prefs, two).prefs)).toEqual(expected);
        expect(json(applyOps(applyOps(base, two).prefs, one).prefs)).toEqual(expected);
      }),
    );
  });

  it('applying the same operations twice changes nothing more (a surface re-applies its unsent ones)', () => {
    fc.assert(
      fc.property(prefsArb, prefsArb, (a, b) => {
        const ops = diffPrefs(a, b);
        const once = applyOps(a, ops).prefs;
        expect(json(applyOps(once, ops).prefs)).toEqual(json(once));
      }),
    );
  });

  it('keeps only the last operation on each target, in order', () => {
    const ops: PrefsOp[] = [
      { c: 'filters', f: 'mutedWords', op: 'add', item: 'f' },
      { c: 'view', f: 'sort', op: 'set', value: 'newest' },
      { c: 'filters', f: 'mutedWords', op: 'remove', item: 'f' },
      { c: 'filters', f: 'mutedWords', op: 'add', item: 'fo' },
      { c: 'view', f: 'sort', op: 'set', value: 'oldest' },
    ];
    expect(compactOps(ops)).toEqual([ops[2], ops[3], ops[4]]);
  });

  it('checks operations that arrive: known fields, fitting kinds, operands present', () => {
    expect(isPrefsOp({ c: 'view', f: 'sort', op: 'set', value: 'top' })).toBe(true);
    expect(isPrefsOp({ c: 'view', f: 'sort', op: 'add', item: 'x' })).toBe(false);
    expect(isPrefsOp({ c: 'view', f: '__proto__', op: 'set', value: 1 })).toBe(false);
    expect(isPrefsOp({ c: 'constructor', f: 'x', op: 'set', value: 1 })).toBe(false);
    expect(isPrefsOp({ c: 'notes', f: 'byPerson', op: 'put', key: 'a' })).toBe(false);
    expect(isPrefsOp({ c: 'notes', f: 'byPerson', op: 'delete', key: 'a' })).toBe(true);
    expect(applyOps(DEFAULT_PREFS, [{ c: 'notes', f: 'byPerson', op: 'put', key: 'a', value: 5 }]).touched.size).toBe(
      0,
    );
  });
});
