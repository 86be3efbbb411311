// Watching an app forum's topic in Chromium (the Discourse forum of test/support/e2e/discourse-app.mjs on its
// real host name): "Watch this discussion" on a topic the app draws; the topic gains posts, the open view's
// check reads the platform's JSON (`/t/<id>.json`) and loads only the new posts (`posts.json`), which join the
// view marked new; with the tab closed, the background counts the next ones from the same JSON on the badge.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { sitesScript } from '../support/e2e/chromium-session.mjs';
import { fireWatchAlarm } from '../support/e2e/watch-pages.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { DISCOURSE_HOST, discourseForum, growTopic } from '../support/e2e/discourse-app.mjs';
import { postId } from '../support/discourse-topics.mjs';

let server;
let browser;
const forum = discourseForum();

before(async () => {
  server = await startFixtureServer({ https: true, handle: (...a) => forum.handle(...a) });
  browser = await launchChromium({
    extensionDir: join(ROOT, '.output-test', 'chrome-mv3'),
    port: server.port,
    hosts: [DISCOURSE_HOST],
  });
  await sitesScript(browser);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const ITEMS = '[data-threadlight="thread"] [role="treeitem"]';
const COUNT = (n) => `document.querySelectorAll('${ITEMS}').length === ${n}`;
const stored = () =>
  browser.worker.evaluate(async () => (await chrome.storage.local.get('threadlight.watched'))['threadlight.watched']);
const badge = () => browser.worker.evaluate(() => chrome.action.getBadgeText({}));
const asked = () => forum.log.map((r) => [r.path, r.ids]);

describe('Chromium: watching an app forum topic', () => {
  it('new posts arrive from the platform JSON, only they are loaded, and they are marked new', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`https://${DISCOURSE_HOST}/t/watched-build/789`);
    await page.waitForFunction(COUNT(8));
    await page.waitForFunction(() => window.__drawn === 789);
    forum.reset();
    await page.getByRole('button', { name: 'Watch this discussion' }).click();
    await page.waitForFunction(() => document.querySelector('.tl-watch')?.getAttribute('aria-pressed') === 'true');
    const [entry] = Object.values(await stored());
    assert.deepEqual(
      [entry.check, entry.topic],
      [`https://${DISCOURSE_HOST}/t/789.json`, { platform: 'discourse', id: '789' }],
    );
    // Watched from the app's page: the first check, at once, learns what the topic lists.
    for (let i = 0; i < 50 && !forum.log.length; i++) await page.waitForTimeout(100);
    assert.deepEqual(asked(), [['/t/789.json', 0]]);
    growTopic(789, 10);
    await page.waitForFunction(COUNT(10), null, { timeout: 40_000 });
    assert.deepEqual(asked(), [
      ['/t/789.json', 0],
      ['/t/789.json', 0],
      ['/t/789/posts.json', 2],
    ]);
    for (const n of [10, 11]) {
      const item = page.locator(`[data-comment-id="${postId(789, n)}"]`);
      assert.notEqual(await item.getAttribute('data-new'), null, `#${n} marked new`);
    }
    // #10 quotes #7: it nests under it, as the topic's own posts do.
    assert.ok(
      await page.evaluate(
        ([p, c]) => !!document.querySelector(`[data-comment-id="${p}"] [role="group"] [data-comment-id="${c}"]`),
        [String(postId(789, 7)), String(postId(789, 10))],
      ),
    );
    assert.match(await page.title(), /^\(2\) /);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('with the tab closed, the background counts what the topic JSON lists that is new', async () => {
    growTopic(789, 12);
    forum.reset();
    await browser.worker.evaluate(fireWatchAlarm);
    const deadline = Date.now() + 20_000;
    while ((await badge()) !== '2' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(await badge(), '2');
    // Only the topic's JSON: the background counts ids, it loads no post.
    assert.deepEqual(asked(), [['/t/789.json', 0]]);
    await browser.worker.evaluate(() => chrome.storage.local.remove('threadlight.watched'));
  });
});
