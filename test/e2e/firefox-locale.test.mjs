// The UI's languages in Firefox: the Firefox test build in a browser whose language is German, then Simplified
// Chinese (Debian's language packs firefox-esr-l10n-de and -zh-cn, and intl.locale.requested): the view, the
// popup and the settings page speak it; the page's own text is untouched.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { existsSync } from 'node:fs';
import { firefoxSession, waitFor } from '../support/e2e/firefox-session.mjs';
import { LOCALE_CASES } from '../support/e2e/locales.mjs';

const LANGPACKS = '/usr/lib/firefox-esr/browser/extensions';

for (const c of LOCALE_CASES)
  describe(`Firefox in ${c.lang}`, () => {
    // Before the session's own hook: a missing language pack is named, not a test failing on English text.
    before(() => {
      if (!existsSync(`${LANGPACKS}/langpack-${c.lang}@firefox-esr.mozilla.org.xpi`))
        throw new Error(`Firefox has no ${c.lang} language pack: sudo apt-get install -y ${c.langpack}`);
    });
    const session = firefoxSession({ prefs: { 'intl.locale.requested': c.lang } });

    it('shows the view, the popup and the settings page in that language', async () => {
      const { page, ff } = session;
      await page.goto(session.url('macrumors-2017-huawei-xiaomi.html'));
      await waitFor(page, `document.querySelector('[data-threadlight="thread"] [role="treeitem"]')`);
      assert.deepEqual(
        await page.evaluate(() => [
          document.querySelector('.tl-count').textContent.trim(),
          document.querySelector('.tl-search input').getAttribute('aria-label'),
          document.querySelector('[data-threadlight="thread"]').getAttribute('lang'),
        ]),
        [c.count, c.search, c.lang],
      );
      // The comments are the page's, in its language.
      assert.match(
        await page.evaluate(() => document.querySelector('[data-comment-id="25853811"] .tl-body').textContent),
        /Samsung and LG/,
      );
      const tab = await ff.openExtensionPage('popup.html');
      await waitFor(tab, `document.querySelector('label')`);
      assert.ok(
        await tab.evaluate(
          (t) => Array.from(document.querySelectorAll('label'), (l) => l.textContent).some((x) => x.includes(t)),
          c.enable,
        ),
        `the popup says "${c.enable}"`,
      );
      await ff.gotoExtensionPage(tab, 'options.html');
      await waitFor(tab, (t) => document.querySelector('h1')?.textContent === t, { arg: c.settings });
      assert.equal(await tab.evaluate(() => document.title), c.settings);
    });
  });
