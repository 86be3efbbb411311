import { describe, expect, it } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { smfQuoteAuthor } from '@/utils/pipeline/extract/sites/smf';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { bodyText } from '@/utils/pipeline/extract/body';
import { parseDocument } from '@/test/support/helpers';

// Engines no capture of ours shows (SMF 1.1/2.0/2.1, MyBB, PunBB), on pages written from each engine's own
// Display/postbit templates (the markup SITES.md describes), as a forum running it would serve them.

const URL_OF = 'https://forum.example.org/index.php?topic=5.0';
useForOtherSites(anySite);

const read = (html: string, url = URL_OF) => findSection(parseDocument(`<html><body>${html}</body></html>`), url)!;

const smf11Post = (id: number, name: string, body: string, anchor = true) => `
  <tr><td style="padding: 1px 1px 0 1px;">${anchor ? `<a name="msg${id}"></a>` : ''}
    <table cellpadding="3" cellspacing="0" border="0" width="100%"><tr><td class="windowbg">
      <table width="100%" cellpadding="5" cellspacing="0"><tr>
        <td valign="top" width="15%" rowspan="2"><b><a href="https://forum.example.org/index.php?action=profile;u=${id}" title="View the profile of ${name}">${name}</a></b><br /><span class="smalltext">Member</span></td>
        <td valign="top" width="85%" height="100%">
          <table width="100%" border="0"><tr><td valign="middle">
            <div style="font-weight: bold;" id="subject_${id}"><a href="https://forum.example.org/index.php?topic=5.msg${id}#msg${id}">Re: Bikes</a></div>
            <div class="smalltext">&#171; <b>Reply #1 on:</b> June 01, 2008, 10:00:00 AM &#187;</div></td></tr></table>
          <hr width="100%" size="1" class="hrcolor" />
          <div class="post">${body}</div>
        </td></tr>
        <tr><td valign="bottom" class="smalltext"><div class="signature">Ride safe, ${name}</div></td></tr>
      </table></td></tr></table>
  </td></tr>`;

const smf11 = `<table cellpadding="0" cellspacing="0" border="0" width="100%" class="bordercolor">
${smf11Post(10, 'Alice', 'Steel frames last longer than anything else I have owned.', false)}
${smf11Post(11, 'Bob', '<div class="quoteheader"><a href="https://forum.example.org/index.php?topic=5.msg10#msg10">Zitat von: Alice am Juni 01, 2008, 10:00:00</a></div><div class="quote">Steel frames last longer than anything else</div>I disagree, aluminium is fine.')}
${smf11Post(12, 'Carol', '<div class="quoteheader">Excerpt</div><div class="quote">I disagree, aluminium is fine.</div>Me too.')}
</table>`;

const smf21Post = (id: number, name: string, body: string) => `
  <div class="windowbg" id="msg${id}"><div class="post_wrapper">
    <div class="poster"><h4><a href="https://forum.example.org/index.php?action=profile;u=${id}">${name}</a></h4></div>
    <div class="postarea"><div class="keyinfo"><div id="subject_${id}" class="subject_title"><a href="https://forum.example.org/index.php?msg=${id}">Re: Bikes</a></div>
      <div class="postinfo"><a href="https://forum.example.org/index.php?msg=${id}" class="smalltext">June 01, 2021, 10:00:00 AM</a></div></div>
      <div class="post"><div class="inner" data-msgid="${id}" id="msg_${id}">${body}</div></div>
    </div></div></div>`;

const smf21 = `<div id="forumposts"><form>
${smf21Post(20, 'Dana', 'Tubeless tyres are worth it on gravel roads.')}
${smf21Post(21, 'Eve', '<blockquote class="bbc_standard_quote"><cite><a href="https://forum.example.org/index.php?msg=20">Quote from: Dana on June 01, 2021, 10:00:00 AM</a></cite>Tubeless tyres are worth it on gravel roads.</blockquote><br>Only with sealant.<div class="codeheader">Code: <a href="#" class="codeoperation">[Select]</a></div><code class="bbc_code">psi = 35</code>')}
</form></div>`;

const mybbPost = (id: number, name: string, body: string) => `
  <div class="post classic" id="post_${id}">
    <div class="post_author"><div class="author_information"><strong><span class="largetext"><a href="https://forum.example.org/member.php?action=profile&amp;uid=${id}">${name}</a></span></strong></div></div>
    <div class="post_content"><div class="post_head"><span class="post_date">01-05-2020, 10:00 AM</span></div>
      <div class="post_body scaleimages" id="pid_${id}">${body}</div>
      <div class="signature scaleimages">My rig: ${name}'s PC</div></div></div>`;

const mybb = `<div id="posts">
${mybbPost(30, 'Finn', 'The new drivers fixed my stutter in every game I tried.')}
${mybbPost(31, 'Gwen', '<blockquote class="mycode_quote"><cite><span> (01-05-2020, 10:00 AM)</span>Finn Wrote: <a href="https://forum.example.org/showthread.php?pid=30#pid30" class="quick_jump"></a></cite>The new drivers fixed my stutter</blockquote><br />Not for me.<div class="spoiler"><div class="spoiler_title">Spoiler</div><div class="spoiler_content">It was the cable.</div></div>')}
${mybbPost(32, 'Hank', '<blockquote class="mycode_quote"><cite>Quote:</cite>Not for me.</blockquote>Same here, Gwen.')}
</div>`;

const punPost = (id: number, name: string, body: string, cls = '') => `
  <div class="post ${cls}" id="p${id}"><div class="posthead"><h3 class="hn post-ident"><span class="post-num">1</span>
    <span class="post-byline"><span>Post by </span><em class="user-name"><a href="https://forum.example.org/profile.php?id=${id}">${name}</a></em></span>
    <span class="post-link"><a class="permalink" href="https://forum.example.org/viewtopic.php?pid=${id}#p${id}">2021-02-03 04:05:06</a></span></h3></div>
    <div class="postbody"><div class="post-entry"><div class="entry-content">${body}</div></div></div></div>`;

const punbb = `<div class="main-content main-topic">
${punPost(40, 'Ivy', '<p>Which distribution runs best on a ten year old laptop?</p>', 'firstpost')}
${punPost(41, 'Jack', '<div class="quotebox"><cite>Ivy wrote:</cite><blockquote><p>Which distribution runs best on a ten year old laptop?</p></blockquote></div><p>Anything with a light desktop.</p>')}
</div>`;

describe('SMF 1.1 (tables, quoteheader before the quote, site-renamed headers)', () => {
  const section = read(`<div id="bodyarea">${smf11}</div>`);
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
  const section = read(smf21, 'https://forum.example.org/index.php?topic=7.15');
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
  const section = read(mybb, 'https://forum.example.org/showthread.php?tid=9');
  it('reads posts, quote sources and names, spoilers as folds', () => {
    expect(section.source).toBe('mybb');
    expect(section.comments.map((c) => [c.id, c.author])).toEqual([
      ['30', 'Finn'],
      ['31', 'Gwen'],
      ['32', 'Hank'],
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
  const section = read(punbb, 'https://forum.example.org/viewtopic.php?id=3');
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
