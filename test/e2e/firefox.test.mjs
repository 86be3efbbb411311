// Real-browser tests of the Firefox test build in firefox-esr (puppeteer-core over WebDriver BiDi): fixture
// pages on a loopback HTTP server (the test build adds loopback matches), the popup opened as a tab.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../scripts/lib/paths.mjs';
import { forumRoutes, LINKED_ARTICLE_PATH } from '../support/e2e/forum-routes.mjs';
import { firefoxSession, retype, waitFor } from '../support/e2e/firefox-session.mjs';
import { syntheticDiscussion, xenforoHtml } from '../../scripts/lib/synthetic.mjs';

const forum = forumRoutes();
const LONG_POSTS = 1500;
const longThread = xenforoHtml(syntheticDiscussion(LONG_POSTS));
const session = firefoxSession({
  serverOptions: {
    routes: {
      ...forum.routes,
      '/threads/long-thread.1/': (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(longThread),
      // The fixture server's no-store would keep the page out of the back-forward cache.
      '/live-cacheable.html': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(readFileSync(join(FIXTURES, 'live-page.html'))),
    },
  },
});
const url = (name) => session.url(name);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const OUTLINE = `Array.from(document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]')).map((el) => el.getAttribute('aria-level') + ':' + el.dataset.commentId + (el.dataset.filtered ? ':' + el.dataset.filtered : '')).join(' ')`;
const TOP_LEVEL = `Array.from(document.querySelectorAll('[role="treeitem"][aria-level="1"]')).map((el) => el.dataset.commentId).join(' ')`;
const buttonNamed = (text) =>
  Array.from(document.querySelectorAll('.tl-discussion button')).find((b) => b.textContent.trim() === text);

/** In the popup tab: sets a control the way a person would (typing, clicking, choosing an option). */
async function setControl(popup, id, value) {
  if (typeof value === 'boolean') {
    const checked = await popup.evaluate((i) => document.getElementById(i).checked, id);
    if (checked !== value) await popup.click(`#${id}`);
  } else if (await popup.evaluate((i) => document.getElementById(i).tagName === 'SELECT', id)) {
    const option = await popup.evaluate(
      (i, text) => Array.from(document.getElementById(i).options).find((o) => o.text === text).value,
      id,
      value,
    );
    await popup.select(`#${id}`, option);
  } else await retype(popup, `#${id}`, value);
}

describe('Firefox: the thread view and the popup', () => {
  it('threads the seed page exactly, with contract hooks', async () => {
    const { page } = session;
    await page.goto(url('macrumors-2017-huawei-xiaomi.html'));
    const outline = await waitFor(page, OUTLINE);
    assert.equal(
      outline,
      '1:25853811 1:25853790 1:25853802 2:25854002 2:25854077 1:25853795 2:25853840 1:25854120 1:25853901 1:25853950',
    );
    assert.deepEqual(
      await page.evaluate(() => [
        document.querySelectorAll('[data-threadlight="thread"]').length,
        // The original is hidden out of the layout (a skipped box costs Firefox work in every frame).
        (() => {
          const s = getComputedStyle(document.getElementById('comments'));
          const r = document.getElementById('comments').getBoundingClientRect();
          return [s.display, s.visibility, r.width * r.height].join(' ');
        })(),
        document.querySelector('[data-comment-id="25853840"] blockquote').dataset.quoteOf,
        document.querySelector('[data-comment-id="25854120"] blockquote').dataset.quoteOf,
        document.querySelectorAll('[data-comment-id="25853901"] mark[data-brand]').length,
      ]),
      [1, 'none hidden 0', '25853795', '', 10],
    );
  });

  it('renders hostile comment bodies inert', async () => {
    const { page } = session;
    await page.goto(url('hostile-comments.html'));
    await waitFor(
      page,
      `Document.prototype.querySelectorAll.call(document, '[data-threadlight="thread"] [role="treeitem"]').length === 8`,
    );
    const found = await page.evaluate(() => {
      const host = Document.prototype.querySelector.call(document, '[data-threadlight="thread"]');
      const all = (sel) => Array.from(Element.prototype.querySelectorAll.call(host, sel));
      const bad = all('script, iframe, object, embed, template, noscript, form, base, meta').map((el) => el.tagName);
      for (const el of all('*'))
        for (const a of Array.from(el.attributes)) {
          if (a.name.startsWith('on') || a.name === 'name') bad.push(el.tagName + ' ' + a.name);
          if (['href', 'src', 'srcdoc', 'action'].includes(a.name) && !/^https?:\/\//.test(a.value))
            bad.push(el.tagName + ' ' + a.name + '=' + a.value);
        }
      return bad;
    });
    assert.deepEqual(found, []);
    assert.equal(await page.evaluate(() => window.__pwned), 0);
  });

  it('loads the full discussion through the background, retries a failed page, and merges', async () => {
    const { page } = session;
    await page.goto(url(LINKED_ARTICLE_PATH.slice(1)));
    await waitFor(page, OUTLINE);
    const click = async (text) => {
      const find = `(${buttonNamed})(${JSON.stringify(text)})`;
      await waitFor(page, find, { message: `a button "${text}"` });
      await (await page.evaluateHandle(find)).click();
    };
    await click('Load full discussion');
    const alert = await waitFor(page, `document.querySelector('.tl-discussion [role="alert"]')?.textContent`);
    assert.match(alert, /Page 3 of 3: The forum answered 500\./);
    await click('Retry');
    await waitFor(page, `document.querySelector('.tl-discussion')?.textContent.includes('Full discussion: 14 posts.')`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[role="treeitem"]').length), 14);
    assert.equal(
      await page.evaluate(
        () => document.querySelector('[data-comment-id="25854120"] > article blockquote').dataset.quoteOf,
      ),
      '25853860',
    );
  });

  it('keeps the reader in place when the full discussion arrives (from the cache)', async () => {
    const { page } = session;
    await page.goto(url(LINKED_ARTICLE_PATH.slice(1)));
    await waitFor(page, OUTLINE);
    const top = () => Math.round(document.querySelector('[data-comment-id="25853901"]').getBoundingClientRect().top);
    await page.evaluate(() => {
      document.body.append(Object.assign(document.createElement('div'), { style: 'height:3000px' }));
      document.querySelector('[data-comment-id="25853901"]').scrollIntoView({ block: 'start' });
    });
    await sleep(200);
    const before = await page.evaluate(top);
    // Pressed from the keyboard without scrolling to it: the view acts only on the reader's own input.
    await page.evaluate(`(${buttonNamed})('Load full discussion').focus({ preventScroll: true })`);
    await page.keyboard.press('Enter');
    await waitFor(page, `document.querySelector('.tl-discussion')?.textContent.includes('Full discussion: 14 posts')`);
    await sleep(800);
    const after = await page.evaluate(top);
    assert.ok(Math.abs(after - before) <= 2, `moved from ${before} to ${after}`);
  });

  it('threads the real 2022 capture', async () => {
    const { page } = session;
    await page.goto(url('macrumors-2022-apple-pencil.html'));
    assert.equal(await waitFor(page, OUTLINE), '1:24208508 1:24208549 1:24208525 1:24208557 1:24208509 1:24208535');
  });

  it('applies popup changes live, restores the original exactly when disabled, and never duplicates', async () => {
    const { page, ff } = session;
    const article = url('macrumors-2017-huawei-xiaomi.html');
    await page.goto(article);
    await waitFor(page, OUTLINE);
    const pristine = await page.evaluate(() =>
      fetch(location.href)
        .then((r) => r.text())
        .then((html) => new DOMParser().parseFromString(html, 'text/html').getElementById('comments').outerHTML),
    );
    const popup = await ff.openExtensionPage('popup.html');
    const tabId = await popup.evaluate(
      (u) => browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === u).id),
      article,
    );
    await ff.gotoExtensionPage(popup, `popup.html?tab=${tabId}`);
    await waitFor(popup, `document.querySelector('.tl-status')?.textContent === '10 of 10 comments shown.'`);
    /** The page is shown while it is checked (a hidden tab defers its work), then the popup again. */
    const inPage = async (fn) => {
      await page.bringToFront();
      try {
        return await fn();
      } finally {
        await popup.bringToFront();
      }
    };

    await setControl(popup, 'tl-sort', 'Oldest');
    await inPage(() =>
      waitFor(page, `${TOP_LEVEL}.startsWith('25853790 25853795 25853802')`, { message: 'oldest first' }),
    );
    await setControl(popup, 'tl-min-rating', '5');
    await inPage(() =>
      waitFor(page, `document.querySelectorAll('[data-filtered="rating"]').length === 5`, {
        message: '5 below rating',
      }),
    );
    await setControl(popup, 'tl-min-rating', '');
    await setControl(popup, 'tl-muted', 'Monoprice');
    await inPage(() =>
      waitFor(
        page,
        `document.querySelector('[data-comment-id="25854120"]')?.dataset.filtered === 'muted-word' && document.querySelectorAll('[data-filtered]').length === 1`,
        { message: 'muted word' },
      ),
    );
    await setControl(popup, 'tl-muted', '');
    await setControl(popup, 'tl-enabled', false);
    await inPage(async () => {
      await waitFor(page, `!document.querySelector('[data-threadlight]')`, { message: 'view removed' });
      assert.equal(await page.evaluate(() => document.getElementById('comments').outerHTML), pristine);
    });
    await setControl(popup, 'tl-enabled', true);
    await inPage(async () => {
      await waitFor(page, `document.querySelectorAll('[role="treeitem"]').length === 10`);
      await page.goto(article);
      await waitFor(page, OUTLINE);
      await sleep(300);
      assert.equal(await page.evaluate(() => document.querySelectorAll('[data-threadlight="thread"]').length), 1);
    });
    await popup.close();
    await page.bringToFront();
  });

  it('keeps only the comments near the viewport of a 1,500-post discussion rendered, and brings them back', async () => {
    const tab = await session.ff.browser.newPage();
    try {
      await tab.goto(url('threads/long-thread.1/'));
      await waitFor(
        tab,
        `document.querySelector('.tl-more')?.textContent.includes('of ${LONG_POSTS.toLocaleString('en')} comments')`,
      );
      // The reader scrolls to the end: everything is reached, what is far behind becomes spacers.
      const state = (all) => {
        const more = document.querySelector('.tl-more');
        return {
          reached: more
            ? Number(((/Showing ([\d,]+) of/.exec(more.textContent) || [])[1] || '0').replaceAll(',', ''))
            : all,
          live: document.querySelectorAll('[role="treeitem"]').length,
          spacers: Array.from(document.querySelectorAll('.tl-block')).filter(
            (b) => !b.childElementCount && b.offsetHeight > 0,
          ).length,
        };
      };
      let s = await tab.evaluate(state, LONG_POSTS);
      for (let i = 0; i < 300 && s.reached < 800; i++) {
        await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await sleep(100);
        s = await tab.evaluate(state, LONG_POSTS);
      }
      assert.ok(s.reached >= 800, `reached ${s.reached}`);
      await sleep(1000);
      s = await tab.evaluate(state, LONG_POSTS);
      assert.ok(s.live < s.reached / 2, `${s.live} rendered of ${s.reached} reached`);
      assert.ok(s.spacers > 0, 'spacers above the viewport');
      await tab.evaluate(() => window.scrollTo(0, 0));
      await waitFor(tab, `document.querySelector('[role="treeitem"][aria-level="1"][aria-posinset="1"]')`);
    } finally {
      await tab.close();
      await session.page.bringToFront();
    }
  });
});

describe('Firefox: a page that changes under the view', () => {
  const snapshot = () => {
    const views = document.querySelectorAll('[data-threadlight="thread"]');
    const ids = Array.from(
      document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]'),
      (el) => el.dataset.commentId,
    );
    return {
      views: views.length,
      ids,
      placed: !!views[0] && views[0].nextElementSibling === document.getElementById('comments'),
    };
  };
  const showsA = (s) => s.views === 1 && s.placed && s.ids.length === 10 && s.ids.includes('25853811');
  const showsB = (s) => s.views === 1 && s.placed && s.ids.join(' ') === '26000001 26000002 26000003';
  /** Polls until `done` holds, never seeing two views at once; fails after `timeoutMs`. */
  async function until(done, timeoutMs = 1000, page = session.page) {
    const start = Date.now();
    for (;;) {
      const now = await page.evaluate(snapshot);
      assert.ok(now.views <= 1, `${now.views} views at once`);
      if (done(now)) return;
      if (Date.now() - start > timeoutMs) assert.fail(`not within ${timeoutMs} ms: ${JSON.stringify(now)}`);
      await sleep(25);
    }
  }
  const openLive = async () => {
    await session.page.goto(url('live-page.html'));
    await until(showsA, 5000);
  };
  const toggleOf = (id) => `[data-comment-id="${id}"] > .tl-comment .tl-toggle`;

  // First in this block: no earlier visit to this discussion (the growing test below adds a comment for good).
  it('marks what is new since the last visit: nothing the first time, a comment added since the next', async () => {
    const { page } = session;
    await page.goto(url('live-page.html?first'));
    await until(showsA, 5000);
    await sleep(300);
    assert.equal(
      await page.evaluate(() => document.querySelectorAll('[data-new]').length),
      0,
      'a first visit marks nothing',
    );
    await page.goto(url('live-page.html?second'));
    await until(showsA, 5000);
    await page.evaluate(() => window.site.grow());
    await waitFor(page, `document.querySelector('[data-comment-id="25860000"][data-new]')`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-new]').length), 1);
  });

  it('comes back when the site renders its comments again, collapsed as it was, and shows replaced ones', async () => {
    const { page } = session;
    await openLive();
    await page.click(toggleOf('25853802'));
    await page.evaluate(() => window.site.rerender());
    // Collapsed: its two replies are not rendered.
    await until((s) => s.views === 1 && s.placed && s.ids.length === 8 && s.ids.includes('25853802'));
    assert.equal(
      await page.evaluate(() => document.querySelector('[data-comment-id="25853802"]').getAttribute('aria-expanded')),
      'false',
    );
    await page.evaluate(() => window.site.replace('b'));
    await until(showsB);
  });

  for (const when of ['before', 'after']) {
    it(`follows pushState ${when} the new comments arrive, and back`, async () => {
      const { page } = session;
      await openLive();
      await page.evaluate((w) => window.site.navigate('b', w), when);
      await until(showsB, when === 'before' ? 1300 : 1000);
      await sleep(1200);
      assert.ok(showsB(await page.evaluate(snapshot)));
      await page.evaluate(() => history.back());
      await until(showsA, 1100);
    });
  }

  it('extends a growing section without losing what the reader collapsed', async () => {
    const { page } = session;
    await openLive();
    await page.click(toggleOf('25853802'));
    const collapsed = () => document.querySelector('[data-comment-id="25853802"]').getAttribute('aria-expanded');
    assert.equal(await page.evaluate(collapsed), 'false');
    await page.evaluate(() => window.site.grow());
    await until((s) => s.views === 1 && s.ids.includes('25860000'));
    assert.equal(await page.evaluate(collapsed), 'false');
    assert.equal(
      await page.evaluate(
        () => document.querySelectorAll('[data-comment-id="25853795"] [data-comment-id="25860000"]').length,
      ),
      1,
    );
  });

  it('does no work in a tab opened in the background, and shows the view once the tab is shown', async () => {
    const tab = await session.ff.browser.newPage({ background: true });
    try {
      await tab.goto(url('live-page.html'));
      await sleep(1200);
      assert.deepEqual(
        await tab.evaluate(() => ({
          state: document.visibilityState,
          views: document.querySelectorAll('[data-threadlight]').length,
          extracted: performance.getEntriesByName('threadlight:extract').length,
        })),
        { state: 'hidden', views: 0, extracted: 0 },
      );
      await tab.bringToFront();
      await until(showsA, 1000, tab);
    } finally {
      await tab.close();
      await session.page.bringToFront();
    }
  });

  it('is itself after the back-forward cache restores the page', async () => {
    const { page } = session;
    // Firefox keeps a page in the cache only when nothing is in flight as it is left: up to three tries.
    let restored = false;
    for (let attempt = 0; attempt < 3 && !restored; attempt++) {
      await page.goto(url('live-cacheable.html'));
      await page.evaluate(() => addEventListener('pageshow', (e) => (window.__restored = e.persisted)));
      await until(showsA, 5000);
      await sleep(500);
      await page.goto(url('no-comments.html'));
      await page.evaluate(() => history.back());
      await waitFor(page, `location.pathname.endsWith('live-cacheable.html') && document.readyState === 'complete'`);
      await sleep(200);
      restored = await page.evaluate(() => window.__restored === true);
    }
    assert.equal(restored, true, 'restored from the back-forward cache');
    await until(showsA);
    await sleep(600);
    assert.ok(showsA(await page.evaluate(snapshot)));
  });
});
