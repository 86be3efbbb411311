// Debian's Chromium with the unpacked extension loaded, driven by playwright-core. The real host names
// resolve to the local fixture server, every other host to nothing, so no request leaves the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';

export const SITE_HOSTS = ['www.macrumors.com', 'macrumors.com', 'forums.macrumors.com'];

/** @param {{ extensionDir: string, port?: number, headless?: boolean, hosts?: string[] }} options */
export async function launchChromium({ extensionDir, port, headless = true, hosts = [], args = [] }) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'threadlight-chromium-'));
  const rules = port
    ? [...[...SITE_HOSTS, ...hosts].map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ')
    : 'MAP * ~NOTFOUND';
  const context = await chromium.launchPersistentContext(userDataDir, {
    // Readers' browsers keep pages in the back-forward cache; Playwright's default turns it off.
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    executablePath: chromiumPath(),
    headless,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...args,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    /** Tab id of a page, through the extension (the popup takes ?tab=<id> when opened as a page). */
    async tabIdOf(page) {
      const url = page.url();
      return worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
    },
    async openPopup(page) {
      const tabId = await this.tabIdOf(page);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Runs in a page before its own scripts: collects its long tasks (> 50 ms) in window.__long. */
/**
 * Init script: how much of the original section the reader saw before the view (frames in which the section was
 * visible with no view of ours yet) and how far the page jumped (layout-shift score, Chromium's CLS entries).
 */
export function recordFirstPaints() {
  window.__originalFrames = 0;
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = () => {
    if (document.querySelector('[data-threadlight="thread"]')) return;
    // Visible unless held (utils/content/hold.ts) and its first comment unrendered: cheap tests, as computing
    // the styles of a whole section in every frame would itself make long tasks of a long page's parse.
    const section = document.querySelector('#comments, .js-replyNewMessageContainer');
    const first = section?.querySelector('.comment, article.message');
    if (section && (!section.hasAttribute('data-threadlight-hold') || first?.checkVisibility())) {
      window.__originalFrames++;
      (window.__frameLog ??= []).push(Math.round(performance.now()));
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export function recordLongTasks() {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}
