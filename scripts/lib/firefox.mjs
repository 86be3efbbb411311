// Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the Firefox test build installed as a
// temporary add-on under a fixed internal host name. Every connection that is not to loopback goes to a
// closed local proxy port, so nothing leaves the machine.
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { firefoxPath, ROOT } from './paths.mjs';
import { inChrome, navigateComplete } from './bidi.mjs';

export const FIREFOX_EXTENSION_ID = 'threadlight@threadlight.dev';
/** The add-on's moz-extension:// host, fixed by preference (Firefox otherwise picks a random one). */
export const FIREFOX_EXTENSION_UUID = '5f0c6a3e-2b7d-4c1e-9a58-7d3e1b0f4c26';
/** The Firefox test build (loopback matches; see test/e2e/run.mjs), what every caller installs. */
export const FIREFOX_TEST_BUILD = join(ROOT, '.output-test', 'firefox-mv3');

/**
 * `proxyPort`: plain-HTTP requests to any host go to that local server (it serves pages under their real host
 * names); everything else still goes nowhere.
 */
function prefs(proxyPort) {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    // Pages are served over plain HTTP under real host names: no upgrade to https for preloaded hosts.
    'network.stricttransportsecurity.preloadlist': false,
    'dom.security.https_first': false,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    'network.captive-portal-service.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
  };
}

/** `prefs`: more preferences (a UI language, say). */
export async function launchFirefox({
  extensionDir = FIREFOX_TEST_BUILD,
  headless = true,
  proxyPort = 9,
  prefs: more = {},
} = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless,
    // Chrome browsing contexts for inChrome(); without it extension pages cannot be driven either.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: { ...prefs(proxyPort), ...more },
    acceptInsecureCerts: true,
    defaultViewport: null,
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== FIREFOX_EXTENSION_ID) throw new Error(`installed ${id}, not ${FIREFOX_EXTENSION_ID}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  const [page] = await browser.pages();
  // The new window's focus is in its address bar, where a reader would type first; pages get no focus events
  // until it moves to the page (WebDriver BiDi's clicks are the page's own events and do not move it).
  await inChrome(browser, () => gBrowser.selectedBrowser.focus());
  const extensionUrl = (path) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
  return {
    browser,
    /** The tab the browser opened with. */
    page,
    /** Opens one of the add-on's pages (popup.html, options.html…) in a new tab, loaded. */
    async openExtensionPage(path) {
      const tab = await browser.newPage();
      await navigateComplete(tab, extensionUrl(path));
      return tab;
    },
    /** Navigates an open tab to one of the add-on's pages. */
    gotoExtensionPage: (tab, path) => navigateComplete(tab, extensionUrl(path)),
    /** Privileged code in the browser window (see bidi.mjs). */
    inChrome: (fn, ...args) => inChrome(browser, fn, ...args),
    /** Settles when the browser is closed (by the person using it). */
    exited: new Promise((resolve) => browser.once('disconnected', resolve)),
    close: () => browser.close(),
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls an expression (source, or a function of `arg`) in the page until it is truthy, and returns it (an
 * element as `true`: nodes do not cross WebDriver BiDi as values). A page that is navigating counts as "not yet".
 */
export async function waitFor(page, expression, { timeoutMs = 15_000, message = String(expression), arg } = {}) {
  const end = Date.now() + timeoutMs;
  const probe =
    typeof expression === 'string'
      ? `(() => { const v = (${expression}); return v instanceof Node || v; })()`
      : expression;
  for (;;) {
    const value = await page.evaluate(probe, arg).catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${message}`);
    await sleep(100);
  }
}
