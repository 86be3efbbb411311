import { describe, expect, it } from 'vitest';
import { compileFilters, compileMutedWord, invalidMutedWords, NO_FILTERS } from '@/utils/pipeline/arrange/filter';
import { flattenForest, sortForest } from '@/utils/pipeline/arrange/order';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { ARTICLE_URL, fixtureDocument } from '@/test/support/helpers';
import { comment, outline } from '@/test/support/threads';

const { comments } = findSection(fixtureDocument('macrumors-2017-huawei-xiaomi.html'), ARTICLE_URL)!;
const forest = threadByQuotes(comments);

describe('sorting the forest', () => {
  it('Top rated: votes descending at every level, ties in page order', () => {
    const withVotes = (nodes: ReturnType<typeof sortForest>): string[] =>
      nodes.map(
        (n) =>
          `${n.comment.author}:${n.comment.votes}${n.children.length ? `(${withVotes(n.children).join(' ')})` : ''}`,
      );
    expect(withVotes(sortForest(forest.roots, 'top'))).toEqual([
      'reader_one:12',
      'reader_two:10',
      'reader_three:10(reader_eight:3 reader_nine:3)',
      'reader_four:8(reader_five:7)',
      'reader_six:4',
      'reader_seven:4',
      'reader_ten:3',
    ]);
  });
  it('Oldest and Newest follow post ids', () => {
    expect(outline(sortForest(forest.roots, 'oldest'))).toEqual([
      'reader_two',
      'reader_four(reader_five)',
      'reader_three(reader_eight, reader_nine)',
      'reader_one',
      'reader_seven',
      'reader_ten',
      'reader_six',
    ]);
    expect(outline(sortForest(forest.roots, 'newest'))[0]).toBe('reader_six');
    expect(outline(sortForest(forest.roots, 'newest'))).toContain('reader_three(reader_nine, reader_eight)');
  });
  it('Page order is the page, and sorting never changes the input', () => {
    const before = outline(forest.roots);
    expect(outline(sortForest(forest.roots, 'page'))).toEqual(before);
    sortForest(forest.roots, 'top');
    expect(outline(forest.roots)).toEqual(before);
  });
  it('Flat lists every comment once, sorted', () => {
    const flat = flattenForest(forest.roots, 'top');
    expect(flat.map((n) => n.comment.author)).toEqual([
      'reader_one',
      'reader_two',
      'reader_three',
      'reader_four',
      'reader_five',
      'reader_six',
      'reader_seven',
      'reader_eight',
      'reader_nine',
      'reader_ten',
    ]);
    expect(flat.every((n) => n.children.length === 0)).toBe(true);
  });
});

describe('filters', () => {
  const none = new Set<string>();
  it.each([
    [{ minRating: 5 }, 'reader_six', 'rating'],
    [{ minRating: 5 }, 'reader_five', null],
    [{ mutedWords: ['monoprice'] }, 'reader_six', 'muted-word'],
    [{ mutedWords: ['Mono'] }, 'reader_six', null],
    [{ mutedWords: ['hard pass'] }, 'reader_four', 'muted-word'],
    [{ mutedWords: ['/chinese\\s+(smartphone|custom)/'] }, 'reader_seven', 'muted-word'],
    [{ mutedWords: ['/[invalid/'] }, 'reader_seven', null],
  ] as const)('%j on %s → %s', (rules, author, reason) => {
    const filter = compileFilters({ ...NO_FILTERS, ...rules } as typeof NO_FILTERS);
    expect(
      filter(
        comments.find((c) => c.author === author)!,
        none,
      ),
    ).toBe(reason);
  });
  it('brand focus keeps only comments mentioning a focused brand', () => {
    const filter = compileFilters({ ...NO_FILTERS, brandFocus: ['huawei'] });
    expect(filter(comment('1', 'x'), new Set(['huawei', 'apple']))).toBeNull();
    expect(filter(comment('1', 'x'), new Set(['apple']))).toBe('brand-focus');
  });
  it('reports invalid patterns and accepts plain words with regex characters', () => {
    expect(invalidMutedWords(['ok', '/[bad/', '/good/i'])).toEqual(['/[bad/']);
    expect(compileMutedWord('c++')!.test('I write c++ daily')).toBe(true);
    expect(compileMutedWord('  ')).toBeNull();
  });
});
