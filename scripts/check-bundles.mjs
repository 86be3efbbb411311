// The shipped bundles must not evaluate strings as code or load scripts from anywhere but the extension.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib/paths.mjs';

const FORBIDDEN = [
  [/\beval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/\bsetTimeout\s*\(\s*["'`]/, 'setTimeout with a string'],
  [/<script[^>]+src\s*=\s*["']?https?:/i, 'remote <script src>'],
  [/\bimportScripts\s*\(\s*["'`]https?:/, 'remote importScripts'],
  [/\bimport\s*\(\s*["'`]https?:/, 'remote import()'],
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(js|html)$/.test(name) ? [path] : [];
  });
}

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['.output/chrome-mv3', '.output/firefox-mv3'];
let problems = 0;
let checked = 0;
for (const dir of dirs) {
  for (const file of files(join(ROOT, dir))) {
    checked++;
    const text = readFileSync(file, 'utf8');
    for (const [pattern, what] of FORBIDDEN) {
      if (pattern.test(text)) {
        problems++;
        console.error(`${relative(ROOT, file)}: contains ${what}`);
      }
    }
  }
}
if (checked === 0) {
  console.error('check-bundles: no bundles found; build first');
  process.exit(1);
}
console.log(`check-bundles: ${checked} files, ${problems} problems`);
process.exit(problems ? 1 : 0);
