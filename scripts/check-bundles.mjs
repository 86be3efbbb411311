// The shipped bundles must not evaluate strings as code or load scripts from anywhere but the extension; the
// content script that runs on every matching page stays within its size budget, and the view script it
// has injected later is not exposed to pages (utils/content/view-parts.ts). `npm run bundle-report` tells
// what a bundle is made of.
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
/**
 * Minified bytes of the content script on every matching page. 64 KiB since issue 25 (was 60): the built-in
 * forum's bodies are cleaned there too (engine controls, spoilers and signatures folded, quotes of quotes),
 * +2.8 KiB, with the first view unchanged (docs/performance.md).
 */
const CONTENT_BUDGET = 64 * 1024;
for (const dir of dirs) {
  const content = statSync(join(ROOT, dir, 'content-scripts', 'content.js')).size;
  const line = `${relative(ROOT, dir) || dir}: content script ${(content / 1024).toFixed(1)} KiB (budget ${CONTENT_BUDGET / 1024} KiB)`;
  if (content > CONTENT_BUDGET) {
    problems++;
    console.error(`${line}: over budget`);
  } else console.log(line);
  const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'manifest.json'), 'utf8'));
  if (JSON.stringify(manifest.web_accessible_resources ?? []).includes('thread-view')) {
    problems++;
    console.error(`${dir}: the view script is web-accessible`);
  }
}
if (checked === 0) {
  console.error('check-bundles: no bundles found; build first');
  process.exit(1);
}
console.log(`check-bundles: ${checked} files, ${problems} problems`);
process.exit(problems ? 1 : 0);
