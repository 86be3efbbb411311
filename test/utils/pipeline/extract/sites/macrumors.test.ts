import { describe, expect, it, vi } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { ARTICLE_URL, fixtureDocument } from '@/test/support/helpers';

describe('MacRumors article adapter on the seed page (2017 markup)', () => {
  const section = findSection(fixtureDocument('macrumors-2017-huawei-xiaomi.html'), ARTICLE_URL)!;

  it('reads comments into plain data that holds nothing of the page (no element, no node)', () => {
    const plain = JSON.parse(JSON.stringify(section.comments));
    expect(plain).toEqual(section.comments);
    expect(structuredClone(section.comments)).toEqual(section.comments);
  });

  it('finds the section with every comment in page order', () => {
    expect(section.source).toBe('macrumors-2017');
    expect(section.root.id).toBe('comments');
    expect(section.heading).toBe('Top Rated Comments');
    expect(section.discussionUrl).toBe('https://forums.macrumors.com/threads/2105432');
    expect(section.comments.map((c) => [c.author, c.id, c.votes])).toEqual([
      ['reader_one', '25853811', 12],
      ['reader_two', '25853790', 10],
      ['reader_three', '25853802', 10],
      ['reader_four', '25853795', 8],
      ['reader_five', '25853840', 7],
      ['reader_six', '25854120', 4],
      ['reader_seven', '25853901', 4],
      ['reader_eight', '25854002', 3],
      ['reader_nine', '25854077', 3],
      ['reader_ten', '25853950', 3],
    ]);
  });

  it('reads quotes, own text, links and times', () => {
    const five = section.comments[4]!;
    expect(five.quotes).toEqual([{ text: 'Yeah, no thanks. Hard pass on any Chinese smartphone maker.' }]);
    expect(five.ownText).toBe('Like the iPhone is manufactured in USA.');
    expect(five.postUrl).toBe('https://forums.macrumors.com/posts/25853840');
    expect(five.authorUrl).toBe('https://forums.macrumors.com//members/1005');
    expect(five.timeText).toBe('26 months ago');
    expect(five.timestamp).toBeTypeOf('number');
    expect(five.votesMissing).toBe(false);
    const nine = section.comments[8]!;
    expect(nine.quotes).toHaveLength(1);
    expect(nine.quotes[0]!.text.startsWith("It's the software, stupid!\nNice hardware is nice")).toBe(true);
    const seven = section.comments[6]!;
    expect(seven.ownText).toContain('Verizon or AT&T who are both control freaks');
    expect(seven.quotes).toEqual([]);
  });
});

/** Runs `read` with the clock at `time`, as when the page was captured (its "N hours ago at" texts agree). */
function readAt<T>(time: string, read: () => T): T {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(time));
  try {
    return read();
  } finally {
    vi.useRealTimers();
  }
}

describe('MacRumors article adapter on the real 2017 capture', () => {
  // "2 hours ago at 11:55 am" and "3 hours ago at 11:54 am" on one page: it was captured at about 2:55 pm.
  const section = readAt('2017-01-18T14:55:00', () =>
    findSection(
      fixtureDocument('macrumors-2017-apple-pencil.html'),
      'https://www.macrumors.com/2017/01/18/apple-pencil-2-march-2017/',
    ),
  )!;
  it('finds all ten comments with ids, votes and authors as shown', () => {
    expect(section.source).toBe('macrumors-2017');
    expect(section.comments.map((c) => `${c.author}:${c.id}:${c.votes}`)).toEqual([
      'jyen:24208508:16',
      'Appleaker:24208525:10',
      'AngerDanger:24208557:9',
      'Return Zero:24208549:8',
      'miniroll32:24208535:6',
      'jclo:24208641:6',
      'gugy:24208509:5',
      'jerry16:24208534:5',
      'truthertech:24208594:4',
      'sbailey4:24208748:3',
    ]);
    expect(section.discussionUrl).toBe('http://forums.macrumors.com/threads/2028236');
  });
  it('keeps images and line breaks as data, and quotes with their line breaks', () => {
    const anger = section.comments[2]!;
    expect(anger.body).toContainEqual({ type: 'img', src: 'http://forums.macrumors.com/attachments/684335', alt: '' });
    expect(anger.body.filter((n) => n.type === 'br').length).toBeGreaterThan(3);
    const jclo = section.comments[5]!;
    expect(jclo.quotes[0]!.text).toBe('Editor out to lunch?\nYikes.');
    expect(section.comments[8]!.quotes[0]!.text).toBe(
      'Let me guess... thinner, shorter battery life, price bump, now available in jet black.',
    );
  });
  it('estimates timestamps from "N hours ago at hh:mm am" in the right order', () => {
    const byId = new Map(section.comments.map((c) => [c.id, c.timestamp!]));
    expect(byId.get('24208508')!).toBeLessThan(byId.get('24208594')!);
    expect(byId.get('24208641')!).toBeLessThan(byId.get('24208748')!);
  });
});

describe('MacRumors article adapter on the real 2022 capture (CSS-module classes)', () => {
  const section = findSection(
    fixtureDocument('macrumors-2022-apple-pencil.html'),
    'https://www.macrumors.com/2017/01/18/apple-pencil-2-march-2017/',
  )!;
  it('finds all comments by class prefix, with Score votes and lazy avatars', () => {
    expect(section.source).toBe('macrumors-2022');
    expect(section.comments.map((c) => `${c.author}:${c.id}:${c.votes}`)).toEqual([
      'jyen:24208508:97',
      'Return Zero:24208549:28',
      'Appleaker:24208525:23',
      'AngerDanger:24208557:23',
      'gugy:24208509:19',
      'Apple Knowledge Navigator:24208535:19',
    ]);
    expect(section.comments[1]!.avatarUrl).toBe(
      'https://forums.macrumors.com/data/avatars/m/850/850145.jpg?1470245552',
    );
    expect(section.comments[3]!.body).toContainEqual({
      type: 'img',
      src: 'https://forums.macrumors.com/attachments/684335',
      alt: 'Attachment Image',
    });
    expect(section.comments[3]!.body).toContainEqual({ type: 'em', children: [{ type: 'text', text: 'what? ' }] });
    expect(section.discussionUrl).toBe(
      'https://forums.macrumors.com/threads/second-generation-apple-pencil-rumored-for-march-of-2017.2028236/',
    );
    expect(section.heading).toBe('Top Rated Comments');
  });
});

describe("the discussion's address is never a link inside a comment", () => {
  const html = fixtureDocument('macrumors-2017-huawei-xiaomi.html').documentElement.outerHTML;
  const planted =
    '<a class="view_all" href="https://forums.macrumors.com/threads/666/">(View all) Read All Comments</a> ';

  it.each([
    ['in the 2017 markup', (h: string) => h],
    // The same page read by the visible-signals detector (class names that no era knows).
    ['by visible signals', (h: string) => h.replaceAll('class="comment"', 'class="note-block"')],
  ])('%s', (_name, remark) => {
    // The section's own links stand after the comments; a commenter's link to another thread comes first.
    const page = remark(html)
      .replace(/<a[^>]*class="view_all"[^>]*>[^<]*<\/a>/, '')
      .replace(/(class="(?:comment|note-block) first"[\s\S]*?<div class="content">)/, `$1${planted}`);
    expect(page).toContain(planted);
    const doc = new DOMParser().parseFromString(page, 'text/html');
    const section = findSection(doc, ARTICLE_URL)!;
    expect(section).not.toBeNull();
    expect(section.discussionUrl).toBe('https://forums.macrumors.com/threads/2105432');
  });
});
