// Watching an app forum's topic in Firefox ESR (the Discourse forum of test/support/e2e/discourse-app.mjs under
// its real host name, plain HTTP through the local proxy; the background fetches it as it is, not upgraded): the topic gains posts; the open view's check reads `/t/<id>.json` and loads only the new posts,
// marked new; with the tab away, the background page counts the next ones from the same JSON on the badge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickStill, firefoxSession, gotoCapture, waitFor } from '../support/e2e/firefox-session.mjs';
import { DISCOURSE_HOST, discourseForum, growTopic } from '../support/e2e/discourse-app.mjs';
import { postId } from '../support/discourse-topics.mjs';
import { fireWatchAlarm } from '../support/e2e/watch-pages.mjs';

const forum = discourseForum();
const session = firefoxSession({ proxy: true, serverOptions: { handle: (...a) => forum.handle(...a) } });
const COUNT = (n) => `document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length === ${n}`;
const asked = () => forum.log.map((r) => [r.path, r.ids]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('Firefox: watching an app forum topic', () => {
  it('new posts arrive from the platform JSON, only they are loaded, and they are marked new', async () => {
    const { page } = session;
    await page.bringToFront();
    await gotoCapture(page, `http://${DISCOURSE_HOST}/t/watched-build/789`);
    await waitFor(page, `${COUNT(8)} && window.__drawn === 789`, { timeoutMs: 10_000 });
    forum.reset();
    await clickStill(page, '.tl-watch');
    await waitFor(page, `document.querySelector('.tl-watch').getAttribute('aria-pressed') === 'true'`);
    for (let i = 0; i < 50 && !forum.log.length; i++) await sleep(100);
    assert.deepEqual(asked(), [['/t/789.json', 0]]);
    growTopic(789, 10);
    await waitFor(page, COUNT(10), { timeoutMs: 40_000 });
    assert.deepEqual(asked(), [
      ['/t/789.json', 0],
      ['/t/789.json', 0],
      ['/t/789/posts.json', 2],
    ]);
    for (const n of [10, 11])
      assert.ok(await page.$eval(`[data-comment-id="${postId(789, n)}"]`, (el) => el.hasAttribute('data-new')));
    assert.match(await page.title(), /^\(2\) /);
  });

  it('with the tab away, the background counts what the topic JSON lists that is new', async () => {
    const { page, ff } = session;
    await page.goto('about:blank');
    growTopic(789, 12);
    forum.reset();
    const popup = await ff.openExtensionPage('popup.html');
    await popup.evaluate(fireWatchAlarm);
    await waitFor(popup, `browser.action.getBadgeText({}).then((t) => t === '2')`, { timeoutMs: 20_000 });
    await waitFor(popup, `document.querySelector('.tl-watched li')?.textContent.includes('2 new')`);
    assert.deepEqual(asked(), [['/t/789.json', 0]]);
    await popup.evaluate(() => browser.storage.local.remove('threadlight.watched'));
    await popup.close();
  });
});
