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

  it('checks save payloads', () => {
    expect(isMessage('threadlight:save-prefs', { type: 'threadlight:save-prefs', values: {} })).toBe(true);
    expect(isMessage('threadlight:save-prefs', { type: 'threadlight:save-prefs', values: null })).toBe(false);
    expect(isMessage('threadlight:save-prefs', { type: 'threadlight:save-prefs', values: 'x' })).toBe(false);
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
