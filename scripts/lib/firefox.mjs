// Firefox ESR with the Firefox test build installed by web-ext, driven over Marionette. Every connection
// that is not to loopback goes to a closed local proxy port, so nothing leaves the machine.
import { createServer } from 'node:net';
import webExt from 'web-ext';
import { firefoxPath } from './paths.mjs';
import { connectMarionette } from './marionette.mjs';

export const FIREFOX_EXTENSION_ID = 'threadlight@threadlight.dev';

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * `proxyPort`: plain-HTTP requests to any host go to that local server (it serves pages under their real host
 * names); everything else still goes nowhere.
 */
export async function launchFirefox({ extensionDir, headless = true, proxyPort = 9 }) {
  const port = await freePort();
  const runner = await webExt.cmd.run(
    {
      sourceDir: extensionDir,
      firefox: firefoxPath(),
      target: ['firefox-desktop'],
      args: [...(headless ? ['--headless'] : []), '--marionette', '-remote-allow-system-access'],
      pref: {
        'marionette.port': port,
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
        'browser.startup.page': 0,
      },
      noReload: true,
      noInput: true,
    },
    { shouldExitProgram: false },
  );
  const driver = await connectMarionette(port);
  // Temporary add-ons get a random internal host name; ask the browser for it.
  await driver.send('Marionette:SetContext', { value: 'chrome' });
  const host = await driver.execute(`return WebExtensionPolicy.getByID(arguments[0])?.mozExtensionHostname`, [
    FIREFOX_EXTENSION_ID,
  ]);
  await driver.send('Marionette:SetContext', { value: 'content' });
  if (!host) throw new Error('the extension is not installed in Firefox');
  return {
    driver,
    /** Settles when the browser is closed (by the person using it). */
    exited: new Promise((resolve) => runner.registerCleanup(resolve)),
    extensionUrl: (path) => `moz-extension://${host}/${path}`,
    async close() {
      driver.close();
      await runner.exit();
    },
  };
}
