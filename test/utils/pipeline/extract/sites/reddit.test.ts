import { describe, expect, it } from 'vitest';
import { findSection, whyNoSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { fixtureDocument, fixtureHtml } from '@/test/support/helpers';

// New Reddit in both of its eras: shreddit (custom elements with their own parent ids; a page written from
// SITES.md, no capture with comments exists) and the 2018–2023 React redesign (a real capture: rows with a
// hidden "level N"). Every comment under the site's parent, scores, what is not loaded here.

describe('new Reddit (shreddit): the site gives each comment its parent', () => {
  useForOtherSites(anySite);
  const FILE = 'native/shreddit-homelab-quiet-nas.html';
  const URL = 'https://www.reddit.com/r/homelab/comments/1b2c3d/quiet_nas/';

  it('reads every comment with its parent, score, author and time, and keeps the tree', () => {
    const doc = fixtureDocument(FILE);
    const section = findSection(doc, URL)!;
    expect(section.source).toBe('newreddit');
    // The oracle: each element's own parentid attribute, read from the raw page.
    const expected = new Map(
      Array.from(fixtureHtml(FILE).matchAll(/<shreddit-comment thingid="t1_(\w+)" parentid="t(\d)_(\w+)"/g)).map(
        ([, id, kind, parent]) => [id!, kind === '1' ? parent! : null],
      ),
    );
    expect(section.comments.map((c) => c.id)).toEqual(Array.from(expected.keys()).slice(0, 7));
    const forest = threadByQuotes(section.comments);
    for (const c of section.comments) expect(forest.byId.get(c.id)!.parentId, c.id).toBe(expected.get(c.id));
    expect(section.comments[1]).toMatchObject({
      author: 'dnsguy',
      votes: 41,
      authorUrl: 'https://www.reddit.com/user/dnsguy/',
      postUrl: 'https://www.reddit.com/r/homelab/comments/1b2c3d/quiet_nas/kq2/',
      timestamp: Date.parse('2024-03-02T10:11:12.000Z'),
    });
    // The action row (Reply, Share) is not the comment's words; the quote links to the comment it quotes.
    expect(section.comments[1]!.ownText).toBe('This. Helium drives are quieter than the old ones, too.');
    expect(forest.byId.get('kq2')!.links.map((l) => l.sourceId)).toEqual(['kq1']);
  });

  it('keeps "2 more replies" and "View more comments" as not loaded here, with the site links', () => {
    const section = findSection(fixtureDocument(FILE), URL)!;
    expect(section.comments.find((c) => c.id === 'kq5')!.more).toEqual({
      count: 2,
      url: 'https://www.reddit.com/r/homelab/comments/1b2c3d/quiet_nas/kq5/',
    });
    expect(section.more).toEqual({ count: null, url: URL });
  });

  it('steps aside, and says why, when a parentid disagrees with where the comment sits', () => {
    const doc = fixtureDocument(FILE);
    doc.querySelector('shreddit-comment[thingid="t1_kq3"]')!.setAttribute('parentid', 't1_kq5');
    expect(findSection(doc, URL)).toBeNull();
    expect(whyNoSection(doc, URL)).toBe('unclear-tree');
  });
});

describe("Reddit's 2018–2023 redesign: rows with a hidden level", () => {
  useForOtherSites(anySite);
  const FILE = 'native/newreddit2019-r-humansbeingbros-aybtf7-thanks-human.html';

  it('reads all 19 comments under the parent their levels give, with authors, scores and stubs', () => {
    const html = fixtureHtml(FILE);
    // The oracle: "level N" in the order of the rows, from the raw HTML.
    const rows = Array.from(html.matchAll(/<div id="t1_(\w+)" style="padding-left:\d+px"[\s\S]*?>level (\d+)</g));
    const open: string[] = [];
    const expected = new Map<string, string | null>();
    for (const [, id, level] of rows) {
      open.length = Number(level) - 1;
      expected.set(id!, open.length ? open.at(-1)! : null);
      open.push(id!);
    }
    const section = findSection(fixtureDocument(FILE), 'https://www.reddit.com/r/HumansBeingBros/comments/aybtf7/')!;
    expect(section.source).toBe('reddit-redesign');
    expect(section.comments).toHaveLength(19);
    expect(expected.size).toBe(19);
    for (const c of section.comments) expect(c.siteParent ?? null, c.id).toBe(expected.get(c.id));
    expect(section.comments.filter((c) => c.author)).toHaveLength(16);
    expect(section.comments[0]).toMatchObject({ id: 'ehznnqc', author: 'HR_Dragonfly', votes: 2100 });
    const stubs = (html.match(/id="continueThread-t1_/g) ?? []).length;
    expect(section.comments.filter((c) => c.more)).toHaveLength(stubs);
    expect(section.comments.find((c) => c.id === 'ehzuzp8')!.more!.url).toBe(
      'https://www.reddit.com/r/HumansBeingBros/comments/aybtf7/comment/ehzuzp8/',
    );
  });
});
