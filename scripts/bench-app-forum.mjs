// npm run bench (app forum part): a Discourse topic (test/support/e2e/discourse-app.mjs, on a site the test
// builds grant) in Chromium and Firefox. (1) The first view of the topic from its preloaded data, and from a
// post's own address (one same-origin request first), beside the seed article's 10-comment view in the same
// browser and build: the target is the seed's view plus one request. (2) "Load full discussion" on a 2,000-post
// topic: time until the view holds all of it (target under 10 s), the long tasks over 50 ms meanwhile
// (Chromium) and the longest gap between frames (both browsers; the page must stay responsive).
import { join } from 'node:path';
import { launchChromium, recordLongTasks } from './lib/chromium.mjs';
import { launchFirefox, waitFor } from './lib/firefox.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { ROOT } from './lib/paths.mjs';
import { testBuild } from './lib/test-build.mjs';
import { articleHtml, syntheticDiscussion } from './lib/synthetic.mjs';
import { DISCOURSE_HOST, discourseForum } from '../test/support/e2e/discourse-app.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const SEED = '/bench/article-10.html';
const seedHtml = articleHtml(syntheticDiscussion(10));
const forum = discourseForum();
const handle = (req, res, url) => {
  if (url.pathname === SEED) return (res.writeHead(200, { 'content-type': 'text/html' }).end(seedHtml), true);
  return forum.handle(req, res, url);
};

const READY = `performance.getEntriesByName('threadlight:view').length > 0`;
const VIEW_MS = `performance.getEntriesByName('threadlight:view')[0].startTime - performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`;
/** Frame gaps from now on, kept in the page (the longest is read at the end). */
const WATCH_FRAMES = `(() => {
  window.__gap = 0;
  let last = performance.now();
  const frame = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; if (!window.__stopFrames) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  window.__from = performance.now();
})()`;
const DONE = `/Full discussion: 2,000 posts/.test(document.querySelector('.tl-discussion')?.textContent ?? '')`;
const LOAD_FIGURES = `(() => {
  window.__stopFrames = true;
  const long = window.__long ? window.__long.filter((e) => e.start >= window.__from) : null;
  return { ms: window.__doneAt - window.__from, gap: window.__gap, longCount: long ? long.length : null, longest: long && long.length ? Math.max(...long.map((e) => e.duration)) : 0 };
})()`;
const MARK_DONE = `(() => { window.__doneAt = performance.now(); })()`;

/** The seed on its built-in host (Chromium), or on loopback (the Firefox test build's article pages). */
const pages = (scheme, port) => ({
  seed: port ? `http://127.0.0.1:${port}${SEED}` : `${scheme}://www.macrumors.com${SEED}`,
  topic: `${scheme}://${DISCOURSE_HOST}/t/quiet-nas-builds/123`,
  post: `${scheme}://${DISCOURSE_HOST}/t/quiet-nas-builds/123/60`,
  // Two topics of 2,000 posts: each run loads from the forum, not from the 30-minute cache.
  long: (run) => `${scheme}://${DISCOURSE_HOST}/t/the-long-build-log/${9000 + run}?noapp`,
});

async function inChromium(server) {
  testBuild('chromium', 'https');
  const browser = await launchChromium({
    extensionDir: join(ROOT, '.output-test', 'chrome-mv3'),
    port: server.port,
    hosts: [DISCOURSE_HOST, 'www.macrumors.com'],
  });
  await browser.worker.evaluate(async () => {
    for (let i = 0; i < 100 && !(await chrome.scripting.getRegisteredContentScripts()).length; i++)
      await new Promise((r) => setTimeout(r, 100));
  });
  const at = pages('https');
  const open = async (url) => {
    const page = await browser.context.newPage();
    await page.addInitScript(recordLongTasks);
    await page.goto(url);
    await page.waitForFunction(READY, null, { timeout: 60_000, polling: 20 });
    return page;
  };
  const views = { seed: [], topic: [], post: [] };
  for (let run = 0; run < RUNS; run++)
    for (const key of Object.keys(views)) {
      const page = await open(at[key]);
      views[key].push(await page.evaluate(VIEW_MS));
      await page.close();
    }
  const loads = [];
  for (let run = 0; run < 2; run++) {
    const page = await open(at.long(run));
    await page.evaluate(WATCH_FRAMES);
    await page.getByRole('button', { name: 'Load full discussion' }).click();
    await page.waitForFunction(DONE, null, { timeout: 60_000, polling: 20 });
    await page.evaluate(MARK_DONE);
    await page.waitForTimeout(500);
    loads.push(await page.evaluate(LOAD_FIGURES));
    await page.close();
  }
  await browser.close();
  return { views, loads };
}

async function inFirefox(server) {
  testBuild('firefox', 'http');
  const ff = await launchFirefox({ proxyPort: server.port });
  const at = pages('http', server.port);
  const views = { seed: [], topic: [], post: [] };
  const loads = [];
  try {
    for (let run = 0; run < RUNS; run++)
      for (const key of Object.keys(views)) {
        await ff.page.goto(`${at[key]}${at[key].includes('?') ? '&' : '?'}run=${run}`);
        await waitFor(ff.page, READY, { timeoutMs: 60_000 });
        views[key].push(await ff.page.evaluate(VIEW_MS));
      }
    for (let run = 0; run < 2; run++) {
      await ff.page.goto(at.long(run));
      await waitFor(ff.page, READY, { timeoutMs: 60_000 });
      await ff.page.evaluate(WATCH_FRAMES);
      await ff.page.click('.tl-discussion button');
      await waitFor(ff.page, DONE, { timeoutMs: 60_000 });
      await ff.page.evaluate(MARK_DONE);
      await new Promise((r) => setTimeout(r, 500));
      loads.push(await ff.page.evaluate(LOAD_FIGURES));
    }
  } finally {
    await ff.close();
  }
  return { views, loads };
}

const f = (x, d = 0) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(d));
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function report(name, { views, loads }) {
  console.log(`\nDiscourse in ${name} (test build; ms from DOMContentLoaded to the view)`);
  console.log(
    `  seed article, 10 comments:             ${views.seed.map((v) => f(v)).join(' / ')}  (median ${f(median(views.seed))})`,
  );
  console.log(
    `  topic from its preloaded data (20):    ${views.topic.map((v) => f(v)).join(' / ')}  (median ${f(median(views.topic))})`,
  );
  console.log(
    `  a post's address (+ /t/<id>.json, 40): ${views.post.map((v) => f(v)).join(' / ')}  (median ${f(median(views.post))})`,
  );
  console.log(`  target: the seed's view plus one same-origin request`);
  for (const l of loads)
    console.log(
      `  Load full discussion, 2,000 posts: ${f(l.ms)} ms (target < 10,000); longest frame gap ${f(l.gap, 1)} ms; long tasks > 50 ms: ${l.longCount === null ? 'not observable here' : `${l.longCount} (longest ${f(l.longest)} ms)`}`,
    );
}

// `node scripts/bench-app-forum.mjs chromium` (or `firefox`) measures one browser.
const only = process.argv[2];
if (only !== 'firefox') {
  const server = await startFixtureServer({ https: true, handle });
  try {
    report('Chromium', await inChromium(server));
  } finally {
    await server.close();
  }
}
if (only !== 'chromium') {
  const server = await startFixtureServer({ handle });
  try {
    report('Firefox', await inFirefox(server));
  } finally {
    await server.close();
  }
}
