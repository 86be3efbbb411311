import { boardSection, pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import { elementText, type QuoteReader } from '@/utils/pipeline/extract/body';
import { childMatching, text, within, withUrls } from '@/utils/pipeline/extract/fields';
import { citedQuote, firstPostLink, idAfter } from '@/utils/pipeline/extract/forum-common';

// Simple Machines Forum 1.1, 2.0 and 2.1 (and ElkArte, its fork), from SMF's Display templates as SITES.md
// describes them; no capture of ours has an SMF page.
// Posts: every message has a subject element `#subject_<id>` and a body `div.post` (2.x: `div.inner#msg_<id>`
//   inside it). 1.1 lays posts out in tables (an `<a name="msg<id>">` anchor before each but the first); 2.0
//   in `div.windowbg` after an `<a id="msg<id>">`; 2.1 in `div.windowbg#msg<id>`. The post's block is the
//   largest element around its body that holds no other post's body.
// Author: the poster's profile link (`…action=profile;u=N`) or, for guests, the poster box's name.
// Quotes: 1.1 and 2.0 put a header `div.quoteheader` before the quote (`div.quote` / `blockquote`), 2.1 a
//   `cite` inside `blockquote.bbc_standard_quote`. A named quote's header links to the post (`topic=T.msgN`,
//   `?msg=N`) and reads "Quote from: X on DATE" in the forum's language; an unnamed one's header is a site
//   string ("Quote", "Excerpt", "Zitat"). So the source is read from the link, and the name from the header's
//   shape (label, colon, name, a short word, a date), never from the English words.

const BODY = 'div.post';

/** The header right before a 1.1/2.0 quote. */
function citationOf(quote: Element): Element | null {
  const before = quote.previousElementSibling;
  return before?.classList.contains('quoteheader') ? before : null;
}

/** "Quote from: John Smith on June 01, 2008, 10:00:00 AM" → "John Smith" (any language, same shape). */
export function smfQuoteAuthor(header: string): string | undefined {
  const t = header.replace(/\s+/g, ' ').trim();
  const colon = t.indexOf(':');
  if (colon < 0) return undefined;
  const rest = t.slice(colon + 1).trim();
  const m = /^(.{1,80}?)\s+\S{1,6}\s+(?=[^\s\d]{0,10}\s?\d)/u.exec(rest);
  const name = (m ? m[1] : rest.length <= 40 && !/\d/.test(rest) ? rest : '')!.trim();
  return name || undefined;
}

const quotes: QuoteReader = {
  isQuote: (el) =>
    el.classList.contains('bbc_standard_quote') ||
    (el.classList.contains('quote') && !!citationOf(el)) ||
    (el.tagName === 'BLOCKQUOTE' && !!citationOf(el)),
  citationOf,
  read: (el) => {
    const header = citationOf(el) ?? childMatching(el, 'cite');
    const quote = citedQuote(el, header, el);
    delete quote.sourceAuthor;
    const name = header ? smfQuoteAuthor(elementText(header)) : undefined;
    if (name) quote.sourceAuthor = name;
    const id = header ? firstPostLink(header) : undefined;
    if (id) quote.sourceId = id;
    return quote;
  },
};

/** Each body's block: its largest ancestor holding no other body (counted once per ancestor). */
export function blocksOf(bodies: Element[]): Element[] {
  const count = new Map<Element, number>();
  for (const body of bodies)
    for (let up = body.parentElement; up; up = up.parentElement) count.set(up, (count.get(up) ?? 0) + 1);
  if (bodies.length === 1) return [bodies[0]!.closest('.windowbg, .windowbg2') ?? bodies[0]!];
  return bodies.map((body) => {
    let block = body;
    for (let up = body.parentElement; up && count.get(up) === 1 && up !== up.ownerDocument.body; up = up.parentElement)
      block = up;
    return block;
  });
}

function postIdOf(block: Element, body: Element): string | undefined {
  const subject = block.querySelector('[id^="subject_"]');
  const inner = body.querySelector('[id^="msg_"]') ?? (body.id.startsWith('msg_') ? body : null);
  const anchor = block.querySelector('a[name^="msg"], a[id^="msg"]');
  return (
    (subject && idAfter(subject, 'subject_')) ??
    (inner && idAfter(inner, 'msg_')) ??
    idAfter(block, 'msg') ??
    (anchor?.getAttribute('name') ?? anchor?.id ?? '').replace(/^msg(\d+)$/, '$1').match(/^\d+$/)?.[0]
  );
}

/** "« Reply #1 on: June 01, 2008, 10:00:00 AM »" → the date; 2.1's time link as it is. */
function timeOf(block: Element): string {
  const link = within(block, '.postinfo', 'a.smalltext') ?? within(block, '.keyinfo', 'a.smalltext');
  if (link) return text(link);
  const subject = block.querySelector('[id^="subject_"]');
  const line = subject?.parentElement?.querySelector('.smalltext') ?? subject?.nextElementSibling ?? null;
  const label = text(line?.querySelector('strong, b'));
  return text(line)
    .replace(label, '')
    .replace(/^[\s«»:]+|[\s«»]+$/g, '');
}

function readPost(block: Element, body: Element, base: string, first: boolean, startPage: boolean): RawComment {
  const profile = block.querySelector('a[href*="action=profile"]');
  const poster = within(block, '.poster', 'h4') ?? within(block, '.poster', 'h3');
  const raw: RawComment = {
    author: text(profile) || text(poster) || text(within(block, 'td', 'b')),
    postId: postIdOf(block, body),
    timeText: timeOf(block),
    voteText: null,
    body: childMatching(body, '.inner') ?? body,
    signature: block.querySelector('.signature'),
  };
  if (first && startPage) raw.opening = true;
  const avatar = block.querySelector('img.avatar');
  return withUrls(raw, base, { member: profile?.getAttribute('href'), avatar: avatar?.getAttribute('src') });
}

/** Whether this is the topic's first page: SMF addresses pages by the offset of their first post (`.0`). */
const onFirstPage = (url: URL) => !/[?&;/]topic[=,]\d+\.(?!0\b|msg|new)\d+/.test(url.href);

function locate(doc: Document, url: URL): LocatedSection[] {
  // Bodies of messages only: a subject element names each message (SMF 1.1–2.1).
  if (!doc.querySelector('[id^="subject_"]')) return [];
  const bodies = Array.from(doc.querySelectorAll(BODY)).filter((b) => !b.parentElement?.closest(BODY));
  const blocks = blocksOf(bodies);
  const bodyOf = new Map(blocks.map((b, i) => [b, bodies[i]!]));
  const startPage = onFirstPage(url);
  return boardSection(doc, url, {
    posts: blocks.filter((b) => b.querySelector('[id^="subject_"]')),
    read: (block, first) => readPost(block, bodyOf.get(block)!, url.href, first, startPage),
    quotes,
    source: 'smf',
    heading: text(doc.querySelector('#top_subject, h2.display_title, .catbg #top_subject, h1')) || 'Topic',
  });
}

export const smf: SiteModule = pagedEngine('smf', locate);
