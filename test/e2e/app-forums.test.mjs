// App forums in Chromium (the Chrome test build grants their site at install): a Discourse forum served on a
// real host name (test/support/e2e/discourse-app.mjs: pages built on Discourse's own markup, its app drawn by a
// stand-in script, the platform's JSON endpoints). The view reads the preloaded topic where the app draws its
// post stream, loads the whole topic politely, follows the app to another topic and back (one view at a time),
// is not disturbed by the app cloaking posts or rewriting the address, shows the topic where the app never
// drew, and works in a subfolder install and on a post's own address.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { sitesScript } from '../support/e2e/chromium-session.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { DISCOURSE_HOST, discourseForum } from '../support/e2e/discourse-app.mjs';
import { FLARUM_HOST, flarumForum } from '../support/e2e/flarum-app.mjs';
import { postId } from '../support/discourse-topics.mjs';
import { postId as flarumPost } from '../support/flarum-discussions.mjs';

let server;
let browser;
const forum = discourseForum();
const flarum = flarumForum();

before(async () => {
  server = await startFixtureServer({ https: true, handle: (...a) => forum.handle(...a) || flarum.handle(...a) });
  browser = await launchChromium({
    extensionDir: join(ROOT, '.output-test', 'chrome-mv3'),
    port: server.port,
    hosts: [DISCOURSE_HOST, FLARUM_HOST],
  });
  // The test build registers the sites' script for its granted sites as it starts: wait for that.
  await sitesScript(browser);
});
after(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(() => forum.reset());

const ITEMS = '[data-threadlight="thread"] [role="treeitem"]';
const seen = (page) =>
  page.evaluate(() => ({
    views: document.querySelectorAll('[data-threadlight="thread"]').length,
    posts: document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length,
    first: document.querySelector('[role="treeitem"][aria-level="1"]')?.getAttribute('data-comment-id'),
    stream: document.querySelector('.post-stream')?.checkVisibility({ visibilityProperty: true }) ?? null,
  }));
const nested = (page, parent, child) =>
  page.evaluate(
    ([p, c]) => !!document.querySelector(`[data-comment-id="${p}"] [role="group"] [data-comment-id="${c}"]`),
    [String(parent), String(child)],
  );

async function open(path, host = DISCOURSE_HOST) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`https://${host}${path}`);
  return { page, errors };
}

