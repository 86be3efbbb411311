// Real-browser tests of the reading aids in Firefox ESR (the Firefox test build on a loopback server, driven
// over Marionette): previews, backlinks, search, notes, and axe-core on the view (light and dark pages), the
// popup and the settings page in both colour schemes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { launchFirefox } from '../../scripts/lib/firefox.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { AXE_RUN_SCRIPT, AXE_SOURCE } from '../support/e2e/axe.mjs';

let server;
let ff;
let d;
const SEED = () => `http://127.0.0.1:${server.port}/macrumors-2017-huawei-xiaomi.html`;
const VIEW = '[data-threadlight="thread"]';
const item = (id) => `[role="treeitem"][data-comment-id="${id}"]`;
const KEY = { Enter: '\uE007', Escape: '\uE00C' };

before(async () => {
  server = await startFixtureServer();
  ff = await launchFirefox({ extensionDir: join(ROOT, '.output-test', 'firefox-mv3') });
  d = ff.driver;
});
after(async () => {
  await ff?.close();
  await server?.close();
});

/** Runs a script in the browser's chrome (preferences, storage), then returns to the page. */
async function inChrome(script, args = []) {
  await d.send('Marionette:SetContext', { value: 'chrome' });
  try {
    return await d.execute(script, args);
  } finally {
    await d.send('Marionette:SetContext', { value: 'content' });
  }
}
/** 0: dark, 1: light (what prefers-color-scheme reports to pages, extension pages included). */
const colourScheme = (dark) =>
  inChrome(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', arguments[0]);`, [
    dark ? 0 : 1,
  ]);

async function openSeed() {
  await d.navigate(SEED());
  await d.waitFor(`document.querySelectorAll('${VIEW} [role="treeitem"]').length === 10`);
}

async function axe(selector = null) {
  if (!(await d.execute(`return 'axe' in window`))) await d.execute(`${AXE_SOURCE}\n;return true;`);
  return d.execute(AXE_RUN_SCRIPT, [selector]);
}

/** Where each comment's box is in the document (focusing may scroll): a preview must not move any. */
const boxes = `return Array.from(document.querySelectorAll('[role="treeitem"]'), (el) => { const r = el.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height].join(); })`;

describe('Firefox: reading aids', () => {
  it('folds a quote of the parent; focusing its source previews it without moving anything; Escape closes', async () => {
    await openSeed();
    assert.equal(await d.execute(`return document.querySelector('${item('25853840')} blockquote').dataset.folded`), '');
    await d.click(await d.find(`${item('25853840')} .tl-quote-fold`));
    await d.waitFor(`document.querySelector('${item('25853840')} .tl-quote-source button')`);
    await d.execute(`document.querySelector('${item('25853840')} blockquote').scrollIntoView({ block: 'center' })`);
    await new Promise((r) => setTimeout(r, 200));
    const before = await d.execute(boxes);
    await d.execute(`document.querySelector('${item('25853840')} .tl-quote-source button').focus()`);
    await d.waitFor(
      `document.querySelector('[role="tooltip"][data-threadlight="preview"]')?.dataset.previewOf === '25853795'`,
    );
    assert.deepEqual(await d.execute(boxes), before, 'no layout shift');
    assert.deepEqual(await axe(VIEW), [], 'axe with a preview open');
    await d.type(await d.find(`${item('25853840')} .tl-quote-source button`), KEY.Escape);
    await d.waitFor(`!document.querySelector('[data-threadlight="preview"]')`);
  });

  it('follows a backlink to a reply that is not rendered', async () => {
    await openSeed();
    await d.click(await d.find(`${item('25853795')} .tl-toggle`));
    await d.waitFor(`!document.querySelector('${item('25853840')}')`);
    await d.click(await d.find(`${item('25853795')} [data-threadlight="quoted-by"] a[data-comment-ref="25853840"]`));
    await d.waitFor(`document.activeElement?.matches('${item('25853840')}')`);
  });

  it('searches the whole discussion, moves with Enter, clears with Escape', async () => {
    await openSeed();
    const box = await d.find('input[aria-label="Search comments"]');
    await d.type(box, 'MIUI');
    await d.waitFor(`document.querySelector('[data-search-match]')`);
    const onlyMatches = await d.execute(
      `return Array.from(document.querySelectorAll('[role="treeitem"]')).every((el) => el.hasAttribute('data-search-match') || el.hasAttribute('data-search-context'))`,
    );
    assert.equal(onlyMatches, true);
    assert.ok((await d.execute(`return document.querySelectorAll('[role="treeitem"]').length`)) < 10);
    await d.type(box, KEY.Enter);
    await d.waitFor(`/^1 of \\d+ match/.test(document.querySelector('.tl-search-count').textContent)`);
    assert.equal(await d.execute(`return document.activeElement.getAttribute('aria-label')`), 'Search comments');
    await d.type(box, KEY.Escape);
    await d.waitFor(`document.querySelectorAll('[role="treeitem"]').length === 10`);
  });

  it('keeps a note on a person across a reload and shows it in settings', async () => {
    await openSeed();
    await d.click(await d.find(`${item('25853840')} button[aria-label="Note on reader_five"]`));
    await d.waitFor(`document.activeElement?.tagName === 'TEXTAREA'`);
    await d.type(await d.find(`${item('25853840')} textarea`), 'Tests every phone');
    await d.click(await d.find(`${item('25853840')} .tl-note-editor button[type="submit"]`));
    await d.waitFor(
      `document.querySelector('${item('25853840')} [data-threadlight="note"]')?.textContent === 'Tests every phone'`,
    );
    await new Promise((r) => setTimeout(r, 800)); // the write is batched
    await openSeed();
    await d.waitFor(`document.querySelector('${item('25853840')} [data-threadlight="note"]')`);
    const page = await d.handle();
    await d.openPrivilegedTab(ff.extensionUrl('options.html'));
    await d.waitFor(`document.querySelector('.tl-notes textarea')?.value === 'Tests every phone'`);
    // Removed again from settings, so the other tests start without it.
    await d.click(await d.find('button[aria-label="Delete note on reader_five"]'));
    await d.waitFor(`!document.querySelector('.tl-notes')`);
    await d.execute('window.close()');
    await d.switchTo(page);
  });
});

