import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOLD_ATTR, HOLD_MAX_MS, holdSection, parsed } from '@/utils/content/hold';

function fakeContext() {
  const ends: Array<() => void> = [];
  const ctx = { onInvalidated: (cb: () => void) => ends.push(cb) } as unknown as ContentScriptContext;
  return { ctx, invalidate: () => ends.forEach((cb) => cb()) };
}
const loading = (on: boolean) =>
  on
    ? Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true })
    : Reflect.deleteProperty(document, 'readyState');
const flush = () => new Promise((r) => queueMicrotask(() => r(undefined)));

describe('holding a known section until the first view', () => {
  beforeEach(() => {
    document.body.innerHTML = '<article><p>story</p></article>';
  });
  afterEach(() => {
    loading(false);
    vi.useRealTimers();
  });

  it('marks the section the parser adds while the document loads, and only that one', async () => {
    loading(true);
    const { ctx } = fakeContext();
    const release = holdSection(ctx, document, '#comments');
    document.body.insertAdjacentHTML('beforeend', '<div id="comments"><div class="comment">x</div></div>');
    await flush();
    expect(document.getElementById('comments')!.hasAttribute(HOLD_ATTR)).toBe(true);
    expect(document.querySelectorAll(`[${HOLD_ATTR}]`)).toHaveLength(1);
    release();
    expect(document.getElementById('comments')!.outerHTML).toBe(
      '<div id="comments"><div class="comment">x</div></div>',
    );
    release();
  });

  it('marks a section the parser adds in the same task as DOMContentLoaded (before the observer hears of it)', () => {
    loading(true);
    holdSection(fakeContext().ctx, document, '#comments');
    document.body.insertAdjacentHTML('beforeend', '<div id="comments"></div>');
    loading(false);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(document.getElementById('comments')!.hasAttribute(HOLD_ATTR)).toBe(true);
  });

  it('marks a section that is already there; lets go after HOLD_MAX_MS whatever else happens', () => {
    vi.useFakeTimers();
    document.body.insertAdjacentHTML('beforeend', '<div id="comments"></div>');
    holdSection(fakeContext().ctx, document, '#comments');
    expect(document.getElementById('comments')!.hasAttribute(HOLD_ATTR)).toBe(true);
    vi.advanceTimersByTime(HOLD_MAX_MS);
    expect(document.getElementById('comments')!.hasAttribute(HOLD_ATTR)).toBe(false);
  });

  it('lets go when the content script context ends', () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="comments"></div>');
    const { ctx, invalidate } = fakeContext();
    holdSection(ctx, document, '#comments');
    invalidate();
    expect(document.getElementById('comments')!.hasAttribute(HOLD_ATTR)).toBe(false);
  });

  it('stops looking once the document is parsed: a section added later is not held', async () => {
    loading(true);
    holdSection(fakeContext().ctx, document, '#comments');
    loading(false);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    document.body.insertAdjacentHTML('beforeend', '<div id="comments"></div>');
    await flush();
    expect(document.getElementById('comments')!.hasAttribute(HOLD_ATTR)).toBe(false);
  });

  it('waits for the parsed document', async () => {
    await expect(parsed(document)).resolves.toBeUndefined();
    loading(true);
    let done = false;
    void parsed(document).then(() => (done = true));
    await flush();
    expect(done).toBe(false);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await flush();
    expect(done).toBe(true);
  });
});
