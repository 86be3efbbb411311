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

/** Word tokens of normalised text: letters and digits (any script), apostrophes kept inside words. */
export function tokenize(normalized: string): string[] {
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
