// Real-browser tests of the reading aids in Chromium (shipped build, fixture pages on their real host names):
// quote previews, backlinks, search, notes, folded quotes, the brand style, keyboard reach, and axe-core on
// the view (light and dark), the popup and the settings page.
import assert from 'node:assert/strict';
import { TABS_TO_SAVE } from '../support/e2e/people.mjs';
import { beforeEach, describe, it } from 'node:test';
import { notesOnPage } from '../support/e2e/private-text.mjs';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';
import { phoneLayout } from '../support/e2e/phone.mjs';
import { AXE_SOURCE, axeViolations } from '../support/e2e/axe.mjs';

const SEED = 'https://www.macrumors.com/2017/12/08/macrumors-2017-huawei-xiaomi.html';
const VIEW = '[data-threadlight="thread"]';
const item = (id) => `[role="treeitem"][data-comment-id="${id}"]`;

const session = chromiumSession();

async function openSeed() {
  const { page, errors } = await session.open(SEED);
  await page.waitForSelector(`${VIEW} [role="tree"]`);
  return { page, errors };
}

/** axe-core's violations on a page, or inside one element of it. */
async function axe(page, selector = null) {
  // Evaluated rather than added as a script tag: extension pages' CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(axeViolations, selector);
}

/** Where each comment's box is: a preview opening must not move any of them. */
const boxes = (page) =>
  page.$$eval('[role="treeitem"]', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return [r.left + scrollX, r.top + scrollY, r.width, r.height].join();
    }),
  );

describe('Chromium: reading aids', () => {
  beforeEach(() => session.resetStorage());

  it('folds a quote of the parent, previews its source on hover without moving anything, Escape closes', async () => {
    const { page, errors } = await openSeed();
    const quote = page.locator(`${item('25853840')} blockquote`);
    assert.equal(await quote.getAttribute('data-folded'), '');
    await quote.locator('.tl-quote-fold').click();
    assert.equal(await quote.getAttribute('data-folded'), null);
    await quote.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(200);
    const before = await boxes(page);
    await quote.locator('.tl-quote-source button').first().hover();
    const tip = page.locator('[role="tooltip"][data-threadlight="preview"]');
    await tip.waitFor();
    assert.equal(await tip.getAttribute('data-preview-of'), '25853795');
    assert.equal(
      await tip.locator('.tl-body').textContent(),
      await page.locator(`${item('25853795')} > .tl-comment > .tl-body`).textContent(),
    );
    assert.deepEqual(await boxes(page), before, 'no layout shift');
    assert.deepEqual(await axe(page, VIEW), [], 'axe with a preview open');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  });

  it('lists backlinks; a backlink previews and brings a reply that is not rendered', async () => {
    const { page } = await openSeed();
    const parent = page.locator(item('25853795'));
    await parent.locator('.tl-toggle').first().click();
    assert.equal(await page.locator(item('25853840')).count(), 0);
    const backlink = parent.locator('[data-threadlight="quoted-by"] a[data-comment-ref="25853840"]');
    await backlink.hover();
    const tip = page.locator('[data-threadlight="preview"][data-preview-of="25853840"]');
    await tip.waitFor();
    assert.match(await tip.textContent(), /reader_five/);
    await backlink.click();
    await page.waitForFunction((sel) => document.activeElement?.matches(sel), item('25853840'));
    // Where the reader can see it, once the threads around it are drawn at their real size.
    await page.waitForTimeout(500);
    const box = await page.locator(item('25853840')).boundingBox();
    const height = await page.evaluate(() => innerHeight);
    assert.ok(box.y >= 0 && box.y + box.height <= height, `the reply at ${box.y}–${box.y + box.height} of ${height}`);
  });

  it('searches the whole discussion: matches, context, count, Enter between matches, Escape clears', async () => {
    const { page } = await openSeed();
    const all = await page.locator('[role="treeitem"]').count();
    const box = page.getByRole('searchbox', { name: 'Search comments' });
    await box.click();
    await page.keyboard.type('MIUI');
    await page.locator('[data-search-match]').first().waitFor();
    const matches = await page.$$eval('[data-search-match]', (els) => els.map((el) => el.dataset.commentId));
    assert.ok(matches.length >= 1 && matches.length < all);
    const shown = await page.$$eval('[role="treeitem"]', (els) =>
      els.every((el) => el.hasAttribute('data-search-match') || el.hasAttribute('data-search-context')),
    );
    assert.ok(shown, 'only matches and their ancestors are shown');
    assert.match(await page.locator('.tl-search-count').textContent(), new RegExp(`^${matches.length} match`));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^1 of \d+ match/.test(document.querySelector('.tl-search-count').textContent));
    assert.equal(await box.evaluate((el) => document.activeElement === el), true, 'typing stays in the box');
    assert.deepEqual(await axe(page, VIEW), [], 'axe while searching');
    await page.keyboard.press('Escape');
    await page.waitForFunction((n) => document.querySelectorAll('[role="treeitem"]').length === n, all);
    assert.equal(await page.locator('mark[data-search-hit]').count(), 0);
  });

  it('keeps a note on a person beside all their comments, after a reload, and in settings', async () => {
    const { page } = await openSeed();
    await page.locator(item('25853840')).getByRole('button', { name: 'Note on reader_five' }).click();
    // The editor sits in a closed shadow root: focus is in it, and the page sees only its host.
    await page.waitForFunction(() => document.activeElement?.classList.contains('tl-note-editor'));
    assert.deepEqual(await axe(page, VIEW), [], 'axe with the note editor open');
    await page.keyboard.type('Tests every phone');
    for (let i = 0; i < TABS_TO_SAVE; i++) await page.keyboard.press('Tab'); // past the tag's fields to "Save"
    await page.keyboard.press('Enter');
    const note = page.locator(`${item('25853840')} [data-threadlight="note"]`);
    await note.waitFor();
    // What the reader sees beside each of reader_five's comments, and what the page's scripts can read: nothing.
    const notes = await notesOnPage(page);
    assert.deepEqual(
      notes.map((n) => n.text),
      notes.map(() => 'Tests every phone'),
    );
    assert.ok(notes.some((n) => n.comment === '25853840'));
    assert.equal(await note.evaluate((el) => el.textContent + (el.shadowRoot?.textContent ?? '')), '');
    await page.waitForTimeout(800); // the write is batched
    await page.reload();
    await page.locator(`${item('25853840')} [data-threadlight="note"]`).waitFor();
    const settings = await session.browser.context.newPage();
    await settings.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    assert.equal(await settings.getByLabel('Note on reader_five', { exact: true }).inputValue(), 'Tests every phone');
    await settings.close();
  });

  it('draws brand mentions in the style chosen in settings, live', async () => {
    const { page } = await openSeed();
    assert.equal(await page.locator('.tl-view').getAttribute('data-brand-style'), 'subtle');
    const settings = await session.browser.context.newPage();
    await settings.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await settings.getByLabel('Highlight style').selectOption({ label: 'Underline' });
    await page.waitForFunction(() => document.querySelector('.tl-view')?.dataset.brandStyle === 'underline');
    const decoration = await page
      .locator('mark[data-brand]')
      .first()
      .evaluate((m) => getComputedStyle(m).textDecorationLine);
    assert.equal(decoration, 'underline');
    await settings.close();
  });

  it('reaches every control of a comment with the keyboard from the tree', async () => {
    const { page } = await openSeed();
    await page.locator(item('25853795')).focus();
    const reached = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(
          () => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent.trim(),
        ),
      );
    }
    assert.ok(reached.includes('Note on reader_four'), reached.join(' | '));
    assert.ok(reached.includes('More for reader_four'), reached.join(' | '));
    assert.ok(reached.includes('reader_five'), `the backlink: ${reached.join(' | ')}`);
  });
});

