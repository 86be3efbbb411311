// Real-browser tests of the Firefox test build in firefox-esr (installed by web-ext, driven over Marionette):
// fixture pages on a loopback HTTP server (the test build adds loopback matches), the popup opened as a tab.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { FIXTURES, ROOT } from '../../scripts/lib/paths.mjs';
import { forumRoutes, LINKED_ARTICLE_PATH } from '../support/e2e/forum-routes.mjs';
import { syntheticDiscussion, xenforoHtml } from '../../scripts/lib/synthetic.mjs';

let server;
let ff;
let d;
const url = (name) => `http://127.0.0.1:${server.port}/${name}`;

const forum = forumRoutes();
const LONG_POSTS = 1500;
const longThread = xenforoHtml(syntheticDiscussion(LONG_POSTS));

before(async () => {
  server = await startFixtureServer({
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
  });
  ff = await launchFirefox({ extensionDir: join(ROOT, '.output-test', 'firefox-mv3') });
  d = ff.driver;
});
after(async () => {
  await ff?.close();
  await server?.close();
});

const OUTLINE = `Array.from(document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]')).map((el) => el.getAttribute('aria-level') + ':' + el.dataset.commentId + (el.dataset.filtered ? ':' + el.dataset.filtered : '')).join(' ')`;
const TOP_LEVEL = `Array.from(document.querySelectorAll('[role="treeitem"][aria-level="1"]')).map((el) => el.dataset.commentId).join(' ')`;

/** In the popup tab: sets a control the way a person would (typing, clicking, choosing an option). */
async function setControl(id, value) {
  const el = await d.find(`#${id}`);
  if (typeof value === 'boolean') {
    const checked = await d.execute(`return document.getElementById(arguments[0]).checked`, [id]);
    if (checked !== value) await d.click(el);
  } else if (await d.execute(`return document.getElementById(arguments[0]).tagName === 'SELECT'`, [id])) {
    await d.execute(
      `const s = document.getElementById(arguments[0]); s.value = Array.from(s.options).find((o) => o.text === arguments[1]).value; s.dispatchEvent(new Event('change', { bubbles: true }));`,
      [id, value],
    );
  } else {
    // Select all and delete, then type: the input events a person's editing fires.
    await d.type(el, '\uE009a\uE003');
    if (value) await d.type(el, value);
  }
}

