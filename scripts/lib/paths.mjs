// Where things are. Browsers can be overridden with CHROMIUM_PATH / FIREFOX_PATH (see README).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

const BROWSERS = {
  chromium: {
    env: 'CHROMIUM_PATH',
    paths: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    apt: 'chromium',
    name: 'Chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    apt: 'firefox-esr',
    name: 'Firefox',
  },
};

/**
 * Where a browser is, or null. A path set in the environment is the only one looked at: pointing it at
 * nothing means "not installed", not "look elsewhere".
 */
export function findBrowser(kind) {
  const { env, paths } = BROWSERS[kind];
  const candidates = process.env[env] ? [process.env[env]] : paths;
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** What to tell a person whose machine lacks the browser. */
export function missingBrowserText(kind) {
  const { env, paths, apt, name } = BROWSERS[kind];
  const where = process.env[env] ? `${env}=${process.env[env]} does not exist` : `not at ${paths.join(', ')}`;
  return `${name} was not found (${where}).
Install it with:
  sudo apt-get install -y ${apt}
or point ${env} at the browser's executable.`;
}

export function chromiumPath() {
  const found = findBrowser('chromium');
  if (!found) throw new Error(missingBrowserText('chromium'));
  return found;
}

export function firefoxPath() {
  const found = findBrowser('firefox');
  if (!found) throw new Error(missingBrowserText('firefox'));
  return found;
}
