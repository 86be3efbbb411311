// Sites the reader enables, in Firefox (the Firefox test build grants the engine pages' sites at install):
// pages served under their real host names (a local HTTP proxy), one of every engine threaded; a site taken
// away in the browser's own way (its permission removed) loses the view at once and on reload, and gets it
// back in the open tab when granted again; nothing runs on a site nobody enabled, whose popup asks for it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIREFOX_EXTENSION_ID } from '../../scripts/lib/firefox.mjs';
import { firefoxSession, gotoCapture, waitFor } from '../support/e2e/firefox-session.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../scripts/lib/paths.mjs';
import { FRAME_PAGES, NOT_ENABLED_HOST, SITE_PAGES } from '../support/e2e/site-pages.mjs';

const servesFile = (file) => (_req, res) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(FIXTURES, file)));
const session = firefoxSession({
  proxy: true,
  serverOptions: { routes: Object.fromEntries(FRAME_PAGES.map((p) => [p.framePath, servesFile(p.frameFile)])) },
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const VIEW = `(() => ({
  views: document.querySelectorAll('[data-threadlight="thread"]').length,
  posts: document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length,
}))()`;

/** Adds or removes a host permission the way the browser's add-on manager does. */
const permission = (action, origin) =>
  session.ff.inChrome(
    async (action, id, origin) => {
      const { ExtensionPermissions } = ChromeUtils.importESModule(
        'resource://gre/modules/ExtensionPermissions.sys.mjs',
      );
      const ext = WebExtensionPolicy.getByID(id).extension;
      await ExtensionPermissions[action](id, { origins: [origin], permissions: [] }, ext);
    },
    action,
    FIREFOX_EXTENSION_ID,
    origin,
  );

describe('Firefox: sites the reader enabled', () => {
  for (const site of SITE_PAGES)
    it(`threads ${site.engine} on ${site.host}`, async () => {
      const { page } = session;
      await gotoCapture(page, `http://${site.host}/${site.file}`);
      await waitFor(page, `${VIEW}.posts >= ${site.posts}`, { timeoutMs: 10_000 });
      assert.deepEqual(await page.evaluate(VIEW), { views: 1, posts: site.posts });
      const [parent, child] = site.nested;
      assert.equal(
        await page.evaluate(
          ([p, c]) => !!document.querySelector(`[data-comment-id="${p}"] [data-comment-id="${c}"]`),
          [parent, child],
        ),
        true,
      );
      assert.equal(
        await page.evaluate(() => document.querySelectorAll('[data-threadlight="thread"] [data-not-loaded]').length),
        site.notLoaded ?? 0,
      );
    });

  for (const site of FRAME_PAGES)
    it(`threads ${site.engine} inside the frame, where both the site and ${site.frameHost} are enabled`, async () => {
      const { page } = session;
      await gotoCapture(page, `http://${site.host}/${site.file}`);
      const frameOf = () => page.frames().find((f) => f.url().includes(`${site.frameHost}${site.framePath}`));
      const deadline = Date.now() + 10_000;
      let seen = null;
      while (Date.now() < deadline) {
        seen = await frameOf()
          ?.evaluate(
            ([parent, child]) => ({
              views: document.querySelectorAll('[data-threadlight="thread"]').length,
              posts: document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length,
              nested: !!document.querySelector(
                `[data-comment-id="${parent}"] [role="group"] [data-comment-id="${child}"]`,
              ),
              notLoaded: document.querySelectorAll('[data-threadlight="thread"] [data-not-loaded]').length,
            }),
            site.nested,
          )
          .catch(() => null);
        if (seen?.posts >= site.posts) break;
        await sleep(200);
      }
      assert.deepEqual(seen, { views: 1, posts: site.posts, nested: true, notLoaded: 1 });
      assert.equal(await page.evaluate(() => document.querySelectorAll('[data-threadlight="thread"]').length), 0);
      // The same frame on a page of a site nobody enabled (the browser names the embedding page): left alone.
      await gotoCapture(page, `http://${NOT_ENABLED_HOST}/${site.file}`);
      await sleep(1500);
      assert.equal(await frameOf().evaluate(() => document.querySelectorAll('[data-threadlight]').length), 0);
      assert.ok(await frameOf().evaluate(() => document.getElementById('post-list') !== null));
    });

  it('NodeBB: posts the app takes off the page as the reader scrolls stay in the view', async () => {
    const { page } = session;
    await gotoCapture(page, 'http://community.nodebb.org/real/nodebb-community-nodebb-rc1-of-nodebb-v4.html?scroll');
    await waitFor(page, `${VIEW}.posts === 12`, { timeoutMs: 10_000 });
    await page.evaluate(() => {
      for (const post of Array.from(document.querySelectorAll('[component="post"][data-pid]')).slice(0, 6))
        post.remove();
    });
    await sleep(1500);
    assert.deepEqual(await page.evaluate(VIEW), { views: 1, posts: 12 });
  });

  it('new Reddit: comments the app adds after load join the one view, under their parents', async () => {
    const { page } = session;
    await gotoCapture(page, 'http://www.reddit.com/native/shreddit-homelab-quiet-nas.html?arrive');
    await waitFor(page, `${VIEW}.posts === 9`, { timeoutMs: 10_000 });
    assert.deepEqual(
      await page.evaluate(() => ({
        views: document.querySelectorAll('[data-threadlight="thread"]').length,
        reply: !!document.querySelector('[data-comment-id="kq7"] [role="group"] [data-comment-id="kq8"]'),
        top: document.querySelector('[data-comment-id="kq9"]')?.getAttribute('aria-level'),
      })),
      { views: 1, reply: true, top: '1' },
    );
  });

  it('new Reddit: in-page navigation to another post gives one view, of the new comments', async () => {
    const { page } = session;
    await gotoCapture(page, 'http://www.reddit.com/native/shreddit-homelab-quiet-nas.html?navigate');
    await waitFor(
      page,
      `!!document.querySelector('[data-threadlight="thread"] [data-comment-id="kr1"] [data-comment-id="kr2"]')`,
      { timeoutMs: 10_000 },
    );
    assert.deepEqual(
      await page.evaluate(() => ({
        views: document.querySelectorAll('[data-threadlight="thread"]').length,
        items: Array.from(document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]'), (i) =>
          i.getAttribute('data-comment-id'),
        ),
      })),
      { views: 1, items: ['kr1', 'kr2'] },
    );
  });

  it('draws engine markup clean: no controls, quotes without their citation line, spoilers as disclosures', async () => {
    const { page } = session;
    await gotoCapture(page, 'http://www.dostips.com/real/phpbb-dostips.html?clean');
    await waitFor(page, `${VIEW}.posts === 15`, { timeoutMs: 10_000 });
    const text = await page.evaluate(() => document.querySelector('[data-threadlight="thread"]').innerText);
    assert.doesNotMatch(text, /Select all|\bwrote:/);
    await gotoCapture(page, 'http://community.mybb.com/engines/mybb-1.8.html?clean');
    await waitFor(page, `${VIEW}.posts === 4`, { timeoutMs: 10_000 });
    const SPOILER = '[data-comment-id="31"] details.tl-fold[data-fold="spoiler"] > summary';
    assert.equal(await page.evaluate((sel) => document.querySelector(sel).parentElement.open, SPOILER), false);
    await page.focus(SPOILER);
    await page.keyboard.press('Enter');
    await waitFor(page, `document.querySelector('${SPOILER}').parentElement.open`, { timeoutMs: 2_000 });
    const source = await page.evaluate(
      () => document.querySelector('[data-comment-id="33"] blockquote[data-quote-of=""] .tl-quote-source').textContent,
    );
    assert.match(source, /^Olga \(quoted post not shown here\)/);
  });

  it('shows no vote counts and no "Top rated" where nothing is rated', async () => {
    const { page } = session;
    await gotoCapture(page, 'http://www.dostips.com/real/phpbb-dostips.html?unrated');
    await waitFor(page, `${VIEW}.posts === 15`, { timeoutMs: 10_000 });
    const seen = await page.evaluate(() => ({
      votes: document.querySelectorAll('[data-threadlight="thread"] .tl-votes').length,
      sorts: Array.from(document.querySelectorAll('.tl-header select option'), (o) => o.value),
      note: document.querySelector('.tl-unrated')?.textContent,
    }));
    assert.deepEqual(seen, { votes: 0, sorts: ['newest', 'oldest', 'page'], note: 'No ratings here: page order' });
  });

  it('follows the permission: removed, the view goes; granted again, it comes back in the open tab', async () => {
    const { page } = session;
    const site = SITE_PAGES.find((p) => p.host === 'www.dostips.com');
    const origin = `http://${site.host}/*`;
    await gotoCapture(page, `http://${site.host}/${site.file}`);
    await waitFor(page, `${VIEW}.posts === ${site.posts}`, { timeoutMs: 10_000 });
    await permission('remove', origin);
    await waitFor(page, `${VIEW}.views === 0`, { timeoutMs: 5000, message: 'the view to go' });
    await page.goto(`http://${site.host}/${site.file}?again`);
    await sleep(800);
    assert.deepEqual(await page.evaluate(VIEW), { views: 0, posts: 0 });
    await permission('add', origin);
    await waitFor(page, `${VIEW}.posts === ${site.posts}`, { timeoutMs: 5000, message: 'the view in the open tab' });
  });

  it('does nothing on a site nobody enabled, and its popup asks the browser for that site', async () => {
    const { page, ff } = session;
    const address = `http://${NOT_ENABLED_HOST}/real/phpbb-dostips.html`;
    await page.goto(address);
    await sleep(800);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-threadlight]').length), 0);
    const popup = await ff.openExtensionPage('popup.html');
    try {
      const tabId = await popup.evaluate(
        (u) => browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === u).id),
        address,
      );
      await ff.gotoExtensionPage(popup, `popup.html?tab=${tabId}`);
      await waitFor(popup, `document.getElementById('tl-enabled')`);
      assert.equal(await popup.evaluate(() => document.getElementById('tl-enabled').checked), false);
      // The browser's prompt is its own UI: record the request and answer "no", as a reader might.
      await popup.evaluate(() => {
        window.__asked = [];
        browser.permissions.request = (req) => (window.__asked.push(req), Promise.resolve(false));
      });
      await popup.click('#tl-enabled');
      await waitFor(popup, 'window.__asked.length > 0');
      assert.deepEqual(await popup.evaluate(() => window.__asked), [{ origins: [`http://${NOT_ENABLED_HOST}/*`] }]);
      await waitFor(popup, `!document.getElementById('tl-enabled').checked`);
    } finally {
      await popup.close();
      await page.bringToFront();
    }
  });
});
