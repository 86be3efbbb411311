// npm run bench (load part): how soon the view appears, in the shipped Chrome build in Chromium and the
// Firefox test build in Firefox, at 10 / 500 / 2,000 / 8,000 article comments, on a 5,000-post forum
// thread and on a 2,000-comment Hacker News tree (a site the reader enabled: the test builds). Printed beside the floor (reading every comment's text in the same page) and the growth per ×4
// comments, with the targets: growth ≤ ×4.5 per ×4, the 2,000-comment view within 3× the 10-comment view,
// no long task over 50 ms after DOMContentLoaded at 2,000 comments (Chromium). Then, at 2,000 and 8,000
// comments, the frames of scrolling the view, beside the display's frame.
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium, recordFirstPaints, recordLongTasks } from './lib/chromium.mjs';
import { launchFirefox, waitFor } from './lib/firefox.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { ROOT } from './lib/paths.mjs';
import { testBuild } from './lib/test-build.mjs';
import { articleHtml, hackerNewsHtml, syntheticDiscussion, xenforoHtml } from './lib/synthetic.mjs';

const SIZES = [10, 500, 2000, 8000];
const RUNS = 2;
const pages = Object.fromEntries(SIZES.map((n) => [`/bench/article-${n}.html`, articleHtml(syntheticDiscussion(n))]));
pages['/threads/bench.1/'] = xenforoHtml(syntheticDiscussion(5000));
// A nested discussion the site draws (Hacker News), on a site the reader enabled: the test builds grant it.
pages['/bench/nested-2000.html'] = hackerNewsHtml(syntheticDiscussion(2000));
const NESTED_HOST = 'news.ycombinator.com';
const routes = Object.fromEntries(
  Object.entries(pages).map(([path, html]) => [
    path,
    (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  ]),
);
const cases = [
  ...SIZES.map((n) => ({ n, path: `/bench/article-${n}.html` })),
  { n: 5000, path: '/threads/bench.1/', forum: true },
  { n: 2000, path: '/bench/nested-2000.html', nested: true },
];
const kind = (c) => (c.forum ? 'forum' : c.nested ? 'nested' : 'article');

/** Runs in the page once the view is there: the figures, all from DOMContentLoaded. */
const FIGURES = `
  const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
  const one = (name) => performance.getEntriesByName(name)[0];
  const blocks = document.querySelectorAll('.comment, article.message, tr.athing.comtr');
  const t = performance.now();
  let chars = 0;
  for (const b of blocks) chars += b.textContent.length;
  const floor = performance.now() - t;
  const long = (window.__long || []).filter((e) => e.start >= dcl);
  return {
    view: one('threadlight:view').startTime - dcl,
    extract: one('threadlight:extract').duration,
    prepare: one('threadlight:prepare').duration,
    floor, chars,
    longest: long.length ? Math.max(...long.map((e) => e.duration)) : 0,
    longCount: long.length,
    originalFrames: window.__originalFrames,
    shift: window.__shift,
  };`;
const READY = `performance.getEntriesByName('threadlight:view').length > 0`;

/**
 * Runs in the page once the view is there: scrolls the window 150 px a frame for 150 frames and returns the
 * frame intervals (median, 95th percentile, longest), to be read beside the display's 16.7 ms.
 */
const SCROLL = `new Promise((done) => {
  const at = [];
  const frame = (t) => {
    at.push(t);
    window.scrollBy(0, 150);
    if (at.length < 150) return requestAnimationFrame(frame);
    const d = at.slice(1).map((x, i) => x - at[i]).sort((a, b) => a - b);
    done({ median: d[d.length >> 1], p95: d[Math.floor(d.length * 0.95)], max: d.at(-1) });
  };
  requestAnimationFrame(frame);
})`;
/** Scrolling is measured once per long article page (first run). */
const scrolls = (c, run) => run === 0 && !c.forum && c.n >= 2000;

async function inChromium(server) {
  const shipped = await launchChromium({ extensionDir: join(ROOT, '.output', 'chrome-mv3'), port: server.port });
  // The nested page is on a site the reader enables: the test build, which grants it at install.
  const granted = await launchChromium({
    extensionDir: join(ROOT, '.output-test', 'chrome-mv3'),
    port: server.port,
    hosts: [NESTED_HOST],
  });
  const rows = [];
  for (const c of cases)
    for (let run = 0; run <= RUNS; run++) {
      const browser = c.nested ? granted : shipped;
      const page = await browser.context.newPage();
      await page.addInitScript(recordLongTasks);
      // Counting frames makes the browser render each one, so the last run counts them and is not timed.
      const paints = run === RUNS;
      if (paints) await page.addInitScript(recordFirstPaints);
      const host = c.forum ? 'forums.macrumors.com' : c.nested ? NESTED_HOST : 'www.macrumors.com';
      await page.goto(`https://${host}${c.path}`);
      await page.waitForFunction(READY, null, { timeout: 120_000, polling: 50 });
      await page.waitForTimeout(300);
      const figures = await page.evaluate(`(() => {${FIGURES}})()`);
      if (!paints && scrolls(c, run)) figures.scroll = await page.evaluate(SCROLL);
      if (paints) Object.assign(rows.at(-1), { originalFrames: figures.originalFrames, shift: figures.shift });
      else rows.push({ ...c, run, ...figures });
      await page.close();
    }
  await shipped.close();
  await granted.close();
  return rows;
}

async function inFirefox(server) {
  if (!process.env.TL_BENCH_NO_BUILD) testBuild('firefox', 'http');
  // The nested page under its real host name, through the local proxy (loopback pages are not proxied).
  const ff = await launchFirefox({ proxyPort: server.port });
  const rows = [];
  try {
    for (const c of cases)
      for (let run = 0; run < RUNS; run++) {
        await ff.page.goto(c.nested ? `http://${NESTED_HOST}${c.path}` : `http://127.0.0.1:${server.port}${c.path}`);
        await waitFor(ff.page, READY, { timeoutMs: 120_000 });
        await new Promise((r) => setTimeout(r, 300));
        const figures = await ff.page.evaluate(`(() => {${FIGURES}})()`);
        if (scrolls(c, run)) figures.scroll = await ff.page.evaluate(SCROLL);
        rows.push({ ...c, run, ...figures });
      }
  } finally {
    await ff.close();
  }
  return rows;
}

const f = (x, d = 0) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(d));
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function report(name, rows) {
  console.log(
    `\nFirst view in ${name} (ms from DOMContentLoaded; extraction and preparing are the content script's own`,
  );
  console.log("measures; floor = reading every comment block's text in the same page; original frames = frames");
  console.log(
    'with the original section visible before the view and shift = layout-shift score: Chromium, an untimed third run)',
  );
  console.log(
    '  comments | page    | run | view ms | extract ms | prepare ms | floor ms | long tasks > 50 ms | longest ms | original frames | shift',
  );
  for (const r of rows)
    console.log(
      `  ${String(r.n).padStart(8)} | ${kind(r).padEnd(7)} | ${r.run + 1}   | ${f(r.view).padStart(7)} | ${f(r.extract).padStart(10)} | ${f(r.prepare).padStart(10)} | ${f(r.floor, 1).padStart(8)} | ${String(r.longCount).padStart(18)} | ${f(r.longest).padStart(10)} | ${f(r.originalFrames).padStart(15)} | ${f(r.shift, 3)}`,
    );
  const med = (n, key, k = 'article') => median(rows.filter((r) => r.n === n && kind(r) === k).map((r) => r[key]));
  console.log('  growth per ×4 comments (medians):');
  for (const [a, b] of [
    [500, 2000],
    [2000, 8000],
  ])
    console.log(
      `    ${a} → ${b}: view ×${f(med(b, 'view') / med(a, 'view'), 2)}, extract ×${f(med(b, 'extract') / med(a, 'extract'), 2)}, prepare ×${f(med(b, 'prepare') / med(a, 'prepare'), 2)}, floor ×${f(med(b, 'floor') / med(a, 'floor'), 2)}  (target ≤ ×4.5)`,
    );
  console.log(`  2,000-comment view / 10-comment view: ×${f(med(2000, 'view') / med(10, 'view'), 2)}  (target ≤ ×3)`);
  console.log(
    `  nested 2,000 (the site's tree) / flat 2,000 article: view ${f(med(2000, 'view', 'nested'))} ms / ${f(med(2000, 'view'))} ms = ×${f(med(2000, 'view', 'nested') / med(2000, 'view'), 2)}  (target: within the flat page's budget, ≤ ×3 the 10-comment view: ${f(3 * med(10, 'view'))} ms)`,
  );
  for (const r of rows.filter((row) => row.scroll))
    console.log(
      `  scrolling the view of ${r.n} comments, frame ms: median ${f(r.scroll.median, 1)}, 95th percentile ${f(r.scroll.p95, 1)}, longest ${f(r.scroll.max, 1)}  (the display's frame: 16.7)`,
    );
}

// `node scripts/bench-load.mjs chromium` (or `firefox`) measures one browser; TL_BENCH_NO_BUILD=1 measures
// the builds in .output and .output-test as they are.
const only = process.argv[2];
if (only !== 'firefox') {
  const server = await startFixtureServer({ https: true, routes });
  try {
    if (!process.env.TL_BENCH_NO_BUILD) {
      execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
      testBuild('chromium', 'https');
    }
    report('Chromium (shipped build)', await inChromium(server));
  } finally {
    await server.close();
  }
}
if (only === 'chromium') process.exit(0);
const plain = await startFixtureServer({ routes });
try {
  report('Firefox (test build, loopback)', await inFirefox(plain));
} finally {
  await plain.close();
}
