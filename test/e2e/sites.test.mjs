// Sites the reader enables (Chromium, the Chrome test build, which grants the engine pages' sites at install
// as a policy could): the content script is registered for exactly those origins and threads one real page
// of every engine on its real host name; nothing runs on a site nobody enabled; the popup's "Enable on this
// site" there asks the browser for that site; a site removed or added in the browser's own extension
// settings is followed at once. ("Thread this page once" needs the activeTab grant that only
// a click on the toolbar button gives, which a test cannot make: it is covered by the popup's DOM test.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { sitesScript } from '../support/e2e/chromium-session.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { FIXTURES, ROOT } from '../../scripts/lib/paths.mjs';
import { FRAME_PAGES, GRANTED_ORIGINS, NOT_ENABLED_HOST, SITE_PAGES } from '../support/e2e/site-pages.mjs';

let server;
let browser;
/** Every page of the phpBB topic (the capture is page 2 of 3): the capture again, and each request counted. */
const fetched = [];
const otherPage = (name) => (req, res) => {
  fetched.push(`${name}${new URL(req.url, 'https://x').search}`);
  res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(join(FIXTURES, 'real', 'phpbb-dostips.html')));
};

const servesFile = (file) => (_req, res) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(FIXTURES, file)));

before(async () => {
  server = await startFixtureServer({
    https: true,
    routes: {
      ...Object.fromEntries(FRAME_PAGES.map((p) => [p.framePath, servesFile(p.frameFile)])),
      '/real/viewtopicdf43.html': otherPage('viewtopicdf43'),
      '/real/viewtopic4d09.html': otherPage('viewtopic4d09'),
    },
  });
  browser = await launchChromium({
    extensionDir: join(ROOT, '.output-test', 'chrome-mv3'),
    port: server.port,
    hosts: [...SITE_PAGES.map((p) => p.host), ...FRAME_PAGES.flatMap((p) => [p.host, p.frameHost]), NOT_ENABLED_HOST],
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url) {
  const page = await browser.context.newPage();
  // The captures' own scripts fail offline (their libraries are not served); only errors of ours count.
  const errors = [];
  page.on('pageerror', (e) => /chrome-extension:/.test(e.stack ?? '') && errors.push(String(e)));
  page.on(
    'console',
    (m) => m.type() === 'error' && /chrome-extension:|threadlight/i.test(m.text()) && errors.push(m.text()),
  );
  await page.goto(url);
  return { page, errors };
}

describe('Chromium: sites the reader enabled', () => {
  it('registers the content script for exactly the granted sites', async () => {
    const registered = await sitesScript(browser);
    assert.deepEqual(registered, GRANTED_ORIGINS.slice().sort());
  });

  for (const site of SITE_PAGES)
    it(`threads ${site.engine} on ${site.host}`, async () => {
      const { page, errors } = await open(`https://${site.host}/${site.file}`);
      // Long sections render in paced chunks: wait for all of them.
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length >= n,
        site.posts,
        { timeout: 10_000 },
      );
      const seen = await page.evaluate(
        ([parent, child]) => ({
          views: document.querySelectorAll('[data-threadlight="thread"]').length,
          posts: document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length,
          nested: !!document.querySelector(`[data-comment-id="${parent}"] [data-comment-id="${child}"]`),
          first: document.querySelector('[role="treeitem"][aria-level="1"]')?.getAttribute('data-comment-id'),
          notLoaded: document.querySelectorAll('[data-threadlight="thread"] [data-not-loaded]').length,
        }),
        site.nested,
      );
      assert.equal(seen.notLoaded, site.notLoaded ?? 0, 'what the page does not hold keeps its place');
      assert.equal(seen.views, 1);
      assert.equal(seen.posts, site.posts);
      assert.ok(seen.nested, `${site.nested[1]} nests under ${site.nested[0]}`);
      if (site.first) assert.equal(seen.first, site.first, 'the opening post stays first under "Top rated"');
      assert.deepEqual(errors, []);
      await page.close();
    });

  for (const site of FRAME_PAGES)
    it(`threads ${site.engine} inside the frame, where both the site and ${site.frameHost} are enabled`, async () => {
      const { page, errors } = await open(`https://${site.host}/${site.file}`);
      const frame = () => page.frames().find((f) => f.url().includes(`${site.frameHost}${site.framePath}`));
      await page.waitForFunction(() => document.querySelector('iframe')?.contentWindow, null, { timeout: 5000 });
      await frame().waitForFunction(
        (n) => document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length >= n,
        site.posts,
        { timeout: 10_000 },
      );
      const seen = await frame().evaluate(
        ([parent, child]) => ({
          views: document.querySelectorAll('[data-threadlight="thread"]').length,
          posts: document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length,
          nested: !!document.querySelector(`[data-comment-id="${parent}"] [role="group"] [data-comment-id="${child}"]`),
          notLoaded: document.querySelector('[data-threadlight="thread"] [data-not-loaded]')?.textContent,
          original: document.getElementById('post-list')?.checkVisibility({ visibilityProperty: true }),
        }),
        site.nested,
      );
      assert.deepEqual(seen, {
        views: 1,
        posts: site.posts,
        nested: true,
        notLoaded: '25 comments not loaded here · Open on the site',
        original: false,
      });
      // The article's page itself has no discussion of its own: nothing of ours there.
      assert.equal(await page.locator('[data-threadlight="thread"]').count(), 0);
      assert.deepEqual(errors, []);
      // The same frame on a page of a site nobody enabled: left as it was.
      const other = await browser.context.newPage();
      await other.goto(`https://${NOT_ENABLED_HOST}/${site.file}`);
      await other.waitForTimeout(1500);
      const elsewhere = other.frames().find((f) => f.url().includes(site.frameHost));
      assert.equal(await elsewhere.evaluate(() => document.querySelectorAll('[data-threadlight]').length), 0);
      await other.close();
      await page.close();
    });

  it('NodeBB: posts the app takes off the page as the reader scrolls stay in the view', async () => {
    const { page, errors } = await open(
      'https://community.nodebb.org/real/nodebb-community-nodebb-rc1-of-nodebb-v4.html?scroll',
    );
    const ITEMS = '[data-threadlight="thread"] [role="treeitem"]';
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 12, ITEMS);
    // As NodeBB's infinite scroll does (infinitescroll.removeExtra): the first posts leave the page.
    await page.evaluate(() => {
      for (const post of Array.from(document.querySelectorAll('[component="post"][data-pid]')).slice(0, 6))
        post.remove();
    });
    await page.waitForTimeout(1500);
    assert.equal(await page.locator(ITEMS).count(), 12);
    assert.equal(await page.locator('[data-threadlight="thread"]').count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('new Reddit: comments the app adds after load join the one view, under their parents', async () => {
    const { page, errors } = await open('https://www.reddit.com/native/shreddit-homelab-quiet-nas.html?arrive');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length === 9,
      null,
      { timeout: 10_000 },
    );
    const seen = await page.evaluate(() => ({
      views: document.querySelectorAll('[data-threadlight="thread"]').length,
      reply: !!document.querySelector('[data-comment-id="kq7"] [role="group"] [data-comment-id="kq8"]'),
      top: document.querySelector('[data-comment-id="kq9"]')?.getAttribute('aria-level'),
      // The site's own elements are still there, hidden, with their shadow roots.
      shadow: !!document.querySelector('shreddit-comment[thingid="t1_kq9"]')?.shadowRoot,
    }));
    assert.deepEqual(seen, { views: 1, reply: true, top: '1', shadow: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('new Reddit: in-page navigation to another post gives one view, of the new comments', async () => {
    const { page, errors } = await open('https://www.reddit.com/native/shreddit-homelab-quiet-nas.html?navigate');
    await page.waitForSelector('[data-threadlight="thread"] [data-comment-id="kq1"]');
    await page.waitForFunction(
      () => !!document.querySelector('[data-threadlight="thread"] [data-comment-id="kr1"] [data-comment-id="kr2"]'),
      null,
      { timeout: 10_000 },
    );
    const seen = await page.evaluate(() => ({
      views: document.querySelectorAll('[data-threadlight="thread"]').length,
      items: Array.from(document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]'), (i) =>
        i.getAttribute('data-comment-id'),
      ),
      path: location.pathname,
    }));
    assert.deepEqual(seen, { views: 1, items: ['kr1', 'kr2'], path: '/r/homelab/comments/1b9z9z/fan_curves/' });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("Original gives back each nesting site's own section exactly as the site sent it", async () => {
    const roots = {
      'native/hackernews-item-16909056-tech-company-career-ladders-2018.html': 'table.comment-tree',
      'native/oldreddit-r-aww-8dyrb3-ben-proud-of-learning-to-go-on-walks-2018.html': 'div.sitetable.nestedlisting',
      'native/slashdot-2025-stanford-cs-grads-degrees-no-longer-guarantee-jobs.html': '#commentlisting',
      'native/shreddit-homelab-quiet-nas.html': 'shreddit-comment-tree',
    };
    for (const site of SITE_PAGES.filter((p) => roots[p.file])) {
      const selector = roots[site.file];
      const { page, errors } = await open(`https://${site.host}/${site.file}`);
      await page.waitForSelector('[data-threadlight="thread"] [role="treeitem"]');
      // <noscript> holds text where scripts run and elements where they do not (DOMParser): left out of both.
      const plain = (html) => html.replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
      const pristine = await page.evaluate(
        (sel) =>
          fetch(location.href)
            .then((r) => r.text())
            .then((html) => new DOMParser().parseFromString(html, 'text/html').querySelector(sel).outerHTML),
        selector,
      );
      const popup = await browser.openPopup(page);
      const view = popup.getByLabel('View', { exact: true });
      try {
        await view.selectOption({ label: 'Original' });
        await page.waitForFunction(() => !document.querySelector('[data-threadlight]'));
        const now = await page.evaluate((sel) => document.querySelector(sel).outerHTML, selector);
        assert.ok(plain(now) === plain(pristine), `${site.host}: the section is not as the site sent it`);
        assert.equal(await page.locator(selector).first().isVisible(), true);
      } finally {
        await view.selectOption({ label: 'Threaded' });
      }
      await page.waitForSelector('[data-threadlight="thread"]');
      await popup.close();
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  it('the popup says how a discussion nests: from the site, by quotes, or not at all', async () => {
    for (const [file, host, nesting] of [
      [
        'native/hackernews-item-16909056-tech-company-career-ladders-2018.html',
        'news.ycombinator.com',
        'nesting from the site',
      ],
      ['engines/board-nested.html', 'threads.router.example', 'nesting from the site'],
      ['real/phpbb-dostips.html', 'www.dostips.com', 'nested by their quotes and replies'],
    ]) {
      const { page, errors } = await open(`https://${host}/${file}`);
      await page.waitForSelector('[data-threadlight="thread"] [role="treeitem"]');
      await page
        .getByRole('button', { name: 'Show all' })
        .click({ timeout: 2000 })
        .catch(() => undefined);
      const { total, levels } = await page.evaluate(() => {
        const items = Array.from(document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]'));
        return { total: items.length, levels: Math.max(...items.map((i) => Number(i.getAttribute('aria-level')))) };
      });
      const popup = await browser.openPopup(page);
      const shape = popup.locator('.tl-shape');
      await shape.waitFor();
      assert.equal(await shape.innerText(), `${total} comments in ${levels} levels, ${nesting}.`);
      await popup.close();
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  it('loads the full discussion of a phpBB topic from its own pagination, on its own site', async () => {
    const { page, errors } = await open('https://www.dostips.com/real/phpbb-dostips.html');
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    await page.waitForSelector('[data-discussion="done"]', { timeout: 15_000 });
    // Every page once, by the addresses the pagination gives (page 2's own, start=15, written by their pattern).
    assert.deepEqual(fetched, [
      'viewtopicdf43?f=3&t=8355',
      'viewtopic4d09?f=3&t=8355&start=15',
      'viewtopic4d09?f=3&t=8355&start=30',
    ]);
    // The same posts on every page here: merged, not repeated.
    assert.equal(await page.locator('[data-threadlight="thread"] [role="treeitem"]').count(), 15);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('draws engine markup clean: no controls, quotes without their citation line, spoilers as disclosures', async () => {
    const { page, errors } = await open('https://www.dostips.com/real/phpbb-dostips.html?clean');
    await page.waitForSelector('[data-threadlight="thread"] [role="treeitem"]');
    const text = await page.locator('[data-threadlight="thread"]').innerText();
    assert.doesNotMatch(text, /Select all|\bwrote:/);
    const mybb = await browser.context.newPage();
    await mybb.goto('https://community.mybb.com/engines/mybb-1.8.html');
    const summary = mybb.locator('[data-comment-id="31"] details.tl-fold[data-fold="spoiler"] > summary');
    await summary.waitFor();
    assert.equal(await summary.evaluate((s) => s.parentElement.open), false);
    await summary.focus();
    await mybb.keyboard.press('Enter');
    assert.equal(await summary.evaluate((s) => s.parentElement.open), true);
    assert.match(
      await mybb.locator('[data-comment-id="33"] blockquote[data-quote-of=""] .tl-quote-source').innerText(),
      /^Olga \(quoted post not shown here\)/,
    );
    assert.deepEqual(errors, []);
    await mybb.close();
    await page.close();
  });

  it('shows no vote counts and no "Top rated" where nothing is rated, and the popup says why', async () => {
    const { page, errors } = await open('https://www.dostips.com/real/phpbb-dostips.html');
    await page.waitForSelector('[data-threadlight="thread"] [role="treeitem"]');
    const seen = await page.evaluate(() => ({
      votes: document.querySelectorAll('[data-threadlight="thread"] .tl-votes').length,
      sorts: Array.from(document.querySelectorAll('.tl-header select option'), (o) => o.value),
      note: document.querySelector('.tl-unrated')?.textContent,
    }));
    assert.deepEqual(seen, { votes: 0, sorts: ['newest', 'oldest', 'page'], note: 'No ratings here: page order' });
    const popup = await browser.openPopup(page);
    await popup.getByText(/Nothing on this page is rated/).waitFor();
    await popup.close();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("follows the browser's own site access: removed in chrome://extensions, the view goes; added, it is back", async () => {
    const site = SITE_PAGES.find((p) => p.host === 'www.dostips.com');
    const origin = `https://${site.host}/*`;
    const { page } = await open(`https://${site.host}/${site.file}`);
    const views = () => page.evaluate(() => document.querySelectorAll('[data-threadlight="thread"]').length);
    await page.waitForSelector('[data-threadlight="thread"] [role="treeitem"]');
    // The extension's page in chrome://extensions does what its "Site access" list does when the reader
    // removes or adds a site (chrome.developerPrivate, the settings page's own API).
    const settings = await browser.context.newPage();
    await settings.goto(`chrome://extensions/?id=${browser.extensionId}`);
    const siteAccess = (action) =>
      settings.evaluate(
        ([id, host, act]) =>
          new Promise((resolve, reject) =>
            chrome.developerPrivate[act](id, host, () =>
              chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve(),
            ),
          ),
        [browser.extensionId, origin, action],
      );
    const registered = () =>
      browser.worker.evaluate(async () => {
        const [script] = await chrome.scripting.getRegisteredContentScripts({ ids: ['threadlight-sites'] });
        return script?.matches ?? [];
      });
    await siteAccess('removeHostPermission');
    await page.waitForFunction(() => !document.querySelector('[data-threadlight]'), null, { timeout: 5000 });
    for (let i = 0; i < 30 && (await registered()).includes(origin); i++) await page.waitForTimeout(100);
    assert.ok(!(await registered()).includes(origin), 'no registration for the removed site');
    await page.reload();
    await page.waitForTimeout(800);
    assert.equal(await views(), 0, 'nothing runs there after a reload');
    await siteAccess('addHostPermission');
    await page.waitForSelector('[data-threadlight="thread"] [role="treeitem"]', { timeout: 5000 });
    assert.ok((await registered()).includes(origin), 'registered again');
    assert.equal(await views(), 1);
    await settings.close();
    await page.close();
  });

  it('does nothing on a site nobody enabled, and its popup asks the browser for that site', async () => {
    const { page } = await open(`https://${NOT_ENABLED_HOST}/real/phpbb-dostips.html`);
    await page.waitForTimeout(800);
    assert.equal(await page.locator('[data-threadlight]').count(), 0);
    const popup = await browser.openPopup(page);
    await popup.waitForSelector('#tl-enabled');
    assert.equal(await popup.locator('#tl-enabled').isChecked(), false);
    // The browser's permission prompt is its own UI: record the request and answer "no", as a reader might.
    await popup.evaluate(() => {
      window.__asked = [];
      chrome.permissions.request = (req) => (window.__asked.push(req), Promise.resolve(false));
    });
    await popup.locator('#tl-enabled').click();
    await popup.waitForFunction(() => window.__asked.length > 0);
    assert.deepEqual(await popup.evaluate(() => window.__asked), [{ origins: [`https://${'www.example.com'}/*`] }]);
    await popup.waitForFunction(() => !document.getElementById('tl-enabled').checked);
    assert.match(await popup.locator('main').innerText(), /did not get your permission/);
    await popup.close();
    await page.close();
  });
});
