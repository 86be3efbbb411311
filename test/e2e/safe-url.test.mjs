// safeUrl takes addresses already in the parser's printed form as they are, without parsing them. Whether
// a string is in that form is the browser's URL parser's to say, so the shortcut is checked against the
// parser of each real browser, in a page: on the same generated strings as the unit test, and every base.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { parsedUrl, URL_BASES, urlStrings } from '../support/url-strings.mjs';
import { chromiumSession } from '../support/e2e/chromium-session.mjs';
import { firefoxSession } from '../support/e2e/firefox-session.mjs';

/** utils/pipeline/extract/safe-url.ts as a script that returns its safeUrl. */
const SOURCE = ts
  .transpileModule(readFileSync(join(ROOT, 'utils/pipeline/extract/safe-url.ts'), 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  })
  .outputText.replace(/^export /gm, '');

/** Runs in the page: the inputs where the shortcut and the browser's own parser disagree. */
function disagreements({ source, reference, inputs, bases }) {
  const safeUrl = new Function(`${source}; return safeUrl;`)();
  const parsed = new Function(`return (${reference});`)();
  const out = [];
  let taken = 0;
  for (const base of bases)
    for (const raw of inputs) {
      const got = safeUrl(raw, base);
      const want = parsed(raw, base);
      if (got !== want) out.push({ raw, base, got, parsed: want ?? null });
      if (got === raw || (got && got.endsWith(raw) && raw.startsWith('/'))) taken++;
    }
  return { out: out.slice(0, 5), taken };
}

// The reference is the unit test's: the parser's answer, run with this browser's URL.
const ARGS = { source: SOURCE, reference: parsedUrl.toString(), inputs: urlStrings(3000), bases: URL_BASES };

describe('safeUrl against the browsers’ own URL parsers', () => {
  const chromium = chromiumSession();
  const firefox = firefoxSession();

  it('Chromium parses every shortcut address to itself', async () => {
    const { page } = await chromium.open('https://www.macrumors.com/no-comments.html');
    const result = await page.evaluate(disagreements, ARGS);
    assert.deepEqual(result.out, []);
    assert.ok(result.taken > 1000, `the shortcut was taken ${result.taken} times`);
    await page.close();
  });

  it('Firefox parses every shortcut address to itself', async () => {
    await firefox.page.goto(firefox.url('no-comments.html'));
    const result = await firefox.page.evaluate(disagreements, ARGS);
    assert.deepEqual(result.out, []);
    assert.ok(result.taken > 1000, `the shortcut was taken ${result.taken} times`);
  });
});
