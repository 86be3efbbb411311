import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isMessage, onMessage } from '@/utils/platform/messages';

const trigger = (message: unknown) => fakeBrowser.runtime.onMessage.trigger(message, {}, () => {});

describe('runtime messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    [{ type: 'threadlight:fetch-forum-page', url: 'https://forums.macrumors.com/threads/x.1/' }, true],
    [{ type: 'threadlight:fetch-forum-page', url: 42 }, false],
    [{ type: 'threadlight:fetch-forum-page' }, false],
    [{ type: 'threadlight:stats' }, false],
    [null, false],
    ['threadlight:fetch-forum-page', false],
  ])('checks what arrives: %j → %s', (message, ok) => {
    expect(isMessage('threadlight:fetch-forum-page', message)).toBe(ok);
  });

  it('checks change payloads', () => {
    const m = (ops: unknown) => ({ type: 'threadlight:change-prefs', ops });
    expect(isMessage('threadlight:change-prefs', m([]))).toBe(true);
    expect(isMessage('threadlight:change-prefs', m(null))).toBe(false);
    expect(isMessage('threadlight:change-prefs', m({ view: {} }))).toBe(false);
    expect(isMessage('threadlight:change-prefs', m(Array.from({ length: 10_001 }, () => ({}))))).toBe(false);
  });

  it('answers only its own, well-formed messages, until it stops listening', async () => {
    const stop = onMessage('threadlight:fetch-forum-page', ({ url }) => ({ ok: false, status: 0, error: url }));
    expect(await trigger({ type: 'threadlight:fetch-forum-page', url: 'u' })).toEqual([
      { ok: false, status: 0, error: 'u' },
    ]);
    expect(await trigger({ type: 'threadlight:fetch-forum-page', url: 1 })).toEqual([undefined]);
    expect(await trigger({ type: 'threadlight:stats' })).toEqual([undefined]);
    stop();
    expect(await trigger({ type: 'threadlight:fetch-forum-page', url: 'u' })).toEqual([]);
  });
});
