import { describe, expect, it } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { countReactions } from '@/utils/pipeline/extract/sites/xenforo';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { fixtureDocument } from '@/test/support/helpers';

const THREAD = 'https://forums.macrumors.com/threads/huawei-xiaomi-att-verizon.2105432/';

describe('XenForo 2 thread adapter', () => {
  const page1 = findSection(fixtureDocument('xenforo/page-1.html'), THREAD)!;
  const page3 = findSection(fixtureDocument('xenforo/page-3.html'), `${THREAD}page-3`)!;

  it('reads every post with id, author, reactions, exact time and page', () => {
    expect(page1.source).toBe('xenforo');
    expect(page1.comments.map((c) => [c.id, c.author, c.votes])).toEqual([
      ['25853790', 'reader_two', 10],
      ['25853795', 'reader_four', 8],
      ['25853802', 'reader_three', 10],
      ['25853811', 'reader_one', 12],
      ['25853840', 'reader_five', 2],
      ['25853860', 'switcher', 0],
    ]);
    expect(page1.comments[0]!.timestamp).toBe(1512747000 * 1000);
    expect(page1.comments[0]!.page).toBe(1);
    expect(page3.comments[0]!.page).toBe(3);
    expect(page1.comments[0]!.authorUrl).toBe('https://forums.macrumors.com/members/reader_two.1002/');
    expect(page1.heading).toMatch(/^Huawei and Xiaomi/);
  });

  it('takes exact quote sources from data-source, and none from a hand-typed quote', () => {
    expect(page1.comments[4]!.quotes).toEqual([
      {
        text: 'Yeah, no thanks. Hard pass on any Chinese smartphone maker.',
        sourceId: '25853795',
        sourceAuthor: 'reader_four',
      },
    ]);
    const handTyped = page3.comments.find((c) => c.author === 'handtyped')!;
    expect(handTyped.quotes).toEqual([
      { text: 'Hard pass on any Chinese smartphone maker.', sourceAuthor: 'somebody' },
    ]);
    expect(handTyped.ownText).toBe('Typed that quote by hand.');
  });

  it('keeps a nested quote inside its outer quote', () => {
    const nested = page3.comments.find((c) => c.author === 'nested')!;
    expect(nested.quotes).toHaveLength(1);
    expect(nested.quotes[0]!.sourceId).toBe('25854120');
    expect(nested.ownText).toBe('It makes perfect sense to me.');
  });

  it('threads a page by exact sources', () => {
    const forest = threadByQuotes(page1.comments);
    expect(forest.byId.get('25853840')!.parentId).toBe('25853795');
    expect(forest.byId.get('25853840')!.links[0]!.method).toBe('exact');
  });

  it.each([
    ['A, B and 5 others', 7],
    ['A and B', 2],
    ['A', 1],
    ['A, B, C and 1 other', 4],
    ['A and 1,234 others', 1235],
    ['', 0],
  ])('counts reactions in "%s"', (summary, n) => {
    expect(countReactions(summary)).toBe(n);
  });
});
