// The puppeteer-core internals scripts/lib/bidi.mjs relies on, checked against the installed version in a real
// Firefox: if an upgrade moves them, this file fails first and says which one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bidiSend, contextOf, inChrome, navigateComplete, navigateNoWait } from '../../scripts/lib/bidi.mjs';
import { FIREFOX_EXTENSION_ID, FIREFOX_EXTENSION_UUID } from '../../scripts/lib/firefox.mjs';
import { firefoxSession, waitFor } from '../support/e2e/firefox-session.mjs';

const session = firefoxSession();

describe('Firefox: what bidi.mjs takes from puppeteer-core', () => {
  it('names a page by the browsing context BiDi knows it by', async () => {
    const { page, ff } = session;
    const { contexts } = await bidiSend(ff.browser, 'browsingContext.getTree', { maxDepth: 0 });
    assert.ok(
      contexts.some((c) => c.context === contextOf(page)),
      `${contextOf(page)} among ${contexts.map((c) => c.context)}`,
    );
  });

  it('loads one of the add-on’s own pages completely', async () => {
    const { page } = session;
    await navigateComplete(page, `moz-extension://${FIREFOX_EXTENSION_UUID}/options.html`);
    assert.deepEqual(await page.evaluate(() => [location.protocol, document.readyState]), [
      'moz-extension:',
      'complete',
    ]);
    // The add-on's page has the extension API: it is the add-on's, under the fixed host name.
    assert.equal(await page.evaluate(() => browser.runtime.id), FIREFOX_EXTENSION_ID);
  });

  it('starts a navigation without waiting, and the page arrives', async () => {
    const { page } = session;
    const url = session.url('no-comments.html');
    await navigateNoWait(page, url);
    await waitFor(page, (u) => location.href === u && document.readyState === 'complete', { arg: url });
  });

  it('runs privileged code in the browser window and returns its result', async () => {
    const { ff } = session;
    assert.equal(
      await inChrome(ff.browser, (id) => WebExtensionPolicy.getByID(id).mozExtensionHostname, FIREFOX_EXTENSION_ID),
      FIREFOX_EXTENSION_UUID,
    );
    assert.deepEqual(await inChrome(ff.browser, async (a, b) => [a + b, typeof gBrowser], 2, 3), [5, 'object']);
    await assert.rejects(
      inChrome(ff.browser, () => {
        throw new Error('from chrome');
      }),
      /in chrome: .*from chrome/,
    );
  });
});
