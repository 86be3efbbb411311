// The reader's data in Firefox ESR (the Firefox test build; built-in pages on loopback, an enabled forum under
// its real host name through the local proxy): two tabs and a settings page opened earlier writing at once
// lose nothing; a full sync keeps a new note on this device; a hostile page can neither drive the view nor read
// a note; an enabled forum's page that redirects to another origin is refused unrequested, one that never ends
// is cut off (fetched by the content script from the page's own origin); "__proto__" is a name; an element
// with the old global's id changes nothing.
import assert from 'node:assert/strict';
import { noteTexts, TABS_TO_SAVE } from '../support/e2e/people.mjs';
import { describe, it } from 'node:test';
import { protoAuthors, readerDataRoutes } from '../support/e2e/reader-data-pages.mjs';
import { clickStill, firefoxSession, gotoCapture, waitFor } from '../support/e2e/firefox-session.mjs';

const item = (id) => `[role="treeitem"][data-comment-id="${id}"]`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seen = [];
const proto = protoAuthors();

const session = firefoxSession({
  proxy: true,
  serverOptions: {
    routes: readerDataRoutes({ seen, scheme: 'http', proto }),
  },
});

const SEED = () => session.url('macrumors-2017-huawei-xiaomi.html');
const COUNT = `document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length`;
async function open(page, url, count = 10) {
  await page.bringToFront(); // a tab in the background does no work until the reader looks at it
  await page.goto(url);
  await waitFor(page, `${COUNT} === ${count}`);
}
/** The stored values of both areas, read in an extension page. */
async function stored() {
  const tab = await session.ff.openExtensionPage('options.html');
  try {
    // As JSON: an object crossing WebDriver BiDi as a value loses an own "__proto__" key.
    const json = await tab.evaluate(async () =>
      JSON.stringify({ sync: await browser.storage.sync.get(null), local: await browser.storage.local.get(null) }),
    );
    return JSON.parse(json);
  } finally {
    await tab.close();
  }
}
async function reset() {
  const tab = await session.ff.openExtensionPage('options.html');
  await tab.evaluate(async () => {
    await browser.storage.sync.clear();
    const keys = Object.keys(await browser.storage.local.get(null)).filter((k) => k !== 'threadlight.enabledSites');
    await browser.storage.local.remove(keys);
  });
  await tab.close();
}
/** Opens a comment's note editor and types (focus is then in its closed shadow root), without saving. */
async function typeNote(page, id, author, text) {
  await clickStill(page, `${item(id)} button[aria-label="Note on ${author}"]`);
  await waitFor(page, `document.activeElement?.classList.contains('tl-note-editor')`);
  await page.keyboard.type(text);
  for (let i = 0; i < TABS_TO_SAVE; i++) await page.keyboard.press('Tab'); // past the tag's fields to "Save"
}
const noteDrawn = (id) =>
  `document.querySelector('${item(id)} [data-threadlight="note"]')?.getBoundingClientRect().width > 20`;

describe('Firefox: nothing the reader writes is lost', () => {
  it('keeps what two tabs and an older settings page write at nearly the same moment', async () => {
    await reset();
    const settings = await session.ff.openExtensionPage('options.html'); // opened first: "stale"
    const a = session.page;
    const b = await session.ff.browser.newPage();
    await open(a, SEED());
    await open(b, SEED());
    // One right after the other: Firefox gives keys to the tab in front only (Chromium's test saves both at the
    // same instant).
    for (const [tab, id, author, text] of [
      [a, '25853840', 'reader_five', 'Note from tab A'],
      [b, '25853795', 'reader_four', 'Note from tab B'],
    ]) {
      await tab.bringToFront();
      await typeNote(tab, id, author, text);
      await tab.keyboard.press('Enter');
    }
    await settings.bringToFront();
    await settings.click('textarea');
    await settings.keyboard.type('spoiler');
    // The settings page follows storage: both notes arrive while the reader is typing there.
    await waitFor(settings, `document.querySelectorAll('.tl-notes li').length === 2`).catch(async (e) => {
      throw new Error(`${e.message}; stored: ${JSON.stringify(await stored())}`);
    });
    assert.equal(await settings.evaluate(() => document.querySelector('textarea').value), 'spoiler');
    await settings.click('h1');
    await sleep(1200);
    const { sync, local } = await stored();
    const all = { ...local, ...sync };
    assert.deepEqual(noteTexts(all['threadlight.notes']), {
      reader_five: 'Note from tab A',
      reader_four: 'Note from tab B',
    });
    assert.deepEqual(all['threadlight.filters'].mutedWords, ['spoiler']);
    for (const page of [a, b]) {
      await page.bringToFront();
      await waitFor(page, noteDrawn('25853840'));
      await waitFor(page, noteDrawn('25853795'));
    }
    await b.close();
    await settings.close();
    await a.bringToFront();
  });

  it('keeps a note on this device when sync is full, and after a reload', async () => {
    await reset();
    const tab = await session.ff.openExtensionPage('options.html');
    await tab.evaluate(async () => {
      let i = 0;
      for (const size of [8000, 1000, 100, 10, 1])
        for (;;) {
          try {
            await browser.storage.sync.set({ [`junk${i++}`]: 'x'.repeat(size) });
          } catch {
            break;
          }
        }
    });
    await tab.close();
    const { page } = session;
    await page.bringToFront();
    await open(page, SEED());
    await typeNote(page, '25853840', 'reader_five', 'Kept on this device');
    await page.keyboard.press('Enter');
    await sleep(1200);
    await open(page, SEED());
    await waitFor(page, noteDrawn('25853840'));
    const { local } = await stored();
    assert.deepEqual(noteTexts(local['threadlight.notes']), { reader_five: 'Kept on this device' });
    assert.ok(local['threadlight.local-only'].notes, 'known locally that notes are kept here');
    await reset();
  });
});