describe('Chromium: axe-core finds nothing', () => {
  beforeEach(() => session.resetStorage());

  it('on the view in a light page and in a dark page', async () => {
    const { page } = await openSeed();
    await page.waitForFunction(() => document.querySelector('[data-threadlight="thread"]')?.dataset.theme === 'light');
    assert.deepEqual(await axe(page, VIEW), []);
    // A dark site: the view reads the page's background a second after it appears.
    const dark = (await openSeed()).page;
    await dark.addStyleTag({ content: 'html, body { background: #15181c !important; color: #e6e6e6 !important; }' });
    await dark.waitForFunction(() => document.querySelector('[data-threadlight="thread"]')?.dataset.theme === 'dark');
    assert.deepEqual(await axe(dark, VIEW), []);
  });

  it('on the popup and the settings page, in both colour schemes', async () => {
    const { page } = await openSeed();
    for (const scheme of ['light', 'dark']) {
      const popup = await session.browser.openPopup(page);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByLabel('Enable on this site').waitFor();
      assert.deepEqual(await axe(popup), [], `popup, ${scheme}`);
      await popup.close();
      const settings = await session.browser.context.newPage();
      await settings.emulateMedia({ colorScheme: scheme });
      await settings.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
      await settings.getByRole('heading', { name: 'Threadlight settings' }).waitFor();
      assert.deepEqual(await axe(settings), [], `settings, ${scheme}`);
      await settings.close();
    }
  });
});

/** Our controls smaller than a 24 × 24 px target (WCAG 2.5.8), and whether anything of ours is wider than the screen. */
describe('Chromium: a phone-sized screen (360 px)', () => {
  it('lays out the view, the popup and the settings page without sideways scrolling, with touch-sized controls', async () => {
    const { page } = await openSeed();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(300);
    const view = await page.evaluate(phoneLayout, '.tl-view');
    assert.ok(view.width <= 360 && view.overflow <= 0, `view overflows by ${view.overflow}px: ${view.wide}`);
    assert.deepEqual(view.small, [], 'view controls under 24 px');
    // A note, written at this width, so that settings lists one.
    await page.locator(`${item('25853840')} button[aria-label="Note on reader_five"]`).click();
    await page.keyboard.type('Tests every phone');
    const editor = await page.evaluate(phoneLayout, '.tl-view');
    assert.ok(editor.overflow <= 0, `the note editor overflows by ${editor.overflow}px: ${editor.wide}`);
    for (let i = 0; i < TABS_TO_SAVE; i++) await page.keyboard.press('Tab'); // past the tag's fields to "Save"
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800); // the write is batched
    const popup = await session.browser.openPopup(page);
    await popup.setViewportSize({ width: 360, height: 640 });
    await popup.getByLabel('Enable on this site').waitFor();
    const p = await popup.evaluate(phoneLayout, 'body');
    assert.ok(p.overflow <= 0, `popup overflows by ${p.overflow}px: ${p.wide}`);
    assert.deepEqual(p.small, [], 'popup controls under 24 px');
    const settings = await session.browser.context.newPage();
    await settings.setViewportSize({ width: 360, height: 740 });
    await settings.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await settings.getByLabel('Note on reader_five', { exact: true }).waitFor();
    const o = await settings.evaluate(phoneLayout, 'body');
    assert.ok(o.overflow <= 0, `settings overflow by ${o.overflow}px: ${o.wide}`);
    assert.deepEqual(o.small, [], 'settings controls under 24 px');
  });
});
