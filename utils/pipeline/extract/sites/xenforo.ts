import type { CommentSection, Quote } from '@/utils/pipeline/model';
import type { QuoteReader } from '@/utils/pipeline/extract/body';
import { elementText } from '@/utils/pipeline/extract/body';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';
import {
  extractLocated,
  text,
  type LocatedSection,
  type RawComment,
  type SiteAdapter,
} from '@/utils/pipeline/extract/adapter';

// forums.macrumors.com thread pages (XenForo 2): article.message posts; quotes are
// blockquote.bbCodeBlock--quote with data-source="post: N" (empty when hand-typed) and data-quote="<name>".

const QUOTE_SOURCE = /post:\s*(\d+)/;

export const xenforoQuotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE' && el.classList.contains('bbCodeBlock--quote'),
  read: (el) => {
    const content = el.querySelector('.bbCodeBlock-expandContent') ?? el.querySelector('.bbCodeBlock-content') ?? el;
    const quote: Quote & { content: Element } = { text: elementText(content), content };
    const source = QUOTE_SOURCE.exec(el.getAttribute('data-source') ?? '')?.[1];
    if (source) quote.sourceId = source;
    const author = el.getAttribute('data-quote');
    if (author) quote.sourceAuthor = author;
    return quote;
  },
};

/** "A, B and 5 others" → 7; "A and B" → 2; "A" → 1. */
export function countReactions(summary: string): number {
  const t = summary.replace(/\s+/g, ' ').trim();
  if (!t) return 0;
  const others = /and ([\d,]+) others?$/i.exec(t);
  const named = (others ? t.slice(0, others.index) : t)
    .split(/,| and /)
    .map((s) => s.trim())
    .filter(Boolean);
  return named.length + (others?.[1] ? Number(others[1].replace(/,/g, '')) : 0);
}

export function threadPage(url: URL, doc: Document): number {
  const fromUrl = /\/page-(\d+)/.exec(url.pathname)?.[1];
  if (fromUrl) return Number(fromUrl);
  const current = doc.querySelector('.pageNav-page--current');
  return Number(text(current)) || 1;
}

export function locateXenforoThread(doc: Document, url: URL): LocatedSection | null {
  const posts = Array.from(doc.querySelectorAll('article.message--post, article.message[data-content^="post-"]'));
  if (posts.length === 0) return null;
  const root = posts[0]!.parentElement;
  if (!root || posts.some((p) => p.parentElement !== root)) return null;
  const base = url.href;
  const page = threadPage(url, doc);
  const read = (post: Element): RawComment => {
    const id = /post-(\d+)/.exec(post.getAttribute('data-content') ?? '')?.[1] ?? /js-post-(\d+)/.exec(post.id)?.[1];
    const time = post.querySelector('.message-attribution time, time.u-dt');
    const stamp = Number(time?.getAttribute('data-timestamp'));
    const reactions = post.querySelector('.reactionsBar');
    const img = post.querySelector('.message-avatar img, .message-userDetails img');
    const member = post.querySelector('.message-name a[href*="/members/"], a.username[href*="/members/"]');
    const raw: RawComment = {
      element: post,
      author: post.getAttribute('data-author') ?? text(post.querySelector('.message-name')),
      timeText: text(time),
      voteText: null,
      votes: reactions ? countReactions(text(reactions.querySelector('.reactionsBar-link') ?? reactions)) : 0,
      body: post.querySelector('.message-body .bbWrapper') ?? post.querySelector('.bbWrapper'),
      page,
    };
    if (Number.isFinite(stamp) && stamp > 0) raw.timestamp = stamp * 1000;
    else {
      const iso = Date.parse(time?.getAttribute('datetime') ?? '');
      if (!Number.isNaN(iso)) raw.timestamp = iso;
    }
    if (id) {
      raw.postId = id;
      raw.postUrl = safeUrl(`/posts/${id}/`, base) ?? '';
    }
    const avatar = safeUrl(img?.getAttribute('src'), base);
    if (avatar) raw.avatarUrl = avatar;
    const authorUrl = safeUrl(member?.getAttribute('href'), base);
    if (authorUrl) raw.authorUrl = authorUrl;
    return raw;
  };
  return {
    root,
    blocks: posts,
    read,
    quotes: xenforoQuotes,
    base,
    heading: text(doc.querySelector('.p-title-value')) || 'Discussion',
    source: 'xenforo',
    discussionUrl: url.href.replace(/page-\d+\/?$/, ''),
  };
}

/** All posts of a thread page at once (forum pages fetched for the full discussion). */
export function findXenforoThread(doc: Document, url: URL): CommentSection | null {
  const located = locateXenforoThread(doc, url);
  return located ? extractLocated(located) : null;
}

export const xenforoThread: SiteAdapter = {
  id: 'xenforo',
  matches: (url) => /^forums\.macrumors\.com$/i.test(url.hostname) && /^\/threads\//.test(url.pathname),
  locate: (doc, url) => {
    const located = locateXenforoThread(doc, url);
    return located ? [located] : [];
  },
};
