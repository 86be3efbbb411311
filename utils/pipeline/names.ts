// People's names are page text: shown inside our own sentences, and compared when the reader mutes someone.
// Shown, a name is isolated (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, as <bdi> does),
// so a right-to-left override inside it cannot reverse the words around it. Compared, a name is folded:
// NFKC (full-width and styled letters to plain ones), invisible characters removed (zero-width spaces and
// joiners, soft hyphens, bidi controls), case folded, and letters that look like Latin ones (Cyrillic and
// Greek) read as those Latin letters, so "Jоhn" with a Cyrillic "о" or "J\u200Bohn" is still John.

/** The name as one isolated run inside a sentence of ours. */
export const isolate = (name: string) => `\u2068${name}\u2069`;

const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

// Lower-case look-alikes of Latin letters (Unicode's confusables for the Cyrillic and Greek alphabets).
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԝ: 'w',
  ь: 'b',
  ү: 'y',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
  ϳ: 'j',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/** A name as it is compared: the same person however the page spells the letters. */
export function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(LOOKALIKE, (ch) => LOOKALIKES[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim();
}
