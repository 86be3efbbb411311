// Address-like strings for checking safeUrl's shortcut against the URL parser: pieces that are ordinary in
// page markup mixed with every kind of piece the parser changes (case, ports, dot segments, escapes,
// numeric and international hosts, quotes, backslashes, whitespace, other schemes).
import { rng } from '../../scripts/lib/synthetic.mjs';

export const URL_PIECES = [
  'https://',
  'http://',
  'HTTPS://',
  'javascript:',
  'data:',
  '//',
  '/',
  '\\',
  '.',
  '..',
  '/./',
  '/../',
  'www',
  'example',
  'com',
  'macrumors',
  'Example',
  'xn--',
  'xn--p1ai',
  '-',
  '--',
  '_',
  '~',
  '0',
  '1',
  '127',
  '0x7f',
  '255',
  ':',
  ':80',
  ':443',
  ':8080',
  '@',
  'user:pw@',
  '?',
  '#',
  '=',
  '&',
  ';',
  ',',
  '+',
  '*',
  '!',
  '$',
  '(',
  ')',
  "'",
  '"',
  '<',
  '>',
  '%',
  '%2e',
  '%2E',
  '%20',
  ' ',
  '\t',
  '\n',
  '[',
  ']',
  '{',
  '}',
  '|',
  '^',
  '`',
  'é',
  'ß',
  '\u00a0',
  'posts',
  'members',
  'threads',
  'a.b',
  'x.png',
  '.',
  '/posts/123',
];

/** A deterministic stream of address-like strings (the benchmarks' seeded generator). */
export function urlStrings(count, seed = 1) {
  const random = rng(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const out = [];
  for (let i = 0; i < count; i++) {
    const start = pick(['https://', 'http://', '/', '', 'https://www.', 'https://forums.macrumors.com/']);
    const parts = [start];
    const n = 1 + Math.floor(random() * 8);
    for (let k = 0; k < n; k++)
      parts.push(random() < 0.55 ? pick(['a', 'com', '/', '.', 'x', '-', '1']) : pick(URL_PIECES));
    out.push(parts.join(''));
  }
  return out;
}

/** What safeUrl returned before its shortcut, and must still return: the parser's answer. */
export function parsedUrl(raw, base) {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export const URL_BASES = [
  'https://www.macrumors.com/2017/01/18/apple-pencil/',
  'http://forums.example.org:8080/threads/1/page-2',
  'https://127.0.0.1/',
  'https://reader:secret@[::1]:8443/forum/',
  'file:///tmp/page.html',
];
