import { describe, expect, it } from 'vitest';
import { excerptWords, threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { numberRefs } from '@/utils/pipeline/thread/references';
import { oneEditApart } from '@/utils/pipeline/thread/addressed';
import { comment } from '@/test/support/threads';

// The order in which a reply's parent is decided (parent-rules.ts): exact ids, a parent the page records,
// "#N", "@Name" (also misspelt by one letter), the quoted text; else top level.

const by = (id: string, author: string, text: string, extra = {}) => ({ ...comment(id, text, [], extra), author });
const LONG = 'the tyres were fine until the second descent when the rear one went flat';

describe('replies by number', () => {
  it('reads "#N" near the start, "@#N" anywhere, and "#N" opening a line; not mid-sentence', () => {
    expect(numberRefs('#3 das stimmt nicht')).toEqual([3]);
    expect(numberRefs('In #2 steht es anders, und @#5 hat recht')).toEqual([5, 2]);
    expect(numberRefs('Zustimmung.\n#4: genau')).toEqual([4]);
    expect(numberRefs('This was my #1 priority for the whole of the year, and it still is, honestly')).toEqual([1]);
    expect(numberRefs('A long first sentence that goes on and on about something, then #1 priority')).toEqual([]);
    expect(numberRefs('see https://example.org/page#12 and &#39;')).toEqual([]);
  });

  it('nests under the post with that number as the page shows it, else its position; earlier posts only', () => {
    const shown = threadByQuotes([
      by('a', 'A', 'first', { number: 11 }),
      by('b', 'B', 'second', { number: 12 }),
      by('c', 'C', '#11 no, and #12 neither', { number: 13 }),
      by('d', 'D', '#14 is later', { number: 14 }),
    ]);
    expect(shown.byId.get('c')!.parentId).toBe('a');
    expect(shown.byId.get('c')!.placedBy).toBe('number');
    expect(shown.byId.get('c')!.alsoRepliesTo).toEqual(['b']);
    expect(shown.byId.get('d')!.parentId).toBeNull();
    const counted = threadByQuotes([by('1', 'A', 'first'), by('2', 'B', 'second'), by('3', 'C', '@#2 ja')]);
    expect(counted.byId.get('3')!.parentId).toBe('2');
  });
});

describe('the order of the rules', () => {
  it('an exact id beats a recorded parent, which beats "#N", which beats "@Name", which beats text', () => {
    const forest = threadByQuotes([
      by('1', 'Ann', LONG),
      by('2', 'Bob', 'second'),
      by('3', 'Cid', 'third'),
      { ...by('4', 'Dee', '#3 yes', { parentHint: '2', replyTo: 'Ann' }), quotes: [{ text: LONG, sourceId: '3' }] },
      { ...by('5', 'Eve', '#3 yes', { parentHint: '2', replyTo: 'Ann' }), quotes: [{ text: LONG }] },
      { ...by('6', 'Fay', '#3 yes', { replyTo: 'Ann' }), quotes: [{ text: LONG }] },
      { ...by('7', 'Gus', 'agreed', { replyTo: 'Bob' }), quotes: [{ text: LONG }] },
      { ...by('8', 'Hal', 'agreed'), quotes: [{ text: LONG }] },
    ]);
    const placed = (id: string) => [forest.byId.get(id)!.parentId, forest.byId.get(id)!.placedBy];
    expect(placed('4')).toEqual(['3', 'exact']);
    expect(placed('5')).toEqual(['2', 'recorded']);
    expect(placed('6')).toEqual(['3', 'number']);
    expect(placed('7')).toEqual(['2', 'name']);
    expect(placed('8')).toEqual(['1', 'text']);
    expect(forest.byId.get('6')!.alsoRepliesTo).toEqual(['1']);
  });

  it('nests "@Name" typed one letter off when only one author is that close', () => {
    expect(oneEditApart('jonathon', 'jonathan')).toBe(true);
    expect(oneEditApart('jonahtan', 'jonathan')).toBe(true);
    expect(oneEditApart('jon', 'jonathan')).toBe(false);
    const forest = threadByQuotes([
      by('1', 'Jonathan', 'first'),
      by('2', 'Marika', 'second'),
      by('3', 'Mareika', 'third'),
      by('4', 'X', 'a', { replyTo: 'Jonathon, no' }),
      by('5', 'X', 'b', { replyTo: 'Marka: no' }),
      by('6', 'X', 'c', { replyTo: 'Jon: no' }),
    ]);
    expect(forest.byId.get('4')!.parentId).toBe('1');
    // Marka is one edit from Marika and two from Mareika: still one author that close.
    expect(forest.byId.get('5')!.parentId).toBe('2');
    expect(forest.byId.get('6')!.parentId).toBeNull();
  });
});

describe('quoted text', () => {
  it('matches trimmed excerpts without their ellipses and cut words', () => {
    expect(excerptWords('...ing the engine at full power for hours…')).toBe('the engine at full power for');
    expect(excerptWords('... two words')).toBe('... two words');
    const forest = threadByQuotes([
      by('1', 'A', 'They were testing the engine at full power for hours before the flight.'),
      { ...by('2', 'B', 'ok'), quotes: [{ text: '…esting the engine at full power for hou...' }] },
    ]);
    expect(forest.byId.get('2')!.parentId).toBe('1');
  });

  it('puts a quote of a quote under the post whose own words it repeats', () => {
    const forest = threadByQuotes([
      by('1', 'B', 'Steel frames outlast every aluminium frame I have owned so far.'),
      {
        ...by('2', 'A', 'Not my experience with aluminium at all, it lasted ten years.'),
        quotes: [{ text: 'Steel frames outlast every aluminium frame' }],
      },
      // C quotes A's post, A's quote of B included; extraction keeps only A's own words as the match text.
      { ...by('3', 'C', 'Ten years is a lot.'), quotes: [{ text: 'Not my experience with aluminium at all' }] },
    ]);
    expect(forest.byId.get('3')!.parentId).toBe('2');
  });
});
