// Watching and exporting in Chromium (shipped build, a forum thread on its real host name, served locally):
// "Watch this discussion" from the view's header; a post the thread gains joins the open view marked new,
// without moving what the reader is reading, and the tab's title counts it; with the tab closed the
// background's check counts new posts on the toolbar badge and in the popup's "Watched discussions", which opens
// and unwatches; "Export discussion" opens the export page, whose web page and JSON are downloaded and read back.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';
import { fireWatchAlarm, growingThread } from '../support/e2e/watch-pages.mjs';

const thread = growingThread(12);
const PATH = '/threads/watched-thread.2200000/';
const URL = `https://forums.macrumors.com${PATH}`;
const session = chromiumSession({ routes: { [PATH]: thread.route } });
const ITEMS = '[data-threadlight="thread"] [role="treeitem"]';
const COUNT = (n) => `document.querySelectorAll('${ITEMS}').length === ${n}`;
const stored = () =>
  session.browser.worker.evaluate(
    async () => (await chrome.storage.local.get('threadlight.watched'))['threadlight.watched'],
  );
const badge = () => session.browser.worker.evaluate(() => chrome.action.getBadgeText({}));

describe('Chromium: watching a discussion', () => {
  it('a post the thread gains joins the open view, marked new, the place kept, the title counting it', async () => {
    await session.resetStorage();
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.goto(URL);
    await page.waitForFunction(COUNT(12));
    const watch = page.getByRole('button', { name: 'Watch this discussion' });
    await watch.click();
    await page.waitForFunction(() => document.querySelector('.tl-watch')?.getAttribute('aria-pressed') === 'true');
    assert.deepEqual(
      Object.values(await stored()).map((w) => [w.url, w.title, w.fresh]),
      [[URL, 'Watched thread | MacRumors Forums', 0]],
    );
    // The reader reads the last post; the thread gains a post; the first check comes within 30 s.
    // The post drawn last: a post arriving anywhere above it would push it down.
    const anchor = await page.evaluate(
      (items) => Array.from(document.querySelectorAll(items)).at(-1).dataset.commentId,
      ITEMS,
    );
    const topOf = (id) => document.querySelector(`[data-comment-id="${id}"]`).getBoundingClientRect().top;
    // The reader scrolls with the wheel until it is near the top of the window.
    await page.mouse.move(500, 300);
    await page.mouse.wheel(0, (await page.evaluate(topOf, anchor)) - 40);
    await page.waitForFunction(() => scrollY > 0);
    await page.waitForTimeout(500);
    const before = await page.evaluate(topOf, anchor);
    thread.grow(13);
    await page.waitForFunction(COUNT(13), null, { timeout: 40_000 });
    const arrived = thread.idOf(12);
    assert.notEqual(await page.locator(`[data-comment-id="${arrived}"]`).getAttribute('data-new'), null, 'marked new');
    await page.waitForTimeout(300);
    const after = await page.evaluate(topOf, anchor);
    assert.ok((await page.evaluate(topOf, arrived)) < after, 'the new post is drawn above the one being read');
    assert.ok(Math.abs(after - before) < 2, 'what the reader reads did not move');
    assert.equal(await page.title(), '(1) Watched thread | MacRumors Forums');
    assert.match(await page.locator('.tl-arrived').innerText(), /1 new posts arrived/);
    // A key the reader presses: they are looking, the count leaves the title.
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => document.title === 'Watched thread | MacRumors Forums');
    await page.close();
  });

  it('the background counts new posts on the badge and in the popup list, which opens and unwatches', async () => {
    thread.grow(15);
    await session.browser.worker.evaluate(fireWatchAlarm);
    const deadline = Date.now() + 20_000;
    while ((await badge()) !== '2' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(await badge(), '2');
    const page = await session.browser.context.newPage();
    await page.goto('https://forums.macrumors.com/none');
    const popup = await session.browser.openPopup(page);
    const list = popup.getByRole('region', { name: 'Watched discussions' });
    await list.getByText('2 new').waitFor();
    const [opened] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      list.getByRole('link', { name: 'Watched thread | MacRumors Forums' }).click(),
    ]);
    await opened.waitForURL(URL);
    await opened.waitForFunction(COUNT(15));
    // Opened: nothing of it is new to the reader any more.
    await opened.waitForFunction(() => true);
    const deadline2 = Date.now() + 5000;
    while ((await badge()) !== '' && Date.now() < deadline2) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await badge(), '');
    await opened.close();
    const again = await session.browser.openPopup(page);
    const region = again.getByRole('region', { name: 'Watched discussions' });
    await region.getByRole('button', { name: 'Unwatch Watched thread | MacRumors Forums' }).click();
    await region.getByText('You watch no discussion yet', { exact: false }).waitFor();
    assert.deepEqual(await stored(), {});
    await again.close();
    await page.close();
  });

  it('exports the discussion: the web page and the JSON downloaded and read back', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(URL);
    await page.waitForFunction(COUNT(15));
    const [exporter] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Export discussion' }).click(),
    ]);
    const save = async (name) => {
      const [download] = await Promise.all([
        exporter.waitForEvent('download'),
        exporter.getByRole('button', { name }).click(),
      ]);
      return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
    };
    await exporter.getByRole('button', { name: 'Save as a web page' }).waitFor();
    const html = await save('Save as a web page');
    assert.equal(html.name, 'Watched-thread-MacRumors-Forums.html');
    // Read back by the browser itself: every post, nested, and nothing that runs or loads.
    const reader = await session.browser.context.newPage();
    await reader.setContent(html.text);
    const shape = await reader.evaluate(() => ({
      posts: document.querySelectorAll('li[id^="c-"]').length,
      nested: document.querySelectorAll('li li[id^="c-"]').length,
      active: document.querySelectorAll('script, img, iframe, link, object, embed, [src], [href]').length,
    }));
    await reader.close();
    assert.equal(shape.posts, 15);
    assert.ok(shape.nested > 0, 'replies nest under the posts they answer');
    assert.equal(shape.active, 0);
    const json = JSON.parse((await save('Save as JSON')).text);
    assert.deepEqual(
      json.comments.map((c) => c.id).sort(),
      Array.from({ length: 15 }, (_, i) => thread.idOf(i)).sort(),
    );
    const quoted = json.comments.find((c) => c.quotes.length);
    assert.ok(quoted?.parentId, 'a reply keeps the post it answers');
    await exporter.close();
    await page.close();
  });
});
