import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  cleanStore,
  decodeIds,
  encodeIds,
  EXPIRY_MS,
  MAX_DISCUSSIONS,
  recordVisit,
  SEEN_KEY,
  visitDiscussion,
  wasSeen,
} from '@/utils/platform/seen';

describe('seen comments, encoded', () => {
  it('round-trips numeric and other ids, compactly', () => {
    const ids = ['25853811', '25853790', '25853802', 'h1e4w7o9', '25853811'];
    const seen = decodeIds(encodeIds(ids));
    for (const id of ids) expect(wasSeen(seen, id)).toBe(true);
    expect(wasSeen(seen, '25853795')).toBe(false);
    expect(wasSeen(seen, 'hzzzz')).toBe(false);
    const many = Array.from({ length: 1000 }, (_, i) => String(30_000_000 + i * 7));
    expect(encodeIds(many).length).toBeLessThan(2 * many.length + 10);
  });

  it('keeps a non-numeric id seen over every later visit (its hash is never hashed again)', () => {
    const now = 1_000_000_000_000;
    const first = recordVisit(cleanStore(null, now), 'k', ['c-abc', '12'], now);
    const second = recordVisit(first.store, 'k', ['c-def'], now + 1);
    const third = recordVisit(second.store, 'k', [], now + 2);
    for (const id of ['c-abc', '12', 'c-def']) expect(wasSeen(third.before!, id)).toBe(true);
  });

  it('reads a damaged store as what is usable in it', () => {
    const now = 1_000_000_000_000;
    expect(cleanStore(null, now)).toEqual({});
    expect(
      cleanStore(
        { a: { t: now, ids: '1|' }, b: { t: 'x', ids: 1 }, c: null, d: { t: now - EXPIRY_MS, ids: '2|' } },
        now,
      ),
    ).toEqual({ a: { t: now, ids: '1|' } });
  });
});

describe('visits', () => {
  const now = 1_700_000_000_000;
  it('marks nothing the first time, then knows what was seen', () => {
    const first = recordVisit({}, 'thread', ['1', '2'], now);
    expect(first.before).toBeNull();
    const second = recordVisit(first.store, 'thread', ['1', '2', '3'], now + 1000);
    expect([...second.before!].sort()).toEqual(['1', '2']);
    expect(decodeIds(second.store.thread!.ids).size).toBe(3);
  });

  it('drops the least recently visited discussions beyond the bound', () => {
    let store = {};
    for (let i = 0; i < MAX_DISCUSSIONS + 5; i++) store = recordVisit(store, `d${i}`, ['1'], now + i).store;
    const keys = Object.keys(store);
    expect(keys).toHaveLength(MAX_DISCUSSIONS);
    expect(keys).not.toContain('d0');
    expect(keys).toContain(`d${MAX_DISCUSSIONS + 4}`);
  });

  it('forgets a discussion not visited for 30 days', async () => {
    fakeBrowser.reset();
    expect(await visitDiscussion('t', ['1'], now)).toBeNull();
    expect(await visitDiscussion('t', ['1', '2'], now + EXPIRY_MS - 1)).not.toBeNull();
    expect(await visitDiscussion('t', ['1', '2'], now + 2 * EXPIRY_MS)).toBeNull();
    expect((await fakeBrowser.storage.local.get(SEEN_KEY))[SEEN_KEY]).toHaveProperty('t');
  });
  beforeEach(() => fakeBrowser.reset());
});
