import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startThreadlight } from '@/utils/content/app';
import { ARTICLE_URL, fixtureHtml } from '@/test/support/helpers';
import { viewParts } from '@/test/support/view-parts';

/** The few parts of WXT's context the app uses, with an end the test can call. */
function fakeContext() {
  const ends: Array<() => void> = [];
  const ctx = {
    isInvalid: false,
    addEventListener: (target: EventTarget, type: string, fn: EventListener) => target.addEventListener(type, fn),
    onInvalidated: (fn: () => void) => ends.push(fn),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
  };
  return {
    ctx: ctx as unknown as ContentScriptContext,
    end: () => {
      ctx.isInvalid = true;
      ends.forEach((fn) => fn());
    },
  };
}

const visibility = (state: 'hidden' | 'visible') => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
};

describe('the content-script app', () => {
  let end = () => {};
  beforeEach(() => {
    fakeBrowser.reset();
    const parsed = new DOMParser().parseFromString(fixtureHtml('macrumors-2017-huawei-xiaomi.html'), 'text/html');
    document.body.replaceWith(document.importNode(parsed.body, true));
  });
  afterEach(() => {
    end();
    Reflect.deleteProperty(document, 'visibilityState');
  });

  it('does no work in a hidden tab until it is shown', async () => {
    visibility('hidden');
    const loadParts = vi.fn(async () => viewParts);
    const context = fakeContext();
    end = context.end;
    const started = startThreadlight(context.ctx, document, ARTICLE_URL, loadParts);
    await new Promise((r) => setTimeout(r, 200));
    expect(loadParts).not.toHaveBeenCalled();
    expect(performance.getEntriesByName('threadlight:extract')).toHaveLength(0);
    expect(document.querySelector('[data-threadlight]')).toBeNull();
    visibility('visible');
    await started;
    expect(loadParts).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('[data-threadlight="thread"]')).toHaveLength(1);
  });

  it('gives the page its section back when the context ends', async () => {
    const context = fakeContext();
    end = () => {};
    await startThreadlight(context.ctx, document, ARTICLE_URL, async () => viewParts);
    expect(document.querySelectorAll('[data-threadlight="thread"]')).toHaveLength(1);
    context.end();
    expect(document.querySelector('[data-threadlight]')).toBeNull();
  });
});
