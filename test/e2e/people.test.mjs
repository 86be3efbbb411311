// People in Chromium (shipped build, pages on their real host names): mute from a comment and the quote of the
// muted person folds (none of their words left in the view), replies to them hidden by the setting, only one
// person's posts, tags readable in light and dark pages (axe), a signed-in forum page marking the reader's posts
// and the replies to them, and a note on a person at one site not showing for the same name at another.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';
import { AXE_SOURCE, axeViolations } from '../support/e2e/axe.mjs';
import { FORUM_POST, ME, noteTexts, signedInForumHtml, TABS_TO_SAVE } from '../support/e2e/people.mjs';
import { articleHtml, syntheticDiscussion } from '../../scripts/lib/synthetic.mjs';

const SEED = 'https://www.macrumors.com/2017/12/08/macrumors-2017-huawei-xiaomi.html';
const FORUM = 'https://forums.macrumors.com/threads/signed-in.2/';
const VIEW = '[data-threadlight="thread"]';
const item = (id) => `[role="treeitem"][data-comment-id="${id}"]`;
const forumHtml = signedInForumHtml();
const TAG_COLORS = ['gray', 'red', 'orange', 'green', 'teal', 'blue', 'purple', 'pink'];
const TAGGED = 'https://www.macrumors.com/2017/12/08/tagged-people.html';
const taggedHtml = () => {
  const comments = syntheticDiscussion(16, { quoteRate: 0 });
  comments.forEach((c, i) => (c.author = `tagged${i % 8}`));
  return articleHtml(comments);
};

const session = chromiumSession({
  routes: {
    '/threads/signed-in.2/': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(forumHtml),
    '/2017/12/08/tagged-people.html': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(taggedHtml()),
  },
});

async function open(url, count) {
  const { page, errors } = await session.open(url);
  await page.waitForFunction(
    ([sel, n]) => document.querySelectorAll(sel).length === n,
    [`${VIEW} [role="treeitem"]`, count],
  );
  return { page, errors };
}
const stored = () =>
  session.browser.worker.evaluate(async () => ({
    sync: await chrome.storage.sync.get(null),
    local: await chrome.storage.local.get(null),
  }));
async function axe(page, selector) {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(axeViolations, selector);
}
const settingsUrl = () => `chrome-extension://${session.browser.extensionId}/options.html`;

