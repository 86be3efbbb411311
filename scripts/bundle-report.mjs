// npm run bundle-report: what the content script and the lazily injected view script are made of, by source
// file, from a source-mapped build of the Chrome extension (into .output-report, not the shipped folder).
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleSizes } from './lib/bundle-sizes.mjs';
import { ROOT } from './lib/paths.mjs';

const TOP = Number(process.argv[2] ?? 25);
execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, TL_REPORT_BUILD: '1' } });
const kib = (n) => (n / 1024).toFixed(1).padStart(6);
for (const file of ['content-scripts/content.js', 'thread-view.js']) {
  const { total, sizes } = bundleSizes(join(ROOT, '.output-report', 'chrome-mv3', file));
  console.log(`\n${file}: ${kib(total)} KiB minified`);
  for (const [source, bytes] of sizes.slice(0, TOP))
    console.log(`  ${kib(bytes)} KiB ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${source}`);
  if (sizes.length > TOP) console.log(`  … ${sizes.length - TOP} more`);
}
