// Reading sessions in Firefox ESR (the Firefox test build, an article on loopback that gains two comments
// between visits): the place is remembered as the reader scrolls; on return the unread line and "Continue
// where you left off".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickStill, firefoxSession, waitFor } from '../support/e2e/firefox-session.mjs';
import { growingArticle } from '../support/e2e/reading-pages.mjs';

const article = growingArticle();
const session = firefoxSession({ serverOptions: { routes: { '/growing-article.html': article.route } } });
const COUNT = (n) => `document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length === ${n}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('Firefox: reading sessions', () => {
  it('remembers where the reader was; on return shows the unread line and continues from there', async () => {
    const { page } = session;
    const url = session.url('growing-article.html');
    await page.bringToFront();
    await page.goto(url);
    await waitFor(page, COUNT(14));
    await page.evaluate(() => {
      const el = document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]')[8];
      scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight / 3 + 10);
    });
    await sleep(2500);
    // The comment a third of the way down the window: where the view takes the reader's place to be.
    const target = await page.evaluate(() => {
      const tree = document.querySelector('[data-threadlight="thread"] [role="tree"]').getBoundingClientRect();
      return document.elementFromPoint(tree.left + tree.width / 2, innerHeight / 3).closest('[role="treeitem"]').dataset
        .commentId;
    });
    await page.goto(`${url}?again`);
    await waitFor(page, COUNT(16));
    await waitFor(page, `document.querySelector('[data-threadlight="unread-line"]')`);
    const before = await page.$eval(
      '[data-threadlight="unread-line"]',
      (el) => el.nextElementSibling.dataset.commentId,
    );
    assert.ok(article.newIds.includes(before), `${before} is one of the new comments`);
    await clickStill(page, '.tl-resume');
    await waitFor(page, `document.activeElement?.dataset.commentId === '${target}'`);
  });
});
