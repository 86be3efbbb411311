import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';
import { parsedUrl, URL_BASES, URL_PIECES, urlStrings } from '../../../support/url-strings.mjs';

const BASE = 'https://www.macrumors.com/2017/01/18/apple-pencil/';

describe('safeUrl', () => {
  it.each([
    ['https://forums.macrumors.com/posts/24208508', 'https://forums.macrumors.com/posts/24208508'],
    ['/threads/bench.1/post-7', 'https://www.macrumors.com/threads/bench.1/post-7'],
    ['posts/1', 'https://www.macrumors.com/2017/01/18/apple-pencil/posts/1'],
    ['//cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['  https://Example.COM:443/a/./b/../c  ', 'https://example.com/a/c'],
    ["/a b?q=it's", 'https://www.macrumors.com/a%20b?q=it%27s'],
    ['http://0x7f.1/', 'http://127.0.0.1/'],
    ['\\\\evil.example/x', 'https://evil.example/x'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,hi', undefined],
    ['https://[bad/', undefined],
    ['', undefined],
    [null, undefined],
  ])('%s → %s', (raw, expected) => {
    expect(safeUrl(raw, BASE)).toBe(expected);
  });

  it('answers what the URL parser answers, on any address-like text and base', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...URL_PIECES), fc.string({ maxLength: 3 })), { maxLength: 10 }),
        fc.constantFrom(...URL_BASES),
        (parts, base) => {
          const raw = parts.join('');
          expect(safeUrl(raw, base)).toBe(parsedUrl(raw, base));
        },
      ),
      { numRuns: 3000 },
    );
    for (const base of URL_BASES)
      for (const raw of urlStrings(3000)) expect(safeUrl(raw, base), raw).toBe(parsedUrl(raw, base));
  });
});
