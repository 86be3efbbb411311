// Hostile and troublesome pages in Chromium: nothing in comments executes, DOM clobbering does not stop us,
// a Trusted Types CSP page works, late comments are found and followed, a section that never stops changing
// does not make us loop, and an extension reload gives the page its section back without errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { FIXTURES } from '../../scripts/lib/paths.mjs';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';

const TT_CSP = "require-trusted-types-for 'script'; trusted-types 'none'; script-src 'none'; object-src 'none'";

const session = chromiumSession({
  routes: {
    '/tt/seed.html': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': TT_CSP })
        .end(readFileSync(join(FIXTURES, 'macrumors-2017-huawei-xiaomi.html'))),
  },
});
const open = (path) => session.open(`https://www.macrumors.com${path}`);

/** Everything in our view that could run: script-ish elements, on* attributes, non-http(s) URLs. */
const executableInView = (page) =>
  page.evaluate(() => {
    // The page clobbers document.querySelector (<img name="querySelector">): use the prototypes.
    const host = Document.prototype.querySelector.call(document, '[data-threadlight="thread"]');
    const all = (sel) => Element.prototype.querySelectorAll.call(host, sel);
    const found = [];
    for (const el of all('script, iframe, object, embed, template, noscript, form, base, meta')) found.push(el.tagName);
    for (const el of all('*')) {
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) found.push(`${el.tagName} ${a.name}`);
        if (a.name === 'name') found.push(`${el.tagName} name=${a.value}`);
        if (['href', 'src', 'srcdoc', 'action'].includes(a.name) && !/^https?:\/\//.test(a.value))
          found.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    return found;
  });

describe('Chromium: hostile and troublesome pages', () => {
  it('renders hostile comment bodies inert, despite DOM clobbering', async () => {
    const { page, errors } = await open('/x/hostile-comments.html');
    await page.waitForSelector('[role="treeitem"]');
    assert.equal(await page.locator('[role="treeitem"]').count(), 8);
    assert.deepEqual(await executableInView(page), []);
    // Click every link we rendered: none may run anything.
    for (const link of await page.locator('[data-threadlight] .tl-body a').all())
      await link.click({ modifiers: ['Shift'] }).catch(() => undefined);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), 0);
    assert.equal(
      await page.locator('[data-comment-id="9000"] .tl-body').textContent(),
      'Look: <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=1</script>',
    );
    assert.equal(await page.locator('[data-comment-id="9005"] mark[data-brand="huawei"]').count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('works on a page with a Trusted Types CSP', async () => {
    const { page, errors } = await open('/tt/seed.html');
    await page.waitForSelector('[role="treeitem"]');
    assert.equal(await page.locator('[role="treeitem"]').count(), 10);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('finds comments the site adds after load, and follows new ones without duplicates', async () => {
    const { page, errors } = await open('/x/late-comments.html');
    await page.waitForSelector('[role="treeitem"]', { timeout: 10_000 });
    assert.equal(await page.locator('[role="treeitem"]').count(), 10);
    await page.waitForSelector('[data-comment-id="25860000"]', { timeout: 10_000 });
    assert.equal(await page.locator('[role="treeitem"]').count(), 11);
    assert.equal(await page.locator('[data-threadlight="thread"]').count(), 1);
    // The new comment quotes reader_four: it nests there.
    assert.equal(await page.locator('[data-comment-id="25853795"] [data-comment-id="25860000"]').count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('backs off from a section that never stops changing', async () => {
    const { page } = await open('/x/busy-comments.html');
    await page.waitForSelector('[role="treeitem"]');
    await page.waitForTimeout(5000);
    const { mutations, rereads } = await page.evaluate(() => ({
      mutations: Number(document.querySelector('.live').textContent),
      rereads: performance.getEntriesByName('threadlight:reread').length,
    }));
    assert.ok(mutations > 100, `the page changed its section ${mutations} times`);
    // 150, 300, 600, 1200, 2400 ms … apart: a handful of re-reads, not one per change.
    assert.ok(rereads <= 8, `re-read ${rereads} times`);
    assert.equal(await page.locator('[data-threadlight="thread"]').count(), 1);
    await page.close();
  });

  it('gives the page its section back when the extension is reloaded, without errors', async () => {
    const { page, errors } = await open('/x/macrumors-2017-huawei-xiaomi.html');
    await page.waitForSelector('[role="treeitem"]');
    await session.browser.worker.evaluate(() => chrome.runtime.reload());
    await page.waitForFunction(() => !document.querySelector('[data-threadlight]'), null, { timeout: 10_000 });
    assert.equal(await page.locator('#comments').isVisible(), true);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
