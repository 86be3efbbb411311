import { describe, expect, it } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { countIn, joinNotLoaded, notLoaded } from '@/utils/pipeline/extract/not-loaded';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { fixtureDocument } from '@/test/support/helpers';

// What a nesting site has but the page does not hold stays in the tree as "not loaded here", with the site's
// own link: old Reddit's "load more comments", Slashdot's hidden comments, Hacker News's "More" page.

describe('counts and links of comments not loaded here', () => {
  it('reads the number the site gives, in its spellings', () => {
    expect(countIn('load more comments\u00a0(1 reply)')).toBe(1);
    expect(countIn('load more comments (1,204 replies)')).toBe(1204);
    expect(countIn('3 more replies')).toBe(3);
    expect(countIn('Загрузить ещё комментарии')).toBeNull();
    expect(countIn('0 more')).toBeNull();
  });
  it('keeps only web links and adds counts of one place', () => {
    expect(notLoaded(2, 'javascript:void(0)', 'https://a.example/t')).toEqual({ count: 2 });
    expect(notLoaded(null, '/p?x=1', 'https://a.example/t')).toEqual({ count: null, url: 'https://a.example/p?x=1' });
    expect(joinNotLoaded({ count: 2 }, { count: 3, url: 'https://a.example/' })).toEqual({
      count: 5,
      url: 'https://a.example/',
    });
    expect(joinNotLoaded({ count: 2 }, { count: null })).toEqual({ count: null });
  });
});

describe('nesting sites: what the page does not hold keeps its place', () => {
  useForOtherSites(anySite);
  const BASE = 'https://www.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/';

  it('old Reddit: "load more comments (1 reply)" under the comment it belongs to, with its permalink', () => {
    const doc = fixtureDocument('native/oldreddit-r-aww-8dyrb3-ben-proud-of-learning-to-go-on-walks-2018.html');
    const stubs = Array.from(doc.querySelectorAll('div.thing.morechildren'));
    expect(stubs).toHaveLength(2);
    const section = findSection(doc, BASE)!;
    const withMore = section.comments.filter((c) => c.more);
    // Each stub's owner is the comment whose reply list holds it, read here from the raw DOM.
    const owners = stubs.map((s) => s.parentElement!.closest('div.thing.comment')!.getAttribute('data-fullname'));
    expect(withMore.map((c) => `t1_${c.id}`).sort()).toEqual(owners.sort());
    for (const c of withMore) {
      expect(c.more!.count).toBe(1);
      expect(c.more!.url).toMatch(new RegExp(`^${BASE}${c.id}/$`));
    }
    expect(section.more).toBeUndefined();
  });

  it('Slashdot: comments below the threshold are withheld places with their own page, replies under them', () => {
    const doc = fixtureDocument('native/slashdot-2025-stanford-cs-grads-degrees-no-longer-guarantee-jobs.html');
    const hidden = Array.from(doc.querySelectorAll('li.comment.hidden')).map((li) => li.id.slice('tree_'.length));
    const section = findSection(doc, 'https://developers.slashdot.org/story/25/12/19/236259/x')!;
    const withheld = section.comments.filter((c) => c.withheld);
    expect(withheld.map((c) => c.id)).toEqual(hidden);
    for (const c of withheld)
      expect(c.postUrl).toBe(`https://developers.slashdot.org/comments.pl?sid=23873421&cid=${c.id}`);
    const forest = threadByQuotes(section.comments);
    const repliesOfWithheld = withheld.flatMap((c) => forest.byId.get(c.id)!.children);
    expect(repliesOfWithheld.length).toBeGreaterThan(0);
    expect(section.comments.filter((c) => !c.withheld).every((c) => c.author)).toBe(true);
  });

  it('Slashdot: "1 reply beneath your current threshold" is a line in its comment; "4 replies" at the top, below', () => {
    const doc = fixtureDocument('native/slashdot-2025-stanford-cs-grads-degrees-no-longer-guarantee-jobs.html');
    const owners = Array.from(doc.querySelectorAll('li[id^="hidestring_"]'))
      .filter((li) => /beneath your current threshold/.test(li.textContent ?? ''))
      .map((li) => li.id.slice('hidestring_'.length));
    expect(owners).toHaveLength(6);
    const section = findSection(doc, 'https://developers.slashdot.org/story/25/12/19/236259/x')!;
    const withMore = section.comments.filter((c) => c.more);
    // hidestring_0 counts top-level comments: a line below the tree.
    expect(withMore.map((c) => c.id).sort()).toEqual(owners.filter((id) => id !== '0').sort());
    expect(section.more).toEqual({
      count: 4,
      url: 'https://developers.slashdot.org/comments.pl?sid=23873421&threshold=-1&commentsort=0&mode=thread&pid=0',
    });
    for (const c of withMore)
      expect(c.more).toEqual({
        count: 1,
        url: `https://developers.slashdot.org/comments.pl?sid=23873421&threshold=-1&commentsort=0&mode=thread&pid=${c.id}`,
      });
  });

  it('Hacker News: a "More" page of the discussion is one line at the end with its address', () => {
    const doc = fixtureDocument('native/hackernews-item-16909056-tech-company-career-ladders-2018.html');
    expect(findSection(doc, 'https://news.ycombinator.com/item?id=16909056')!.more).toBeUndefined();
    const more = doc.createElement('a');
    more.className = 'morelink';
    more.setAttribute('href', 'item?id=16909056&p=2');
    doc.querySelector('table.comment-tree')!.after(more);
    expect(findSection(doc, 'https://news.ycombinator.com/item?id=16909056')!.more).toEqual({
      count: null,
      url: 'https://news.ycombinator.com/item?id=16909056&p=2',
    });
  });
});
