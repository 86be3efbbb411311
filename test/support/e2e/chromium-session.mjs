// One Chromium with the shipped build and a local HTTPS fixture server, for a test file (node:test hooks).
import { after, before } from 'node:test';
import { join } from 'node:path';
import { launchChromium } from '../../../scripts/lib/chromium.mjs';
import { startFixtureServer } from '../../../scripts/lib/fixture-server.mjs';
import { ROOT } from '../../../scripts/lib/paths.mjs';

/** Console messages that are the page's or the offline network's, not ours. */
const NOT_OURS = /Failed to load resource|ERR_NAME_NOT_RESOLVED|net::|Blocked script execution in 'about:srcdoc'/;

/** Registers before/after hooks; the returned object is filled in when the tests run. */
export function chromiumSession(serverOptions = {}) {
  const session = {
    server: null,
    browser: null,
    /** Opens a page, collecting page errors and console errors so a test can assert there were none. */
    async open(url) {
      const page = await session.browser.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && !NOT_OURS.test(m.text()) && errors.push(m.text()));
      await page.goto(url);
      return { page, errors };
    },
    /** Back to default preferences and an empty cache. */
    async resetStorage() {
      await session.browser.worker.evaluate(async () => {
        await chrome.storage.sync.clear();
        await chrome.storage.local.clear();
      });
    },
  };
  before(async () => {
    session.server = await startFixtureServer({ https: true, ...serverOptions });
    session.browser = await launchChromium({
      extensionDir: join(ROOT, '.output', 'chrome-mv3'),
      port: session.server.port,
    });
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/**
 * The sites' content script's registration (the test build registers it for its granted sites as it starts):
 * its match patterns once there, or null after five seconds.
 */
export const sitesScript = (browser) =>
  browser.worker.evaluate(async () => {
    for (let i = 0; i < 50; i++) {
      const [script] = await chrome.scripting.getRegisteredContentScripts({ ids: ['threadlight-sites'] });
      if (script) return script.matches.slice().sort();
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  });
