// Watching and exporting in Firefox ESR (the Firefox test build, a forum thread on loopback that gains posts):
// "Watch this discussion"; a new post joins the open view marked new and the title counts it; with the tab
// closed the background (Firefox's background page reads the page itself) counts new posts on the badge and
// in the popup's "Watched discussions"; "Export discussion" opens the export page, whose JSON is downloaded
// and read back from the downloads folder.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { clickStill, firefoxSession, waitFor } from '../support/e2e/firefox-session.mjs';
import { fireWatchAlarm, growingThread } from '../support/e2e/watch-pages.mjs';

const downloads = mkdtempSync(join(tmpdir(), 'tl-downloads-'));
const thread = growingThread(12);
const PATH = '/threads/watched-thread.2200000/';
const session = firefoxSession({
  serverOptions: { routes: { [PATH]: thread.route } },
  prefs: {
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
  },
});
after(() => rmSync(downloads, { recursive: true, force: true }));
const COUNT = (n) => `document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length === ${n}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const TITLE = 'Watched thread | MacRumors Forums';

describe('Firefox: watching a discussion', () => {
  it('a post the thread gains joins the open view, marked new, and the title counts it', async () => {
    const { page } = session;
    await page.bringToFront();
    await page.goto(session.url(PATH.slice(1)));
    await waitFor(page, COUNT(12));
    await clickStill(page, '.tl-watch');
    await waitFor(page, `document.querySelector('.tl-watch').getAttribute('aria-pressed') === 'true'`);
    thread.grow(13);
    await waitFor(page, COUNT(13), { timeoutMs: 40_000 });
    const arrived = thread.idOf(12);
    assert.ok(await page.$eval(`[data-comment-id="${arrived}"]`, (el) => el.hasAttribute('data-new')), 'marked new');
    assert.equal(await page.title(), `(1) ${TITLE}`);
  });

  it('the background counts new posts on the badge and in the popup list', async () => {
    const { page, ff } = session;
    await page.goto('about:blank');
    thread.grow(15);
    const popup = await ff.openExtensionPage('popup.html');
    await popup.evaluate(fireWatchAlarm);
    await waitFor(popup, `browser.action.getBadgeText({}).then((t) => t === '2')`, { timeoutMs: 20_000 }).catch(
      async (e) => {
        console.log(
          'DEBUG',
          JSON.stringify(
            await popup.evaluate(async () => [
              await browser.action.getBadgeText({}),
              (await browser.storage.local.get('threadlight.watched'))['threadlight.watched'],
            ]),
          ),
        );
        throw e;
      },
    );
    await waitFor(popup, `document.querySelector('.tl-watched li')?.textContent.includes('2 new')`);
    assert.equal(await popup.$eval('.tl-watched a', (a) => a.textContent), TITLE);
    await popup.close();
  });

  it('exports the discussion: the JSON downloaded and read back', async () => {
    const { page, ff } = session;
    await page.bringToFront();
    await page.goto(session.url(PATH.slice(1)));
    await waitFor(page, COUNT(15));
    await clickStill(page, '.tl-export');
    let exporter = null;
    for (let i = 0; i < 100 && !exporter; i++, await sleep(100))
      exporter = (await ff.browser.pages()).find((p) => p.url().includes('/export.html')) ?? null;
    assert.ok(exporter, 'the export page opened');
    await waitFor(exporter, `document.querySelectorAll('button').length === 3`);
    await exporter.click('button:nth-of-type(3)');
    let file = null;
    for (let i = 0; i < 100 && !file; i++, await sleep(100))
      file = readdirSync(downloads).find((f) => f.endsWith('.json'));
    assert.ok(file, 'the JSON file was saved');
    await sleep(200);
    const json = JSON.parse(readFileSync(join(downloads, file), 'utf8'));
    assert.equal(json.comments.length, 15);
    // The tab that exported keeps its view (a download from it would have ended its script in Firefox).
    assert.ok(await page.$('[data-threadlight="thread"]'));
    await exporter.close();
  });
});
