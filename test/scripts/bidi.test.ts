import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { bidiSend, contextOf, inChrome } from '../../scripts/lib/bidi.mjs';

// What bidi.mjs does when puppeteer-core's internals are not where it expects them (the real-browser side is
// test/e2e/firefox-bidi.test.mjs): a message that names the internal, not a TypeError deep in a test.
describe('scripts/lib/bidi.mjs', () => {
  it('says so when a Browser has no BiDi connection', async () => {
    await expect(bidiSend({}, 'session.status', {})).rejects.toThrow(/Browser\.connection/);
  });

  it('says so when a page has no browsing-context id', () => {
    expect(() => contextOf({ mainFrame: () => ({}) })).toThrow(/Frame\._id/);
  });

  it('sends the command and returns its result', async () => {
    const sent: unknown[] = [];
    const browser = { connection: { send: async (...a: unknown[]) => (sent.push(a), { result: { ok: 1 } }) } };
    expect(await bidiSend(browser, 'session.status', { x: 1 })).toEqual({ ok: 1 });
    expect(sent).toEqual([['session.status', { x: 1 }]]);
  });

  it('runs the function source in the chrome window with its arguments as JSON, and reports a throw', async () => {
    const sent: Array<[string, Record<string, unknown>]> = [];
    let answer: unknown = { type: 'success', result: { type: 'string', value: '[5]' } };
    const browser = {
      connection: {
        send: async (method: string, params: Record<string, unknown>) => {
          sent.push([method, params]);
          if (method === 'browsingContext.getTree')
            return { result: { contexts: [{ context: 'c1', url: 'chrome://browser/content/browser.xhtml' }] } };
          return { result: answer };
        },
      },
    };
    expect(await inChrome(browser, (a: number, b: number) => [a + b], 2, 3)).toEqual([5]);
    const evaluate = sent[1]![1];
    expect(evaluate.target).toEqual({ context: 'c1' });
    expect(evaluate.expression).toContain('[2,3]');
    answer = { type: 'exception', exceptionDetails: { text: 'Error: no' } };
    await expect(inChrome(browser, () => 1)).rejects.toThrow('in chrome: Error: no');
  });
});
