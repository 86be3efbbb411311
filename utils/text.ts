// Text normalisation shared by quote matching and tests: NFKC, one kind of quote mark, no invisible
// characters, no forum boilerplate, collapsed whitespace, lower case.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const BOILERPLATE = /click to expand\.{0,3}|\S+ said:/gi;
const SPACE = /\s+/g;

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(/\u2026/g, '...')
    .replace(BOILERPLATE, ' ')
    .replace(SPACE, ' ')
    .trim()
    .toLowerCase();
}

const WORD_CODE_POINT = /^[\p{L}\p{N}]$/u;

/**
 * Is the code unit at i part of a word: ASCII letters and digits directly, anything else by the Unicode class
 * of its whole code point (a low surrogate belongs with the high one before it; a lone one is no letter).
 */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let at = i;
  if (c >= 0xdc00 && c <= 0xdfff) {
    const high = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (high < 0xd800 || high > 0xdbff) return false;
    at = i - 1;
  }
  return WORD_CODE_POINT.test(String.fromCodePoint(text.codePointAt(at)!));
}

/**
 * Word tokens of normalised text: letters and digits (any script), apostrophes kept inside words
 * ("don't"). Same result as /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*\/gu, scanned by hand: most comment text is
 * ASCII, and the scan only asks the Unicode classes about other characters.
 */
export function tokenize(normalized: string): string[] {
  const out: string[] = [];
  const n = normalized.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordAt(normalized, i)) i++;
    if (i >= n) break;
    const start = i;
    for (;;) {
      while (i < n && isWordAt(normalized, i)) i++;
      if (i + 1 < n && normalized.charCodeAt(i) === 39 && isWordAt(normalized, i + 1)) i++;
      else break;
    }
    out.push(normalized.slice(start, i));
  }
  return out;
}

/** The regular-expression definition `tokenize` must agree with (tests compare the two). */
export function tokenizeByPattern(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/** FNV-1a, 32 bit: stable ids for comments without a post id, and shingle keys. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function stableId(author: string, text: string): string {
  return 'h' + fnv1a(author + '\u0000' + normalizeText(text)).toString(36);
}
