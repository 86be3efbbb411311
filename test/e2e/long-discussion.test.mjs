// A long discussion in Chromium (shipped build): the first posts render straight away, more as the reader
// scrolls (and those far behind are dropped to spacers), everything on "Show all"; a jump to a quoted post far
// down renders it at once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';
import { syntheticDiscussion, xenforoHtml } from '../../scripts/lib/synthetic.mjs';

const POSTS = 1500;
const html = xenforoHtml(syntheticDiscussion(POSTS));
const session = chromiumSession({
  routes: {
    '/threads/long-thread.1/': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  },
});
const URL = 'https://forums.macrumors.com/threads/long-thread.1/';
const rendered = (page) =>
  page.evaluate(() => document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length);

/** Waits until the number of rendered comments stops changing for a while, and returns it. */
async function settled(page) {
  let last = -1;
  for (let same = 0; same < 4;) {
    await page.waitForTimeout(250);
    const now = await rendered(page);
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

describe('Chromium: a 1,500-post discussion', () => {
  it('renders the first part, more as the reader scrolls while dropping what is far behind, all on "Show all"', async () => {
    const { page, errors } = await session.open(URL);
    await page.waitForSelector('[role="treeitem"]');
    const first = await settled(page);
    assert.ok(first >= 20 && first < POSTS, `first part: ${first}`);
    const more = page.locator('.tl-more');
    // Numbers are formatted for the UI's language (English here: 1,500).
    assert.match(await more.textContent(), new RegExp(`Showing [\\d,]+ of ${POSTS.toLocaleString('en')} comments`));

    // The reader scrolls down a long way.
    const showing = () =>
      more.textContent().then((t) => Number((/Showing ([\d,]+) of/.exec(t)?.[1] ?? '0').replaceAll(',', '')));
    for (let i = 0; i < 200 && (await showing()) < 800; i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(100);
    }
    const reached = await showing();
    assert.ok(reached >= 800, `after scrolling: ${reached} (was ${first})`);
    // Only the comments near the viewport are alive; what the reader left behind are spacers keeping the height.
    const live = await settled(page);
    assert.ok(live < reached / 2, `${live} comments rendered of ${reached} reached`);
    const spacers = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('.tl-block')).filter((b) => !b.childElementCount && b.offsetHeight > 0)
          .length,
    );
    assert.ok(spacers > 0, 'spacers above the viewport');

    // Back at the top, the first comment is there again.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForSelector('[role="treeitem"][aria-level="1"][aria-posinset="1"]');

    await page.getByRole('button', { name: 'Show all' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[role="treeitem"]').length === n, POSTS, {
      timeout: 60_000,
    });
    assert.equal(await page.locator('.tl-more').count(), 0);
    // And all of it stays rendered (find in page) wherever the reader is.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(1000);
    assert.equal(await rendered(page), POSTS);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('renders a quoted post that is not rendered yet when its quote is followed', async () => {
    const { page, errors } = await session.open(URL);
    await page.waitForSelector('[role="treeitem"]');
    await settled(page);
    // Flat, newest first: the quoted (older) posts sit far below the rendered part.
    const popup = await session.browser.openPopup(page);
    await popup.getByLabel('View', { exact: true }).selectOption({ label: 'Flat' });
    await popup.getByLabel('Sort', { exact: true }).selectOption({ label: 'Newest' });
    await page.waitForFunction(() => {
      const items = document.querySelectorAll('[role="treeitem"][aria-level="1"]');
      // The thread's opening post stays first; newest first after it.
      return (
        document.querySelector('.tl-view[data-view="flat"]') &&
        items.length > 2 &&
        Number(items[1].dataset.commentId) > Number(items[2].dataset.commentId)
      );
    });
    await popup.close();
    const target = await page.evaluate(() => {
      for (const q of document.querySelectorAll('[data-quote-of]')) {
        const id = q.getAttribute('data-quote-of');
        if (id && !document.querySelector(`[data-comment-id="${id}"]`)) {
          q.querySelector('.tl-quote-source button').click();
          return id;
        }
      }
      return null;
    });
    assert.ok(target, 'a quote whose source is not rendered yet');
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-comment-id') === id, target, {
      timeout: 10_000,
    });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
