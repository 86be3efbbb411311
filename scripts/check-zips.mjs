// npm run zip's last step: are the store zips what a reviewer could upload? For the Chrome zip: the
// manifest's fields, every icon it names present as a PNG of its size, no remote code (no script or import
// from the network, no eval, no remote CSP). For the Firefox zip: the same, plus addons-linter (web-ext's)
// with zero errors. The sources zip must hold what AMO needs to rebuild (package files, config, sources).
// The store folder: a listing for every UI language (summary within 132 characters), the privacy statement,
// and for every language the same screenshots, each 1280 × 800.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ROOT } from './lib/paths.mjs';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const OUT = join(ROOT, '.output');
const problems = [];
const fail = (zip, text) => problems.push(`${zip}: ${text}`);

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
function pngSize(bytes) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

/** Patterns of code loaded or run from elsewhere. */
const REMOTE = [
  [/\bimportScripts\s*\(/, 'importScripts'],
  [/\bimport\s*\(\s*['"`]https?:/, 'import() of a URL'],
  [/<script[^>]+src=["']https?:/i, 'a script from the network'],
  [/\beval\s*\(/, 'eval'],
  [/\bnew Function\s*\(/, 'new Function'],
];

async function checkExtensionZip(name, { firefox }) {
  const zip = await JSZip.loadAsync(readFileSync(join(OUT, name)));
  const file = (path) => zip.file(path);
  const manifestFile = file('manifest.json');
  if (!manifestFile) return fail(name, 'no manifest.json at the top');
  const m = JSON.parse(await manifestFile.async('string'));
  if (m.manifest_version !== 3) fail(name, `manifest_version ${m.manifest_version}, expected 3`);
  if (m.version !== version) fail(name, `version ${m.version}, package.json says ${version}`);
  for (const key of ['name', 'description']) if (!m[key]) fail(name, `no ${key}`);
  if ((m.description ?? '').length > 132 && !String(m.description).startsWith('__MSG_'))
    fail(name, `description over 132 characters (${m.description.length})`);
  const icons = m.icons ?? {};
  for (const size of ['16', '48', '128']) if (!icons[size]) fail(name, `no ${size} px icon in the manifest`);
  for (const [size, path] of Object.entries(icons)) {
    const f = file(path);
    const dims = f ? pngSize(await f.async('uint8array')) : null;
    if (!dims) fail(name, `icon ${path} missing or not a PNG`);
    else if (dims[0] !== Number(size) || dims[1] !== Number(size)) fail(name, `icon ${path} is ${dims.join('×')}`);
  }
  const csp = JSON.stringify(m.content_security_policy ?? {});
  if (/https?:/.test(csp)) fail(name, `the content security policy allows remote sources: ${csp}`);
  if (!firefox && m.browser_specific_settings) fail(name, 'browser_specific_settings in the Chrome zip');
  if (firefox && !m.browser_specific_settings?.gecko?.id) fail(name, 'no gecko id');
  if (firefox && !m.browser_specific_settings?.gecko_android) fail(name, 'no gecko_android');
  for (const path of Object.keys(zip.files)) {
    if (!/\.(js|html)$/.test(path)) continue;
    const text = await file(path).async('string');
    for (const [pattern, what] of REMOTE) if (pattern.test(text)) fail(name, `${path}: ${what}`);
  }
  return Object.keys(zip.files).length;
}

async function checkSourcesZip(name) {
  const zip = await JSZip.loadAsync(readFileSync(join(OUT, name)));
  for (const path of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md'])
    if (!zip.file(path)) fail(name, `no ${path} (a reviewer rebuilds from it)`);
  if (!Object.keys(zip.files).some((p) => p.startsWith('entrypoints/'))) fail(name, 'no entrypoints/');
  if (Object.keys(zip.files).some((p) => p.startsWith('node_modules/') || p.startsWith('.output/')))
    fail(name, 'holds node_modules or build output');
}

/** Each UI language's listing and screenshots, as the English ones (store/README.md). */
function checkStore() {
  const store = join(ROOT, 'store');
  if (!existsSync(join(store, 'privacy.md'))) fail('store', 'no privacy.md');
  const pngs = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.png')) : []).sort();
  const english = pngs(join(store, 'screenshots'));
  if (english.length === 0) fail('store', 'no screenshots');
  for (const locale of readdirSync(join(ROOT, 'public', '_locales'))) {
    const listing = join(store, locale === 'en' ? 'listing.md' : `listing.${locale}.md`);
    if (!existsSync(listing)) {
      fail('store', `no listing for ${locale}`);
      continue;
    }
    const lines = readFileSync(listing, 'utf8').split('\n');
    // The line under the second heading (Name, then Summary).
    const summary = lines[lines.map((l, i) => (l.startsWith('## ') ? i : -1)).filter((i) => i >= 0)[1] + 1];
    if (!summary || [...summary].length > 132)
      fail('store', `${listing}: the summary is missing or over 132 characters`);
    const dir = join(store, 'screenshots', locale === 'en' ? '' : locale);
    if (pngs(dir).join() !== english.join()) fail('store', `${locale}: screenshots are not ${english.join(', ')}`);
    for (const file of pngs(dir)) {
      const size = pngSize(readFileSync(join(dir, file)));
      if (size?.join('x') !== '1280x800')
        fail('store', `${locale}/${file}: ${size?.join('x') ?? 'not a PNG'}, not 1280x800`);
    }
  }
}

const zips = readdirSync(OUT).filter((f) => f.endsWith('.zip'));
const want = (kind) => `threadlight-${version}-${kind}.zip`;
for (const kind of ['chrome', 'firefox', 'sources']) if (!zips.includes(want(kind))) fail(want(kind), 'not written');
if (problems.length === 0) {
  const chrome = await checkExtensionZip(want('chrome'), { firefox: false });
  const firefox = await checkExtensionZip(want('firefox'), { firefox: true });
  await checkSourcesZip(want('sources'));
  checkStore();
  try {
    execSync(`npx addons-linter --output text ${join(OUT, want('firefox'))}`, { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    fail(want('firefox'), `addons-linter reports errors:\n${e.stdout?.toString() ?? e.message}`);
  }
  console.log(`check-zips: chrome ${chrome} files, firefox ${firefox} files, sources zip, store folder`);
}
for (const p of problems) console.error(`check-zips: ${p}`);
console.log(`check-zips: ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
