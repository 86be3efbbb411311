// npm run bench (part "search"): the header's search in the shipped build in Chromium, on a 5,000-post forum
// thread: from typing a word to the pruned tree drawn with its count, first and second search (the first
// folds every post's text once). Beside it, in the same page: a plain substring scan of the posts' text
// as the page holds it (the floor any search over the whole discussion pays).
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { ROOT } from './lib/paths.mjs';
import { syntheticDiscussion, xenforoHtml } from './lib/synthetic.mjs';

if (!process.env.TL_BENCH_NO_BUILD) execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
const html = xenforoHtml(syntheticDiscussion(5000));
const server = await startFixtureServer({
  https: true,
  routes: { '/threads/bench.1/': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html) },
});
const browser = await launchChromium({ extensionDir: join(ROOT, '.output', 'chrome-mv3'), port: server.port });
const rows = [];
for (let run = 0; run < 2; run++) {
  const page = await browser.context.newPage();
  await page.goto('https://forums.macrumors.com/threads/bench.1/');
  await page.waitForSelector('[role="treeitem"]', { timeout: 60_000 });
  await page.waitForTimeout(1500);
  const search = (word) =>
    page.evaluate(async (w) => {
      const box = document.querySelector('input[aria-label="Search comments"]');
      const start = performance.now();
      box.value = w;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      // The box settles 150 ms after typing: pressing Enter searches at once.
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await new Promise((resolve) => {
        const check = () =>
          /match/.test(document.querySelector('.tl-search-count')?.textContent ?? '') &&
          document.querySelector('[data-search-match]')
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      return { ms: performance.now() - start, count: document.querySelector('.tl-search-count').textContent };
    }, word);
  // A word in ~40% of the posts (the first search, which also folds every post's text), then one author.
  const first = await search('battery');
  await search('');
  const second = await search('user4242');
  const floor = await page.evaluate(() => {
    const start = performance.now();
    const posts = Array.from(document.querySelectorAll('article.message .bbWrapper'), (el) => el.textContent);
    const hits = posts.filter((t) => t.toLowerCase().includes('battery')).length;
    return { ms: performance.now() - start, hits };
  });
  rows.push({ run, first, second, floor });
  await page.close();
}
await browser.close();
await server.close();
console.log('\nSearch in Chromium (shipped build), 5,000-post forum thread; typing to the pruned tree drawn');
console.log('  run | first search, common word ms  | next search, one author ms     | floor: scan of the page text ms');
for (const r of rows)
  console.log(
    `  ${r.run + 1}   | ${r.first.ms.toFixed(0).padStart(5)} (${r.first.count.padEnd(22)}) | ${r.second.ms.toFixed(0).padStart(5)} (${r.second.count.padEnd(22)}) | ${r.floor.ms.toFixed(1)} (${r.floor.hits} posts)`,
  );
