// The test builds, built as the real-browser tests build them: loopback hosts, and the engine and app pages'
// sites granted at install (as a policy could grant them), into .output-test.
import { execSync } from 'node:child_process';
import { ROOT } from './paths.mjs';
import { GRANTED_HOSTS } from '../../test/support/e2e/site-pages.mjs';

/** `browser`: 'chromium' or 'firefox'; `scheme`: the granted sites' scheme ('https', or 'http' behind the proxy). */
export const testBuild = (browser, scheme) =>
  execSync(`npx wxt build${browser === 'firefox' ? ' -b firefox --mv3' : ''}`, {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      TL_TEST_BUILD: '1',
      TL_GRANT_ORIGINS: GRANTED_HOSTS.map((h) => `${scheme}://${h}/*`).join(','),
    },
  });
