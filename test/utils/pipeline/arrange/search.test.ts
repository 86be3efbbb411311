import { describe, expect, it } from 'vitest';
import { foldQuery, foldText, hitRanges, searchTree } from '@/utils/pipeline/arrange/search';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { nodesById, quotedBy } from '@/utils/pipeline/thread/tree';
import { comment, outline } from '@/test/support/threads';

describe('folding text for search', () => {
  it('ignores case and accents, and maps hits back to the original text', () => {
    expect(foldText('Señor MÜLLER')).toBe('senor muller');
    expect(foldQuery('  Crème   Brûlée ')).toBe('creme brulee');
    const text = 'Ask Müller, or MULLER, or mül­ler';
    expect(hitRanges(text, 'muller').map(([a, b]) => text.slice(a, b))).toEqual(['Müller', 'MULLER']);
    // A decomposed accent (e + combining acute) is one hit spanning both code points.
    const nfd = 'cafe\u0301 and CAFÉ';
    expect(hitRanges(nfd, 'cafe').map(([a, b]) => nfd.slice(a, b))).toEqual(['cafe\u0301', 'CAFÉ']);
    expect(hitRanges('abc', '')).toEqual([]);
  });
});

describe('searching the thread tree', () => {
  const forest = threadByQuotes([
    comment('1', 'The battery lasts a day'),
    comment('2', 'Mine does not', [{ text: 'The battery lasts a day', sourceId: '1' }]),
    comment('3', 'Is the screen bright?'),
    comment('4', 'Very bright screen', [{ text: 'Is the screen bright?', sourceId: '3' }]),
    comment('5', 'Agreed about that', [{ text: 'Very bright screen', sourceId: '4' }]),
  ]);

  it('keeps matches and their ancestors as context, in reading order', () => {
    const result = searchTree(forest.roots, foldQuery('AGREED'));
    expect(outline(result.roots)).toEqual(['a3(a4(a5))']);
    expect([...result.matches]).toEqual(['5']);
    expect([...result.context].sort()).toEqual(['3', '4']);
    expect(result.order).toEqual(['5']);
  });

  it('matches authors and own words, not the quotes of others', () => {
    expect(searchTree(forest.roots, 'a2').order).toEqual(['2']);
    // "battery" is quoted in 2, but only 1 wrote it.
    expect(searchTree(forest.roots, 'battery').order).toEqual(['1']);
    expect(outline(searchTree(forest.roots, 'battery').roots)).toEqual(['a1']);
    expect(searchTree(forest.roots, 'bright').order).toEqual(['3', '4']);
    expect(searchTree(forest.roots, 'nothing like it').roots).toEqual([]);
  });

  it('lists backlinks: who quoted each comment, in page order', () => {
    const by = quotedBy(nodesById(forest.roots));
    expect(Object.fromEntries(by)).toEqual({ '1': ['2'], '3': ['4'], '4': ['5'] });
  });
});

describe('"by:<name>": the posts of one person', () => {
  const forest = threadByQuotes([
    comment('1', 'The battery lasts a day', [], { author: 'Müller' }),
    comment('2', 'Mine does not, says by:someone', [{ text: 'The battery lasts a day', sourceId: '1' }], {
      author: 'J\u043Ehn',
    }),
    comment('3', 'Is the screen bright?', [], { author: 'Ann' }),
    comment('4', 'Very bright', [{ text: 'Is the screen bright?', sourceId: '3' }], { author: 'john' }),
    comment('5', 'Agreed', [{ text: 'Very bright', sourceId: '4' }], { author: 'Johnny' }),
  ]);

  it("matches that person's comments however their name is spelt, with the comments they answer as context", () => {
    const result = searchTree(forest.roots, foldQuery('by:John'));
    expect(result.order).toEqual(['2', '4']);
    expect([...result.context].sort()).toEqual(['1', '3']);
    expect(searchTree(forest.roots, foldQuery('BY:  müller')).order).toEqual(['1']);
    // Not a name a word: "by:" only at the start; elsewhere it is words like any.
    expect(searchTree(forest.roots, foldQuery('says by:someone')).order).toEqual(['2']);
    expect(searchTree(forest.roots, foldQuery('by:nobody')).order).toEqual([]);
  });
});
