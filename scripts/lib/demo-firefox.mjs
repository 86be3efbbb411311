// npm run demo -- --firefox: the demo in Firefox ESR with the Firefox test build installed (web-ext). Pages are
// served over plain HTTP on loopback, the address the test build adds to its matches. With a display: a
// Firefox window with the demo articles in tabs. Without: screenshots under screenshots/firefox-*.png.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchFirefox } from './firefox.mjs';
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
  const ff = await launchFirefox({ extensionDir: join(ROOT, '.output-test', 'firefox-mv3'), headless: !headed });
  const d = ff.driver;
  const url = (file) => `http://127.0.0.1:${server.port}/${file}`;
  if (headed) {
    for (const [i, [, file]] of PAGES.entries()) {
      if (i > 0) await d.switchTo(await d.newTab());
      await d.navigate(url(file));
    }
    console.log('Threadlight demo: Firefox is open with the add-on on the fixture articles. Close it to stop.');
    await ff.exited;
    await server.close();
    return;
  }
  const out = join(ROOT, 'screenshots');
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const [name, file] of PAGES) {
    await d.navigate(url(file));
    await d.waitFor(`document.querySelector('[data-threadlight="thread"] [role="treeitem"]')`);
    await d.execute(`document.querySelector('[data-threadlight="thread"]').scrollIntoView()`);
    await new Promise((r) => setTimeout(r, 1200));
    const png = await d.screenshot();
    const path = join(out, `firefox-${name}.png`);
    writeFileSync(path, Buffer.from(png, 'base64'));
    written.push(path);
  }
  await ff.close();
  await server.close();
  console.log(`No display: wrote screenshots of Threadlight in Firefox:\n${written.map((f) => `  ${f}`).join('\n')}`);
}
