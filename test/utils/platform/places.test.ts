import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { cleanPlaces, PLACES_KEY, placeOf, rememberPlace, withPlace } from '@/utils/platform/places';
import { EXPIRY_MS, MAX_DISCUSSIONS } from '@/utils/platform/seen';

// The remembered place: one small entry per discussion, bounded and forgotten like the seen state; stored
// values are untrusted (a bad entry dropped alone), and a place that no longer exists is the view's to handle.

const NOW = 1_800_000_000_000;

describe('the place the reader reached', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers the last comment on screen and its page, per discussion', async () => {
    expect(await placeOf('forums.example.org/threads/1', NOW)).toBeNull();
    await rememberPlace(
      'forums.example.org/threads/1',
      { id: '42', url: 'https://forums.example.org/t/1/page-3' },
      NOW,
    );
    await rememberPlace('forums.example.org/threads/2', { id: '7' }, NOW);
    expect(await placeOf('forums.example.org/threads/1', NOW + 1000)).toEqual({
      id: '42',
      url: 'https://forums.example.org/t/1/page-3',
    });
    expect(await placeOf('forums.example.org/threads/2', NOW)).toEqual({ id: '7' });
    // Forgotten after the seen state's expiry.
    expect(await placeOf('forums.example.org/threads/2', NOW + EXPIRY_MS)).toBeNull();
  });

  it('keeps at most as many discussions as the seen state, the least recently read dropped first', () => {
    let store = cleanPlaces(null, NOW);
    for (let i = 0; i < MAX_DISCUSSIONS + 50; i++) store = withPlace(store, `d${i}`, { id: String(i) }, NOW + i);
    expect(Object.keys(store)).toHaveLength(MAX_DISCUSSIONS);
    expect(store['d0']).toBeUndefined();
    expect(store[`d${MAX_DISCUSSIONS + 49}`]).toBeDefined();
    // A thousand discussions' worth stays small: tens of bytes each.
    expect(JSON.stringify(store).length).toBeLessThan(MAX_DISCUSSIONS * 80);
  });

  it('drops bad stored entries alone: wrong types, overlong ids, addresses that are not http(s), "__proto__" is a key', async () => {
    await browser.storage.local.set({
      [PLACES_KEY]: JSON.parse(
        `{"__proto__": {"t": ${NOW}, "id": "1"}, "a": {"t": "x", "id": "2"}, "b": {"t": ${NOW}, "id": "${'9'.repeat(300)}"},` +
          `"c": {"t": ${NOW}, "id": "3", "url": "javascript:alert(1)"}, "d": 5}`,
      ),
    });
    expect(await placeOf('__proto__', NOW)).toEqual({ id: '1' });
    expect(await placeOf('a', NOW)).toBeNull();
    expect(await placeOf('b', NOW)).toBeNull();
    expect(await placeOf('c', NOW)).toEqual({ id: '3' });
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });
});
