// npm run bench: speed figures, printed. (1) The pure pipeline under Vitest's runner (extraction, threading,
// highlighting). (2) The first view in Chromium and Firefox at 10 to 8,000 comments (bench-load.mjs).
// (2b) A Discourse topic's first view and whole load (bench-app-forum.mjs). (2c) Muting, unmuting and tagging
// in an open 8,000-post view (bench-people.mjs). (2d) A watched discussion's check, and exporting 5,000 posts
// (bench-watch.mjs). (3) The shipped build in
// Chromium on generated articles: time until every comment is rendered (scrolling through long discussions), and the long tasks (> 50 ms) after the page itself has loaded.
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium, recordLongTasks } from './lib/chromium.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { ROOT } from './lib/paths.mjs';
import { articleHtml, syntheticDiscussion, xenforoHtml } from './lib/synthetic.mjs';

const only = process.argv.slice(2);
if (!only.length || only.includes('pure')) {
  execSync('npx vitest run --config vitest.bench.config.ts --reporter=dot', { cwd: ROOT, stdio: 'inherit' });
}
if (!only.length || only.includes('load')) {
  // First view in Chromium and Firefox at 10 to 8,000 comments (scripts/bench-load.mjs).
  execSync('node scripts/bench-load.mjs', { cwd: ROOT, stdio: 'inherit' });
}
if (!only.length || only.includes('app')) {
  // A Discourse topic in Chromium and Firefox: first view, and 2,000 posts loaded whole (bench-app-forum.mjs).
  execSync('node scripts/bench-app-forum.mjs', { cwd: ROOT, stdio: 'inherit' });
}
if (!only.length || only.includes('search')) {
  // The header's search on a 5,000-post thread in Chromium (scripts/bench-search.mjs).
  execSync('node scripts/bench-search.mjs', { cwd: ROOT, stdio: 'inherit' });
}
if (!only.length || only.includes('people')) {
  // Muting, unmuting and tagging in an open 8,000-post view, Chromium and Firefox (scripts/bench-people.mjs).
  execSync('node scripts/bench-people.mjs', { cwd: ROOT, stdio: 'inherit' });
}
if (!only.length || only.includes('watch')) {
  // A watched discussion's check and a 5,000-post export, Chromium and Firefox (scripts/bench-watch.mjs).
  execSync('node scripts/bench-watch.mjs', { cwd: ROOT, stdio: 'inherit' });
}
if (only.length && !only.includes('browser')) process.exit(0);

execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
const sizes = [500, 2000];
const pages = Object.fromEntries(sizes.map((n) => [`/bench/article-${n}.html`, articleHtml(syntheticDiscussion(n))]));
// A 5,000-post forum thread (one page holding all of it, as after "Load full discussion").
pages['/threads/bench.1/'] = xenforoHtml(syntheticDiscussion(5000));
// The same thread outside /threads/ is not matched by the content script: the forum page by itself.
pages['/bench/forum-5000.html'] = pages['/threads/bench.1/'];
const server = await startFixtureServer({
  https: true,
  routes: Object.fromEntries(
    Object.entries(pages).map(([path, html]) => [
      path,
      (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
    ]),
  ),
});
const browser = await launchChromium({ extensionDir: join(ROOT, '.output', 'chrome-mv3'), port: server.port });
const rows = [];
// The same article on forums.macrumors.com outside /threads/ is not matched by the content script: what the
// page costs by itself, without Threadlight.
const variants = [
  ['with Threadlight', 'www.macrumors.com'],
  ['page alone', 'forums.macrumors.com'],
];
const cases = [
  ...sizes.flatMap((n) =>
    variants.map(([label, host]) => ({
      n,
      label,
      url: `https://${host}/bench/article-${n}.html`,
      ours: host === 'www.macrumors.com',
    })),
  ),
  { n: 5000, label: 'forum thread', url: 'https://forums.macrumors.com/threads/bench.1/', ours: true },
  { n: 5000, label: 'forum page alone', url: 'https://forums.macrumors.com/bench/forum-5000.html', ours: false },
];
for (const { n, label, url, ours } of cases) {
  for (let run = 0; run < 2; run++) {
    const page = await browser.context.newPage();
    await page.addInitScript(recordLongTasks);
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (!window.__viewAt && document.querySelector('[data-threadlight="thread"]'))
          window.__viewAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    const count = () => page.evaluate(() => document.querySelectorAll('[role="treeitem"]').length);
    // Until what renders without the reader has settled (all of it, or the eager part), then the reader
    // scrolls to the bottom every 150 ms until every comment is rendered; the page alone is scrolled the same.
    let eagerAt = NaN;
    if (ours) {
      await page.waitForFunction(
        () =>
          document.querySelector('[role="treeitem"]') &&
          !/Rendering/.test(document.querySelector('.tl-more')?.textContent ?? ''),
        null,
        { timeout: 120_000, polling: 50 },
      );
      eagerAt = await page.evaluate(() => performance.now());
    } else await page.waitForTimeout(1500);
    const deadline = Date.now() + 120_000;
    // The end is reached when nothing is left to render ("Showing N of M" is gone); far blocks are dropped on
    // the way, so the most comments alive at once is recorded too.
    const reachedEnd = () => page.evaluate(() => !document.querySelector('.tl-more'));
    let alive = 0;
    for (let scrolls = 0; ours ? !(await reachedEnd()) : scrolls < 20; scrolls++) {
      if (Date.now() > deadline) throw new Error(`${label}, ${n} comments, run ${run + 1}: not at the end after 120 s`);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(150);
      alive = Math.max(alive, await count());
    }
    const doneAt = await page.evaluate(() => performance.now());
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => {
      const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
      return { dcl, viewAt: window.__viewAt, long: window.__long.filter((t) => t.start >= dcl) };
    });
    rows.push({
      n,
      label,
      run,
      firstView: r.viewAt ? r.viewAt - r.dcl : NaN,
      eager: eagerAt - r.dcl,
      complete: r.viewAt ? doneAt - r.dcl : NaN,
      longest: Math.max(0, ...r.long.map((t) => t.duration)),
      longCount: r.long.length,
      longTotal: r.long.reduce((a, t) => a + t.duration, 0),
      alive: ours ? alive : NaN,
    });
    await page.close();
  }
}
await browser.close();
await server.close();
console.log(
  '\nRendering in Chromium (shipped build; times from DOMContentLoaded). Threadlight renders the first comments',
);
console.log(
  'by itself, the rest as the reader scrolls, and drops blocks far from the viewport: the run scrolls to the',
);
console.log(
  'bottom every 150 ms until the last comment is rendered (the page alone is scrolled the same way). Long tasks',
);
console.log('are counted from DOMContentLoaded on; "most alive" is the most comments rendered at once on the way.');
console.log(
  '  comments | page              | run | view inserted ms | unattended part ms | end reached ms | most alive | long tasks > 50 ms | longest ms | all long tasks ms',
);
const f = (x) => (Number.isNaN(x) ? '-' : x.toFixed(0));
for (const r of rows)
  console.log(
    `  ${String(r.n).padStart(8)} | ${r.label.padEnd(17)} | ${r.run + 1}   | ${f(r.firstView).padStart(16)} | ${f(r.eager).padStart(18)} | ${f(r.complete).padStart(14)} | ${f(r.alive).padStart(10)} | ${String(r.longCount).padStart(18)} | ${f(r.longest).padStart(10)} | ${f(r.longTotal)}`,
  );
