// Threadlight's icons, all from one drawing: store/icon.svg, rasterised by Chromium at every size the
// browsers and the stores ask for (public/icon/<size>.png, shipped in both builds; 128 px is the stores').
// Run after changing the drawing: node scripts/make-icons.mjs (needs Chromium, like the tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, ROOT } from './lib/paths.mjs';

export const ICON_SIZES = [16, 32, 48, 96, 128];

const svg = readFileSync(join(ROOT, 'store', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of ICON_SIZES) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  writeFileSync(join(ROOT, 'public', 'icon', `${size}.png`), png);
}
await browser.close();
console.log(`icons ${ICON_SIZES.join(', ')} px written to public/icon/ from store/icon.svg`);
