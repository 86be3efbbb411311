// Real-browser tests of the reading aids in Firefox ESR (the Firefox test build on a loopback server, driven by
// puppeteer-core over WebDriver BiDi): previews, backlinks, search, notes, axe-core on the view (light and
// dark pages), the popup and the settings page in both colour schemes, and a phone-sized viewport.
import assert from 'node:assert/strict';
import { TABS_TO_SAVE } from '../support/e2e/people.mjs';
import { describe, it } from 'node:test';
import { axeViolations, AXE_SOURCE } from '../support/e2e/axe.mjs';
import { phoneLayout } from '../support/e2e/phone.mjs';
import { clickStill, firefoxSession, waitFor } from '../support/e2e/firefox-session.mjs';

const session = firefoxSession();
const VIEW = '[data-threadlight="thread"]';
const item = (id) => `[role="treeitem"][data-comment-id="${id}"]`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** 0: dark, 1: light (what prefers-color-scheme reports to pages, extension pages included). */
const colourScheme = (dark) =>
  session.ff.inChrome(
    (value) => Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', value),
    dark ? 0 : 1,
  );

async function openSeed(page = session.page) {
  await page.goto(session.url('macrumors-2017-huawei-xiaomi.html'));
  await waitFor(page, `document.querySelectorAll('${VIEW} [role="treeitem"]').length === 10`);
}

