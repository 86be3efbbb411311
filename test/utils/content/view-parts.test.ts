import { afterEach, describe, expect, it, vi } from 'vitest';
import { createViewPartsLoader, offerViewParts, type ViewParts } from '@/utils/content/view-parts';
import { viewParts } from '@/test/support/view-parts';

const forget = () => delete (globalThis as Record<symbol, unknown>)[Symbol.for('threadlight.view-parts')];

describe('the lazily injected view parts', () => {
  afterEach(forget);

  it('asks for the script once, then uses what it offered', async () => {
    const inject = vi.fn(async () => offerViewParts(viewParts));
    const load = createViewPartsLoader(inject);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(viewParts);
    expect(b).toBe(viewParts);
    expect(await load()).toBe(viewParts);
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('does not ask when the parts are already here (a second content script in the same world)', async () => {
    offerViewParts(viewParts);
    const inject = vi.fn(async () => undefined);
    expect(await createViewPartsLoader(inject)()).toBe(viewParts);
    expect(inject).not.toHaveBeenCalled();
  });

  it('rejects when the script did not run, and asks again next time', async () => {
    let runs = 0;
    const inject = vi.fn(async () => {
      runs++;
      if (runs === 2) offerViewParts(viewParts as ViewParts);
      else throw new Error('no permission');
    });
    const load = createViewPartsLoader(inject);
    await expect(load()).rejects.toThrow();
    expect(await load()).toBe(viewParts);
    expect(inject).toHaveBeenCalledTimes(2);
  });

  it('rejects when the background answered but nothing was offered', async () => {
    await expect(createViewPartsLoader(async () => ({ loaded: false }))()).rejects.toThrow(/did not run/);
  });

  it('is not fooled by a page element whose id was the old global name', async () => {
    const clobber = document.createElement('div');
    clobber.id = '__threadlightViewParts';
    document.body.append(clobber);
    (globalThis as Record<string, unknown>).__threadlightViewParts = clobber; // as named access would show it
    (globalThis as Record<symbol, unknown>)[Symbol.for('threadlight.view-parts')] = { render: 'not a function' };
    try {
      const inject = vi.fn(async () => offerViewParts(viewParts));
      expect(await createViewPartsLoader(inject)()).toBe(viewParts);
      expect(inject).toHaveBeenCalledTimes(1);
    } finally {
      clobber.remove();
      delete (globalThis as Record<string, unknown>).__threadlightViewParts;
    }
  });
});
