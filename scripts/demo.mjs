// npm run demo: build the extension, serve the bundled fixture articles on their real host names (local
// HTTPS), and open Chromium with Threadlight loaded. With a display: a browser window to use. Without one:
// PNG screenshots of every article and of the popup under screenshots/, and their paths printed.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { findBrowser, missingBrowserText, ROOT } from './lib/paths.mjs';
import { firefoxDemo } from './lib/demo-firefox.mjs';
import { shootAids, shootStore } from './lib/demo-aids.mjs';
import { forumRoutes } from '../test/support/e2e/forum-routes.mjs';
import { DISCOURSE_HOST, discourseForum } from '../test/support/e2e/discourse-app.mjs';

export const DEMO_PAGES = [
  ['seed-huawei-xiaomi', 'https://www.macrumors.com/2017/12/08/macrumors-2017-huawei-xiaomi.html'],
  ['real-2017-apple-pencil', 'https://www.macrumors.com/2017/01/18/macrumors-2017-apple-pencil.html'],
  ['real-2022-apple-pencil', 'https://www.macrumors.com/2022/01/18/macrumors-2022-apple-pencil.html'],
  // Sites a reader enabled (the demo build grants them, as the popup's "Enable on this site" would).
  ['forum-xenforo-freebsd', 'https://forums.freebsd.org/real/xenforo2-freebsd-2024-the-year-of-desktop-freebsd.html'],
  ['forum-phpbb-dostips', 'https://www.dostips.com/real/phpbb-dostips.html'],
  ['forum-fluxbb-archlinux', 'https://bbs.archlinux.org/real/fluxbb-archlinux-298271-quotes.html'],
  [
    'nested-hackernews',
    'https://news.ycombinator.com/native/hackernews-item-16909056-tech-company-career-ladders-2018.html',
  ],
  ['nested-reddit', 'https://www.reddit.com/native/shreddit-homelab-quiet-nas.html'],
  // A forum that is an app (Discourse, served with its JSON by test/support/e2e/discourse-app.mjs).
  ['app-discourse', `https://${DISCOURSE_HOST}/t/quiet-nas-builds/123`],
  [
    'blog-wordpress-balloon-juice',
    'https://balloon-juice.com/real/wordpress-balloon-juice-2026-schadenfreude-open-thread.html',
  ],
];
const ENABLED = [
  'forums.freebsd.org',
  'www.dostips.com',
  'bbs.archlinux.org',
  'news.ycombinator.com',
  'www.reddit.com',
  'balloon-juice.com',
  DISCOURSE_HOST,
];
/** Tall enough for the screenshot's part of the view: comments off screen are skipped (content-visibility). */
const SHOT_HEIGHT = 1400;
/**
 * The UI's other languages: Chromium's --lang, the store/screenshots/ folder, and the font a screenshot
 * needs (fontconfig's language, and the Debian package that has one) where Latin fonts do not do.
 */
const STORE_LANGUAGES = [
  { lang: 'de', folder: 'de' },
  { lang: 'zh-CN', folder: 'zh_CN', font: { fc: 'zh-cn', apt: 'fonts-wqy-microhei' } },
];

/** Whether fontconfig has a font for the language (no fontconfig: assume so). */
function hasFont(font) {
  if (!font) return true;
  try {
    return execSync(`fc-list :lang=${font.fc} family`, { encoding: 'utf8' }).trim() !== '';
  } catch {
    return true;
  }
}

const headed =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) &&
  process.env.CI !== 'true' &&
  !process.argv.includes('--screenshots');
const firefox = process.argv.includes('--firefox');
// Without the browser there is no demo: say what to install before building anything.
const kind = firefox ? 'firefox' : 'chromium';
if (!findBrowser(kind)) {
  console.error(`npm run demo: ${missingBrowserText(kind)}`);
  process.exit(1);
}
if (firefox) {
  await firefoxDemo({ headed, build: !process.argv.includes('--no-build') });
  process.exit(0);
}
// The shipped code, built with the demo's enabled sites granted at install (a test build: .output-test).
if (!process.argv.includes('--no-build'))
  execSync('npx wxt build', {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TL_TEST_BUILD: '1', TL_GRANT_ORIGINS: ENABLED.map((h) => `https://${h}/*`).join(',') },
  });

