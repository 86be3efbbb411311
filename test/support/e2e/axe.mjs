// axe-core in the real-browser tests: its source (injected into the page under test) and one way to report
// what it found. The rules: axe's defaults (WCAG 2.x A and AA, best practices), nothing switched off.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** axe.min.js, to run in a page (page.addScriptTag in Chromium, page.evaluate in Firefox). */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * In the page: runs axe on the elements matching `selector` (the whole document for null) and returns
 * "rule: target" lines for every violation. Passed as a function to page.evaluate.
 */
export async function axeViolations(selector) {
  const context = selector ? { include: [[selector]] } : document;
  const result = await globalThis.axe.run(context, { resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary})`));
}