describe('Firefox: axe-core finds nothing', () => {
  it('on the view in a light page and a dark page', async () => {
    await openSeed();
    await d.waitFor(`document.querySelector('${VIEW}').dataset.theme === 'light'`);
    assert.deepEqual(await axe(VIEW), []);
    await openSeed();
    await d.execute(
      `const s = document.createElement('style'); s.textContent = 'html, body { background: #15181c !important; color: #e6e6e6 !important; }'; document.head.append(s);`,
    );
    await d.waitFor(`document.querySelector('${VIEW}').dataset.theme === 'dark'`);
    assert.deepEqual(await axe(VIEW), []);
  });

  it('on the popup and the settings page, in both colour schemes', async () => {
    await openSeed();
    const page = await d.handle();
    try {
      for (const dark of [false, true]) {
        await colourScheme(dark);
        await d.openPrivilegedTab(ff.extensionUrl('popup.html'));
        await d.waitFor(`document.querySelector('#tl-enabled')`);
        assert.deepEqual(await axe(), [], `popup, ${dark ? 'dark' : 'light'}`);
        await d.navigate(ff.extensionUrl('options.html'));
        await d.waitFor(`document.querySelector('h1')?.textContent === 'Threadlight settings'`);
        assert.deepEqual(await axe(), [], `settings, ${dark ? 'dark' : 'light'}`);
        await d.execute('window.close()');
        await d.switchTo(page);
      }
    } finally {
      await colourScheme(false);
    }
  });
});

describe('Firefox: a phone-sized window (360 px)', () => {
  it('lays out the view without sideways scrolling, with touch-sized controls', async () => {
    // Firefox windows are at least 500 px wide: a 500 px window zoomed to 139% is a 360 px CSS viewport, as
    // on a phone.
    const rect = await d.send('WebDriver:GetWindowRect');
    await d.send('WebDriver:SetWindowRect', { width: 500, height: 900 });
    try {
      await openSeed();
      await inChrome(`gBrowser.selectedBrowser.fullZoom = 500 / 360;`);
      await d.waitFor(`innerWidth <= 370`);
      await new Promise((r) => setTimeout(r, 300));
      const check = await d.execute(`
        const el = document.querySelector('.tl-view');
        const small = Array.from(el.querySelectorAll('button, input, select, textarea'))
          .filter((c) => !c.classList.contains('tl-thread-line') && c.getClientRects().length > 0)
          .map((c) => [c.className, c.getBoundingClientRect()])
          .filter(([, r]) => r.width < 24 || r.height < 24)
          .map(([name, r]) => name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
        return { width: innerWidth, overflow: el.scrollWidth - el.clientWidth, small };`);
      assert.ok(check.width <= 370, `the window is phone-sized (${check.width}px)`);
      assert.ok(check.overflow <= 0, `the view overflows by ${check.overflow}px`);
      assert.deepEqual(check.small, []);
    } finally {
      await inChrome(`gBrowser.selectedBrowser.fullZoom = 1;`);
      const { width, height } = rect.value ?? rect;
      await d.send('WebDriver:SetWindowRect', { width, height });
    }
  });
});