describe('Firefox: the thread view and the popup', () => {
  it('threads the seed page exactly, with contract hooks', async () => {
    await d.navigate(url('macrumors-2017-huawei-xiaomi.html'));
    const outline = await d.waitFor(OUTLINE);
    assert.equal(
      outline,
      '1:25853811 1:25853790 1:25853802 2:25854002 2:25854077 1:25853795 2:25853840 1:25854120 1:25853901 1:25853950',
    );
    assert.deepEqual(
      await d.execute(`return [
        document.querySelectorAll('[data-threadlight="thread"]').length,
        // The original is hidden: its contents skipped, its box of no size.
        (() => { const s = getComputedStyle(document.getElementById('comments')); const r = document.getElementById('comments').getBoundingClientRect(); return [s.contentVisibility, s.visibility, r.width * r.height].join(' '); })(),
        document.querySelector('[data-comment-id="25853840"] blockquote').dataset.quoteOf,
        document.querySelector('[data-comment-id="25854120"] blockquote').dataset.quoteOf,
        document.querySelectorAll('[data-comment-id="25853901"] mark[data-brand]').length,
      ]`),
      [1, 'hidden hidden 0', '25853795', '', 10],
    );
  });

  it('renders hostile comment bodies inert', async () => {
    await d.navigate(url('hostile-comments.html'));
    await d.waitFor(
      `Document.prototype.querySelectorAll.call(document, '[data-threadlight="thread"] [role="treeitem"]').length === 8`,
    );
    const found = await d.execute(`
      const host = Document.prototype.querySelector.call(document, '[data-threadlight="thread"]');
      const all = (sel) => Array.from(Element.prototype.querySelectorAll.call(host, sel));
      const bad = all('script, iframe, object, embed, template, noscript, form, base, meta').map((el) => el.tagName);
      for (const el of all('*')) for (const a of Array.from(el.attributes)) {
        if (a.name.startsWith('on') || a.name === 'name') bad.push(el.tagName + ' ' + a.name);
        if (['href', 'src', 'srcdoc', 'action'].includes(a.name) && !/^https?:\\/\\//.test(a.value)) bad.push(el.tagName + ' ' + a.name + '=' + a.value);
      }
      return bad;`);
    assert.deepEqual(found, []);
    const pwned = await d.execute(`return (window.wrappedJSObject || window).__pwned`);
    assert.equal(pwned, 0);
  });

  it('loads the full discussion through the background, retries a failed page, and merges', async () => {
    await d.navigate(url(LINKED_ARTICLE_PATH.slice(1)));
    await d.waitFor(OUTLINE);
    const button = (text) =>
      d.execute(
        `return Array.from(document.querySelectorAll('.tl-discussion button')).find((b) => b.textContent.trim() === arguments[0]) || null`,
        [text],
      );
    await d.waitFor(
      `Array.from(document.querySelectorAll('.tl-discussion button')).some((b) => b.textContent.trim() === 'Load full discussion')`,
    );
    await d.click(Object.values(await button('Load full discussion'))[0]);
    const alert = await d.waitFor(`document.querySelector('.tl-discussion [role="alert"]')?.textContent`);
    assert.match(alert, /Page 3 of 3: The forum answered 500\./);
    await d.click(Object.values(await button('Retry'))[0]);
    await d.waitFor(`document.querySelector('.tl-discussion')?.textContent.includes('Full discussion: 14 posts.')`);
    assert.equal(await d.execute(`return document.querySelectorAll('[role="treeitem"]').length`), 14);
    assert.equal(
      await d.execute(
        `return document.querySelector('[data-comment-id="25854120"] > article blockquote').dataset.quoteOf`,
      ),
      '25853860',
    );
  });

  it('keeps the reader in place when the full discussion arrives (from the cache)', async () => {
    await d.navigate(url(LINKED_ARTICLE_PATH.slice(1)));
    await d.waitFor(OUTLINE);
    const top = `Math.round(document.querySelector('[data-comment-id="25853901"]').getBoundingClientRect().top)`;
    await d.execute(
      `document.body.append(Object.assign(document.createElement('div'), { style: 'height:3000px' })); document.querySelector('[data-comment-id="25853901"]').scrollIntoView({ block: 'start' });`,
    );
    await new Promise((r) => setTimeout(r, 200));
    const before = await d.execute(`return ${top}`);
    await d.execute(
      `Array.from(document.querySelectorAll('.tl-discussion button')).find((b) => b.textContent.trim() === 'Load full discussion').click()`,
    );
    await d.waitFor(`document.querySelector('.tl-discussion')?.textContent.includes('Full discussion: 14 posts')`);
    await new Promise((r) => setTimeout(r, 800));
    const after = await d.execute(`return ${top}`);
    assert.ok(Math.abs(after - before) <= 2, `moved from ${before} to ${after}`);
  });

  it('threads the real 2022 capture', async () => {
    await d.navigate(url('macrumors-2022-apple-pencil.html'));
    assert.equal(await d.waitFor(OUTLINE), '1:24208508 1:24208549 1:24208525 1:24208557 1:24208509 1:24208535');
  });

  it('applies popup changes live, restores the original exactly when disabled, and never duplicates', async () => {
    await d.navigate(url('macrumors-2017-huawei-xiaomi.html'));
    await d.waitFor(OUTLINE);
    const pristine = await d.execute(
      `return fetch(location.href).then((r) => r.text()).then((html) => new DOMParser().parseFromString(html, 'text/html').getElementById('comments').outerHTML)`,
    );
    const pageTab = await d.handle();
    const tabId = await (async () => {
      await d.openPrivilegedTab(ff.extensionUrl('popup.html'));
      return d.execute(`return browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === arguments[0]).id)`, [
        url('macrumors-2017-huawei-xiaomi.html'),
      ]);
    })();
    await d.navigate(ff.extensionUrl(`popup.html?tab=${tabId}`));
    await d
      .waitFor(`document.querySelector('.tl-status')?.textContent === '10 of 10 comments shown.'`)
      .catch(async (e) => {
        throw new Error(
          e.message +
            ' / status: ' +
            JSON.stringify(
              await d.execute('return [location.href, document.documentElement.outerHTML.slice(0, 1500)]'),
            ),
        );
      });
    const popupTab = await d.handle();
    const inPage = async (fn) => {
      await d.switchTo(pageTab);
      try {
        return await fn();
      } finally {
        await d.switchTo(popupTab);
      }
    };

    await setControl('tl-sort', 'Oldest');
    await inPage(() => d.waitFor(`${TOP_LEVEL}.startsWith('25853790 25853795 25853802')`, { message: 'oldest first' }));
    await setControl('tl-min-rating', '5');
    await inPage(() =>
      d.waitFor(`document.querySelectorAll('[data-filtered="rating"]').length === 5`, { message: '5 below rating' }),
    );
    await setControl('tl-min-rating', '');
    await setControl('tl-muted', 'Monoprice');
    await inPage(async () => {
      await d.waitFor(
        `document.querySelector('[data-comment-id="25854120"]')?.dataset.filtered === 'muted-word' && document.querySelectorAll('[data-filtered]').length === 1`,
        { message: 'muted word' },
      );
    });
    await setControl('tl-muted', '');
    await setControl('tl-enabled', false);
    await inPage(async () => {
      await d.waitFor(`!document.querySelector('[data-threadlight]')`, { message: 'view removed' });
      assert.equal(await d.execute(`return document.getElementById('comments').outerHTML`), pristine);
    });
    await setControl('tl-enabled', true);
    await inPage(async () => {
      await d.waitFor(`document.querySelectorAll('[role="treeitem"]').length === 10`);
      await d.navigate(url('macrumors-2017-huawei-xiaomi.html'));
      await d.waitFor(OUTLINE);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await d.execute(`return document.querySelectorAll('[data-threadlight="thread"]').length`), 1);
    });
    await d.execute(`window.close()`);
    await d.switchTo(pageTab);
  });
  it('keeps only the comments near the viewport of a 1,500-post discussion rendered, and brings them back', async () => {
    await d.switchTo(await d.newTab());
    await d.navigate(url('threads/long-thread.1/'));
    await d.waitFor(
      `document.querySelector('.tl-more')?.textContent.includes('of ${LONG_POSTS.toLocaleString('en')} comments')`,
    );
    // The reader scrolls to the end: everything is reached, what is far behind becomes spacers.
    const state = `const more = document.querySelector('.tl-more');
      return {
        reached: more ? Number(((/Showing ([\\d,]+) of/.exec(more.textContent) || [])[1] || '0').replaceAll(',', '')) : ${LONG_POSTS},
        live: document.querySelectorAll('[role="treeitem"]').length,
        spacers: Array.from(document.querySelectorAll('.tl-block')).filter((b) => !b.childElementCount && b.offsetHeight > 0).length,
      };`;
    let s = await d.execute(state);
    for (let i = 0; i < 300 && s.reached < 800; i++) {
      await d.execute('window.scrollTo(0, document.documentElement.scrollHeight)');
      await new Promise((r) => setTimeout(r, 100));
      s = await d.execute(state);
    }
    assert.ok(s.reached >= 800, `reached ${s.reached}`);
    await new Promise((r) => setTimeout(r, 1000));
    s = await d.execute(state);
    assert.ok(s.live < s.reached / 2, `${s.live} rendered of ${s.reached} reached`);
    assert.ok(s.spacers > 0, 'spacers above the viewport');
    await d.execute('window.scrollTo(0, 0)');
    await d.waitFor(`document.querySelector('[role="treeitem"][aria-level="1"][aria-posinset="1"]')`);
  });
});

