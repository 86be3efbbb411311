// npm run bench (part "watch"): a watched discussion's check, and exporting, in Chromium's shipped build (a
// XenForo thread on the built-in forum host) and Firefox's test build (loopback).
// (1) The check: a 1,000-post thread page, watched, gains one post; from the check's request to the new post
// drawn, the longest gap between two frames (target: no long task over 50 ms), beside the floor: the longest
// gap in the same page over the same time with nothing to do.
// (2) Export: 5,000 posts, from the click on "Export discussion" to the JSON file saved (target: under 2 s).
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox, waitFor } from './lib/firefox.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { ROOT } from './lib/paths.mjs';
import { testBuild } from './lib/test-build.mjs';
import { syntheticDiscussion, xenforoHtml } from './lib/synthetic.mjs';

const CHECKED = Number(process.env.CHECKED ?? 1000);
const EXPORTED = 5000;
const all = syntheticDiscussion(CHECKED + 1, { seed: 5 });
let grown = false;
let checkedAt = 0;
const routes = {
  '/threads/bench-watch.1/': (_q, res) => {
    checkedAt = Date.now();
    const html = xenforoHtml(grown ? all : all.slice(0, CHECKED));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  },
  '/threads/bench-export.1/': (_q, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(xenforoHtml(syntheticDiscussion(EXPORTED))),
};
const COUNT = (n) => `document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length >= ${n}`;
// The header says the post arrived in the same draw that puts it in the tree (which draws far posts lazily).
const NEW = `document.querySelector('.tl-arrived')?.textContent`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts recording the gaps between frames in the page (window.__gaps: [time, gap] pairs). */
const RECORD = `(() => {
  window.__gaps = [];
  let last = performance.now();
  const tick = (now) => { window.__gaps.push([Date.now(), now - last]); last = now; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const longest = (from, to) =>
  `Math.max(0, ...window.__gaps.filter(([t]) => t >= ${from} && t <= ${to}).map(([, g]) => g))`;

/** One check measured: watch, wait a floor window, grow the thread, wait for the new post. */
async function check(evaluate, clickWatch) {
  const pressed = `document.querySelector('.tl-watch')?.getAttribute('aria-pressed') === 'true'`;
  for (let i = 0; i < 5 && !(await evaluate(pressed)); i++) {
    await evaluate(`document.querySelector('.tl-watch').scrollIntoView({ block: 'center' })`);
    await sleep(300);
    await clickWatch();
    await sleep(700);
  }
  if (!(await evaluate(pressed))) throw new Error('the watch toggle did not turn on');
  await evaluate(RECORD);
  const floorFrom = Date.now();
  await sleep(8000);
  const floor = await evaluate(longest(floorFrom, Date.now()));
  grown = true;
  checkedAt = 0;
  // The next request is the check (the first comes 30 s after watching); the post is drawn after it.
  for (let i = 0; i < 700 && !(await evaluate(`!!${NEW}`)); i++) await sleep(100);
  if (!(await evaluate(`!!${NEW}`)))
    throw new Error(
      `no post arrived: ${await evaluate(`[document.title, document.querySelector('.tl-watch-stopped')?.textContent, document.querySelectorAll('[role=treeitem]').length, document.visibilityState, document.hasFocus()]`)}`,
    );
  const drawn = Date.now();
  await sleep(300);
  return { floor, check: await evaluate(longest(checkedAt, drawn + 300)), took: drawn - checkedAt };
}

async function inChromium(server) {
  if (!process.env.TL_BENCH_NO_BUILD) execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
  const browser = await launchChromium({ extensionDir: join(ROOT, '.output', 'chrome-mv3'), port: server.port });
  try {
    await browser.worker.evaluate(() => chrome.storage.local.clear());
    const page = await browser.context.newPage();
    grown = false; // the thread as it was before the post the check finds
    await page.goto('https://forums.macrumors.com/threads/bench-watch.1/');
    await page.waitForFunction(COUNT(20), null, { timeout: 60_000 });
    const watched = await check(
      (e) => page.evaluate(e),
      () => page.click('.tl-watch'),
    );
    await page.goto('https://forums.macrumors.com/threads/bench-export.1/');
    await page.waitForFunction(COUNT(20), null, { timeout: 60_000 });
    const t0 = Date.now();
    const [exporter] = await Promise.all([browser.context.waitForEvent('page'), page.click('.tl-export')]);
    const [download] = await Promise.all([
      exporter.waitForEvent('download', { timeout: 30_000 }),
      exporter.getByRole('button', { name: 'Save as JSON' }).click(),
    ]);
    await download.path();
    return { ...watched, exported: Date.now() - t0 };
  } finally {
    await browser.close();
  }
}

async function inFirefox(server) {
  if (!process.env.TL_BENCH_NO_BUILD) testBuild('firefox', 'http');
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-'));
  const ff = await launchFirefox({
    prefs: { 'browser.download.folderList': 2, 'browser.download.dir': dir, 'browser.download.useDownloadDir': true },
  });
  try {
    const { page } = ff;
    await page.bringToFront();
    grown = false;
    await page.goto(`http://127.0.0.1:${server.port}/threads/bench-watch.1/`);
    await waitFor(page, COUNT(20), { timeoutMs: 60_000 });
    const watched = await check(
      (e) => page.evaluate(e),
      () => page.click('.tl-watch'),
    );
    await page.goto(`http://127.0.0.1:${server.port}/threads/bench-export.1/`);
    await waitFor(page, COUNT(20), { timeoutMs: 60_000 });
    const t0 = Date.now();
    await page.click('.tl-export');
    let exporter = null;
    while (!exporter) {
      exporter = (await ff.browser.pages()).find((p) => p.url().includes('/export.html')) ?? null;
      await sleep(20);
    }
    await waitFor(exporter, `document.querySelectorAll('button').length === 3`);
    await exporter.click('button:nth-of-type(3)');
    while (!readdirSync(dir).some((f) => f.endsWith('.json'))) await sleep(20);
    return { ...watched, exported: Date.now() - t0 };
  } finally {
    await ff.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(name, r) {
  console.log(`\n${name}`);
  console.log(
    `  check of a ${CHECKED.toLocaleString('en')}-post page: longest frame gap ${r.check.toFixed(0)} ms ` +
      `(floor, nothing to do: ${r.floor.toFixed(0)} ms); request → new post drawn ${r.took} ms`,
  );
  console.log(
    `  export of ${EXPORTED.toLocaleString('en')} posts: click → JSON file saved ${r.exported} ms (target < 2,000)`,
  );
}

const only = process.argv[2];
const server = await startFixtureServer({ https: only !== 'firefox', routes });
try {
  if (only !== 'firefox') report('Chromium (shipped build)', await inChromium(server));
  if (only !== 'chromium') {
    const plain = only === 'firefox' ? server : await startFixtureServer({ routes });
    try {
      report('Firefox (test build, loopback)', await inFirefox(plain));
    } finally {
      if (plain !== server) await plain.close();
    }
  }
} finally {
  await server.close();
}
