import { describe, expect, it } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { smfQuoteAuthor } from '@/utils/pipeline/extract/sites/smf';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { bodyText } from '@/utils/pipeline/extract/body';
import { fixtureDocument, parseDocument } from '@/test/support/helpers';

// Engines no capture of ours shows (SMF 1.1/2.1, MyBB, PunBB), on pages written from each engine's own
// Display/postbit/viewtopic templates (the markup SITES.md describes) as a forum running it would serve them:
// test/fixtures/engines/ (line 1 of each says so).

const URL_OF = 'https://forum.example.org/index.php?topic=5.0';
useForOtherSites(anySite);

const read = (html: string, url = URL_OF) => findSection(parseDocument(`<html><body>${html}</body></html>`), url)!;
const readPage = (name: string, url = URL_OF) => findSection(fixtureDocument(`engines/${name}`), url)!;

const punPost = (id: number, name: string, body: string, cls = '') => `
  <div class="post ${cls}" id="p${id}"><div class="posthead"><h3 class="hn post-ident"><span class="post-num">1</span>
    <span class="post-byline"><span>Post by </span><em class="user-name"><a href="https://forum.example.org/profile.php?id=${id}">${name}</a></em></span>
    <span class="post-link"><a class="permalink" href="https://forum.example.org/viewtopic.php?pid=${id}#p${id}">2021-02-03 04:05:06</a></span></h3></div>
    <div class="postbody"><div class="post-entry"><div class="entry-content">${body}</div></div></div></div>`;

describe('SMF 1.1 (tables, quoteheader before the quote, site-renamed headers)', () => {
  const section = readPage('smf-1.1.html');
  it('reads each message: id from its subject, author, time, body without signature words', () => {
    expect(section.source).toBe('smf');
    expect(section.comments.map((c) => [c.id, c.author])).toEqual([
      ['10', 'Alice'],
      ['11', 'Bob'],
      ['12', 'Carol'],
    ]);
    expect(section.comments[0]!.timeText).toBe('June 01, 2008, 10:00:00 AM');
    expect(section.comments[0]!.opening).toBe(true);
    expect(section.comments[0]!.ownText).toBe('Steel frames last longer than anything else I have owned.');
    expect(section.comments[0]!.body.at(-1)).toMatchObject({ type: 'fold', kind: 'signature' });
  });
  it('reads quotes by link and header shape, never the header as text', () => {
    expect(section.comments[1]!.quotes).toEqual([
      { text: 'Steel frames last longer than anything else', sourceId: '10', sourceAuthor: 'Alice' },
    ]);
    expect(section.comments[2]!.quotes).toEqual([{ text: 'I disagree, aluminium is fine.' }]);
    expect(bodyText(section.comments[1]!.body, true)).not.toMatch(/Zitat/);
    const forest = threadByQuotes(section.comments);
    expect(forest.byId.get('11')!.parentId).toBe('10');
    expect(forest.byId.get('12')!.parentId).toBe('11');
  });
  it('reads names out of headers in any language', () => {
    expect(smfQuoteAuthor('Quote from: John Smith on June 01, 2008, 10:00:00 AM')).toBe('John Smith');
    expect(smfQuoteAuthor('Citazione da: Mario il 01 Giugno 2008, 10:00:00')).toBe('Mario');
    expect(smfQuoteAuthor('Quote')).toBeUndefined();
  });
});

describe('SMF 2.1 (div.windowbg#msgN, cite inside the quote)', () => {
  const section = readPage('smf-2.1.html', 'https://forum.example.org/index.php?topic=7.15');
  it('reads messages and their exact quotes; code box chrome dropped', () => {
    expect(section.comments.map((c) => [c.id, c.author, c.timeText])).toEqual([
      ['20', 'Dana', 'June 01, 2021, 10:00:00 AM'],
      ['21', 'Eve', 'June 01, 2021, 10:00:00 AM'],
    ]);
    expect(section.comments[0]!.opening).toBeUndefined();
    expect(section.comments[1]!.quotes).toEqual([
      { text: 'Tubeless tyres are worth it on gravel roads.', sourceId: '20', sourceAuthor: 'Dana' },
    ]);
    expect(bodyText(section.comments[1]!.body, true)).not.toMatch(/Quote from|Select/);
    expect(section.comments[1]!.ownText).toMatch(/^Only with sealant\.\s*psi = 35$/);
  });
});

