// App forums in Firefox (the Firefox test build grants their site at install; pages under their real host
// name through the local proxy): the Discourse forum of test/support/e2e/discourse-app.mjs. The view reads the
// preloaded topic where the app draws it, loads the whole topic politely, follows the app to another topic and
// back, and shows the topic where the app never drew.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clickStill,
  firefoxSession,
  gotoCapture as goto0,
  waitFor as waitFor0,
} from '../support/e2e/firefox-session.mjs';
/** Each page in front: a tab in the background does no work until the reader looks at it. */
const gotoCapture = async (page, url) => (await page.bringToFront(), goto0(page, url));
const waitFor = (page, e, o) =>
  waitFor0(page, e, o).catch(async (err) => {
    const seen = await page.evaluate(() => ({
      href: location.href,
      visibility: document.visibilityState,
      focus: document.hasFocus(),
      held: document.querySelectorAll('[data-threadlight-hold]').length,
    }));
    console.log('STATE', JSON.stringify(await page.evaluate(VIEW)), JSON.stringify(seen));
    throw err;
  });
import { DISCOURSE_HOST, discourseForum } from '../support/e2e/discourse-app.mjs';
import { postId } from '../support/discourse-topics.mjs';
import { FLARUM_HOST, flarumForum } from '../support/e2e/flarum-app.mjs';
import { postId as flarumPost } from '../support/flarum-discussions.mjs';

const forum = discourseForum();
const flarum = flarumForum();
const session = firefoxSession({
  proxy: true,
  serverOptions: { handle: (...a) => forum.handle(...a) || flarum.handle(...a) },
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const VIEW = `(() => ({
  views: document.querySelectorAll('[data-threadlight="thread"]').length,
  posts: document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length,
  first: document.querySelector('[role="treeitem"][aria-level="1"]')?.getAttribute('data-comment-id') ?? null,
  drawn: window.__drawn ?? null,
}))()`;
const nested = (page, parent, child) =>
  page.evaluate(
    ([p, c]) => !!document.querySelector(`[data-comment-id="${p}"] [role="group"] [data-comment-id="${c}"]`),
    [String(parent), String(child)],
  );

describe('Firefox: Discourse from its own data', () => {
  it('threads the preloaded topic where the app draws it, then loads the whole topic in batches', async () => {
    const { page } = session;
    forum.reset();
    await gotoCapture(page, `http://${DISCOURSE_HOST}/t/quiet-nas-builds/123`);
    await waitFor(page, `${VIEW}.posts === 20 && ${VIEW}.drawn === 123`, { timeoutMs: 10_000 });
    await waitFor(page, `document.querySelector('[data-threadlight="thread"] + .post-stream')`, { timeoutMs: 5000 });
    assert.deepEqual(await page.evaluate(VIEW), { views: 1, posts: 20, first: String(postId(123, 1)), drawn: 123 });
    assert.ok(await nested(page, postId(123, 7), postId(123, 10)));
    assert.deepEqual(forum.log, []);
    // The app cloaks posts and rewrites the address meanwhile: nothing changes in the view.
    await sleep(2000);
    assert.equal((await page.evaluate(VIEW)).posts, 20);
    await clickStill(page, '.tl-discussion button');
    await waitFor(page, `${VIEW}.posts === 120`, { timeoutMs: 15_000 });
    assert.deepEqual(
      forum.log.map((r) => [r.path, r.ids]),
      [
        ['/t/123/posts.json', 50],
        ['/t/123/posts.json', 50],
      ],
    );
    assert.equal(forum.mostAtOnce(), 1);
    assert.ok(await nested(page, postId(123, 97), postId(123, 100)));
  });

  it('follows the app to another topic and back, one view at a time', async () => {
    const { page } = session;
    await gotoCapture(page, `http://${DISCOURSE_HOST}/t/quiet-nas-builds/123?again`);
    await waitFor(page, `${VIEW}.posts === 20 && ${VIEW}.drawn === 123`, { timeoutMs: 10_000 });
    // The app's own link, followed by the app (its click handler): a click by coordinates could land on a
    // control of ours that the view's last draw moved there (Export discussion opens a tab, hiding this one).
    await page.$eval('a.raw-topic-link', (a) => a.click());
    const other = String(postId(456, 1));
    await waitFor(page, `${VIEW}.first === '${other}' && ${VIEW}.posts === 20`, { timeoutMs: 10_000 });
    assert.deepEqual(await page.evaluate(VIEW), { views: 1, posts: 20, first: other, drawn: 456 });
    await page.evaluate(() => history.back());
    const back = String(postId(123, 1));
    await waitFor(page, `${VIEW}.first === '${back}' && ${VIEW}.drawn === 123`, { timeoutMs: 10_000 });
    assert.equal((await page.evaluate(VIEW)).views, 1);
  });

  it("works in a subfolder install and from a post's own address (the topic's first posts fetched once)", async () => {
    const { page } = session;
    forum.reset();
    await gotoCapture(page, `http://${DISCOURSE_HOST}/forum/t/quiet-nas-builds/123/60?noapp`);
    await waitFor(page, `${VIEW}.posts === 40`, { timeoutMs: 10_000 });
    assert.equal((await page.evaluate(VIEW)).first, String(postId(123, 1)));
    assert.deepEqual(
      forum.log.map((r) => r.path),
      ['/forum/t/123.json'],
    );
  });

  it('shows the topic where the app never drew, from the preloaded data alone', async () => {
    const { page } = session;
    forum.reset();
    await gotoCapture(page, `http://${DISCOURSE_HOST}/t/fan-curves-for-small-cases/456?noapp`);
    await waitFor(page, `${VIEW}.posts === 20`, { timeoutMs: 10_000 });
    assert.deepEqual(
      await page.evaluate(() => ({
        before: document.querySelector('[data-threadlight="thread"]').nextElementSibling?.id,
        splash: document.getElementById('d-splash').checkVisibility({ visibilityProperty: true }),
      })),
      { before: 'd-splash', splash: false },
    );
    assert.deepEqual(forum.log, []);
  });
});

describe('Firefox: Flarum from its own data', () => {
  it('threads the preloaded discussion where the app draws it, then loads the rest from its API', async () => {
    const { page } = session;
    flarum.reset();
    await gotoCapture(page, `http://${FLARUM_HOST}/d/314-stringing-with-petg`);
    await waitFor(page, `${VIEW}.posts === 19 && ${VIEW}.drawn === '314'`, { timeoutMs: 10_000 });
    await waitFor(page, `document.querySelector('[data-threadlight="thread"] + .PostStream')`, { timeoutMs: 5000 });
    assert.ok(await nested(page, flarumPost(314, 2), flarumPost(314, 5)));
    await clickStill(page, '.tl-discussion button');
    await waitFor(page, `${VIEW}.posts === 89`, { timeoutMs: 15_000 });
    assert.deepEqual(
      flarum.log.map((r) => [r.path, r.ids]),
      [
        ['/api/posts', 50],
        ['/api/posts', 20],
      ],
    );
    assert.ok(await nested(page, flarumPost(314, 67), flarumPost(314, 70)));
  });

  it('shows the discussion where the app never drew', async () => {
    const { page } = session;
    await gotoCapture(page, `http://${FLARUM_HOST}/d/315-bed-levelling?noapp`);
    await waitFor(page, `${VIEW}.posts === 11`, { timeoutMs: 10_000 });
    assert.equal(
      await page.evaluate(() => document.querySelector('[data-threadlight="thread"]').nextElementSibling?.id),
      'content',
    );
  });
});
