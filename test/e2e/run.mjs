// npm run test:e2e: builds the shipped Chrome build and Firefox and Chrome test builds, then runs the
// real-browser suites with node's test runner (Chromium through playwright-core, Firefox ESR through
// puppeteer-core).
import { execSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { GRANTED_HOSTS } from '../support/e2e/site-pages.mjs';

const only = process.argv.slice(2);
execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
// Test builds: loopback hosts, and the engine pages' sites granted at install (as a policy could grant them).
const grant = (scheme) => GRANTED_HOSTS.map((h) => `${scheme}://${h}/*`).join(',');
execSync('npx wxt build -b firefox --mv3', {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TL_TEST_BUILD: '1', TL_GRANT_ORIGINS: grant('http') },
});
execSync('npx wxt build', {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TL_TEST_BUILD: '1', TL_GRANT_ORIGINS: grant('https') },
});
const files = readdirSync(join(ROOT, 'test', 'e2e'))
  .filter((f) => f.endsWith('.test.mjs') && (only.length === 0 || only.some((o) => f.includes(o))))
  .map((f) => join('test', 'e2e', f));
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
