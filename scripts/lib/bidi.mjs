// The only place that reaches into puppeteer-core's internals, for three things its public API lacks in Firefox:
// - `browser.connection` (BidiBrowser's WebDriver BiDi connection) to send a raw command;
// - `frame._id` (the BiDi browsing-context id of a page's main frame) to name the page in that command;
// - chrome browsing contexts (`"moz:scope": "chrome"`, Firefox's extension to `browsingContext.getTree`, given
//   only with the `-remote-allow-system-access` argument) to run privileged code: preferences, the add-on's
//   permissions, as the browser's own add-on manager changes them.
// Why: `page.goto` to a moz-extension:// page never reports load, while `browsingContext.navigate` with
// `wait: 'complete'` does; and preferences or add-on permissions have no WebDriver command at all.
// test/e2e/firefox-bidi.test.mjs checks each of these against the installed puppeteer-core.

/** The BiDi connection of a puppeteer Browser launched with `protocol: 'webDriverBiDi'`. */
function connectionOf(browser) {
  const connection = browser.connection;
  if (typeof connection?.send !== 'function')
    throw new Error('puppeteer-core changed: Browser.connection is not a WebDriver BiDi connection');
  return connection;
}

/** Sends one BiDi command and returns its result. */
export async function bidiSend(browser, method, params) {
  const answer = await connectionOf(browser).send(method, params);
  return answer.result;
}

/** The BiDi browsing-context id of a page's top-level document. */
export function contextOf(page) {
  const id = page.mainFrame()._id;
  if (typeof id !== 'string') throw new Error('puppeteer-core changed: Frame._id is not a browsing-context id');
  return id;
}

/** Navigates a page and resolves once the new document is complete (also for moz-extension:// pages). */
export async function navigateComplete(page, url) {
  await bidiSend(page.browser(), 'browsingContext.navigate', { context: contextOf(page), url, wait: 'complete' });
}

/**
 * Starts a navigation without waiting on it. For pages whose frames fail to load (captures of real pages
 * embed third-party frames, which go nowhere here): Firefox 153 then fails the waiting navigate command with
 * "Address rejected" although the page itself loads. The caller waits on the page instead.
 */
export async function navigateNoWait(page, url) {
  await bidiSend(page.browser(), 'browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
}

/**
 * Runs `fn(...args)` in the browser window's privileged (chrome) scope and returns its JSON-able result.
 * `fn` is sent as source: it sees chrome globals (Services, ChromeUtils, gBrowser), not this module's.
 */
export async function inChrome(browser, fn, ...args) {
  const { contexts } = await bidiSend(browser, 'browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const window = contexts.find((c) => c.url.startsWith('chrome://browser/'));
  if (!window) throw new Error('no chrome window: was Firefox started with -remote-allow-system-access?');
  const expression = `(async () => JSON.stringify((await (${fn})(...${JSON.stringify(args)})) ?? null))()`;
  const result = await bidiSend(browser, 'script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`in chrome: ${result.exceptionDetails.text}`);
  return JSON.parse(result.result.value);
}
