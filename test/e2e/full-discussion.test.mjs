// The whole forum discussion behind an article, loaded through the background in Chromium: progress,
// a page that fails once and Retry, Cancel and Continue, the merged tree, the cache; and the forum page view.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';
import { forumRoutes, THREAD_PATH } from '../support/e2e/forum-routes.mjs';

const SEED = 'https://www.macrumors.com/2017/12/08/macrumors-2017-huawei-xiaomi.html';
const forum = forumRoutes();
const session = chromiumSession({ routes: forum.routes });
beforeEach(() => session.resetStorage());

const ids = (page) =>
  page.$$eval('[data-threadlight="thread"] [role="treeitem"]', (els) =>
    els.map((e) => `${e.getAttribute('aria-level')}:${e.dataset.commentId}`),
  );

describe('Chromium: full discussion', () => {
  it('loads every forum page with progress, retries the page that failed, and merges the tree', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(SEED);
    await page.waitForSelector('[role="treeitem"]');
    assert.equal(await page.locator('[data-comment-id="25854120"] blockquote').getAttribute('data-quote-of'), '');
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /Page 3 of 3: The forum answered 500\..*Pages 1–2 are loaded\./);
    assert.equal(await page.locator('progress').count(), 0);
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('Full discussion: 14 posts.').waitFor();
    assert.deepEqual(forum.requests.slice(-4), [
      THREAD_PATH,
      `${THREAD_PATH}page-2`,
      `${THREAD_PATH}page-3`,
      `${THREAD_PATH}page-3`,
    ]);
    assert.equal(await page.locator('[role="treeitem"]').count(), 14);
    // The article's orphan quote now has its real parent; top comments keep the article's votes.
    assert.equal(
      await page.locator('[data-comment-id="25854120"] > article blockquote').getAttribute('data-quote-of'),
      '25853860',
    );
    assert.equal(
      await page
        .locator('[data-comment-id="25853860"] [data-comment-id="25854120"] [data-comment-id="25854200"]')
        .count(),
      1,
    );
    assert.equal(await page.locator('[data-comment-id="25853811"]').getAttribute('data-rating'), '12');
    assert.equal(await page.locator('[data-threadlight="thread"]').count(), 1);

    // Reopening the article: the discussion comes from the cache, without a request.
    const before = forum.requests.length;
    await page.reload();
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    await page.getByText(/Full discussion: 14 posts \(saved (just now|\d+ minutes? ago)\)\./).waitFor();
    assert.equal(forum.requests.length, before);
    await page.close();
  });

  it('cancels between pages and continues from where it stopped', async () => {
    forum.setPage2Delay(1500);
    const page = await session.browser.context.newPage();
    await page.goto(SEED);
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    await page.getByText('Loaded page 1 of 3…').waitFor();
    assert.equal(await page.locator('progress').getAttribute('value'), '1');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText(/Stopped after page \d of 3\./).waitFor({ timeout: 5000 });
    forum.setPage2Delay(0);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Full discussion: 14 posts.').waitFor();
    assert.equal(await page.locator('[role="treeitem"]').count(), 14);
    await page.close();
  });

  it('threads a forum page by exact quote sources, and loads the other pages on request', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`https://forums.macrumors.com${THREAD_PATH}page-2`);
    await page.waitForSelector('[role="treeitem"]');
    // Top rated by reactions: 4, 3, 3, 1, 1 (ties in page order).
    assert.deepEqual(await ids(page), ['1:25854120', '1:25854002', '1:25854077', '1:25853901', '1:25853950']);
    assert.equal(await page.locator('article.message').first().isVisible(), false);
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    await page.getByText('Full discussion: 14 posts.').waitFor();
    const tree = await ids(page);
    assert.equal(tree.length, 14);
    assert.ok(tree.includes('2:25854002') && tree.includes('2:25854077'), 'replies to reader_three nest under it');
    await page.close();
  });

  it('keeps the reader in place when the full discussion arrives, and marks what is new there', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(SEED); // first visit: the article's comments are seen
    await page.waitForSelector('[role="treeitem"]');
    await page.waitForTimeout(300);
    await page.reload();
    await page.waitForSelector('[role="treeitem"]');
    const anchor = page.locator('[data-comment-id="25853901"]');
    // Room below the article, so the reader can have this comment at the top of the window.
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('div'), { style: 'height:3000px' })),
    );
    await anchor.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(200);
    const top = () => anchor.evaluate((el) => Math.round(el.getBoundingClientRect().top));
    const before = await top();
    // Pressed from the keyboard without scrolling to the button: a reader's own (trusted) press, as the view
    // ignores a script's synthetic click.
    const press = async (button) => {
      await button.evaluate((b) => b.focus({ preventScroll: true }));
      await page.keyboard.press('Enter');
    };
    await press(page.getByRole('button', { name: 'Load full discussion' }));
    const done = page.getByText('Full discussion: 14 posts.');
    const retry = page.getByRole('button', { name: 'Retry' });
    await done.or(retry).waitFor();
    if (await retry.isVisible()) await press(retry); // page 3 fails once per server
    await done.waitFor();
    await page.waitForTimeout(300);
    assert.ok(Math.abs((await top()) - before) <= 2, `moved from ${before} to ${await top()}`);
    const fresh = await page.$$eval('[data-new]', (els) => els.map((el) => el.dataset.commentId).sort());
    assert.equal(fresh.length, 4, `the forum's own posts are new: ${fresh}`);
    assert.ok(!fresh.includes('25853901'));
    await page.close();
  });
});
