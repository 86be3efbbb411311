// Real-browser tests of the shipped Chrome build in Debian's Chromium: fixture pages served over local
// HTTPS on their real host names (see scripts/lib/chromium.mjs), the popup opened as a page.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';

const SEED = 'https://www.macrumors.com/2017/12/08/macrumors-2017-huawei-xiaomi.html';
const REAL_2017 = 'https://www.macrumors.com/2017/01/18/macrumors-2017-apple-pencil.html';
const REAL_2022 = 'https://www.macrumors.com/2022/01/18/macrumors-2022-apple-pencil.html';

const session = chromiumSession();
const open = (url) => session.open(url);

/** [level, author, id] for every tree item, in document order. */
const treeOutline = (page) =>
  page.$$eval('[data-threadlight="thread"] [role="treeitem"]', (items) =>
    items.map((el) => [
      Number(el.getAttribute('aria-level')),
      el.querySelector('.tl-author')?.textContent ?? el.dataset.filtered,
      el.dataset.commentId,
    ]),
  );

/** The original section's outerHTML as the server sent it, parsed the same way the page was. */
const pristineSection = (page, selector) =>
  page.evaluate(async (sel) => {
    const html = await (await fetch(location.href, { cache: 'no-store' })).text();
    return new DOMParser().parseFromString(html, 'text/html').querySelector(sel).outerHTML;
  }, selector);

async function setPopup(popup, label, value) {
  const control = popup.getByLabel(label, { exact: true });
  if (typeof value === 'boolean') await (value ? control.check() : control.uncheck());
  else if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption({ label: value });
  else await control.fill(value);
}