async function axe(page, selector = null) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;true`);
  return page.evaluate(axeViolations, selector);
}

/** Where each comment's box is in the document (focusing may scroll): a preview must not move any. */
const boxes = () =>
  Array.from(document.querySelectorAll('[role="treeitem"]'), (el) => {
    const r = el.getBoundingClientRect();
    return [r.left + scrollX, r.top + scrollY, r.width, r.height].join();
  });

describe('Firefox: reading aids', () => {
  it('folds a quote of the parent; focusing its source previews it without moving anything; Escape closes', async () => {
    const { page } = session;
    await openSeed();
    assert.equal(await page.$eval(`${item('25853840')} blockquote`, (q) => q.dataset.folded), '');
    await clickStill(page, `${item('25853840')} .tl-quote-fold`);
    const source = `${item('25853840')} .tl-quote-source button`;
    await waitFor(page, `document.querySelector('${source}')`);
    await page.$eval(`${item('25853840')} blockquote`, (q) => q.scrollIntoView({ block: 'center' }));
    await sleep(200);
    const before = await page.evaluate(boxes);
    await page.focus(source);
    await waitFor(
      page,
      `document.querySelector('[role="tooltip"][data-threadlight="preview"]')?.dataset.previewOf === '25853795'`,
    );
    assert.deepEqual(await page.evaluate(boxes), before, 'no layout shift');
    assert.deepEqual(await axe(page, VIEW), [], 'axe with a preview open');
    await page.keyboard.press('Escape');
    await waitFor(page, `!document.querySelector('[data-threadlight="preview"]')`);
  });

  it('follows a backlink to a reply that is not rendered', async () => {
    const { page } = session;
    await openSeed();
    await clickStill(page, `${item('25853795')} .tl-toggle`);
    await waitFor(page, `!document.querySelector('${item('25853840')}')`);
    await clickStill(page, `${item('25853795')} [data-threadlight="quoted-by"] a[data-comment-ref="25853840"]`);
    await waitFor(page, `document.activeElement?.matches('${item('25853840')}')`);
    // Where the reader can see it, once the threads around it are drawn at their real size.
    await sleep(500);
    const [top, bottom, height] = await page.$eval(item('25853840'), (el) => {
      const r = el.getBoundingClientRect();
      return [r.top, r.bottom, innerHeight];
    });
    assert.ok(top >= 0 && bottom <= height, `the reply at ${top}–${bottom} of ${height}`);
  });

  it('searches the whole discussion, moves with Enter, clears with Escape', async () => {
    const { page } = session;
    await openSeed();
    await page.type('input[aria-label="Search comments"]', 'MIUI');
    await waitFor(page, `document.querySelector('[data-search-match]')`);
    const onlyMatches = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[role="treeitem"]')).every(
        (el) => el.hasAttribute('data-search-match') || el.hasAttribute('data-search-context'),
      ),
    );
    assert.equal(onlyMatches, true);
    assert.ok((await page.evaluate(() => document.querySelectorAll('[role="treeitem"]').length)) < 10);
    await page.keyboard.press('Enter');
    await waitFor(page, `/^1 of \\d+ match/.test(document.querySelector('.tl-search-count').textContent)`);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Search comments');
    await page.keyboard.press('Escape');
    await waitFor(page, `document.querySelectorAll('[role="treeitem"]').length === 10`);
  });

  it('keeps a note on a person across a reload and shows it in settings', async () => {
    const { page, ff } = session;
    await openSeed();
    await clickStill(page, `${item('25853840')} button[aria-label="Note on reader_five"]`);
    // The editor sits in a closed shadow root: focus is in it, and the page sees only its host.
    await waitFor(page, `document.activeElement?.classList.contains('tl-note-editor')`);
    await page.keyboard.type('Tests every phone');
    for (let i = 0; i < TABS_TO_SAVE; i++) await page.keyboard.press('Tab'); // past the tag's fields to "Save"
    await page.keyboard.press('Enter');
    // Drawn beside the comment (its text gives the element a width), and nothing of it readable by the page.
    const note = `document.querySelector('${item('25853840')} [data-threadlight="note"]')`;
    await waitFor(page, `${note}?.getBoundingClientRect().width > 40`);
    assert.equal(await page.evaluate(`${note}.textContent + (${note}.shadowRoot?.textContent ?? '')`), '');
    await sleep(800); // the write is batched
    await openSeed();
    await waitFor(page, `document.querySelector('${item('25853840')} [data-threadlight="note"]')`);
    const settings = await ff.openExtensionPage('options.html');
    await waitFor(settings, `document.querySelector('.tl-notes textarea')?.value === 'Tests every phone'`);
    // Edited, then deleted at once, and the tab closed at once: the deletion is kept (and the other tests
    // start without the note).
    await settings.click('.tl-notes textarea');
    await settings.keyboard.type(', often');
    await clickStill(settings, 'button[aria-label="Delete note on reader_five"]');
    await settings.close();
    const again = await ff.openExtensionPage('options.html');
    try {
      // The edit and the deletion may reach storage as two writes, and a settings page does not follow
      // storage: wait until nothing holds the note, then read the page afresh.
      await waitFor(
        again,
        async () =>
          !/Tests every phone/.test(
            JSON.stringify([await browser.storage.sync.get(null), await browser.storage.local.get(null)]),
          ),
        { message: 'the note deleted in storage' },
      );
      await ff.gotoExtensionPage(again, 'options.html');
      await waitFor(
        again,
        `Array.from(document.querySelectorAll('p'), (p) => p.textContent).some((t) => t.startsWith('No notes yet.'))`,
      );
      await sleep(300);
      assert.equal(await again.evaluate(() => document.querySelectorAll('.tl-notes li').length), 0);
    } finally {
      await again.close();
      await page.bringToFront();
    }
  });
});

describe('Firefox: axe-core finds nothing', () => {
  it('on the view in a light page and a dark page', async () => {
    const { page } = session;
    await openSeed();
    await waitFor(page, `document.querySelector('${VIEW}').dataset.theme === 'light'`);
    assert.deepEqual(await axe(page, VIEW), []);
    await openSeed();
    await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'html, body { background: #15181c !important; color: #e6e6e6 !important; }';
      document.head.append(s);
    });
    await waitFor(page, `document.querySelector('${VIEW}').dataset.theme === 'dark'`);
    assert.deepEqual(await axe(page, VIEW), []);
  });

  it('on the popup and the settings page, in both colour schemes', async () => {
    const { ff } = session;
    await openSeed();
    try {
      for (const dark of [false, true]) {
        await colourScheme(dark);
        const tab = await ff.openExtensionPage('popup.html');
        try {
          await waitFor(tab, `document.querySelector('#tl-enabled')`);
          assert.equal(await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), dark);
          assert.deepEqual(await axe(tab), [], `popup, ${dark ? 'dark' : 'light'}`);
          await ff.gotoExtensionPage(tab, 'options.html');
          await waitFor(tab, `document.querySelector('h1')?.textContent === 'Threadlight settings'`);
          assert.deepEqual(await axe(tab), [], `settings, ${dark ? 'dark' : 'light'}`);
        } finally {
          await tab.close();
        }
      }
    } finally {
      await colourScheme(false);
      await session.page.bringToFront();
    }
  });
});

describe('Firefox: a phone-sized viewport (360 px)', () => {
  it('lays out the view, the popup and the settings without sideways scrolling, with touch-sized controls', async () => {
    const { ff } = session;
    const tab = await ff.browser.newPage();
    try {
      await tab.setViewport({ width: 360, height: 740, hasTouch: true });
      await openSeed(tab);
      await sleep(300);
      const view = await tab.evaluate(phoneLayout, '.tl-view');
      assert.ok(view.width <= 360, `a phone-wide viewport (${view.width}px)`);
      assert.ok(view.overflow <= 0, `the view overflows by ${view.overflow}px: ${view.wide}`);
      assert.deepEqual(view.small, []);
      // A note, written at this width, so that settings lists one.
      await clickStill(tab, `${item('25853840')} button[aria-label="Note on reader_five"]`);
      await waitFor(tab, `document.activeElement?.classList.contains('tl-note-editor')`);
      await tab.keyboard.type('Tests every phone');
      const editor = await tab.evaluate(phoneLayout, '.tl-view');
      assert.ok(editor.overflow <= 0, `the note editor overflows by ${editor.overflow}px: ${editor.wide}`);
      for (let i = 0; i < TABS_TO_SAVE; i++) await tab.keyboard.press('Tab'); // past the tag's fields to "Save"
      await tab.keyboard.press('Enter');
      await sleep(800); // the write is batched
      for (const [path, ready] of [
        ['popup.html', `document.getElementById('tl-enabled')`],
        ['options.html', `document.querySelector('.tl-notes textarea')`],
      ]) {
        await ff.gotoExtensionPage(tab, path);
        await waitFor(tab, ready);
        const layout = await tab.evaluate(phoneLayout, 'body');
        assert.ok(layout.overflow <= 0, `${path} overflows by ${layout.overflow}px: ${layout.wide}`);
        assert.deepEqual(layout.small, [], path);
      }
    } finally {
      await tab.close();
      await session.page.bringToFront();
    }
  });
});