describe('Firefox: a page that changes under the view', () => {
  const SNAPSHOT = `const views = document.querySelectorAll('[data-threadlight="thread"]');
    const ids = Array.from(document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]'), (el) => el.dataset.commentId);
    return { views: views.length, ids, placed: !!views[0] && views[0].nextElementSibling === document.getElementById('comments') };`;
  const showsA = (s) => s.views === 1 && s.placed && s.ids.length === 10 && s.ids.includes('25853811');
  const showsB = (s) => s.views === 1 && s.placed && s.ids.join(' ') === '26000001 26000002 26000003';
  /** Polls until `done` holds, never seeing two views at once; fails after `timeoutMs`. */
  async function until(done, timeoutMs = 1000) {
    const start = Date.now();
    for (;;) {
      const now = await d.execute(SNAPSHOT);
      assert.ok(now.views <= 1, `${now.views} views at once`);
      if (done(now)) return;
      if (Date.now() - start > timeoutMs) assert.fail(`not within ${timeoutMs} ms: ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const openLive = async () => {
    await d.navigate(url('live-page.html'));
    await until(showsA, 5000);
  };

  // First in this block: no earlier visit to this discussion (the growing test below adds a comment for good).
  it('marks what is new since the last visit: nothing the first time, a comment added since the next', async () => {
    await d.navigate(url('live-page.html?first'));
    await until(showsA, 5000);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(
      await d.execute(`return document.querySelectorAll('[data-new]').length`),
      0,
      'a first visit marks nothing',
    );
    await d.navigate(url('live-page.html?second'));
    await until(showsA, 5000);
    await d.execute('window.site.grow()');
    await d.waitFor(`document.querySelector('[data-comment-id="25860000"][data-new]')`);
    assert.equal(await d.execute(`return document.querySelectorAll('[data-new]').length`), 1);
  });

  it('comes back when the site renders its comments again, collapsed as it was, and shows replaced ones', async () => {
    await openLive();
    await d.click(await d.find('[data-comment-id="25853802"] > .tl-comment .tl-toggle'));
    await d.execute('window.site.rerender()');
    // Collapsed: its two replies are not rendered.
    await until((s) => s.views === 1 && s.placed && s.ids.length === 8 && s.ids.includes('25853802'));
    assert.equal(
      await d.execute(`return document.querySelector('[data-comment-id="25853802"]').getAttribute('aria-expanded')`),
      'false',
    );
    await d.execute('window.site.replace("b")');
    await until(showsB);
  });

  for (const when of ['before', 'after']) {
    it(`follows pushState ${when} the new comments arrive, and back`, async () => {
      await openLive();
      await d.execute(`window.site.navigate('b', '${when}')`);
      await until(showsB, when === 'before' ? 1300 : 1000);
      await new Promise((r) => setTimeout(r, 1200));
      assert.ok(showsB(await d.execute(SNAPSHOT)));
      await d.execute('history.back()');
      await until(showsA, 1100);
    });
  }

  it('extends a growing section without losing what the reader collapsed', async () => {
    await openLive();
    await d.click(await d.find('[data-comment-id="25853802"] > .tl-comment .tl-toggle'));
    const collapsed = `document.querySelector('[data-comment-id="25853802"]').getAttribute('aria-expanded')`;
    assert.equal(await d.execute(`return ${collapsed}`), 'false');
    await d.execute('window.site.grow()');
    await until((s) => s.views === 1 && s.ids.includes('25860000'));
    assert.equal(await d.execute(`return ${collapsed}`), 'false');
    assert.equal(
      await d.execute(
        `return document.querySelectorAll('[data-comment-id="25853795"] [data-comment-id="25860000"]').length`,
      ),
      1,
    );
  });

  it('does no work in a tab opened in the background, and shows the view once the tab is shown', async () => {
    const first = await d.handle();
    const { handle } = await d.send('WebDriver:NewWindow', { type: 'tab', focus: false }).then(unwrapValue);
    await d.send('WebDriver:SwitchToWindow', { handle, focus: false });
    try {
      await d.navigate(url('live-page.html'));
      await new Promise((r) => setTimeout(r, 1200));
      assert.deepEqual(
        await d.execute(`return {
          state: document.visibilityState,
          views: document.querySelectorAll('[data-threadlight]').length,
          extracted: performance.getEntriesByName('threadlight:extract').length,
        }`),
        { state: 'hidden', views: 0, extracted: 0 },
      );
      await d.send('WebDriver:SwitchToWindow', { handle, focus: true });
      await until(showsA);
    } finally {
      await d.send('WebDriver:CloseWindow');
      await d.switchTo(first);
    }
  });

  it('is itself after the back-forward cache restores the page', async () => {
    // Firefox keeps a page in the cache only when nothing is in flight as it is left: up to three tries.
    let restored = false;
    for (let attempt = 0; attempt < 3 && !restored; attempt++) {
      await d.navigate(url('live-cacheable.html'));
      await d.execute(`addEventListener('pageshow', (e) => (window.__restored = e.persisted))`);
      await until(showsA, 5000);
      await new Promise((r) => setTimeout(r, 500));
      await d.navigate(url('no-comments.html'));
      await d.execute('history.back()');
      await d.waitFor(`location.pathname.endsWith('live-cacheable.html') && document.readyState === 'complete'`);
      await new Promise((r) => setTimeout(r, 200));
      restored = await d.execute('return window.__restored === true');
    }
    assert.equal(restored, true, 'restored from the back-forward cache');
    await until(showsA);
    await new Promise((r) => setTimeout(r, 600));
    assert.ok(showsA(await d.execute(SNAPSHOT)));
  });
});

/** A Marionette answer's value. */
const unwrapValue = (answer) => answer?.value ?? answer;
