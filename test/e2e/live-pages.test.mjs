// The page changes under the view, the way framework-built sites change it (Chromium, shipped build, on
// www.macrumors.com): the comment container rendered again, replaced by other comments, in-page navigation
// with history.pushState before and after the new comments are swapped in, back, and a growing section.
// Each time, within 1 s there is again exactly one view, of the comments on the page now. Also: the
// back-forward cache, and nothing of ours left on a section the site threw away. A tab opened in the
// background is tested in Firefox (firefox.test.mjs): Chromium driven by Playwright reports every tab as
// visible, headless or not (playwright#2286), and disables prerendering, the other hidden state, under DevTools.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { FIXTURES } from '../../scripts/lib/paths.mjs';
import { recordFirstPaints } from '../../scripts/lib/chromium.mjs';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';

const LIVE = 'https://www.macrumors.com/2018/01/01/live-page.html';
/** The same page served cacheably: the fixture server's `no-store` keeps pages out of the back-forward cache. */
const CACHEABLE = 'https://www.macrumors.com/2018/03/03/live-cacheable.html';
const A_IDS = 10;
const B_IDS = ['26000001', '26000002', '26000003'];

const session = chromiumSession({
  routes: {
    '/2018/03/03/not-comments.html': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>x</title><div id="comments"><p>Comments are closed.</p></div>'),
    '/2018/03/03/live-cacheable.html': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(readFileSync(join(FIXTURES, 'live-page.html'))),
  },
});

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

  it('comes back when the site renders its comment container again, with what the reader collapsed', async () => {
    const { page, errors } = await openLive();
    const toggle = page.locator('[data-comment-id="25853802"] > .tl-comment .tl-toggle');
    await toggle.click();
    await page.evaluate(() => window.site.rerender());
    // Collapsed: its two replies are not rendered.
    await until(page, (s) => s.views === 1 && s.placed && s.ids.length === A_IDS - 2 && s.ids.includes('25853802'));
    assert.equal(await page.locator('[data-comment-id="25853802"]').getAttribute('aria-expanded'), 'false');
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

  it('is itself after the back-forward cache restores the page', async () => {
    const { page, errors } = await session.open(CACHEABLE);
    await page.evaluate(() => addEventListener('pageshow', (e) => (window.__restored = e.persisted)));
    await until(page, showsA, 5000);
    await page.goto('https://www.macrumors.com/guide/no-comments.html');
    // A page restored from the cache fires no load event.
    await page.goBack({ waitUntil: 'commit' });
    assert.equal(await page.evaluate(() => window.__restored), true, 'restored from the back-forward cache');
    await until(page, showsA);
    await page.waitForTimeout(600);
    assert.ok(showsA(await snapshot(page)));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('leaves no listener of its own on a section the site has thrown away', async () => {
    const { page, errors } = await openLive();
    await page.evaluate(() => (window.__old = document.getElementById('comments')));
    await page.evaluate(() => window.site.rerender());
    await until(page, showsA);
    const cdp = await page.context().newCDPSession(page);
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__old' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1 });
    assert.deepEqual(listeners, []);
    assert.equal(await page.evaluate(() => window.__old.isConnected), false);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('never shows the original section before the view (held while the parser builds it)', async () => {
    const page = await session.browser.context.newPage();
    await page.addInitScript(recordFirstPaints);
    await page.goto('https://www.macrumors.com/2017/12/08/macrumors-2017-huawei-xiaomi.html');
    await page.waitForSelector('[data-threadlight="thread"] [role="treeitem"]');
    assert.equal(await page.evaluate(() => window.__originalFrames), 0);
    assert.equal(await page.locator('[data-threadlight-hold]').count(), 0);
    await page.close();
  });

  it('lets go of a held section at once when it holds no comments', async () => {
    const { page, errors } = await session.open('https://www.macrumors.com/2018/03/03/not-comments.html');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('[data-threadlight]').count(), 0);
    assert.equal(await page.locator('[data-threadlight-hold]').count(), 0);
    assert.equal(await page.locator('#comments p').isVisible(), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('marks what is new since the last visit: nothing the first time, a comment added since the next', async () => {
    const { page, errors } = await openLive();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-new]').count(), 0, 'a first visit marks nothing');
    await page.reload();
    await until(page, showsA, 5000);
    await page.evaluate(() => window.site.grow());
    await page.waitForSelector('[data-comment-id="25860000"][data-new]');
    assert.equal(await page.locator('[data-new]').count(), 1);
    assert.match(await page.locator('.tl-count').innerText(), /1 new/);
    await page.getByRole('button', { name: 'Mark all read' }).click();
    assert.equal(await page.locator('[data-new]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