describe('Chromium: people', () => {
  beforeEach(() => session.resetStorage());

  it('mutes from a comment: placeholders, the quote folds, none of their words are left; unmutes there too', async () => {
    const { page, errors } = await open(SEED, 10);
    const words = (await page.locator(`${item('25853795')} > .tl-comment > .tl-body`).textContent()).trim();
    assert.ok(words.length > 40);
    await page.locator(`${item('25853795')} button[aria-label="More for reader_four"]`).click();
    await page.getByRole('button', { name: 'Mute reader_four' }).click();
    await page.waitForSelector(`${item('25853795')}[data-filtered="muted-user"]`);
    const quote = page.locator(`${item('25853840')} blockquote[data-muted-quote]`);
    assert.equal((await quote.textContent()).trim(), 'Quote of a muted person');
    const view = await page.locator(VIEW).textContent();
    for (const sentence of words.split(/(?<=[.!?])\s+/).filter((s) => s.length > 12))
      assert.ok(!view.includes(sentence), `"${sentence}" is still in the view`);
    assert.match(await page.locator('.tl-count').textContent(), /hidden \(1 from a muted user\)/);
    // Kept: after a reload still muted, on this site, by the person's profile.
    await page.waitForTimeout(800);
    const { sync } = await stored();
    const ids = Object.keys(sync['threadlight.filters'].mutedPeople);
    assert.equal(ids.length, 1);
    assert.match(ids[0], /^https:\/\/www\.macrumors\.com p:https:\/\/forums\.macrumors\.com\/members\//);
    await page.reload();
    await page.waitForSelector(`${item('25853795')}[data-filtered="muted-user"]`);
    // A click on the folded quote shows it; the placeholder unmutes.
    await page.locator(`${item('25853840')} blockquote[data-muted-quote] button`).click();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent.length > 60,
      `${item('25853840')} blockquote`,
    );
    await page.getByRole('button', { name: 'Unmute reader_four' }).click();
    await page.waitForSelector(`${item('25853795')}:not([data-filtered])`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('hides replies to muted people when the setting says so, live in an open tab', async () => {
    const { page } = await open(SEED, 10);
    await page.locator(`${item('25853795')} button[aria-label="More for reader_four"]`).click();
    await page.getByRole('button', { name: 'Mute reader_four' }).click();
    await page.waitForSelector(`${item('25853795')}[data-filtered="muted-user"]`);
    const settings = await session.browser.context.newPage();
    await settings.goto(settingsUrl());
    await settings.getByLabel('Hide replies to muted people').check();
    await page.waitForSelector(`${item('25853840')}[data-filtered="reply-to-muted"]`, { timeout: 5000 });
    assert.match(await page.locator('.tl-count').textContent(), /a reply to a muted person/);
    // Listed in settings, unmuted there.
    await settings.getByRole('button', { name: 'Unmute reader_four' }).click();
    await page.waitForSelector(`${item('25853795')}:not([data-filtered])`, { timeout: 5000 });
    assert.equal(await page.locator(`${item('25853840')}[data-filtered]`).count(), 0);
    for (const p of [page, settings]) await p.close();
  });

  it('shows only posts by one person with what they answer as context; clearing brings the tree back', async () => {
    const { page } = await open(SEED, 10);
    await page.locator(`${item('25853840')} button[aria-label="More for reader_five"]`).click();
    await page.getByRole('button', { name: 'Only posts by reader_five' }).click();
    await page.waitForSelector('[data-search-match]');
    assert.equal(await page.getByLabel('Search comments').inputValue(), 'by:reader_five');
    const authors = await page.$$eval('[data-search-match] > .tl-comment .tl-author', (els) =>
      els.map((e) => e.textContent),
    );
    assert.ok(authors.length > 0 && authors.every((a) => a === 'reader_five'), authors.join());
    assert.ok((await page.locator(`${item('25853795')}[data-search-context]`).count()) === 1);
    await page.getByLabel('Search comments').press('Escape');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 10, `${VIEW} [role="treeitem"]`);
    await page.close();
  });

  it('tags people from the note editor, readable on light and dark pages (axe)', async () => {
    const { page } = await open(SEED, 10);
    await page.locator(`${item('25853795')} button[aria-label="Note on reader_four"]`).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('tl-note-editor'));
    await page.keyboard.press('Tab'); // to the tag's label
    await page.keyboard.type('battery nerd');
    await page.keyboard.press('Tab'); // to its colour
    await page.keyboard.press('ArrowDown'); // the next colour after blue: purple
    for (let i = 0; i < TABS_TO_SAVE - 2; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const tag = page.locator(`${item('25853795')} [data-threadlight="tag"]`);
    await tag.waitFor();
    assert.equal(await tag.textContent(), 'battery nerd');
    assert.equal(await tag.getAttribute('data-tag-color'), 'purple');
    await page.close();
    // Every colour, on a light page and on a dark one.
    await session.browser.worker.evaluate(async (list) => {
      const tags = Object.fromEntries(
        list.map((color, i) => [`* n:tagged${i}`, { name: `tagged${i}`, label: `tag ${color}`, color }]),
      );
      await chrome.storage.sync.set({ 'threadlight.people': { tags, you: {} }, 'threadlight.people$': { v: 3 } });
    }, TAG_COLORS);
    for (const dark of [false, true]) {
      const { page: tagged } = await open(TAGGED, 16);
      if (dark) {
        await tagged.addStyleTag({
          content: 'html, body { background: #15181c !important; color: #e6e6e6 !important; }',
        });
        await tagged.waitForFunction((sel) => document.querySelector(sel)?.dataset.theme === 'dark', VIEW);
      }
      const shown = await tagged.$$eval(
        '[data-threadlight="tag"]',
        (els) => new Set(els.map((e) => e.dataset.tagColor)).size,
      );
      assert.equal(shown, TAG_COLORS.length);
      assert.deepEqual(await axe(tagged, VIEW), [], dark ? 'dark page' : 'light page');
      await tagged.close();
    }
  });

  it("marks the reader's posts on a signed-in forum page and the replies to them; r moves between them", async () => {
    const { page, errors } = await open(FORUM, 6);
    const you = await page.$$eval('[data-you]', (els) => els.map((e) => e.dataset.commentId));
    assert.deepEqual(you, [FORUM_POST(1), FORUM_POST(4)]);
    const replies = await page.$$eval('[data-reply-to-you]', (els) => els.map((e) => e.dataset.commentId));
    assert.deepEqual(replies.sort(), [FORUM_POST(2), FORUM_POST(5)]);
    assert.match(await page.locator('.tl-count').textContent(), /2 replies to you/);
    await page.locator(item(FORUM_POST(1))).focus();
    await page.keyboard.press('r');
    await page.waitForFunction((id) => document.activeElement?.dataset.commentId === id, FORUM_POST(2));
    await page.keyboard.press('r');
    await page.waitForFunction((id) => document.activeElement?.dataset.commentId === id, FORUM_POST(5));
    await page.keyboard.press('Shift+R');
    await page.waitForFunction((id) => document.activeElement?.dataset.commentId === id, FORUM_POST(2));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('keeps a note on a person at one site away from the same name at another, unless it is for every site', async () => {
    const { page } = await open(SEED, 10);
    const write = async (everySite) => {
      await page.locator(`${item('25853840')} button[aria-label="Note on ${ME}"]`).click();
      await page.waitForFunction(() => document.activeElement?.classList.contains('tl-note-editor'));
      await page.keyboard.press('Control+A');
      await page.keyboard.type(everySite ? 'Everywhere' : 'Only at MacRumors articles');
      for (let i = 0; i < TABS_TO_SAVE - 1; i++) await page.keyboard.press('Tab'); // to "On every site"
      if (everySite) await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(900);
    };
    await write(false);
    await page.locator(`${item('25853840')} [data-threadlight="note"]`).waitFor();
    const { page: forum } = await open(FORUM, 6);
    await forum.waitForTimeout(300);
    assert.equal(await forum.locator('[data-threadlight="note"]').count(), 0, 'not on the forum: another site');
    await forum.close();
    await write(true);
    const { sync } = await stored();
    assert.deepEqual(noteTexts(sync['threadlight.notes']), { [ME]: 'Everywhere' });
    assert.deepEqual(Object.keys(sync['threadlight.notes'].byPerson), [`* n:${ME}`]);
    const { page: again } = await open(FORUM, 6);
    await again.locator(`${item(FORUM_POST(1))} [data-threadlight="note"]`).waitFor();
    assert.equal(await again.locator('[data-threadlight="note"]').count(), 2);
    for (const p of [page, again]) await p.close();
  });
});
