// Screenshots of the reading aids for the README (npm run demo without a display): a quote preview, search,
// a note on a person, people (a mute, a tag, a comment's menu), what is new since the last visit (the full
// discussion, on a second visit), the unread line on a return, and the popup's watched discussions.

const SEED = 'https://www.macrumors.com/2017/12/08/macrumors-2017-huawei-xiaomi.html';
const item = (id) => `[role="treeitem"][data-comment-id="${id}"]`;

/** A clip of the page in document coordinates around the given boxes, with a margin. */
async function clipAround(page, selectors, margin = 16) {
  const rects = await page.evaluate(
    (sels) =>
      sels.map((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return { x: r.x + scrollX, y: r.y + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
      }),
    selectors,
  );
  const x = Math.max(0, Math.min(...rects.map((r) => r.x)) - margin);
  const y = Math.max(0, Math.min(...rects.map((r) => r.y)) - margin);
  const right = Math.max(...rects.map((r) => r.right)) + margin;
  const bottom = Math.max(...rects.map((r) => r.bottom)) + margin;
  return { x, y, width: right - x, height: Math.min(bottom - y, 1400) };
}

async function seed(browser) {
  const page = await browser.context.newPage();
  await page.goto(SEED);
  await page.locator('[role="treeitem"]').first().waitFor({ timeout: 15_000 });
  return page;
}

async function preview(browser, file) {
  const page = await seed(browser);
  const quote = page.locator(`${item('25853840')} blockquote`);
  await quote.locator('.tl-quote-fold').click();
  await quote.scrollIntoViewIfNeeded();
  await quote.locator('.tl-quote-source button').first().hover();
  await page.locator('[data-threadlight="preview"]').waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: await clipAround(page, [item('25853840'), '.tl-preview']),
  });
  await page.close();
}

async function search(browser, file) {
  const page = await seed(browser);
  await page.getByRole('searchbox', { name: 'Search comments' }).fill('chinese');
  await page.locator('[data-search-match]').first().waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: file, fullPage: true, clip: await clipAround(page, ['[data-threadlight="thread"]']) });
  await page.close();
}

async function note(browser, file) {
  const page = await seed(browser);
  await page
    .locator(item('25853811'))
    .getByRole('button', { name: /^Note on / })
    .click();
  await page.keyboard.type('Switches phones every year');
  // The editor is in a closed shadow root (the page cannot read it, nor can selectors): Tab past the tag's
  // label, colour and "On every site" to Save, Enter.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator(`${item('25853811')} [data-threadlight="note"]`).waitFor();
  await page.screenshot({ path: file, fullPage: true, clip: await clipAround(page, [item('25853811')]) });
  // Back to no notes, so the other screenshots show none.
  await page
    .locator(item('25853811'))
    .getByRole('button', { name: /^Note on / })
    .click();
  // Tab past the field, the tag's three fields, Save and Cancel to Delete note.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator(`${item('25853811')} [data-threadlight="note"]`).waitFor({ state: 'detached' });
  await page.waitForTimeout(900); // the deletion is written (batched) before the tab goes
  await page.close();
}

/** The reader comes back (a reload) and loads the full discussion: the forum's posts are new to them. */
async function returnWithFullDiscussion(page) {
  await page.reload();
  await page.locator('[role="treeitem"]').first().waitFor();
  await page.getByRole('button', { name: 'Load full discussion' }).click();
  const done = page.getByText(/Full discussion: \d+ posts/);
  const retry = page.getByRole('button', { name: 'Retry' });
  await done.or(retry).waitFor({ timeout: 15_000 });
  if (await retry.isVisible()) await retry.click();
  await done.waitFor();
}

async function fresh(browser, file) {
  const page = await seed(browser); // a visit: the article's comments are seen
  await page.waitForTimeout(300);
  await returnWithFullDiscussion(page);
  await page.locator('[data-new]').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: await clipAround(page, ['.tl-header', '[data-new]']),
  });
  await page.close();
}

