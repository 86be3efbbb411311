// The reader's data in Chromium (the Chrome test build on real host names): two tabs, the popup and a settings
// page opened earlier all writing at once lose nothing; a full storage still keeps a new note; a limit is said
// in the view; a hostile page can neither drive the view nor read the reader's note; forum pages that never
// end or that redirect to another origin are cut off and refused; names like "__proto__" are names; an element
// with the id of an old global name does not switch Threadlight off.
import assert from 'node:assert/strict';
import { noteTexts, TABS_TO_SAVE } from '../support/e2e/people.mjs';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { protoAuthors, readerDataRoutes } from '../support/e2e/reader-data-pages.mjs';
import { notesOnPage } from '../support/e2e/private-text.mjs';
import { SITE_PAGES } from '../support/e2e/site-pages.mjs';

const SEED = 'https://www.macrumors.com/x/macrumors-2017-huawei-xiaomi.html';
const item = (id) => `[role="treeitem"][data-comment-id="${id}"]`;

/** Requests the server saw, by host and path. */
const seen = [];
const proto = protoAuthors();

let server;
let browser;
before(async () => {
  server = await startFixtureServer({
    https: true,
    routes: readerDataRoutes({ seen, scheme: 'https', prefix: '/x', proto }),
  });
  browser = await launchChromium({
    extensionDir: join(ROOT, '.output-test', 'chrome-mv3'),
    port: server.port,
    hosts: [...SITE_PAGES.map((p) => p.host), 'evil.example'],
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const open = async (url) => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[role="treeitem"]');
  return { page, errors };
};
const stored = () =>
  browser.worker.evaluate(async () => ({
    sync: await chrome.storage.sync.get(null),
    local: await chrome.storage.local.get(null),
  }));
/** Back to no preferences and no caches; the sites the reader enabled stay (the background keeps that list). */
const reset = () =>
  browser.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k !== 'threadlight.enabledSites');
    await chrome.storage.local.remove(keys);
  });
/** Opens the note editor of a comment and types, without saving. */
async function typeNote(page, id, text) {
  await page
    .locator(`${item(id)} button[aria-label^="Note on"]`)
    .first()
    .click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('tl-note-editor'));
  await page.keyboard.type(text);
  for (let i = 0; i < TABS_TO_SAVE; i++) await page.keyboard.press('Tab'); // past the tag's fields to "Save"
}
const notesOf = async (page) => Object.fromEntries((await notesOnPage(page)).map((n) => [n.comment, n.text]));

