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
 * Text that normalizeText would only lower-case and fold (see WordScan.scanText): ASCII, and the typographic
 * quote marks, ellipsis and no-break space that phones put in ordinary comments (all unchanged by NFKC or
 * turned into non-word characters; single quote marks become apostrophes).
 */
const PLAIN_TEXT = /^[\x00-\x7f\u00a0\u00ab\u00bb\u2018-\u201f\u2026]*$/;
const BOILERPLATE_HINT = /click to expand|said:/i;

const isAsciiWord = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/**
 * Is the code unit at i part of a word: ASCII letters and digits directly, anything else by the Unicode class
 * of its whole code point (a low surrogate belongs with the high one before it; a lone one is no letter).
 */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiWord(c);
  let at = i;
  if (c >= 0xdc00 && c <= 0xdfff) {
    const high = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (high < 0xd800 || high > 0xdbff) return false;
    at = i - 1;
  }
  return WORD_CODE_POINT.test(String.fromCodePoint(text.codePointAt(at)!));
}

/**
 * The words of normalised text, found by one hand-written scan: letters and digits (any script), apostrophes
 * kept inside words ("don't"); the same words as /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*\/gu. Most comment text is
 * ASCII, and the scan only asks the Unicode classes about other characters. Each word is recorded as its
 * start, end and FNV-1a hash, in buffers reused from scan to scan: quote matching compares words by hash
 * without allocating a string per word.
 */
export class WordScan {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Int32Array(256);
  count = 0;
  /** Code units in all words together (the length of the words joined without separators). */
  chars = 0;

  scan(normalized: string): this {
    return this.words(normalized, false);
  }

  /**
   * `scan(normalizeText(text))`, without building the normalised text when `text` is plain (PLAIN_TEXT) with
   * no forum boilerplate, as most comments are: normalising such text only lower-cases it, reads ` ‘ ’ ‚ ‛
   * as ' and folds whitespace, which the scan does on the fly. Skipping the copy is most of the saving on
   * long discussions (less garbage). Starts and ends then refer to `text` itself.
   */
  scanText(text: string): this {
    const plain = PLAIN_TEXT.test(text) && !BOILERPLATE_HINT.test(text);
    return this.words(plain ? text : normalizeText(text), plain);
  }

  /** The scan itself: of normalised text, or of plain text read as its normalised form. */
  private words(text: string, plain: boolean): this {
    const n = text.length;
    const isWord = (i: number) => (plain ? isAsciiWord(text.charCodeAt(i)) : isWordAt(text, i));
    let count = 0;
    let chars = 0;
    let i = 0;
    while (i < n) {
      while (i < n && !isWord(i)) i++;
      if (i >= n) break;
      const start = i;
      let h = 0x811c9dc5;
      for (;;) {
        for (; i < n && isWord(i); i++) {
          const c = text.charCodeAt(i);
          h = Math.imul(h ^ (plain && c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
        }
        const mark = text.charCodeAt(i);
        const apostrophe = mark === 39 || (plain && (mark === 96 || (mark >= 0x2018 && mark <= 0x201b)));
        if (i + 1 < n && apostrophe && isWord(i + 1)) {
          h = Math.imul(h ^ 39, 0x01000193);
          i++;
        } else break;
      }
      this.put(count++, start, i, h);
      chars += i - start;
    }
    this.count = count;
    this.chars = chars;
    return this;
  }

  /** Records word number `at`: where it starts and ends, and its hash. */
  private put(at: number, start: number, end: number, hash: number): void {
    if (at === this.hashes.length) this.grow();
    this.starts[at] = start;
    this.ends[at] = end;
    this.hashes[at] = hash;
  }

  private grow(): void {
    const size = this.hashes.length * 2;
    for (const field of ['starts', 'ends', 'hashes'] as const) {
      const next = new Int32Array(size);
      next.set(this[field]);
      this[field] = next;
    }
  }
}

const shared = /* @__PURE__ */ new WordScan();

/** Word tokens of normalised text (see WordScan). */
export function tokenize(normalized: string): string[] {
  const words = shared.scan(normalized);
  const out = new Array<string>(words.count);
  for (let k = 0; k < words.count; k++) out[k] = normalized.slice(words.starts[k], words.ends[k]);
  return out;
}

/** The regular-expression definition `tokenize` must agree with (tests compare the two). */
export function tokenizeByPattern(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/** FNV-1a, 32 bit: stable ids for comments without a post id; WordScan hashes words the same way. */
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

/** The text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