/** People: reader_four muted (the reply quoting them folds), a tag on reader_five, a comment's "More" menu. */
async function people(browser, file) {
  await browser.worker.evaluate(async () => {
    const tags = { '* n:reader_five': { name: 'reader_five', label: 'battery nerd', color: 'teal' } };
    await chrome.storage.sync.set({ 'threadlight.people': { tags, you: {} }, 'threadlight.people$': { v: 3 } });
  });
  const page = await seed(browser);
  await page.locator(`${item('25853795')} button[aria-label="More for reader_four"]`).click();
  await page.getByRole('button', { name: 'Mute reader_four' }).click();
  await page.locator(`${item('25853840')} blockquote[data-muted-quote]`).waitFor();
  await page.locator(`${item('25853811')} button[aria-label^="More for"]`).click();
  await page.locator(`${item('25853811')} .tl-person-menu`).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: await clipAround(page, ['.tl-header', item('25853795'), item('25853811')]),
  });
  await page.close();
  // Back to nobody muted or tagged, so the other screenshots show none.
  await browser.worker.evaluate(async () => {
    await chrome.storage.sync.remove([
      'threadlight.people',
      'threadlight.people$',
      'threadlight.filters',
      'threadlight.filters$',
    ]);
  });
}

/** Forgets what the reading-session shots stored (not the sites the demo enabled, also in storage.local). */
const forget = (browser) =>
  browser.worker.evaluate(() =>
    chrome.storage.local.remove(['threadlight.seen', 'threadlight.places', 'threadlight.watched']),
  );

/** A return visit: the reader had read down the article; the whole discussion brings new posts after it. */
async function unread(browser, file) {
  await forget(browser);
  const page = await seed(browser);
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.mouse.move(500, 300);
  await page.mouse.wheel(0, 1400);
  await page.waitForTimeout(2500); // the place is told at most once a second, then written
  await returnWithFullDiscussion(page);
  const line = page.locator('[data-threadlight="unread-line"]');
  await line.waitFor();
  await line.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  // The line, with the comment read before it and the first new one after it.
  const around = await clipAround(page, ['[data-threadlight="unread-line"]'], 140);
  await page.screenshot({ path: file, fullPage: true, clip: { ...around, height: Math.min(around.height, 420) } });
  await page.close();
  await forget(browser);
}

/** The popup's watched discussions: the seed article's thread with new posts, another, one gone. */
async function watched(browser, file) {
  const entry = (key, title, fresh, status = 'ok') => ({
    key,
    url: `https://forums.macrumors.com/threads/${key}/`,
    check: `https://forums.macrumors.com/threads/${key}/`,
    title,
    known: '',
    fresh,
    status,
    added: Date.now() - fresh * 1000,
    checked: Date.now(),
  });
  await browser.worker.evaluate(
    async (list) => {
      const store = Object.fromEntries(list.map((e) => [e.key, e]));
      await chrome.storage.local.set({ 'threadlight.watched': store });
    },
    [
      entry('huawei-xiaomi.2105432', 'Huawei and Xiaomi Could Get Major Boost in United States', 4),
      entry('iphone-x-battery.2100001', 'iPhone X battery life after two weeks', 12),
      entry('old-rumor.1900000', 'A rumor thread that was removed', 0, 'gone'),
    ],
  );
  const page = await seed(browser);
  const popup = await browser.openPopup(page);
  await popup.setViewportSize({ width: 360, height: 720 });
  const region = popup.getByRole('region', { name: 'Watched discussions' });
  await region.getByText('12 new').waitFor();
  await popup.screenshot({ path: file, fullPage: true });
  await popup.close();
  await page.close();
  await forget(browser);
}

/** Writes the aids' screenshots under `dir`; returns their paths. */
export async function shootAids(browser, dir) {
  const shots = {
    'aid-preview': preview,
    'aid-search': search,
    'aid-note': note,
    'aid-people': people,
    'aid-new-since': fresh,
    'aid-unread-line': unread,
    'popup-watched': watched,
  };
  const written = [];
  for (const [name, shoot] of Object.entries(shots)) {
    const file = `${dir}/${name}.png`;
    await shoot(browser, file);
    written.push(file);
  }
  return written;
}

/** The stores' screenshots: 1280 × 800, the view at the top of the window (store/screenshots/). */
export async function shootStore(browser, dir, pages) {
  const written = [];
  for (const [i, [name, url, setup]] of pages.entries()) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    await page.locator('[data-threadlight="thread"] [role="treeitem"]').first().waitFor({ timeout: 15_000 });
    await page.locator('[data-threadlight="thread"]').evaluate((el) => el.scrollIntoView());
    if (setup) await setup(page);
    await page.waitForTimeout(400);
    const file = `${dir}/${i + 1}-${name}.png`;
    await page.screenshot({ path: file });
    written.push(file);
    await page.close();
  }
  return written;
}
