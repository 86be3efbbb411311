// npm run accuracy: reads every real page in test/fixtures/real, threads it, and prints per page and in total
// the posts read, replies placed where the page names the parent (by id) and where only text or names tell
// (by text), wrong placements and time to read, against each page's answer key (<page>.key.json). The same
// file runs in `npm test` as a check that every page keeps its figures.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['vitest', 'run', 'test/accuracy/accuracy.test.ts', '--reporter=dot'], {
  stdio: 'inherit',
  env: { ...process.env, ACCURACY_REPORT: '1' },
  shell: process.platform === 'win32',
});
process.exit(run.status ?? 1);