describe('MyBB 1.8 (date first in the cite, an empty jump link, bare quotes)', () => {
  const section = readPage('mybb-1.8.html', 'https://forum.example.org/showthread.php?tid=9');
  it('reads posts, quote sources and names, spoilers as folds', () => {
    expect(section.source).toBe('mybb');
    expect(section.comments.map((c) => [c.id, c.author])).toEqual([
      ['30', 'Finn'],
      ['31', 'Gwen'],
      ['32', 'Hank'],
      ['33', 'Ivo'],
    ]);
    expect(section.comments[1]!.quotes).toEqual([
      { text: 'The new drivers fixed my stutter', sourceId: '30', sourceAuthor: 'Finn' },
    ]);
    expect(section.comments[2]!.quotes).toEqual([{ text: 'Not for me.' }]);
    expect(section.comments[1]!.body).toContainEqual({
      type: 'fold',
      kind: 'spoiler',
      label: 'Spoiler',
      children: [{ type: 'text', text: 'It was the cable.' }],
    });
    expect(section.comments[1]!.ownText).not.toMatch(/My rig/);
    const forest = threadByQuotes(section.comments);
    expect(forest.byId.get('31')!.parentId).toBe('30');
  });
});

describe('PunBB 1.4 (div.post#pN, quotebox)', () => {
  const section = readPage('punbb-1.4.html', 'https://forum.example.org/viewtopic.php?id=3');
  it('reads posts and threads the quote by name and text', () => {
    expect(section.source).toBe('punbb');
    expect(section.comments.map((c) => [c.id, c.author, c.timeText])).toEqual([
      ['40', 'Ivy', '2021-02-03 04:05:06'],
      ['41', 'Jack', '2021-02-03 04:05:06'],
    ]);
    expect(section.comments[0]!.opening).toBe(true);
    expect(section.comments[1]!.quotes).toEqual([
      { text: 'Which distribution runs best on a ten year old laptop?', sourceAuthor: 'Ivy' },
    ]);
    expect(threadByQuotes(section.comments).byId.get('41')!.parentId).toBe('40');
  });
});

describe('a quote of a quote (PunBB markup)', () => {
  const nested = `<div class="main-content main-topic">
${punPost(50, 'Kim', '<p>Steel frames outlast every aluminium frame I have owned so far.</p>', 'firstpost')}
${punPost(51, 'Lee', '<div class="quotebox"><cite>Kim wrote:</cite><blockquote><p>Steel frames outlast every aluminium frame</p></blockquote></div><p>Not my experience with aluminium at all, it lasted ten years.</p>')}
${punPost(52, 'Max', '<div class="quotebox"><cite>Lee wrote:</cite><blockquote><div class="quotebox"><cite>Kim wrote:</cite><blockquote><p>Steel frames outlast every aluminium frame</p></blockquote></div><p>Not my experience with aluminium at all, it lasted ten years.</p></blockquote></div><p>Ten years is a lot.</p>')}
</div>`;
  const section = read(nested, 'https://forum.example.org/viewtopic.php?id=4');
  it('matches by the words outside the inner quote, and shows the inner one led by its name', () => {
    expect(section.comments[2]!.quotes).toEqual([
      { text: 'Not my experience with aluminium at all, it lasted ten years.', sourceAuthor: 'Lee' },
    ]);
    expect(threadByQuotes(section.comments).byId.get('52')!.parentId).toBe('51');
    expect(bodyText(section.comments[2]!.body, true)).toMatch(/^Kim\nSteel frames/);
  });
});