describe('Chromium: nothing the reader writes is lost', () => {
  it('keeps what two tabs, the popup and an older settings page write at the same moment', async () => {
    await reset();
    const settings = await browser.context.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html`); // opened first: "stale"
    const { page: a } = await open(SEED);
    const { page: b } = await open(SEED);
    await typeNote(a, '25853840', 'Note from tab A');
    await typeNote(b, '25853795', 'Note from tab B');
    await Promise.all([a.keyboard.press('Enter'), b.keyboard.press('Enter')]); // both saved at once
    const popup = await browser.openPopup(a);
    await popup.getByLabel('Sort').selectOption({ label: 'Newest' });
    await popup.close();
    const words = settings.getByLabel(/Muted words/);
    await words.click();
    await words.pressSequentially('spoiler');
    // The settings page follows storage: both notes appear there without a reload, while typing goes on.
    await settings.getByLabel('Note on reader_five', { exact: true }).waitFor();
    await settings.getByLabel('Note on reader_four', { exact: true }).waitFor();
    assert.equal(await words.inputValue(), 'spoiler');
    await words.blur();
    await settings.waitForTimeout(1000); // the settings page's batch
    const { sync, local } = await stored();
    const all = { ...local, ...sync };
    assert.deepEqual(noteTexts(all['threadlight.notes']), {
      reader_five: 'Note from tab A',
      reader_four: 'Note from tab B',
    });
    assert.equal(all['threadlight.view'].sort, 'newest');
    assert.deepEqual(all['threadlight.filters'].mutedWords, ['spoiler']);
    // Each tab shows both notes, each beside its author's comments.
    for (const page of [a, b]) {
      await page.waitForFunction(() => document.querySelectorAll('[data-threadlight="note"]').length >= 2);
      const notes = await notesOf(page);
      assert.equal(notes['25853840'], 'Note from tab A');
      assert.equal(notes['25853795'], 'Note from tab B');
    }
    for (const p of [a, b, settings]) await p.close();
  });

  it('keeps a new note when sync and local storage are full: the caches make room', async () => {
    await reset();
    const filled = await browser.worker.evaluate(async () => {
      const junk = (n) => 'x'.repeat(n);
      let i = 0;
      // sync: items until it refuses (its 100 KB quota), to the last few bytes.
      for (const size of [8000, 1000, 100, 10, 1])
        for (;;) {
          try {
            await chrome.storage.sync.set({ [`junk${i++}`]: junk(size) });
          } catch {
            break;
          }
        }
      // local: "cached discussions" (as if an old version or a hostile page had filled it) until it refuses,
      // in ever smaller pieces, to the last few bytes.
      i = 0;
      for (const size of [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1])
        for (;;) {
          try {
            const value = { savedAt: Date.now(), url: '', comments: [], pad: junk(size) };
            await chrome.storage.local.set({ [`threadlight.discussion.junk${i++}`]: value });
          } catch {
            break;
          }
        }
      return { bytes: await chrome.storage.local.getBytesInUse(null), quota: chrome.storage.local.QUOTA_BYTES };
    });
    assert.ok(filled.quota - filled.bytes < 200, `local storage full: ${JSON.stringify(filled)}`);
    const { page } = await open(SEED);
    await typeNote(page, '25853840', 'Kept although storage was full');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500); // batched, then written after making room
    await page.reload();
    await page.waitForSelector(`${item('25853840')} [data-threadlight="note"]`);
    assert.equal((await notesOf(page))['25853840'], 'Kept although storage was full');
    assert.equal(await page.locator('.tl-problem').count(), 0);
    const { local } = await stored();
    assert.ok(!Object.keys(local).some((k) => k.startsWith('threadlight.discussion.junk')), 'the caches went');
    await page.close();
    await reset();
  });

  it('says in the view that a note past the limit was not saved, and hides none', async () => {
    await reset();
    await browser.worker.evaluate(async () => {
      const people = Array.from({ length: 500 }, (_, i) => `person${i}`);
      const byPerson = Object.fromEntries(people.map((name) => [`* n:${name}`, { name, text: 'n' }]));
      await chrome.storage.local.set({
        'threadlight.notes': { byPerson },
        'threadlight.notes$': { v: 3 },
        'threadlight.local-only': { notes: { removed: {} } },
      });
    });
    const { page } = await open(SEED);
    await typeNote(page, '25853840', 'One too many');
    await page.keyboard.press('Enter');
    const problem = page.locator('.tl-problem[role="alert"]');
    await problem.waitFor({ timeout: 5000 });
    assert.match(await problem.textContent(), /500 notes/);
    const { local } = await stored();
    assert.equal(Object.keys(noteTexts(local['threadlight.notes'])).length, 500);
    assert.ok(noteTexts(local['threadlight.notes']).person0);
    await page.close();
    await reset();
  });
});

describe('Chromium: a page cannot drive the view or read the reader', () => {
  it("ignores the page's synthetic clicks and reads it nothing of a note", async () => {
    await reset();
    const { page } = await open(SEED);
    await typeNote(page, '25853840', 'Private words');
    await page.keyboard.press('Enter');
    await page.locator(`${item('25853840')} [data-threadlight="note"]`).waitFor();
    const before = seen.length;
    // What a page's own script can do (page.evaluate runs in the page's world).
    const read = await page.evaluate(async () => {
      const view = document.querySelector('[data-threadlight="thread"]');
      const texts = Array.from(view.querySelectorAll('[data-threadlight="note"]'), (n) => n.textContent);
      const shadows = Array.from(view.querySelectorAll('*')).filter((el) => el.shadowRoot).length;
      const button = (name) => Array.from(view.querySelectorAll('button')).find((b) => b.textContent === name);
      button('Load full discussion')?.click();
      view.querySelector('button[aria-label="Note on reader_four"]')?.click();
      await new Promise((r) => setTimeout(r, 100));
      const editor = view.querySelector('.tl-note-editor');
      editor?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      for (const b of view.querySelectorAll('.tl-segmented button')) b.click();
      return { texts, shadows, editorReadable: !!editor?.shadowRoot, text: view.textContent.includes('Private words') };
    });
    assert.ok(read.texts.length > 0 && read.texts.every((t) => t === ''), JSON.stringify(read.texts));
    assert.equal(read.shadows, 0);
    assert.equal(read.editorReadable, false);
    assert.equal(read.text, false);
    await page.waitForTimeout(1000);
    assert.equal(seen.length, before, 'no forum page was fetched');
    assert.equal(await page.locator('[data-discussion="idle"]').count(), 1);
    assert.equal(await page.locator('.tl-view').getAttribute('data-view'), 'threaded');
    const { sync, local } = await stored();
    assert.deepEqual(noteTexts({ ...local, ...sync }['threadlight.notes']), { reader_five: 'Private words' });
    await page.close();
    await reset();
  });

  it('is not switched off by an element with the id of an old global name', async () => {
    const { page, errors } = await open('https://www.macrumors.com/x/clobber.html');
    assert.equal(await page.locator('[data-threadlight="thread"] [role="treeitem"]').count(), 10);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('treats authors named "__proto__" or "constructor" as people: no phantom note, a real one kept', async () => {
    await reset();
    const { page, errors } = await open('https://www.macrumors.com/x/proto-names.html');
    assert.equal(await page.locator('[data-threadlight="note"]').count(), 0);
    await typeNote(page, proto.comments[0].id, 'On proto');
    await page.keyboard.press('Enter');
    await typeNote(page, proto.comments[1].id, 'On constructor');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-threadlight="note"]').length === 2);
    const notes = await notesOf(page);
    assert.equal(notes[proto.comments[0].id], 'On proto');
    assert.equal(notes[proto.comments[1].id], 'On constructor');
    assert.deepEqual(errors, []);
    await page.close();
    await reset();
  });
});

describe('Chromium: forum pages fetched within limits', () => {
  it('refuses a redirect to another origin without requesting it', async () => {
    const { page } = await open('https://www.dostips.com/real/phpbb-dostips.html');
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    const alert = page.locator('.tl-discussion [role="alert"]');
    await alert.waitFor({ timeout: 10_000 });
    assert.ok(seen.some((s) => s.startsWith('www.dostips.com/real/viewtopicdf43')));
    assert.ok(!seen.some((s) => s.startsWith('evil.example')), `no request to the other origin: ${seen}`);
    await page.close();
  });

  it('cuts off a page that never ends, and says so', async () => {
    const { page } = await open('https://www.dostips.com/endless/phpbb-dostips.html');
    const start = Date.now();
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    const alert = page.locator('.tl-discussion [role="alert"]');
    await alert.waitFor({ timeout: 20_000 });
    assert.match(await alert.textContent(), /too large/i);
    assert.ok(Date.now() - start < 20_000);
    assert.ok(seen.some((s) => s.startsWith('www.dostips.com/endless/viewtopicdf43')));
    await page.close();
  });
});