describe('Chromium: the thread view on the fixture articles', () => {
  beforeEach(() => session.resetStorage());

  it('threads the seed page exactly, with contract hooks, and no page errors', async () => {
    const { page, errors } = await open(SEED);
    await page.waitForSelector('[data-threadlight="thread"] [role="tree"]');
    assert.deepEqual(await treeOutline(page), [
      [1, 'reader_one', '25853811'],
      [1, 'reader_two', '25853790'],
      [1, 'reader_three', '25853802'],
      [2, 'reader_eight', '25854002'],
      [2, 'reader_nine', '25854077'],
      [1, 'reader_four', '25853795'],
      [2, 'reader_five', '25853840'],
      [1, 'reader_six', '25854120'],
      [1, 'reader_seven', '25853901'],
      [1, 'reader_ten', '25853950'],
    ]);
    assert.equal(await page.locator('[data-threadlight="thread"]').count(), 1);
    assert.equal(await page.locator('#comments').isVisible(), false, 'original section hidden');
    // Its contents skipped, not out of the layout: Chromium would tear down the layout of a section it laid out.
    assert.equal(await page.locator('#comments').evaluate((s) => getComputedStyle(s).contentVisibility), 'hidden');
    assert.notEqual(await page.locator('#comments').evaluate((s) => getComputedStyle(s).display), 'none');
    assert.equal(await page.locator('[data-comment-id="25853802"]').getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('[data-comment-id="25853811"]').getAttribute('data-rating'), '12');
    assert.equal(
      await page.locator('[data-comment-id="25853840"] blockquote').getAttribute('data-quote-of'),
      '25853795',
    );
    assert.equal(await page.locator('[data-comment-id="25854120"] blockquote').getAttribute('data-quote-of'), '');
    const brands = await page.$$eval('[data-comment-id="25853901"] mark[data-brand]', (ms) =>
      ms.map((m) => `${m.dataset.brand}:${m.textContent}`),
    );
    assert.deepEqual(brands, [
      'xiaomi:Mi 3',
      'apple:iTunes',
      'verizon:Verizon',
      'att:AT&T',
      'huawei:EMUI',
      'xiaomi:MIUI',
      "google:Google's",
      'google:Pixel',
      'essential:Essential',
      'oneplus:OnePlus',
    ]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('threads the real 2017 and 2022 captures', async () => {
    const { page } = await open(REAL_2017);
    await page.waitForSelector('[role="treeitem"]');
    const outline = await treeOutline(page);
    assert.equal(outline.length, 10);
    assert.deepEqual(outline.slice(0, 2), [
      [1, 'jyen', '24208508'],
      [2, 'truthertech', '24208594'],
    ]);
    await page.close();
    const second = await open(REAL_2022);
    await second.page.waitForSelector('[role="treeitem"]');
    assert.deepEqual(
      (await treeOutline(second.page)).map((r) => r[1]),
      ['jyen', 'Return Zero', 'Appleaker', 'AngerDanger', 'gugy', 'Apple Knowledge Navigator'],
    );
    await second.page.close();
  });

  it('follows the popup live: sort, minimum rating, muted words; then disabling restores the original exactly', async () => {
    const { page, errors } = await open(SEED);
    await page.waitForSelector('[role="treeitem"]');
    const pristine = await pristineSection(page, '#comments');
    const popup = await session.browser.openPopup(page);
    await popup.getByText('10 of 10 comments shown.').waitFor();

    await setPopup(popup, 'Sort', 'Page order');
    await page.waitForFunction(
      () =>
        document.querySelector('[role="treeitem"]')?.getAttribute('data-comment-id') === '25853811' &&
        document.querySelectorAll('[role="treeitem"][aria-level="1"]')[1]?.getAttribute('data-comment-id') ===
          '25853790' &&
        document.querySelectorAll('[role="treeitem"][aria-level="1"]')[2]?.getAttribute('data-comment-id') ===
          '25853802',
    );
    await setPopup(popup, 'Sort', 'Oldest');
    // Oldest by post id: reader_two (25853790) was posted first.
    await page.waitForFunction(
      () => document.querySelector('[role="treeitem"][aria-level="1"]')?.getAttribute('data-comment-id') === '25853790',
    );

    await setPopup(popup, 'Minimum rating', '5');
    await page.waitForSelector('[data-comment-id="25854120"][data-filtered="rating"]', { timeout: 5000 });
    assert.equal(await page.locator('[data-filtered="rating"]').count(), 5);
    // A filtered parent keeps its place and its replies stay visible.
    await setPopup(popup, 'Minimum rating', '9');
    await page.waitForSelector('[data-comment-id="25853795"][data-filtered="rating"]');
    assert.equal(await page.locator('[data-comment-id="25853795"] [data-comment-id="25853840"]').count(), 1);

    await setPopup(popup, 'Minimum rating', '');
    await setPopup(popup, 'Muted words', 'Monoprice, /chinese\\s+smartphone/');
    await page.waitForSelector('[data-comment-id="25854120"][data-filtered="muted-word"]');
    await page.waitForSelector('[data-comment-id="25853795"][data-filtered="muted-word"]');
    assert.equal(await page.locator('[data-filtered]').count(), 2);
    // A click reveals a filtered comment.
    await page.locator('[data-comment-id="25854120"] .tl-placeholder button').click();
    await page.waitForSelector('[data-comment-id="25854120"]:not([data-filtered]) .tl-body');

    await setPopup(popup, 'Highlight brands', false);
    await page.waitForFunction(() => document.querySelectorAll('[data-threadlight] mark[data-brand]').length === 0);

    await setPopup(popup, 'View', 'Flat');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[role="treeitem"][aria-level="2"]').length === 0 &&
        document.querySelectorAll('[role="treeitem"]').length === 10,
    );
    assert.equal(
      await page.locator('[data-comment-id="25853840"] blockquote').getAttribute('data-quote-of'),
      '25853795',
    );

    await setPopup(popup, 'Enable on this site', false);
    await page.waitForFunction(() => !document.querySelector('[data-threadlight]'));
    assert.equal(await page.evaluate(() => document.querySelector('#comments').outerHTML), pristine);
    assert.equal(await page.locator('#comments').isVisible(), true);

    await setPopup(popup, 'Enable on this site', true);
    await page.waitForSelector('[data-threadlight="thread"]');
    await setPopup(popup, 'View', 'Original');
    await page.waitForFunction(() => !document.querySelector('[data-threadlight]'));
    assert.equal(await page.evaluate(() => document.querySelector('#comments').outerHTML), pristine);
    await setPopup(popup, 'View', 'Threaded');
    await page.waitForSelector('[data-threadlight="thread"]');
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
  });

  it('keeps popup changes made right before the popup closes', async () => {
    const { page, errors } = await open(SEED);
    await page.waitForSelector('[data-threadlight="thread"] [role="tree"]');
    const popup = await session.browser.openPopup(page);
    await popup.getByText('10 of 10 comments shown.').waitFor();
    // Two changes in quick succession (the second falls inside the write interval), then the popup closes.
    await setPopup(popup, 'View', 'Flat');
    await setPopup(popup, 'Sort', 'Oldest');
    await popup.close();
    await page.waitForFunction(() => {
      const view = document.querySelector('.tl-view[data-view="flat"]');
      return view && view.querySelector('.tl-header select')?.value === 'oldest';
    });
    const stored = await session.browser.worker.evaluate(() => chrome.storage.sync.get('threadlight.view'));
    assert.equal(stored['threadlight.view'].view, 'flat');
    assert.equal(stored['threadlight.view'].sort, 'oldest');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('focuses the thread on a brand from the chart, and clears it with a second click', async () => {
    const { page, errors } = await open(SEED);
    await page.waitForSelector('.tl-chart');
    // The chart shows a few brands; the rest on request.
    const more = page.getByRole('button', { name: /^All \d+ brands$/ });
    if (await more.count()) await more.click();
    await page.waitForSelector('.tl-chart [data-brand="huawei"]');
    // A real button, named by what it shows.
    assert.equal(
      await page.getByRole('button', { name: 'Huawei 2 mentions · 7 votes', exact: true }).getAttribute('data-brand'),
      'huawei',
    );
    await page.locator('.tl-chart [data-brand="huawei"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-filtered="brand-focus"]').length === 8);
    const shown = await page.$$eval('[role="treeitem"]:not([data-filtered])', (els) =>
      els.map((e) => e.dataset.commentId).sort(),
    );
    assert.deepEqual(shown, ['25853901', '25853950']);
    assert.match(await page.locator('.tl-count').textContent(), /8 hidden \(8 outside the brand focus\)/);
    await page.locator('.tl-chart [data-brand="huawei"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-filtered]').length === 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('does not duplicate on reload, and keeps preferences across it', async () => {
    const { page } = await open(SEED);
    await page.waitForSelector('[role="treeitem"]');
    await page.reload();
    await page.waitForSelector('[role="treeitem"]');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-threadlight="thread"]').count(), 1);
    assert.equal(await page.locator('[role="tree"]').count(), 1);
    await page.close();
  });

  it('leaves a page without a comment section untouched', async () => {
    const { page, errors } = await open('https://www.macrumors.com/guide/no-comments.html');
    await page.waitForTimeout(800);
    assert.equal(await page.locator('[data-threadlight]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is usable from the keyboard: j/k move, h collapses, l expands', async () => {
    const { page } = await open(SEED);
    await page.waitForSelector('[role="treeitem"]');
    await page.locator('[data-comment-id="25853811"]').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.commentId), '25853802');
    await page.keyboard.press('h');
    await page.waitForSelector('[data-comment-id="25853802"][aria-expanded="false"]');
    await page.keyboard.press('j');
    assert.equal(
      await page.evaluate(() => document.activeElement.dataset.commentId),
      '25853795',
      'collapsed replies are skipped',
    );
    await page.keyboard.press('k');
    await page.keyboard.press('l');
    await page.waitForSelector('[data-comment-id="25853802"][aria-expanded="true"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-comment-id="25853802"][aria-expanded="false"]');
    await page.close();
  });
});
