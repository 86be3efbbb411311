// npm run demo -- --firefox: the demo in Firefox ESR with the Firefox test build installed (puppeteer-core). Pages are
// served over plain HTTP on loopback, the address the test build adds to its matches. With a display: a
// Firefox window with the demo articles in tabs. Without: screenshots under screenshots/firefox-*.png.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchFirefox, waitFor } from './firefox.mjs';
import { startFixtureServer } from './fixture-server.mjs';
import { ROOT } from './paths.mjs';

const PAGES = [
  ['seed-huawei-xiaomi', 'macrumors-2017-huawei-xiaomi.html'],
  ['real-2017-apple-pencil', 'macrumors-2017-apple-pencil.html'],
  ['real-2022-apple-pencil', 'macrumors-2022-apple-pencil.html'],
];

export async function firefoxDemo({ headed, build }) {
  if (build)
    execSync('npx wxt build -b firefox --mv3', {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TL_TEST_BUILD: '1' },
    });
  const server = await startFixtureServer();
  const ff = await launchFirefox({ headless: !headed });
  const url = (file) => `http://127.0.0.1:${server.port}/${file}`;
  if (headed) {
    for (const [i, [, file]] of PAGES.entries()) {
      const tab = i === 0 ? ff.page : await ff.browser.newPage();
      await tab.goto(url(file));
    }
    await ff.page.bringToFront();
    console.log('Threadlight demo: Firefox is open with the add-on on the fixture articles. Close it to stop.');
    await ff.exited;
    await server.close();
    return;
  }
  const out = join(ROOT, 'screenshots');
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const [name, file] of PAGES) {
    await ff.page.goto(url(file));
    await waitFor(ff.page, `document.querySelector('[data-threadlight="thread"] [role="treeitem"]')`);
    await ff.page.evaluate(() => document.querySelector('[data-threadlight="thread"]').scrollIntoView());
    await new Promise((r) => setTimeout(r, 1200));
    const path = join(out, `firefox-${name}.png`);
    await ff.page.screenshot({ path });
    written.push(path);
  }
  await ff.close();
  await server.close();
  console.log(`No display: wrote screenshots of Threadlight in Firefox:\n${written.map((f) => `  ${f}`).join('\n')}`);
}
