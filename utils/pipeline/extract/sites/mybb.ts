import { boardSection, pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import { elementText, type QuoteReader } from '@/utils/pipeline/extract/body';
import { childMatching, text, within, withUrls } from '@/utils/pipeline/extract/fields';
import { citedQuote, firstPostLink, idAfter } from '@/utils/pipeline/extract/forum-common';

// MyBB 1.6 and 1.8, from MyBB's postbit templates as SITES.md describes them; no capture of ours has a MyBB
// page. A post is `#post_<id>` (div.post in 1.8, a table in 1.6) holding the body `div.post_body#pid_<id>`;
// author in `.post_author` / `.author_information` (`.largetext a` to member.php), time `.post_date`,
// signature `.signature`. A quote is `blockquote.mycode_quote` (1.6: a plain blockquote) whose `cite` holds
// `<span> (DATE)</span>Name Wrote: <a class="quick_jump" href="…pid=N#pidN"></a>`: the date first, then the
// name and the forum's word for "wrote", then an empty link to the quoted post. A bare [quote] cites "Quote:".

/** The quoted name: the cite's text without its date and its trailing "Wrote:" (in any language). */
function citedName(cite: Element): string | undefined {
  const date = cite.querySelector('span');
  const words = elementText(cite, date).replace(/\s+/g, ' ').trim();
  const m = /^(.{1,80}?)\s+\S{1,20}:?$/u.exec(words);
  return m && cite.querySelector('a.quick_jump, a[href*="pid"]') ? m[1]!.trim() : undefined;
}

const quotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE',
  read: (el) => {
    const cite = childMatching(el, 'cite');
    const quote = citedQuote(el, cite, el);
    delete quote.sourceAuthor;
    if (!cite) return quote;
    const name = citedName(cite);
    if (name) quote.sourceAuthor = name;
    const id = firstPostLink(cite);
    if (id) quote.sourceId = id;
    return quote;
  },
};

function readPost(post: Element, body: Element, base: string, first: boolean, firstPage: boolean): RawComment {
  const profile =
    within(post, '.post_author', '.largetext', 'a') ??
    within(post, '.author_information', 'a[href*="member.php"]') ??
    post.querySelector('a[href*="action=profile"]');
  const raw: RawComment = {
    author:
      text(profile) ||
      text(within(post, '.post_author', '.largetext') ?? within(post, '.author_information', 'strong')),
    postId: idAfter(body, 'pid_'),
    timeText: text(post.querySelector('.post_date')).replace(/\(This post was last modified:.*$/i, ''),
    voteText: null,
    body,
    signature: post.querySelector('.signature'),
  };
  if (first && firstPage) raw.opening = true;
  const avatar = within(post, '.author_avatar', 'img') ?? post.querySelector('img.avatar');
  return withUrls(raw, base, { member: profile?.getAttribute('href'), avatar: avatar?.getAttribute('src') });
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const bodies = Array.from(doc.querySelectorAll('div.post_body[id^="pid_"]')).filter((b) => idAfter(b, 'pid_'));
  const posts = bodies.map((b) => b.closest('[id^="post_"]')).filter((p): p is Element => !!p);
  if (posts.length !== bodies.length) return [];
  const bodyOf = new Map(posts.map((p, i) => [p, bodies[i]!]));
  const firstPage = !/[?&]page=(?!1\b)\d+/.test(url.search);
  return boardSection(doc, url, {
    posts,
    read: (post, first) => readPost(post, bodyOf.get(post)!, url.href, first, firstPage),
    quotes,
    source: 'mybb',
    heading: text(doc.querySelector('.thead strong, h1')) || 'Thread',
  });
}

export const mybb: SiteModule = pagedEngine('mybb', locate);
