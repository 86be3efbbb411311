import type { Comment } from '@/utils/pipeline/model';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { foldName } from '@/utils/pipeline/names';

// Searching the whole discussion (not only what is rendered): authors and comments' own words, case- and
// accent-insensitive. The tree is pruned to the matches and their ancestors (kept as context), so windowing,
// keys and "bring" work on the result as on any model.

/**
 * Lower case without accents ("Müller" → "muller"): the search haystack folded at once, and hitRanges folding
 * one code point at a time to map offsets back.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A query folded like the text, inner whitespace collapsed; '' when there is nothing to look for. */
export function foldQuery(query: string): string {
  return foldText(query.trim().replace(/\s+/g, ' '));
}

/** Where a folded query occurs in the original text: [start, end) offsets into `text`. */
export function hitRanges(text: string, folded: string): Array<[number, number]> {
  if (!folded || !foldText(text).includes(folded)) return [];
  let flat = '';
  const from: number[] = []; // original offset of each folded code unit
  const to: number[] = []; // end offset in the original of the code point each folded unit came from
  let i = 0;
  for (const ch of text) {
    const f = foldText(ch);
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    flat += f;
    i += ch.length;
  }
  const ranges: Array<[number, number]> = [];
  for (let at = flat.indexOf(folded); at >= 0; at = flat.indexOf(folded, at + folded.length)) {
    let end = to[at + folded.length - 1]!;
    // Accents that follow as marks of their own stay with their letter.
    while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
    ranges.push([from[at]!, end]);
  }
  return ranges;
}

const folded = new WeakMap<Comment, string>();
/** What a comment is searched by: its author and its own words (quotes belong to the comments they quote). */
function haystack(c: Comment): string {
  let text = folded.get(c);
  if (text === undefined) folded.set(c, (text = `${foldText(c.author)}\n${foldText(c.ownText.replace(/\s+/g, ' '))}`));
  return text;
}

export interface SearchResult {
  /** The pruned tree: matches and their ancestors. */
  roots: ThreadNode[];
  matches: Set<string>;
  /** Ancestors kept for context that do not match themselves. */
  context: Set<string>;
  /** Matches in reading order (what Enter / Shift+Enter step through). */
  order: string[];
}

/** A name as "by:" compares it: as people are compared (look-alike letters, invisible characters), without accents. */
const personName = (name: string) => foldText(foldName(name));

/**
 * What a folded query matches: "by:<name>" the comments of that person (the comments they answer stay as
 * context, as every match's ancestors do); anything else, authors and comments' own words.
 */
export function matcherOf(query: string): (c: Comment) => boolean {
  const by = /^by:\s*(.+)$/.exec(query)?.[1];
  if (by === undefined) return (c) => haystack(c).includes(query);
  const name = personName(by);
  return (c) => personName(c.author) === name;
}

/** The tree pruned to the comments that match a folded query, with their ancestors. */
export function searchTree(roots: readonly ThreadNode[], query: string): SearchResult {
  const matches = new Set<string>();
  const context = new Set<string>();
  const order: string[] = [];
  const isMatch = matcherOf(query);
  const visit = (node: ThreadNode): ThreadNode | null => {
    const hit = isMatch(node.comment);
    if (hit) {
      matches.add(node.comment.id);
      order.push(node.comment.id);
    }
    const kept: ThreadNode[] = [];
    for (const child of node.children) {
      const k = visit(child);
      if (k) kept.push(k);
    }
    if (!hit && kept.length === 0) return null;
    if (!hit) context.add(node.comment.id);
    return kept.length === node.children.length ? node : { ...node, children: kept };
  };
  const kept: ThreadNode[] = [];
  for (const root of roots) {
    const k = visit(root);
    if (k) kept.push(k);
  }
  return { roots: kept, matches, context, order };
}
