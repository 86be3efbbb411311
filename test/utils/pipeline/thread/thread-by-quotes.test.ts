import { describe, expect, it } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { comment, outline } from '@/test/support/threads';
import { ARTICLE_URL, fixtureDocument } from '@/test/support/helpers';

describe('threading the seed page', () => {
  const section = findSection(fixtureDocument('macrumors-2017-huawei-xiaomi.html'), ARTICLE_URL)!;
  const forest = threadByQuotes(section.comments);

  it('nests exactly what a reader sees', () => {
    expect(outline(forest.roots)).toEqual([
      'reader_one',
      'reader_two',
      'reader_three(reader_eight, reader_nine)',
      'reader_four(reader_five)',
      'reader_six',
      'reader_seven',
      'reader_ten',
    ]);
  });

  it('records how each link was made', () => {
    const five = forest.byId.get('25853840')!;
    expect(five.links).toEqual([{ quote: 0, sourceId: '25853795', method: 'text', confidence: 1 }]);
    // reader_eight quotes only the middle paragraph of reader_three: still an exact excerpt.
    expect(forest.byId.get('25854002')!.links[0]).toMatchObject({
      sourceId: '25853802',
      method: 'text',
      confidence: 1,
    });
  });

  it('keeps the quote whose source is not on the page as an orphan', () => {
    const six = forest.byId.get('25854120')!;
    expect(six.parentId).toBeNull();
    expect(six.links).toEqual([{ quote: 0, sourceId: null, method: null, confidence: 0 }]);
  });
});

describe('threading the real 2017 capture', () => {
  it('nests the reply quoting "Let me guess..." under jyen', () => {
    const section = findSection(fixtureDocument('macrumors-2017-apple-pencil.html'), 'https://www.macrumors.com/x/')!;
    const forest = threadByQuotes(section.comments);
    expect(forest.byId.get('24208594')!.parentId).toBe('24208508');
    expect(outline(forest.roots)[0]).toBe('jyen(truthertech)');
    // jclo and sbailey4 quote comments that are not among the top rated: orphans at top level.
    expect(forest.byId.get('24208641')!.parentId).toBeNull();
    expect(forest.byId.get('24208748')!.parentId).toBeNull();
  });
});

describe('matching quotes by text', () => {
  const source =
    'Nice hardware is nice, but I’d be willing to wager what actually keeps iPhone users on iPhones is iOS and the Apple ecosystem.';
  const cases: [string, string, boolean][] = [
    ['identical', source, true],
    [
      'straight quotes, other case, re-wrapped',
      "nice hardware is NICE,\n but I'd be   willing to wager what actually keeps iPhone users",
      true,
    ],
    ['with emoji and zero-width space', 'keeps iPhone 😀 users on\u200B iPhones is iOS', true],
    ['"Click to expand..." tail', 'what actually keeps iPhone users on iPhones Click to expand...', true],
    [
      'lightly edited',
      'Nice hardware is nice, but I would be willing to wager what actually keeps iPhone users on iPhones is iOS and the ecosystem.',
      true,
    ],
    ['too short', 'LOL', false],
    ['short common phrase', 'is nice', false],
    ['unrelated', 'Android beats iPhone on both software and hardware, bigger displays and expandable storage.', false],
  ];
  it.each(cases)('%s', (_name, quoteText, matches) => {
    const forest = threadByQuotes([comment('1', source), comment('2', 'reply', [{ text: quoteText }])]);
    expect(forest.byId.get('2')!.parentId).toBe(matches ? '1' : null);
  });

  it('leaves a quote of a phrase found in very many comments unlinked, whatever was matched before it', () => {
    const echoes = Array.from({ length: 70 }, (_, i) => comment(String(i + 1), 'we all agree on this point'));
    const forest = threadByQuotes([
      ...echoes,
      comment('71', 'completely different words here today'),
      comment('72', 'reply', [{ text: 'completely different words here' }]),
      comment('73', 'reply', [{ text: 'we all agree on this point' }]),
    ]);
    expect(forest.byId.get('72')!.parentId).toBe('71');
    expect(forest.byId.get('73')!.parentId).toBeNull();
  });

  it('never links to a later comment, nor to itself', () => {
    const forest = threadByQuotes([
      comment('1', 'quoting ahead', [{ text: 'the future comment says something long enough' }]),
      comment('2', 'the future comment says something long enough', [
        { text: 'the future comment says something long enough' },
      ]),
    ]);
    expect(forest.byId.get('1')!.parentId).toBeNull();
    expect(forest.byId.get('2')!.parentId).toBeNull();
  });

  it('uses exact sources first, and an absent exact source stays an orphan', () => {
    const forest = threadByQuotes([
      comment('100', 'first post with some words in it'),
      comment('101', 'second post with some words in it'),
      comment('102', 'reply', [{ text: 'first post with some words in it', sourceId: '101' }]),
      comment('103', 'reply', [{ text: 'first post with some words in it', sourceId: '999' }]),
    ]);
    expect(forest.byId.get('102')!.links[0]).toEqual({ quote: 0, sourceId: '101', method: 'exact', confidence: 1 });
    expect(forest.byId.get('103')!.parentId).toBeNull();
  });

  it('nests a multi-quote reply under the clear best source and lists the others', () => {
    const forest = threadByQuotes([
      comment('1', 'the first comment has quite a lot of words in it'),
      comment('2', 'the second comment is also long enough to quote'),
      comment('3', 'reply', [
        { text: 'the first comment has quite a lot of words in it' },
        { text: 'second comment is also long' },
      ]),
    ]);
    const three = forest.byId.get('3')!;
    expect(three.parentId).toBe('1');
    expect(three.alsoRepliesTo).toEqual(['2']);
  });

  it('leaves an ambiguous multi-quote reply at top level', () => {
    const forest = threadByQuotes([
      comment('1', 'alpha beta gamma delta'),
      comment('2', 'delta gamma beta alpha'),
      comment('3', 'reply', [{ text: 'alpha beta gamma delta' }, { text: 'delta gamma beta alpha' }]),
    ]);
    expect(forest.byId.get('3')!.parentId).toBeNull();
    expect(forest.byId.get('3')!.alsoRepliesTo.sort()).toEqual(['1', '2']);
  });

  it('orders by post id when every comment has one, whatever the page order', () => {
    const forest = threadByQuotes([
      comment('20', 'a reply that is rated higher', [{ text: 'the original words said first here' }], { index: 0 }),
      comment('10', 'the original words said first here', [], { index: 1 }),
    ]);
    expect(forest.byId.get('20')!.parentId).toBe('10');
    expect(outline(forest.roots)).toEqual(['a10(a20)']);
  });
});
