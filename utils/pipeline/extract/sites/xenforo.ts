import type { Comment, Quote } from '@/utils/pipeline/model';
import type { ForumKnowledge, LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import { elementText, type QuoteReader } from '@/utils/pipeline/extract/body';
import { extractLocated } from '@/utils/pipeline/extract/convert';
import { text, within, withUrls } from '@/utils/pipeline/extract/fields';
import { citationAuthor, postIdInLink, postsRoot } from '@/utils/pipeline/extract/forum-common';

// forums.macrumors.com thread pages (XenForo 2): article.message posts; quotes are
// blockquote.bbCodeBlock--quote with data-source="post: N" (empty when hand-typed) and data-quote="<name>".
// Thread addresses are /threads/<slug>.<id>/, page n of it /threads/<slug>.<id>/page-<n>.

const QUOTE_SOURCE = /post:\s*(\d+)/;
/** The page part of a thread address. */
const PAGE_SUFFIX = /\/page-(\d+)\/?$/;
const THREAD_ID = /\/threads\/(?:[^/]*\.)?(\d+)/;

export const xenforoQuotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE' && el.classList.contains('bbCodeBlock--quote'),
  read: (el) => {
    const content = el.querySelector('.bbCodeBlock-expandContent') ?? el.querySelector('.bbCodeBlock-content') ?? el;
    const quote: Quote & { content: Element } = { text: elementText(content), content };
    // data-source, or (themes that leave it out) the "Name said:" link to /goto/post?id=<id>.
    const jump = el.querySelector('.bbCodeBlock-sourceJump');
    const source =
      QUOTE_SOURCE.exec(el.getAttribute('data-source') ?? '')?.[1] ?? postIdInLink(jump?.getAttribute('href'));
    if (source) quote.sourceId = source;
    const author = el.getAttribute('data-quote') || citationAuthor(text(jump));
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

/** The page a thread page is: from its address, else from its navigation. */
export function threadPage(url: URL, doc: Document): number {
  const fromUrl = PAGE_SUFFIX.exec(url.pathname)?.[1];
  if (fromUrl) return Number(fromUrl);
  const current = doc.querySelector('.pageNav-page--current');
  return Number(text(current)) || 1;
}

/** Pages in a thread, from its page navigation ("1 2 3 … 12"). */
export function pageCount(doc: Document): number {
  const numbers = Array.from(doc.querySelectorAll('.pageNav-page, .pageNav-main a')).map((el) =>
    Number((el.textContent ?? '').trim()),
  );
  return Math.max(1, ...numbers.filter((n) => Number.isInteger(n) && n > 0 && n < 10_000));
}

/** Address of page n of a thread, from any page's address (…/threads/slug.123/page-4 → …/page-n). */
export function pageUrl(threadUrl: string, n: number): string {
  const url = new URL(threadUrl);
  const base = url.pathname.replace(PAGE_SUFFIX, '').replace(/\/?$/, '/');
  url.pathname = n > 1 ? `${base}page-${n}` : base;
  url.search = '';
  url.hash = '';
  return url.href;
}

export function threadKey(threadUrl: string): string {
  const path = new URL(threadUrl).pathname;
  return THREAD_ID.exec(path)?.[1] ?? path;
}

function readTimestamp(time: Element | null): number | undefined {
  const stamp = Number(time?.getAttribute('data-timestamp'));
  if (Number.isFinite(stamp) && stamp > 0) return stamp * 1000;
  const iso = Date.parse(time?.getAttribute('datetime') ?? '');
  return Number.isNaN(iso) ? undefined : iso;
}

const postId = (post: Element) =>
  /post-(\d+)/.exec(post.getAttribute('data-content') ?? '')?.[1] ?? /js-post-(\d+)/.exec(post.id)?.[1];

/** The post's number: the "#12" that ends its attribution line. */
function numberOf(post: Element): number | undefined {
  const line = post.querySelector('.message-attribution-opposite')?.textContent ?? '';
  const n = Number(/#(\d{1,7})\s*$/.exec(line)?.[1]);
  return n > 0 ? n : undefined;
}

function readPost(post: Element, base: string, page: number, first: boolean): RawComment {
  const id = postId(post);
  const time = within(post, '.message-attribution', 'time') ?? post.querySelector('time');
  const reactions = post.querySelector('.reactionsBar');
  const img = within(post, '.message-avatar', 'img') ?? within(post, '.message-userDetails', 'img');
  const member =
    within(post, '.message-name', 'a[href*="/members/"]') ?? post.querySelector('a.username[href*="/members/"]');
  const raw: RawComment = {
    author:
      post.getAttribute('data-author') ??
      (text(post.querySelector('.message-name')) || text(post.querySelector('.MessageCard__user-info__name'))),
    timeText: text(time),
    voteText: null,
    votes: reactions ? countReactions(text(reactions.querySelector('.reactionsBar-link') ?? reactions)) : 0,
    body: within(post, '.message-body', '.bbWrapper') ?? post.querySelector('.bbWrapper'),
    page,
    number: numberOf(post),
  };
  const timestamp = readTimestamp(time) ?? readTimestamp(post.querySelector('meta[itemprop="datePublished"]'));
  if (timestamp !== undefined) raw.timestamp = timestamp;
  if (id) raw.postId = id;
  if (first && page === 1) raw.opening = true;
  // Themes that nest replies (VerticalScope's) put a reply's post inside the one it answers.
  const parent = post.parentElement?.closest('.js-post');
  const parentId = parent ? postId(parent) : undefined;
  if (parentId && parentId !== id) raw.parentId = parentId;
  return withUrls(raw, base, {
    post: id ? `/posts/${id}/` : null,
    avatar: img?.getAttribute('src'),
    member: member?.getAttribute('href'),
  });
}

/** Posts: the standard style's article.message, or a theme's own post element (VerticalScope's MessageCard). */
const POSTS =
  'article.message--post, article.message[data-content^="post-"], article.js-post[data-content^="post-"], div.MessageCard.js-post';

export function locateXenforoThread(doc: Document, url: URL): LocatedSection | null {
  const posts = Array.from(doc.querySelectorAll(POSTS));
  if (posts.length === 0 || !doc.querySelector('.bbWrapper')) return null;
  const root = postsRoot(posts);
  if (!root) return null;
  const base = url.href;
  const page = threadPage(url, doc);
  const first = posts[0];
  return {
    root,
    blocks: posts,
    read: (post) => readPost(post, base, page, post === first),
    quotes: xenforoQuotes,
    base,
    heading:
      text(doc.querySelector('.p-title-value')) ||
      text(doc.querySelector('.MessageCard__thread-title')) ||
      'Discussion',
    source: 'xenforo',
    discussionUrl: pageUrl(url.href, 1),
  };
}

/** All posts of a thread page at once (forum pages fetched for the full discussion). */
export function readThreadPage(doc: Document, url: URL): Comment[] {
  const located = locateXenforoThread(doc, url);
  return located ? (extractLocated(located)?.comments ?? []) : [];
}

export const xenforoForum: ForumKnowledge = {
  isThreadPath: (url) => url.pathname.startsWith('/threads/'),
  pageCount,
  pageUrl,
  threadKey,
  readPage: readThreadPage,
};

export const macrumorsForum: SiteModule = {
  id: 'macrumors-forums',
  hosts: ['forums.macrumors.com'],
  paths: '/threads/*',
  adapter: {
    locate: (doc, url) => {
      const located = locateXenforoThread(doc, url);
      return located ? [located] : [];
    },
    holdSelector: '.js-replyNewMessageContainer',
  },
  forum: xenforoForum,
};

/** XenForo 2 on any site the reader enables (standard style and themed variants). */
export const xenforo2: SiteModule = {
  id: 'xenforo',
  hosts: [],
  paths: '/*',
  adapter: {
    locate: (doc, url) => {
      const located = locateXenforoThread(doc, url);
      return located ? [located] : [];
    },
  },
  forum: xenforoForum,
};
