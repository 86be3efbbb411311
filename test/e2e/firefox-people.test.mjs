// People in Firefox ESR (the Firefox test build; pages on loopback, the seed article on 127.0.0.1 and a
// signed-in XenForo thread on localhost: two sites): mute from a comment and the quote folds (none of the
// muted words left), replies hidden by the setting, only one person's posts, tags readable in light and dark
// pages (axe), the reader's posts and the replies to them, and a note kept to its site unless for every site.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, AXE_SOURCE } from '../support/e2e/axe.mjs';
import { clickStill, firefoxSession, waitFor } from '../support/e2e/firefox-session.mjs';
import { FORUM_POST, ME, noteTexts, signedInForumHtml, TABS_TO_SAVE } from '../support/e2e/people.mjs';
import { articleHtml, syntheticDiscussion } from '../../scripts/lib/synthetic.mjs';

const TAG_COLORS = ['gray', 'red', 'orange', 'green', 'teal', 'blue', 'purple', 'pink'];
const html = (body) => (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const tagged = syntheticDiscussion(16, { quoteRate: 0 });
tagged.forEach((c, i) => (c.author = `tagged${i % 8}`));
const session = firefoxSession({
  serverOptions: {
    routes: { '/threads/signed-in.2/': html(signedInForumHtml()), '/tagged-people.html': html(articleHtml(tagged)) },
  },
});
const VIEW = '[data-threadlight="thread"]';
const item = (id) => `[role="treeitem"][data-comment-id="${id}"]`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const COUNT = `document.querySelectorAll('${VIEW} [role="treeitem"]').length`;
const SEED = () => session.url('macrumors-2017-huawei-xiaomi.html');
const FORUM = () => `http://localhost:${session.server.port}/threads/signed-in.2/`;

async function open(url, count, page = session.page) {
  await page.bringToFront();
  await page.goto(url);
  await waitFor(page, `${COUNT} === ${count}`);
  return page;
}
async function axe(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;true`);
  return page.evaluate(axeViolations, selector);
}
/** Runs in an extension page (storage), and closes it. */
async function inExtension(fn, arg) {
  const tab = await session.ff.openExtensionPage('options.html');
  try {
    return JSON.parse(await tab.evaluate(async (f, a) => JSON.stringify(await eval(`(${f})`)(a)), fn.toString(), arg));
  } finally {
    await tab.close();
  }
}
const reset = () =>
  inExtension(async () => {
    await browser.storage.sync.clear();
    const keys = Object.keys(await browser.storage.local.get(null)).filter((k) => k !== 'threadlight.enabledSites');
    await browser.storage.local.remove(keys);
    return true;
  });
const stored = () => inExtension(async () => ({ sync: await browser.storage.sync.get(null) }));
/** Opens "More for <author>" and clicks one of its actions (a reader's click: the view ignores a script's). */
async function menu(page, id, author, action) {
  await clickStill(page, `${item(id)} button[aria-label="More for ${author}"]`);
  await waitFor(page, `document.querySelector('${item(id)} .tl-person-menu')`);
  await clickStill(page, `${item(id)} .tl-person-menu .${action === 'mute' ? 'tl-mute' : 'tl-only-by'}`);
}

describe('Firefox: people', () => {
  it('mutes from a comment: placeholders, the quote folds, none of their words are left; unmutes there too', async () => {
    await reset();
    const page = await open(SEED(), 10);
    const words = await page.$eval(`${item('25853795')} > .tl-comment > .tl-body`, (b) => b.textContent.trim());
    await menu(page, '25853795', 'reader_four', 'mute');
    await waitFor(page, `document.querySelector('${item('25853795')}')?.dataset.filtered === 'muted-user'`);
    const quote = `${item('25853840')} blockquote[data-muted-quote]`;
    assert.equal(await page.$eval(quote, (q) => q.textContent.trim()), 'Quote of a muted person');
    const view = await page.$eval(VIEW, (v) => v.textContent);
    for (const sentence of words.split(/(?<=[.!?])\s+/).filter((s) => s.length > 12))
      assert.ok(!view.includes(sentence), `"${sentence}" is still in the view`);
    await sleep(900);
    await open(SEED(), 10);
    await waitFor(page, `document.querySelector('${item('25853795')}')?.dataset.filtered === 'muted-user'`);
    await clickStill(page, `${quote} button`);
    await waitFor(page, `document.querySelector('${item('25853840')} blockquote').textContent.length > 60`);
    await clickStill(page, `${item('25853795')} .tl-placeholder button:last-child`);
    await waitFor(page, `!document.querySelector('${item('25853795')}').dataset.filtered`);
  });

  it('hides replies to muted people when the setting says so, live in an open tab', async () => {
    await reset();
    const page = await open(SEED(), 10);
    await menu(page, '25853795', 'reader_four', 'mute');
    await waitFor(page, `document.querySelector('${item('25853795')}')?.dataset.filtered === 'muted-user'`);
    const settings = await session.ff.openExtensionPage('options.html');
    const box = await settings.waitForSelector('xpath///label[contains(., "Hide replies to muted people")]/input');
    await box.click();
    await sleep(900);
    await settings.close();
    await page.bringToFront();
    await waitFor(page, `document.querySelector('${item('25853840')}')?.dataset.filtered === 'reply-to-muted'`);
  });

  it('shows only posts by one person with what they answer as context; clearing brings the tree back', async () => {
    await reset();
    const page = await open(SEED(), 10);
    await menu(page, '25853840', 'reader_five', 'only-by');
    await waitFor(page, `document.querySelector('[data-search-match]')`);
    assert.equal(await page.$eval('input[aria-label="Search comments"]', (i) => i.value), 'by:reader_five');
    const authors = await page.$$eval('[data-search-match] > .tl-comment .tl-author', (els) =>
      els.map((e) => e.textContent),
    );
    assert.ok(authors.length > 0 && authors.every((a) => a === 'reader_five'), authors.join());
    assert.ok(await page.$(`${item('25853795')}[data-search-context]`));
    await page.focus('input[aria-label="Search comments"]');
    await page.keyboard.press('Escape');
    await waitFor(page, `${COUNT} === 10`);
  });

  it('shows tags in every colour, readable on light and dark pages (axe)', async () => {
    await reset();
    await inExtension(async (colours) => {
      const tags = Object.fromEntries(
        colours.map((color, i) => [`* n:tagged${i}`, { name: `tagged${i}`, label: `tag ${color}`, color }]),
      );
      await browser.storage.sync.set({ 'threadlight.people': { tags, you: {} }, 'threadlight.people$': { v: 3 } });
      return true;
    }, TAG_COLORS);
    for (const dark of [false, true]) {
      const page = await open(session.url('tagged-people.html'), 16);
      if (dark) {
        await page.addStyleTag({
          content: 'html, body { background: #15181c !important; color: #e6e6e6 !important; }',
        });
        await waitFor(page, `document.querySelector('${VIEW}')?.dataset.theme === 'dark'`);
      }
      const colours = await page.$$eval(
        '[data-threadlight="tag"]',
        (els) => new Set(els.map((e) => e.dataset.tagColor)).size,
      );
      assert.equal(colours, TAG_COLORS.length);
      assert.deepEqual(await axe(page, VIEW), [], dark ? 'dark page' : 'light page');
    }
  });

  it("marks the reader's posts on a signed-in forum page and the replies to them; r moves between them", async () => {
    await reset();
    const page = await open(FORUM(), 6);
    assert.deepEqual(await page.$$eval('[data-you]', (els) => els.map((e) => e.dataset.commentId)), [
      FORUM_POST(1),
      FORUM_POST(4),
    ]);
    const replies = await page.$$eval('[data-reply-to-you]', (els) => els.map((e) => e.dataset.commentId));
    assert.deepEqual(replies.sort(), [FORUM_POST(2), FORUM_POST(5)]);
    assert.match(await page.$eval('.tl-count', (c) => c.textContent), /2 replies to you/);
    await page.focus(item(FORUM_POST(1)));
    await page.keyboard.press('r');
    await waitFor(page, `document.activeElement?.dataset.commentId === '${FORUM_POST(2)}'`);
    await page.keyboard.press('r');
    await waitFor(page, `document.activeElement?.dataset.commentId === '${FORUM_POST(5)}'`);
  });

  it('keeps a note on a person at one site away from the same name at another, unless it is for every site', async () => {
    await reset();
    const page = await open(SEED(), 10);
    const write = async (everySite) => {
      await clickStill(page, `${item('25853840')} button[aria-label="Note on ${ME}"]`);
      await waitFor(page, `document.activeElement?.classList.contains('tl-note-editor')`);
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.type(everySite ? 'Everywhere' : 'Only here');
      for (let i = 0; i < TABS_TO_SAVE - 1; i++) await page.keyboard.press('Tab'); // to "On every site"
      if (everySite) await page.keyboard.press(' ');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await sleep(900);
    };
    await write(false);
    await waitFor(page, `document.querySelector('${item('25853840')} [data-threadlight="note"]')`);
    await open(FORUM(), 6);
    await sleep(300);
    assert.equal(await page.$$eval('[data-threadlight="note"]', (n) => n.length), 0, 'not on the other site');
    await open(SEED(), 10);
    await write(true);
    const { sync } = await stored();
    assert.deepEqual(noteTexts(sync['threadlight.notes']), { [ME]: 'Everywhere' });
    await open(FORUM(), 6);
    await waitFor(page, `document.querySelectorAll('[data-threadlight="note"]').length === 2`);
  });
});
