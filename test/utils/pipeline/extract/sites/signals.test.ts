import { describe, expect, it } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { ARTICLE_URL, fixtureHtml, parseDocument } from '@/test/support/helpers';

const seed = fixtureHtml('macrumors-2017-huawei-xiaomi.html');
const SEED_AUTHORS = [
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
];

describe('visible-signals detector on markups it has never seen', () => {
  it('finds the seed comments when every class is renamed', () => {
    const renamed = seed
      .replace(/id="comments(Container)?"/g, 'id="talk$1"')
      .replace(/class="comment first"/g, 'class="c-item"')
      .replace(
        /class="(avatar|comment_content|username|date|content|rating|view_all|view_more|quote)"/g,
        'class="x-$1-9f3a"',
      );
    const section = findSection(parseDocument(renamed), ARTICLE_URL)!;
    expect(section.source).toBe('signals');
    expect(section.comments.map((c) => c.author)).toEqual(SEED_AUTHORS);
    expect(section.comments.map((c) => c.votes)).toEqual([12, 10, 10, 8, 7, 4, 4, 3, 3, 3]);
    expect(section.comments[0]!.id).toBe('25853811');
    expect(section.comments[4]!.timeText).toBe('26 months ago');
    expect(section.discussionUrl).toBe('https://forums.macrumors.com/threads/2105432');
  });

  it('reads blocks whose parts are reordered, with no post ids, and spans for votes', () => {
    const blocks = [
      ['Ann', '2 hours ago', 'First words of the first comment here.', 'Score: 5 Votes'],
      ['Bob', 'Yesterday', 'Replying: First words of the first comment here.', 'Score: 9 Votes'],
    ];
    const html = `<html><body><section><h3>Top Rated Comments</h3>${blocks
      .map(
        ([a, t, body, v]) =>
          `<article><footer><span>${v}</span></footer><main><p>${body}</p></main><header><time>${t}</time><b class="who-is">${a}</b></header></article>`,
      )
      .join('')}<a href="https://forums.macrumors.com/threads/1">Read All Comments</a></section></body></html>`;
    const section = findSection(parseDocument(html), ARTICLE_URL)!;
    expect(section.comments.map((c) => [c.author, c.votes, c.timeText, c.ownText])).toEqual([
      ['Ann', 5, '2 hours ago', 'First words of the first comment here.'],
      ['Bob', 9, 'Yesterday', 'Replying: First words of the first comment here.'],
    ]);
    expect(section.comments[0]!.id).toMatch(/^h[0-9a-z]+$/);
    expect(section.comments[0]!.id).not.toBe(section.comments[1]!.id);
  });

  it('gives the same hash id to the same comment on every read', () => {
    const html = `<html><body><div><h2>Top Rated Comments</h2><div><a>Zed</a><p>Same text</p><div>Rating: 1 Vote</div></div><div><a>Yan</a><p>Other</p><div>Rating: 2 Votes</div></div></div></body></html>`;
    const a = findSection(parseDocument(html), ARTICLE_URL)!.comments.map((c) => c.id);
    const b = findSection(parseDocument(html), ARTICLE_URL)!.comments.map((c) => c.id);
    expect(a).toEqual(b);
  });
});

describe('pages that are not comment sections, or broken ones', () => {
  it.each([
    ['no section', fixtureHtml('no-comments.html')],
    ['empty body', '<html><body></body></html>'],
    ['heading only', '<html><body><div><h2>Top Rated Comments</h2></div></body></html>'],
    [
      'votes but no heading or link',
      '<html><body><div><div><p>x</p><span>Rating: 3 Votes</span></div></div></body></html>',
    ],
    [
      '#comments with empty comment blocks',
      '<html><body><div id="comments"><h2>Top Rated Comments</h2><div class="comment"><div class="comment_content"></div></div></div></body></html>',
    ],
    ['not html at all', '\u0000\u0001 garbage <<<>>> </div></div>'],
  ])('%s → no section', (_name, html) => {
    expect(findSection(parseDocument(html), ARTICLE_URL)).toBeNull();
  });

  it('ignores hosts it does not know', () => {
    expect(findSection(parseDocument(seed), 'https://example.com/article')).toBeNull();
  });
});
