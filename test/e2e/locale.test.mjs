// The UI's languages in Chromium: the shipped build in a browser whose language is German, then Simplified
// Chinese (--lang): the view, the popup and the settings page speak it; the page's own text is untouched.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { LOCALE_CASES } from '../support/e2e/locales.mjs';

const SEED = 'https://www.macrumors.com/2017/12/08/macrumors-2017-huawei-xiaomi.html';
let server;
before(async () => {
  // Debian's Chromium speaks only English without its translations (the package chromium-l10n).
  const paks = '/usr/lib/chromium/locales';
  if (existsSync(`${paks}/en-US.pak`) && !existsSync(`${paks}/de.pak`))
    throw new Error('Chromium has no translations: sudo apt-get install -y chromium-l10n');
  server = await startFixtureServer({ https: true });
});
after(() => server?.close());

for (const c of LOCALE_CASES)
  describe(`Chromium in ${c.lang}`, () => {
    let browser;
    before(async () => {
      browser = await launchChromium({
        extensionDir: join(ROOT, '.output', 'chrome-mv3'),
        port: server.port,
        args: [`--lang=${c.lang}`],
      });
    });
    after(() => browser?.close());

    it('shows the view, the popup and the settings page in that language', async () => {
      const page = await browser.context.newPage();
      await page.goto(SEED);
      await page.waitForSelector('[data-threadlight="thread"] [role="treeitem"]');
      assert.equal((await page.locator('.tl-count').textContent()).trim(), c.count);
      assert.equal(await page.locator('.tl-search input').getAttribute('aria-label'), c.search);
      assert.equal(await page.locator('[data-threadlight="thread"]').getAttribute('lang'), c.lang);
      // The comments are the page's, in its language.
      assert.match(await page.locator('[data-comment-id="25853811"] .tl-body').textContent(), /Samsung and LG/);
      const popup = await browser.openPopup(page);
      await popup.getByLabel(c.enable, { exact: true }).waitFor();
      const settings = await browser.context.newPage();
      await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await settings.getByRole('heading', { name: c.settings }).waitFor();
      assert.equal(await settings.title(), c.settings);
      const name = await browser.worker.evaluate(() => chrome.i18n.getMessage('extDescription'));
      assert.notEqual(name, '');
    });
  });
