import { describe, expect, it } from 'vitest';
import { brandTally, compileBrandMatcher, DEFAULT_BRANDS, effectiveBrands } from '@/utils/pipeline/highlight/brands';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { ARTICLE_URL, fixtureDocument } from '@/test/support/helpers';

const matcher = compileBrandMatcher(DEFAULT_BRANDS);
const marks = (text: string) =>
  matcher
    .segments(text)
    .filter((s) => s.brand)
    .map((s) => `${s.brand}:${s.text}`);

describe('brand mentions', () => {
  it.each([
    ['It seems that Samsung and LG would be the primary targets.', ['samsung:Samsung', 'lg:LG']],
    ['How many people really switch between iOS and Android anymore?', ['apple:iOS', 'google:Android']],
    ['My Mi 3 still works well', ['xiaomi:Mi 3']],
    ["I just don't like their iTunes-like PC Suites.", ['apple:iTunes']],
    ['And if Verizon or AT&T who are both control freaks', ['verizon:Verizon', 'att:AT&T']],
    ['EMUI and MIUI are heavily customized', ['huawei:EMUI', 'xiaomi:MIUI']],
    ["The OEM, the carrier, and Google's.", ["google:Google's"]],
    ['sticking to a Pixel, Essential, or OnePlus.', ['google:Pixel', 'essential:Essential', 'oneplus:OnePlus']],
    [
      'Moving from $850-900 iPhone 7 plus to $1000 Samsung Note 8',
      ['apple:iPhone', 'samsung:Samsung', 'samsung:Note 8'],
    ],
    ['IPhone beats Android', ['apple:IPhone', 'google:Android']],
    ['a high-end model resembling the flagship Mate 10 handset', ['huawei:Mate 10']],
    ["non-Apple hardware and Apple's software", ['apple:Apple', "apple:Apple's"]],
    ['my iPhone or my MacBook Pro', ['apple:iPhone', 'apple:MacBook Pro']],
    ['ATT and T-Mobile and Best Buy', ['att:ATT', 'tmobile:T-Mobile', 'bestbuy:Best Buy']],
    ['Huawei’s phones', ['huawei:Huawei’s']],
    ['HUAWEI and XIAOMI', ['huawei:HUAWEI', 'xiaomi:XIAOMI']],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it.each([
    ["Dinner at Applebee's", []],
    ['a pineapple pizza', []],
    ['an apple a day', []],
    ['essential reading, a real sprint', []],
    ['see https://www.apple.com/iphone/ for details', []],
    ['www.samsung.com/galaxy', []],
    ['Samsungs? Googleplex? iPhoneX?', []],
    ['superSamsung', []],
    ['\u0410pple and S\u0430msung (Cyrillic lookalikes)', []],
    ['Hua\u200Bwei and Xia\u200Comi (zero-width inside)', []],
    ['mi 3 in lower case', []],
    ['lg in lower case', []],
    ['', []],
  ])('no false friends: %s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it('keeps every character: segments join back to the text', () => {
    const text = 'Apple vs Samsung, then Huawei’s Mate 10 on AT&T — https://apple.com/x — Xiaomi!';
    expect(
      matcher
        .segments(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('highlights only the brands it is given, with user edits', () => {
    const custom = effectiveBrands(
      [
        { id: 'apple', label: 'Fruit Co', color: '#ff0000', aliases: ['Apple'] },
        { id: 'fairphone', label: 'Fairphone', color: '#00aa00', aliases: ['Fairphone'] },
      ],
      ['samsung'],
    );
    const m = compileBrandMatcher(custom);
    expect(
      m
        .segments('Apple iPhone Samsung Fairphone')
        .filter((s) => s.brand)
        .map((s) => s.brand),
    ).toEqual(['apple', 'fairphone']);
    expect(m.colors.get('apple')).toBe('#ff0000');
  });

  it('gives the brand picture of the seed page', () => {
    const { comments } = findSection(fixtureDocument('macrumors-2017-huawei-xiaomi.html'), ARTICLE_URL)!;
    const tally = brandTally(matcher);
    for (const c of comments) tally.add(c);
    const stats = tally.stats().map((s) => `${s.id} ${s.mentions}/${s.comments}/${s.votes}`);
    expect(stats.slice(0, 6)).toEqual([
      'apple 24/8/46',
      'google 9/4/29',
      'samsung 4/3/25',
      'xiaomi 3/2/7',
      'huawei 2/2/7',
      'lg 1/1/12',
    ]);
    expect(stats).toContain('att 1/1/4');
    expect(stats).toContain('verizon 1/1/4');
  });
});