describe('Firefox: a page cannot drive the view or read the reader', () => {
  it("ignores the page's synthetic clicks and reads it nothing of a note", async () => {
    await reset();
    const { page } = session;
    await open(page, SEED());
    await typeNote(page, '25853840', 'reader_five', 'Private words');
    await page.keyboard.press('Enter');
    await waitFor(page, noteDrawn('25853840'));
    const read = await page.evaluate(async () => {
      const view = document.querySelector('[data-threadlight="thread"]');
      const texts = Array.from(view.querySelectorAll('[data-threadlight="note"]'), (n) => n.textContent);
      const button = (name) => Array.from(view.querySelectorAll('button')).find((b) => b.textContent === name);
      button('Load full discussion')?.click();
      for (const b of view.querySelectorAll('.tl-segmented button')) b.click();
      return {
        texts,
        text: view.textContent.includes('Private words'),
        open: !!view.querySelector('.tl-note')?.shadowRoot,
      };
    });
    assert.ok(read.texts.length > 0 && read.texts.every((t) => t === ''), JSON.stringify(read.texts));
    assert.equal(read.text, false);
    assert.equal(read.open, false);
    await sleep(800);
    assert.equal(await page.evaluate(() => document.querySelector('.tl-view').dataset.view), 'threaded');
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-discussion="idle"]').length), 1);
    await reset();
  });

  it('is not switched off by an element with the id of an old global name', async () => {
    await open(session.page, session.url('clobber.html'));
  });

  it('treats authors named "__proto__" or "constructor" as people: no phantom note, a real one kept', async () => {
    await reset();
    const { page } = session;
    await open(page, session.url('proto-names.html'), 5);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-threadlight="note"]').length), 0);
    await typeNote(page, proto.comments[0].id, '__proto__', 'On proto');
    await page.keyboard.press('Enter');
    await sleep(1000);
    await open(page, session.url('proto-names.html'), 5);
    await waitFor(page, noteDrawn(proto.comments[0].id));
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-threadlight="note"]').length), 1);
    const { sync, local } = await stored();
    assert.deepEqual(Object.keys(noteTexts({ ...local, ...sync }['threadlight.notes'])), ['__proto__']);
    await reset();
  });
});

describe("Firefox: an enabled forum's pages, fetched from its own origin within limits", () => {
  /** Opens the phpBB topic at `path` on its real host and presses Load full discussion. */
  async function loadFull(path) {
    const { page } = session;
    await page.bringToFront();
    await gotoCapture(page, `http://www.dostips.com${path}`);
    await waitFor(page, `${COUNT} === 15`, { timeoutMs: 10_000 });
    await clickStill(page, '.tl-discussion button');
    return page;
  }

  it('refuses a redirect to another origin without requesting it', async () => {
    const page = await loadFull('/real/phpbb-dostips.html');
    await waitFor(page, `document.querySelector('.tl-discussion [role="alert"]')`, { timeoutMs: 10_000 });
    assert.ok(
      seen.some((s) => s.includes('www.dostips.com/real/viewtopicdf43')),
      JSON.stringify(seen),
    );
    assert.ok(!seen.some((s) => s.includes('evil.example')), `no request to the other origin: ${seen}`);
  });

  it('cuts off a page that never ends, and says so', async () => {
    const page = await loadFull('/endless/phpbb-dostips.html');
    const alert = `document.querySelector('.tl-discussion [role="alert"]')?.textContent`;
    await waitFor(page, alert, { timeoutMs: 20_000 });
    assert.match(await page.evaluate(alert), /too large/i);
  });
});
