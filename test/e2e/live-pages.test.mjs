// The page changes under the view, the way framework-built sites change it (Chromium, shipped build, on
// www.macrumors.com): the comment container rendered again, replaced by other comments, in-page navigation
// with history.pushState before and after the new comments are swapped in, back, and a growing section.
// Each time, within 1 s there is again exactly one view, of the comments on the page now.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';

const LIVE = 'https://www.macrumors.com/2018/01/01/live-page.html';
const A_IDS = 10;
const B_IDS = ['26000001', '26000002', '26000003'];

const session = chromiumSession();

/** Views and comment ids on the page, and whether our view sits right before the section it shows. */
const snapshot = (page) =>
  page.evaluate(() => {
    const views = document.querySelectorAll('[data-threadlight="thread"]');
    const ids = Array.from(document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]'), (el) =>
      el.getAttribute('data-comment-id'),
    );
    const host = views[0];
    return {
      views: views.length,
      ids,
      placed: !!host && host.nextElementSibling === document.getElementById('comments'),
    };
  });

/**
 * Polls every 25 ms until `done(snapshot)` holds, asserting on the way that there is never more than one view;
 * returns how long it took.
 */
async function until(page, done, timeoutMs = 1000) {
  const start = Date.now();
  for (;;) {
    const now = await snapshot(page);
    assert.ok(now.views <= 1, `${now.views} views at once`);
    if (done(now)) return Date.now() - start;
    if (Date.now() - start > timeoutMs) assert.fail(`not within ${timeoutMs} ms: ${JSON.stringify(now)}`);
    await page.waitForTimeout(25);
  }
}

const showsA = (s) => s.views === 1 && s.placed && s.ids.length === A_IDS && s.ids.includes('25853811');
const showsB = (s) => s.views === 1 && s.placed && s.ids.length === 3 && B_IDS.every((id) => s.ids.includes(id));

describe('Chromium: a page that changes under the view', () => {
  beforeEach(() => session.resetStorage());

  async function openLive() {
    const opened = await session.open(LIVE);
    await until(opened.page, showsA, 5000);
    return opened;
  }

  it('comes back when the site renders its comment container again', async () => {
    const { page, errors } = await openLive();
    await page.evaluate(() => window.site.rerender());
    await until(page, showsA);
    assert.equal(await page.locator('#comments').isVisible(), false, 'the new section is hidden behind the view');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the new comments when the site replaces them, nested as they quote', async () => {
    const { page, errors } = await openLive();
    await page.evaluate(() => window.site.replace('b'));
    await until(page, showsB);
    assert.equal(await page.locator('[data-comment-id="26000001"] [data-comment-id="26000002"]').count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const when of ['before', 'after']) {
    it(`follows in-page navigation with pushState ${when} the new comments arrive, and back`, async () => {
      const { page, errors } = await openLive();
      await page.evaluate((w) => window.site.navigate('b', w), when);
      // The swap comes 300 ms after pushState in the "before" case.
      await until(page, showsB, when === 'before' ? 1300 : 1000);
      assert.match(page.url(), /live-b\.html$/);
      // Stays on the new comments: nothing brings the old ones back.
      await page.waitForTimeout(1200);
      assert.ok(showsB(await snapshot(page)));
      await page.goBack();
      await until(page, showsA, 1100);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('extends a growing section without losing what the reader collapsed', async () => {
    const { page, errors } = await openLive();
    await page.locator('[data-comment-id="25853802"] > .tl-comment .tl-toggle').click();
    assert.equal(await page.locator('[data-comment-id="25853802"]').getAttribute('aria-expanded'), 'false');
    await page.evaluate(() => window.site.grow());
    await until(page, (s) => s.views === 1 && s.ids.includes('25860000'));
    assert.equal(await page.locator('[data-comment-id="25853802"]').getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('[data-comment-id="25853795"] [data-comment-id="25860000"]').count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