// The seed article's forum thread too, for "Load full discussion".
const server = await startFixtureServer({
  https: true,
  routes: forumRoutes({ failPage3Times: 0 }).routes,
  handle: discourseForum().handle,
});
/** Chromium with the demo build, the demo's sites mapped to the fixture server. */
const demoChromium = (options) =>
  launchChromium({
    extensionDir: join(ROOT, '.output-test', 'chrome-mv3'),
    port: server.port,
    hosts: ENABLED,
    ...options,
  });
const browser = await demoChromium({ headless: !headed });
const url = (address) => address;

if (headed) {
  for (const [, path] of DEMO_PAGES) await (await browser.context.newPage()).goto(url(path));
  console.log(
    'Threadlight demo: Chromium is open with the extension loaded on the fixture articles. Close the window to stop.',
  );
  await new Promise((resolve) => browser.context.on('close', resolve));
  await server.close();
} else {
  const out = join(ROOT, 'screenshots');
  mkdirSync(out, { recursive: true });
  const written = [];
  let last;
  for (const [name, path] of DEMO_PAGES) {
    const page = await browser.context.newPage();
    await page.goto(url(path));
    const view = page.locator('[data-threadlight="thread"]');
    await view.waitFor({ timeout: 15_000 });
    // The view's top in a viewport as tall as the picture: a long view scrolled into view by its middle, or
    // taller than the window, leaves the top's comments unpainted (they are skipped while off screen).
    await page.setViewportSize({ width: 1100, height: SHOT_HEIGHT + 100 });
    await view.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('[data-threadlight="thread"] [role="treeitem"]').first().waitFor();
    await page.waitForTimeout(500);
    const file = join(out, `${name}.png`);
    // The view's top (a long thread is thousands of pixels tall): what a reader sees first.
    const box = await view.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
    });
    await page.screenshot({ path: file, fullPage: true, clip: { ...box, height: Math.min(box.height, SHOT_HEIGHT) } });
    written.push(file);
    last = page;
  }
  // The same article with the system in dark mode.
  const dark = await browser.context.newPage();
  await dark.emulateMedia({ colorScheme: 'dark' });
  await dark.goto(url(DEMO_PAGES[0][1]));
  await dark.evaluate(() => {
    document.documentElement.style.background = '#16181c';
    document.body.style.color = '#e8eaed';
  });
  const darkView = dark.locator('[data-threadlight="thread"]');
  await darkView.waitFor({ timeout: 15_000 });
  await dark.waitForTimeout(1200);
  const darkFile = join(out, 'seed-huawei-xiaomi-dark.png');
  await darkView.screenshot({ path: darkFile, clip: undefined });
  written.push(darkFile);

  const popup = await browser.openPopup(last);
  await popup.setViewportSize({ width: 330, height: 430 });
  await popup.getByText(/comments shown|comments on this page/).waitFor({ timeout: 10_000 });
  const popupFile = join(out, 'popup.png');
  await popup.screenshot({ path: popupFile });
  written.push(popupFile);
  written.push(...(await shootAids(browser, out)));
  const storeDir = join(ROOT, 'store', 'screenshots');
  mkdirSync(storeDir, { recursive: true });
  const search = async (page) => {
    await page.locator('[data-threadlight="thread"] input[type="search"]').fill('android');
    await page.locator('[data-search-match]').first().waitFor();
  };
  const demoPage = (name) => DEMO_PAGES.find(([n]) => n === name)[1];
  const STORE_PAGES = [
    ['thread', demoPage('seed-huawei-xiaomi')],
    ['forum', demoPage('forum-xenforo-freebsd')],
    ['search', demoPage('seed-huawei-xiaomi'), search],
    ['blog', demoPage('blog-wordpress-balloon-juice')],
  ];
  written.push(...(await shootStore(browser, storeDir, STORE_PAGES)));
  await browser.close();
  // The same in each of the UI's other languages, for those languages' store listings.
  for (const { lang, folder, font } of STORE_LANGUAGES) {
    if (!hasFont(font)) {
      console.warn(
        `npm run demo: no font for ${lang}; its store screenshots need one: sudo apt-get install ${font.apt}`,
      );
      continue;
    }
    const local = await demoChromium({ args: [`--lang=${lang}`] });
    mkdirSync(join(storeDir, folder), { recursive: true });
    written.push(...(await shootStore(local, join(storeDir, folder), STORE_PAGES)));
    await local.close();
  }
  await server.close();
  console.log(
    `No display: wrote screenshots of Threadlight on the fixture articles:\n${written.map((f) => `  ${f}`).join('\n')}`,
  );
}
