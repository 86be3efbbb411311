// Sites the reader enables, in Firefox (the Firefox test build grants the engine pages' sites at install):
// pages served under their real host names (a local HTTP proxy), one of every engine threaded; a site taken
// away in the browser's own way (its permission removed) loses the view at once and on reload, and gets it
// back in the open tab when granted again; nothing runs on a site nobody enabled, whose popup asks for it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { FIREFOX_EXTENSION_ID, launchFirefox } from '../../scripts/lib/firefox.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { NOT_ENABLED_HOST, SITE_PAGES } from '../support/e2e/site-pages.mjs';

let server;
let ff;
let d;
before(async () => {
  server = await startFixtureServer();
  ff = await launchFirefox({ extensionDir: join(ROOT, '.output-test', 'firefox-mv3'), proxyPort: server.port });
  d = ff.driver;
});
after(async () => {
  await ff?.close();
  await server?.close();
});

const VIEW = `(() => ({
  views: document.querySelectorAll('[data-threadlight="thread"]').length,
  posts: document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]').length,
}))()`;

/** Adds or removes a host permission the way the browser's add-on manager does. */
async function permission(action, origin) {
  await d.send('Marionette:SetContext', { value: 'chrome' });
  try {
    await d.execute(
      `const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
       const ext = WebExtensionPolicy.getByID(arguments[0]).extension;
       return ExtensionPermissions.${action}(arguments[0], { origins: [arguments[1]], permissions: [] }, ext).then(() => true);`,
      [FIREFOX_EXTENSION_ID, origin],
    );
  } finally {
    await d.send('Marionette:SetContext', { value: 'content' });
  }
}

describe('Firefox: sites the reader enabled', () => {
  for (const site of SITE_PAGES)
    it(`threads ${site.engine} on ${site.host}`, async () => {
      await d.navigate(`http://${site.host}/${site.file}`);
      await d.waitFor(`${VIEW}.posts >= ${site.posts}`, { timeoutMs: 10_000 });
      assert.deepEqual(await d.execute(`return ${VIEW}`), { views: 1, posts: site.posts });
      const [parent, child] = site.nested;
      assert.equal(
        await d.execute(
          `return !!document.querySelector('[data-comment-id="${parent}"] [data-comment-id="${child}"]')`,
        ),
        true,
      );
    });

  it('follows the permission: removed, the view goes; granted again, it comes back in the open tab', async () => {
    const site = SITE_PAGES.find((p) => p.host === 'www.dostips.com');
    const origin = `http://${site.host}/*`;
    await d.navigate(`http://${site.host}/${site.file}`);
    await d.waitFor(`${VIEW}.posts === ${site.posts}`, { timeoutMs: 10_000 });
    await permission('remove', origin);
    await d.waitFor(`${VIEW}.views === 0`, { timeoutMs: 5000, message: 'the view to go' });
    await d.navigate(`http://${site.host}/${site.file}?again`);
    await new Promise((r) => setTimeout(r, 800));
    assert.deepEqual(await d.execute(`return ${VIEW}`), { views: 0, posts: 0 });
    await permission('add', origin);
    await d.waitFor(`${VIEW}.posts === ${site.posts}`, { timeoutMs: 5000, message: 'the view in the open tab' });
  });

  it('does nothing on a site nobody enabled, and its popup asks the browser for that site', async () => {
    const page = `http://${NOT_ENABLED_HOST}/real/phpbb-dostips.html`;
    await d.navigate(page);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(await d.execute(`return document.querySelectorAll('[data-threadlight]').length`), 0);
    await d.openPrivilegedTab(ff.extensionUrl('popup.html'));
    const tabId = await d.execute(
      `return browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === arguments[0]).id)`,
      [page],
    );
    await d.navigate(ff.extensionUrl(`popup.html?tab=${tabId}`));
    await d.waitFor(`document.getElementById('tl-enabled')`);
    assert.equal(await d.execute(`return document.getElementById('tl-enabled').checked`), false);
    // The browser's prompt is its own UI: record the request and answer "no", as a reader might.
    await d.execute(
      `window.__asked = []; browser.permissions.request = (req) => (window.__asked.push(req), Promise.resolve(false));`,
    );
    await d.click(await d.find('#tl-enabled'));
    await d.waitFor('window.__asked.length > 0');
    assert.deepEqual(await d.execute('return window.__asked'), [{ origins: [`http://${NOT_ENABLED_HOST}/*`] }]);
    await d.waitFor(`!document.getElementById('tl-enabled').checked`);
  });
});
