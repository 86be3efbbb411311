// npm run bench (part "people"): muting, unmuting and tagging a person in an open 8,000-post view (a XenForo
// thread on the built-in forum host in Chromium's shipped build; on loopback in Firefox's test build). Each
// figure is from the reader's click (pointerdown) to the change in the view's DOM and to the frame after it
// (target: under 100 ms, without building the model again). Beside them, in the same page and browser: the
// floor, a click that changes one comment only (collapsing its replies).
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox, waitFor } from './lib/firefox.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { ROOT } from './lib/paths.mjs';
import { testBuild } from './lib/test-build.mjs';
import { syntheticDiscussion, xenforoHtml } from './lib/synthetic.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const POSTS = 8000;
const PATH = '/threads/bench-people.1/';
const html = xenforoHtml(syntheticDiscussion(POSTS));
const COUNT = `document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length >= 20`;

/**
 * Arms the page: the next pointerdown starts the clock; the first DOM change after it that makes `done` true
 * stops it ("applied"), and the frame after that ("painted").
 */
const arm = (done) => `(() => {
  window.__t = null;
  document.addEventListener('pointerdown', () => {
    const t0 = performance.now();
    const check = () => {
      if (window.__t || !(${done})) return;
      const applied = performance.now() - t0;
      window.__t = { applied };
      obs.disconnect();
      requestAnimationFrame(() => (window.__t.painted = performance.now() - t0));
    };
    const obs = new MutationObserver(check);
    obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  }, { capture: true, once: true });
})()`;
const TAKEN = `window.__t && window.__t.painted !== undefined`;
const FIRST = `document.querySelector('[data-threadlight="thread"] [role="treeitem"]')`;
const AUTHOR = `${FIRST}.querySelector('.tl-author').textContent`;

/** The four measured clicks, driven by `act` (a browser's real click on a selector, or keys). */
async function measure(page, evaluate, click, keys) {
  const id = await evaluate(`${FIRST}.dataset.commentId`);
  const author = await evaluate(AUTHOR);
  const item = `[role="treeitem"][data-comment-id="${id}"]`;
  const out = {};
  const step = async (name, done, run) => {
    await evaluate(arm(done));
    await run();
    for (let i = 0; i < 200 && !(await evaluate(TAKEN)); i++) await new Promise((r) => setTimeout(r, 25));
    out[name] = await evaluate('window.__t');
  };
  // The floor: the reader collapses one comment's replies (or, without replies, opens its menu).
  await step('floor', `document.querySelector('${item} .tl-person-menu')`, () =>
    click(`${item} button[aria-label="More for ${author}"]`),
  );
  await step('mute', `document.querySelector('${item}')?.dataset.filtered === 'muted-user'`, () =>
    click(`${item} .tl-person-menu .tl-mute`),
  );
  await new Promise((r) => setTimeout(r, 800));
  await step('unmute', `!document.querySelector('${item}')?.dataset.filtered`, () =>
    click(`${item} .tl-placeholder button:last-child`),
  );
  await new Promise((r) => setTimeout(r, 800));
  await click(`${item} button[aria-label="Note on ${author}"]`);
  await new Promise((r) => setTimeout(r, 200));
  await keys();
  await step('tag', `document.querySelector('${item} [data-threadlight="tag"]')`, () => page.keyboard.press('Enter'));
  return out;
}

/** Types a tag in the open editor and moves to its Save button (the Enter that saves is measured). */
const typeTag = (page) => async () => {
  await page.keyboard.press('Tab');
  await page.keyboard.type('bench');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
};

async function inChromium(server) {
  if (!process.env.TL_BENCH_NO_BUILD) execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
  const browser = await launchChromium({ extensionDir: join(ROOT, '.output', 'chrome-mv3'), port: server.port });
  const rows = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      await browser.worker.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
      const page = await browser.context.newPage();
      await page.goto(`https://forums.macrumors.com${PATH}`);
      await page.waitForFunction(COUNT, null, { timeout: 60_000 });
      await page.waitForTimeout(1500);
      const evaluate = (expr) => page.evaluate(expr);
      // A press on the Enter key is not a pointerdown: the tag step is armed on keydown instead.
      const keys = async () => {
        await typeTag(page)();
        await page.evaluate(
          `document.addEventListener('keydown', () => document.dispatchEvent(new PointerEvent('pointerdown')), { capture: true, once: true })`,
        );
      };
      rows.push(await measure(page, evaluate, (sel) => page.click(sel), keys));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

async function inFirefox(server) {
  if (!process.env.TL_BENCH_NO_BUILD) testBuild('firefox', 'http');
  const ff = await launchFirefox({});
  const rows = [];
  const page = ff.page;
  try {
    for (let run = 0; run < RUNS; run++) {
      const options = await ff.openExtensionPage('options.html');
      await options.evaluate(() => Promise.all([browser.storage.sync.clear(), browser.storage.local.clear()]));
      await options.close();
      await page.bringToFront();
      await page.goto(`http://127.0.0.1:${server.port}${PATH}?run=${run}`);
      await waitFor(page, COUNT, { timeoutMs: 60_000 });
      await new Promise((r) => setTimeout(r, 1500));
      const evaluate = (expr) => page.evaluate(expr);
      const click = async (sel) => {
        await page.$eval(sel, (el) => el.scrollIntoView({ block: 'center' }));
        await new Promise((r) => setTimeout(r, 100));
        await page.click(sel);
      };
      const keys = async () => {
        await typeTag(page)();
        await page.evaluate(
          `document.addEventListener('keydown', () => document.dispatchEvent(new PointerEvent('pointerdown')), { capture: true, once: true })`,
        );
      };
      rows.push(await measure(page, evaluate, click, keys));
    }
  } finally {
    await ff.close();
  }
  return rows;
}

const ms = (t) => (t ? `${t.applied.toFixed(1).padStart(6)} / ${t.painted.toFixed(1).padStart(6)}` : '   n/a         ');
function report(name, rows) {
  console.log(`\n${name}: ${POSTS.toLocaleString('en')} posts; click → applied / painted, ms`);
  console.log('  run | floor (one comment)  | mute                 | unmute               | tag');
  rows.forEach((r, i) =>
    console.log(`  ${i + 1}   | ${ms(r.floor)}      | ${ms(r.mute)}      | ${ms(r.unmute)}      | ${ms(r.tag)}`),
  );
}

const only = process.argv[2];
const server = await startFixtureServer({
  https: only !== 'firefox',
  routes: { [PATH]: (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html) },
});
try {
  if (only !== 'firefox') report('Chromium (shipped build)', await inChromium(server));
  if (only !== 'chromium') {
    const plain =
      only === 'firefox'
        ? server
        : await startFixtureServer({
            routes: {
              [PATH]: (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
            },
          });
    try {
      report('Firefox (test build, loopback)', await inFirefox(plain));
    } finally {
      if (plain !== server) await plain.close();
    }
  }
} finally {
  await server.close();
}
