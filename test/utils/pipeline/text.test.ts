import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegExp, fnv1a, normalizeText, tokenize, tokenizeByPattern, WordScan } from '@/utils/pipeline/text';

describe('normalizeText and tokenize', () => {
  it.each([
    ['“Curly” ‘quotes’ and  spaces\n\ttoo', '"curly" \'quotes\' and spaces too'],
    ['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
    ['zero\u200Bwidth\u00ADsoft', 'zerowidthsoft'],
    ['someone said: quoted Click to expand...', 'quoted'],
    ['Ellipsis…', 'ellipsis...'],
  ])('normalises %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ["don't stop, it's 3.5 years", ["don't", 'stop', "it's", '3', '5', 'years']],
    ["'quoted' words'", ['quoted', 'words']],
    ['emoji 😀 between', ['emoji', 'between']],
    ['العربية و 中文 и кириллица', ['العربية', 'و', '中文', 'и', 'кириллица']],
    ['𝐛𝐨𝐥𝐝 math letters', ['𝐛𝐨𝐥𝐝', 'math', 'letters']],
    ['', []],
  ])('tokenises %j', (input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it('the hand-written scanner agrees with the pattern on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.stringMatching(/^[a-z' 0-9é😀]{0,40}$/),
        ),
        (text) => {
          expect(tokenize(text)).toEqual(tokenizeByPattern(text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("the word scan records each word's place and FNV-1a hash, reusing its buffers across texts", () => {
    const scan = new WordScan();
    const long = Array.from({ length: 700 }, (_, i) => `w${i}`).join(' ');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.stringMatching(/^[a-z' 0-9é😀]{0,40}$/),
          fc.constant(long),
        ),
        (text) => {
          const words = tokenizeByPattern(text);
          scan.scan(text);
          expect(scan.count).toBe(words.length);
          expect(scan.chars).toBe(words.join('').length);
          for (let k = 0; k < words.length; k++) {
            expect(text.slice(scan.starts[k], scan.ends[k])).toBe(words[k]);
            expect(scan.hashes[k]).toBe(fnv1a(words[k]!) | 0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
  it('scanning raw text gives the words of its normalised text, with or without the plain-text shortcut', () => {
    const scan = new WordScan();
    const reference = new WordScan();
    const words = (w: WordScan) => ({
      count: w.count,
      chars: w.chars,
      hashes: Array.from(w.hashes.subarray(0, w.count)),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          // Words with every mark the shortcut reads (and some it must leave to normalizeText) between them.
          fc
            .array(
              fc.oneof(
                fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
                fc.constantFrom(
                  ...Array.from(
                    "'` .,!?:-\n\t\u00a0\u00ab\u00bb\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2026\u2032\u2033",
                  ),
                ),
              ),
              { maxLength: 20 },
            )
            .map((pieces) => pieces.join('')),
          fc.stringMatching(
            /^(?:[A-Z]?[a-z]{1,6}[`']?[a-z]{0,3}| |\n|Click to expand\.\.\.|Bob said:|SAID:|…|’|é|\u200B){0,12}$/,
          ),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.string({ unit: 'binary-ascii', maxLength: 40 }),
        ),
        (text) => {
          expect(words(scan.scanText(text))).toEqual(words(reference.scan(normalizeText(text))));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('escapeRegExp', () => {
  it.each(['a.b', 'AT&T (US)', '[x]', 'c++', 'a|b', '^$', '\\d', '{1}', 'why?', '*'])('matches %s literally', (t) => {
    const re = new RegExp(`^${escapeRegExp(t)}$`);
    expect(re.test(t)).toBe(true);
    expect(re.test(`${t}x`)).toBe(false);
  });
});
