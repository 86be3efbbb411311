// Reading sessions in Chromium (shipped build, an article on its real host name that gains two comments
// between visits): the place the reader reached is remembered as they scroll; on return the unread line stands
// before the first new comment and "Continue where you left off" takes them back to that place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';
import { growingArticle } from '../support/e2e/reading-pages.mjs';

const article = growingArticle();
const PATH = '/2017/12/08/growing-article.html';
const session = chromiumSession({ routes: { [PATH]: article.route } });
const URL = `https://www.macrumors.com${PATH}`;
/** The comment a third of the way down the window (where the view takes the reader's place to be). */
const atReadingLine = () => {
  const tree = document.querySelector('[data-threadlight="thread"] [role="tree"]').getBoundingClientRect();
  const hit = document.elementFromPoint(tree.left + tree.width / 2, innerHeight / 3);
  return hit.closest('[role="treeitem"]').dataset.commentId;
};
const COUNT = (n) => `document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length === ${n}`;

describe('Chromium: reading sessions', () => {
  it('remembers where the reader was; on return shows the unread line and continues from there', async () => {
    await session.resetStorage();
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 600 });
    await page.goto(URL);
    await page.waitForFunction(COUNT(14));
    // The reader scrolls until the ninth comment is a third of the way down the window, and stays there.
    await page.evaluate(() => {
      const el = document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]')[8];
      scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight / 3 + 10);
    });
    await page.waitForTimeout(2500); // told at most once a second, then written
    const target = await page.evaluate(atReadingLine);
    const stored = await session.browser.worker.evaluate(
      async () => (await chrome.storage.local.get('threadlight.places'))['threadlight.places'],
    );
    assert.deepEqual(
      Object.values(stored).map((p) => p.id),
      [target],
    );
    await page.close();

    const again = await session.browser.context.newPage();
    await again.setViewportSize({ width: 1000, height: 600 });
    await again.goto(URL);
    await again.waitForFunction(COUNT(16));
    const line = again.locator('[data-threadlight="unread-line"]');
    await line.waitFor();
    const before = await line.evaluate((el) => el.nextElementSibling.dataset.commentId);
    assert.ok(article.newIds.includes(before), `${before} is one of the new comments`);
    assert.equal(await again.locator('[data-threadlight="unread-line"]').count(), 1);
    await again.getByRole('button', { name: 'Continue where you left off' }).click();
    await again.waitForFunction((id) => document.activeElement?.dataset.commentId === id, target);
    const box = await again.locator(`[data-comment-id="${target}"]`).boundingBox();
    assert.ok(box.y >= 0 && box.y < 600, `the remembered comment is on screen (${box.y})`);
    await again.close();
  });
});
