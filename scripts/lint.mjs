// npm run lint: format check (Prettier), type check, the no-unsanitized rule, web-ext lint of the Firefox build (zero errors), and
// the bundle check, the store zips (scripts/check-zips.mjs). Stops at the first failing step.
import { execSync } from 'node:child_process';
import { ROOT } from './lib/paths.mjs';

const steps = [
  ['format', 'npx prettier --check .'],
  ['tsc', 'npx tsc --noEmit'],
  ['eslint', 'npx eslint .'],
  ['build', 'npx wxt build && npx wxt build -b firefox --mv3'],
  ['web-ext lint', 'npx web-ext lint --source-dir .output/firefox-mv3 --output text'],
  ['bundles', 'node scripts/check-bundles.mjs .output/chrome-mv3 .output/firefox-mv3'],
  ['store zips', 'npm run zip --silent'],
];
for (const [name, command] of steps) {
  console.log(`\n== ${name}: ${command}`);
  try {
    execSync(command, { cwd: ROOT, stdio: 'inherit' });
  } catch {
    console.error(`lint failed at: ${name}`);
    process.exit(1);
  }
}
console.log('\nlint: all steps passed');
