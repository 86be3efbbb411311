import type { Quote } from '@/utils/pipeline/model';
import { pagedEngine, pagesOf } from './paged-forum';
import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import { elementText, type QuoteReader } from '@/utils/pipeline/extract/body';
import { text, within } from '@/utils/pipeline/extract/fields';
import { idAfter, postsRoot } from '@/utils/pipeline/extract/forum-common';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';

// Invision Community 4 (article.ipsComment, ips-neowin, ips-linustechtips) and 5 (article.ipsEntry with
// data-ips-hook="postWrapper", ips-affinity-serif; author h3.ipsEntry__username): #elComment_<id>, body
// [data-role="commentContent"]; a quote is
// blockquote.ipsQuote naming its post and author in data-ipsquote-contentcommentid / -username, with a
// .ipsQuote_citation line and the text in .ipsQuote_contents; reactions counted in .ipsReact_reactCount.

const quotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE' && el.classList.contains('ipsQuote'),
  read: (el) => {
    const content = el.querySelector('.ipsQuote_contents') ?? el;
    const quote: Quote & { content: Element } = { text: elementText(content), content };
    const id = el.getAttribute('data-ipsquote-contentcommentid');
    if (id && /^\d+$/.test(id)) quote.sourceId = id;
    const author = el.getAttribute('data-ipsquote-username');
    if (author) quote.sourceAuthor = author;
    return quote;
  },
};

const reactions = (post: Element) =>
  Array.from(post.querySelectorAll('.ipsReact_reactCount')).reduce((n, el) => n + (Number(text(el)) || 0), 0);

function readPost(post: Element, base: string, first: boolean): RawComment {
  // The name is the pane's strong (or its link); badges ("OP") and reputation sit beside it.
  const pane =
    post.querySelector('h3.cAuthorPane_author') ??
    post.querySelector('.cAuthorPane_author') ??
    post.querySelector('.ipsEntry__username');
  const name = within(pane, 'strong', 'a') ?? within(pane, 'strong', 'span') ?? within(pane, 'a') ?? pane;
  const author = text(name);
  const link =
    post.querySelector('a.ipsType_break[href*="/profile/"]') ??
    post.querySelector('a.ipsUsername') ??
    post.querySelector('a[href*="/profile/"]');
  const time = post.querySelector('time');
  const raw: RawComment = {
    author,
    postId: idAfter(post, 'elComment_'),
    timeText: text(time),
    voteText: null,
    votes: reactions(post),
    body: post.querySelector('[data-role="commentContent"]'),
  };
  const stamp = Date.parse(time?.getAttribute('datetime') ?? '');
  if (!Number.isNaN(stamp)) raw.timestamp = stamp;
  if (first) raw.opening = true;
  const authorUrl = safeUrl(link?.getAttribute('href'), base);
  if (authorUrl) raw.authorUrl = authorUrl;
  return raw;
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const posts = Array.from(doc.querySelectorAll('article.ipsComment, article.ipsEntry')).filter((p) =>
    idAfter(p, 'elComment_'),
  );
  const root = postsRoot(posts);
  if (!root) return [];
  const first = posts[0];
  const onFirstPage = !/\/page\/(?!1\/)\d+/.test(url.pathname + url.search);
  return [
    {
      root,
      blocks: posts,
      read: (post) => readPost(post, url.href, onFirstPage && post === first),
      quotes,
      base: url.href,
      heading: text(doc.querySelector('h1')) || 'Topic',
      source: 'invision',
      ...pagesOf(doc, url),
    },
  ];
}

export const invision: SiteModule = pagedEngine('invision', locate);
