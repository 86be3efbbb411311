// One Firefox ESR (puppeteer-core over WebDriver BiDi) with the Firefox test build and a loopback fixture
// server, for a test file (node:test hooks), and the waits the Firefox tests share.
import { after, before } from 'node:test';
import { navigateNoWait } from '../../../scripts/lib/bidi.mjs';
import { launchFirefox, waitFor } from '../../../scripts/lib/firefox.mjs';
import { startFixtureServer } from '../../../scripts/lib/fixture-server.mjs';

export { waitFor };

/**
 * Registers before/after hooks; the returned object is filled in when the tests run. `proxy`: every host's
 * plain-HTTP requests go to the fixture server (pages under their real host names). `prefs`: more
 * preferences for the browser.
 */
export function firefoxSession({ serverOptions = {}, proxy = false, prefs = {} } = {}) {
  const session = {
    server: null,
    /** What launchFirefox returns. */
    ff: null,
    /** The first tab. */
    page: null,
    url: (name) => `http://127.0.0.1:${session.server.port}/${name}`,
  };
  before(async () => {
    session.server = await startFixtureServer(serverOptions);
    session.ff = await launchFirefox({ prefs, ...(proxy ? { proxyPort: session.server.port } : {}) });
    session.page = session.ff.page;
  });
  after(async () => {
    await session.ff?.close();
    await session.server?.close();
  });
  return session;
}

/** Replaces the text of a focused-by-click field the way a person does: select all, delete, type. */
export async function retype(page, selector, text) {
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/**
 * Clicks an element as a reader does: once it is in view and has stopped moving (threads drawn lazily and
 * images settling move what is below them; WebDriver BiDi's click aims where the element was a moment before).
 */
export async function clickStill(page, selector) {
  const end = Date.now() + 5000;
  let last = '';
  for (;;) {
    const now = await page.$eval(selector, (el) => {
      el.scrollIntoView({ block: 'center' });
      return new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(JSON.stringify(el.getBoundingClientRect())))),
      );
    });
    if (now === last || Date.now() > end) break;
    last = now;
  }
  await page.click(selector);
}

/** Opens a capture of a real page (its third-party frames fail here; see navigateNoWait) and waits for it. */
export async function gotoCapture(page, url) {
  await navigateNoWait(page, url);
  await waitFor(page, (u) => location.href === u && document.readyState === 'complete', {
    arg: url,
    message: `${url} to load`,
  });
}