describe('Chromium: Discourse from its own data', () => {
  it('threads the preloaded topic where the app draws it, then loads the whole topic in batches', async () => {
    const { page, errors } = await open('/t/quiet-nas-builds/123');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 20 && window.__drawn === 123, ITEMS);
    await page.waitForSelector('[data-threadlight="thread"] + .post-stream', { state: 'attached' });
    const first = await seen(page);
    assert.deepEqual(first, { views: 1, posts: 20, first: String(postId(123, 1)), stream: false });
    assert.ok(await nested(page, postId(123, 7), postId(123, 10)), '#10 quotes #7');
    assert.ok(await nested(page, postId(123, 13), postId(123, 14)), '#14 replies to #13');
    // No request of ours for the first view: the page preloads the topic.
    assert.deepEqual(forum.log, []);
    const host = await page.$('[data-threadlight="thread"]');
    // The app cloaks posts and rewrites the address as the reader "scrolls": the view stays as it is.
    await page.waitForTimeout(2000);
    assert.ok(await host.evaluate((el) => el.isConnected));
    assert.match(page.url(), /\/t\/quiet-nas-builds\/123\/\d$/);
    assert.equal((await seen(page)).posts, 20);

    await page.getByRole('button', { name: 'Load full discussion' }).click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 120, ITEMS, { timeout: 15_000 });
    assert.deepEqual(
      forum.log.map((r) => [r.path, r.ids]),
      [
        ['/t/123/posts.json', 50],
        ['/t/123/posts.json', 50],
      ],
    );
    assert.equal(forum.mostAtOnce(), 1);
    assert.ok(await nested(page, postId(123, 97), postId(123, 100)), 'a post loaded later nests under its quote');
    assert.match(await page.locator('.tl-discussion').innerText(), /Full discussion: 120 posts/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('follows the app to another topic and back, one view at a time', async () => {
    const { page, errors } = await open('/t/quiet-nas-builds/123');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 20, ITEMS);
    await page.click('a.raw-topic-link');
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.closest('[data-threadlight]') && window.__drawn === 456,
      `${ITEMS}[data-comment-id="${postId(456, 1)}"]`,
      { timeout: 10_000 },
    );
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 20, ITEMS);
    assert.deepEqual(await seen(page), { views: 1, posts: 20, first: String(postId(456, 1)), stream: false });
    // One request of ours for the new topic (the app makes its own).
    assert.equal(forum.log.filter((r) => r.path === '/t/456.json').length, 2);
    await page.goBack();
    await page.waitForFunction(
      (id) => window.__drawn === 123 && document.querySelector(`[role="treeitem"][data-comment-id="${id}"]`),
      String(postId(123, 1)),
      { timeout: 10_000 },
    );
    assert.deepEqual(await seen(page), { views: 1, posts: 20, first: String(postId(123, 1)), stream: false });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the topic where the app never drew, from the preloaded data alone', async () => {
    const { page } = await open('/t/quiet-nas-builds/123?noapp');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 20, ITEMS);
    const state = await page.evaluate(() => ({
      splashHidden: !document.getElementById('d-splash').checkVisibility({ visibilityProperty: true }),
      before: document.querySelector('[data-threadlight="thread"]').nextElementSibling?.id,
    }));
    assert.deepEqual(state, { splashHidden: true, before: 'd-splash' });
    assert.ok(await nested(page, postId(123, 2), postId(123, 5)));
    assert.deepEqual(forum.log, []);
    // Threadlight off: the page is as it was.
    await page.close();
  });

  it("works in a subfolder install and from a post's own address (the topic's first posts fetched once)", async () => {
    const { page } = await open('/forum/t/quiet-nas-builds/123/60');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 40, ITEMS, { timeout: 10_000 });
    assert.equal((await seen(page)).first, String(postId(123, 1)));
    assert.deepEqual(
      forum.log.map((r) => r.path),
      ['/forum/t/123.json'],
    );
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 120, ITEMS, { timeout: 15_000 });
    assert.deepEqual(
      forum.log.slice(1).map((r) => [r.path, r.ids]),
      [
        ['/forum/t/123/posts.json', 50],
        ['/forum/t/123/posts.json', 30],
      ],
    );
    await page.close();
  });

  it('a login wall mid-topic: a clear message, what was loaded kept, Retry finishes', async () => {
    const { page } = await open('/t/fan-curves-for-small-cases/456?noapp');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 20, ITEMS);
    forum.failures.push({ status: 429, headers: { 'retry-after': '1' } });
    forum.failures.push({ status: 403 });
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    await page.waitForSelector('.tl-discussion [role="alert"]', { timeout: 10_000 });
    assert.match(await page.locator('.tl-discussion').innerText(), /sign in[\s\S]*20 of 30 posts are loaded/);
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 30, ITEMS, { timeout: 15_000 });
    // The 429 was waited out (Retry-After: 1) and asked again once; Retry asked for the same batch.
    assert.deepEqual(
      forum.log.map((r) => r.ids),
      [10, 10, 10],
    );
    assert.ok(forum.log[1].at - forum.log[0].at >= 1000);
    await page.close();
  });
});

describe('Chromium: Flarum from its own data', () => {
  it('threads the preloaded discussion where the app draws it, then loads the rest from its API', async () => {
    flarum.reset();
    const { page, errors } = await open('/d/314-stringing-with-petg', FLARUM_HOST);
    await page.waitForFunction(
      (sel) => document.querySelectorAll(sel).length === 19 && window.__drawn === '314',
      ITEMS,
    );
    await page.waitForSelector('[data-threadlight="thread"] + .PostStream', { state: 'attached' });
    assert.ok(await nested(page, flarumPost(314, 2), flarumPost(314, 5)), '#5 quotes #2');
    assert.ok(await nested(page, flarumPost(314, 13), flarumPost(314, 14)), '#14 replies to #13');
    assert.deepEqual(flarum.log, []);
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 89, ITEMS, { timeout: 15_000 });
    assert.deepEqual(
      flarum.log.map((r) => [r.path, r.ids]),
      [
        ['/api/posts', 50],
        ['/api/posts', 20],
      ],
    );
    assert.ok(await nested(page, flarumPost(314, 67), flarumPost(314, 70)));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the discussion where the app never drew', async () => {
    const { page } = await open('/d/315-bed-levelling?noapp', FLARUM_HOST);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 11, ITEMS);
    assert.equal(
      await page.evaluate(() => document.querySelector('[data-threadlight="thread"]').nextElementSibling?.id),
      'content',
    );
    await page.close();
  });
});
