import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// npm run demo on a machine without the browser: it says what to install and fails, before building anything.
const demo = (env: Record<string, string>, args: string[] = []) =>
  spawnSync(process.execPath, ['scripts/demo.mjs', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

describe('npm run demo without a browser', () => {
  it('names the missing Chromium and the apt command, and exits non-zero', () => {
    const run = demo({ CHROMIUM_PATH: '/nowhere/chromium' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Chromium was not found (CHROMIUM_PATH=/nowhere/chromium does not exist)');
    expect(run.stderr).toContain('sudo apt-get install -y chromium');
    expect(run.stdout).not.toMatch(/Built extension/);
  });
  it('does the same for Firefox with --firefox', () => {
    const run = demo({ FIREFOX_PATH: '/nowhere/firefox' }, ['--firefox']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('sudo apt-get install -y firefox-esr');
  });
});
