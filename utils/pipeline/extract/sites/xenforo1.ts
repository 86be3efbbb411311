import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import type { QuoteReader } from '@/utils/pipeline/extract/body';
import { text } from '@/utils/pipeline/extract/fields';
import { citedQuote, idAfter, postsRoot } from '@/utils/pipeline/extract/forum-common';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';
import { countReactions, pageUrl, threadKey } from './xenforo';
import { pageReader } from './paged-forum';
import type { ForumKnowledge } from '@/utils/pipeline/extract/adapter';

// XenForo 1: li.message#post-<id>[data-author], body .messageText; a quote is div.bbCodeBlock.bbCodeQuote
// [data-author] with .attribution "Name said: ↑" (a.AttributionLink to goto/post?id=<id>) and the quoted
// text in .quoteContainer .quote ("Click to expand..." in .quoteExpand).

const quotes: QuoteReader = {
  isQuote: (el) => el.classList.contains('bbCodeQuote'),
  read: (el) => {
    const content = el.querySelector('.quote') ?? el;
    const quote = citedQuote(el, el.querySelector('.attribution'), content);
    const author = el.getAttribute('data-author');
    if (author) quote.sourceAuthor = author;
    return quote;
  },
};

function readPost(post: Element, base: string, first: boolean, page: number): RawComment {
  const time = post.querySelector('.DateTime');
  const stamp = Number(time?.getAttribute('data-time'));
  const user = post.querySelector('a.username');
  const raw: RawComment = {
    author: post.getAttribute('data-author') ?? text(user),
    postId: idAfter(post, 'post-'),
    timeText: time?.getAttribute('title') ?? text(time),
    voteText: null,
    votes: countReactions(text(post.querySelector('.LikeText'))),
    body: post.querySelector('.messageText'),
    page,
  };
  if (stamp > 0) raw.timestamp = stamp * 1000;
  else {
    const parsed = Date.parse((time?.getAttribute('title') ?? '').replace(' at ', ' '));
    if (!Number.isNaN(parsed)) raw.timestamp = parsed;
  }
  if (first && page === 1) raw.opening = true;
  const authorUrl = safeUrl(user?.getAttribute('href'), base);
  if (authorUrl) raw.authorUrl = authorUrl;
  return raw;
}

/** The page shown: XenForo 1's PageNav carries data-page; otherwise /page-N in the address. */
function pageOf(doc: Document, url: URL): number {
  const nav = Number(doc.querySelector('.PageNav')?.getAttribute('data-page'));
  return nav > 0 ? nav : Number(/\/page-(\d+)/.exec(url.pathname)?.[1] ?? 1);
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const posts = Array.from(doc.querySelectorAll('li.message')).filter((p) => idAfter(p, 'post-'));
  const root = postsRoot(posts);
  if (!root || !doc.querySelector('.messageText')) return [];
  const first = posts[0];
  const page = pageOf(doc, url);
  return [
    {
      root,
      blocks: posts,
      read: (post) => readPost(post, url.href, post === first, page),
      quotes,
      base: url.href,
      heading: text(doc.querySelector('h1')) || 'Thread',
      source: 'xenforo1',
      ...(forum.isThreadPath(url) ? { discussionUrl: pageUrl(url.href, 1) } : {}),
    },
  ];
}

/** Pages in the thread: XenForo 1's PageNav says how many (data-last). */
function pageCount(doc: Document): number {
  const last = Number(doc.querySelector('.PageNav')?.getAttribute('data-last'));
  return Number.isInteger(last) && last > 0 && last < 10_000 ? last : 1;
}

/** Thread addresses and pages as XenForo 2 writes them (/threads/<slug>.<id>/page-<n>). */
const forum: ForumKnowledge = {
  isThreadPath: (url) => /\/threads\/[^/]*\d/.test(url.pathname),
  pageCount,
  pageUrl,
  threadKey,
  readPage: pageReader(locate),
};

export const xenforo1: SiteModule = { id: 'xenforo1', hosts: [], paths: '/*', adapter: { locate }, forum };
