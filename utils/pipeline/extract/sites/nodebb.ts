import { boardSection, pagedEngine } from './paged-forum';
import type { LocatedSection, PageData, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import { ajaxifyTopic, readNodebbTopic, type NodebbTopic } from '@/utils/pipeline/extract/data/nodebb';
import type { PlatformTopic } from '@/utils/pipeline/model';
import type { QuoteReader } from '@/utils/pipeline/extract/body';
import { text, within, withUrls } from '@/utils/pipeline/extract/fields';
import { citedQuote, postIdInLink } from '@/utils/pipeline/extract/forum-common';
import { formatStamp } from '@/utils/pipeline/extract/relative-time';

// NodeBB server pages (built on nodebb-community-nodebb-rc1-of-nodebb-v4.html, NodeBB v4 Harmony): each post
// is `[component="post"][data-pid]` with data-username, data-timestamp (ms) and data-index (0: the topic's
// first post); the body is `[component="post/content"]` only: the footer ("Reply Quote 11 … Last reply")
// and the collapsed preview of the post it answers (`[component="post/parent"]`) are not its words. That
// preview's data-parent-pid is the parent NodeBB records (toPid). Federated posts' pids are addresses, not
// numbers. A quote is a blockquote after a paragraph "@X said in <a href="/post/N">Topic</a>:". The page's
// data (`#ajaxify-data`, or `/api/topic/<tid>` after in-page navigation) gives the topic's size and pages:
// "Load full discussion" then reads the platform's JSON page by page (extract/data/nodebb.ts), and posts the
// app takes off the page as the reader scrolls stay in the view (topic-controller.ts).

/** The "@X said in <a href=/post/N>…</a>:" paragraph right before a blockquote. */
function citationOf(quote: Element): Element | null {
  const before = quote.previousElementSibling;
  if (!before || before.tagName !== 'P' || (before.textContent?.length ?? 0) > 300) return null;
  const links = before.querySelectorAll('a[href]');
  const last = links[links.length - 1];
  const cites = last && /\/post\/[^/]+$/.test(last.getAttribute('href') ?? '');
  return cites && /:\s*$/.test(before.textContent ?? '') ? before : null;
}

export const nodebbQuotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE',
  citationOf,
  read: (el) => {
    const cite = citationOf(el);
    const quote = citedQuote(el, null, el);
    if (!cite) return quote;
    const mention = cite.querySelector('a.plugin-mentions-user, a[href*="/user/"]');
    const name = text(mention).replace(/^@/, '');
    if (name) quote.sourceAuthor = name;
    const links = cite.querySelectorAll('a[href]');
    const id = postIdInLink(links[links.length - 1]?.getAttribute('href'));
    if (id) quote.sourceId = id;
    return quote;
  },
};

function readPost(post: Element, base: string): RawComment {
  const name = post.getAttribute('data-username') ?? '';
  const profile = post.querySelector('a[data-username]') ?? within(post, '.post-header', 'a[href*="/user/"]');
  const stamp = Number(post.getAttribute('data-timestamp'));
  const votes = post.querySelector('[component="post/vote-count"]');
  const raw: RawComment = {
    author: name || text(profile),
    postId: post.getAttribute('data-pid') ?? undefined,
    timeText: stamp > 0 ? formatStamp(stamp) : '',
    voteText: null,
    body: post.querySelector('[component="post/content"]'),
    signature: post.querySelector('[component="post/signature"]'),
  };
  const count = Number(votes?.getAttribute('data-votes') ?? text(votes));
  if (votes && Number.isInteger(count)) raw.votes = count;
  if (stamp > 0) raw.timestamp = stamp;
  const index = Number(post.getAttribute('data-index') ?? NaN);
  if (Number.isInteger(index) && index >= 0) raw.number = index + 1;
  if (index === 0) raw.opening = true;
  const parent = post.querySelector('[component="post/parent"]')?.getAttribute('data-parent-pid');
  if (parent && parent !== raw.postId) raw.parentId = parent;
  const avatar = post.querySelector('img[component="user/picture"]');
  return withUrls(raw, base, {
    member: profile?.getAttribute('href'),
    avatar: avatar?.getAttribute('src'),
  });
}

/**
 * The topic the page shows: the one its markup draws (`[component="topic"][data-tid]`), where the address
 * names the same one or none (a page kept or served elsewhere); mid-navigation, where the two differ, none.
 */
function shownTid(doc: Document, url: URL): number | null {
  const drawn = doc.querySelector('[component="topic"][data-tid]')?.getAttribute('data-tid') ?? '';
  const named = /\/topic\/(\d{1,12})(?:\/|$)/.exec(url.pathname)?.[1];
  if (!/^\d{1,12}$/.test(drawn) || (named && named !== drawn)) return null;
  return Number(drawn);
}

/** `/api/topic/<tid>` of this forum (its relative path from the page's data). */
const apiAddress = (doc: Document, url: URL, tid: number) =>
  `${url.origin}${ajaxifyTopic(doc)?.relativePath ?? ''}/api/topic/${tid}`;

/**
 * The topic's data: what the page was rendered from while it is this topic's (NodeBB navigates in-page and
 * leaves `#ajaxify-data` as the first page had it), else `/api/topic/<tid>` as fetched.
 */
function topicData(doc: Document, url: URL, data?: PageData): NodebbTopic | null {
  const tid = shownTid(doc, url);
  if (tid === null) return null;
  const rendered = ajaxifyTopic(doc);
  if (rendered?.tid === tid) return rendered;
  const fetched = readNodebbTopic(data?.get(apiAddress(doc, url, tid)));
  return fetched?.tid === tid ? fetched : null;
}

/** What loading the rest needs: the topic's pages from its API (the markup may hold one page, or fewer). */
function platformTopic(topic: NodebbTopic, url: URL): PlatformTopic {
  const base = `${url.origin}${topic.relativePath}`;
  return {
    platform: 'nodebb',
    url: `${base}/topic/${topic.slug}`,
    id: String(topic.tid),
    posts: [],
    api: `${base}/api/topic/${topic.slug}`,
    count: topic.postcount,
    pages: topic.pageCount,
  };
}

function wants(doc: Document, url: URL, data: PageData): string | null {
  const tid = shownTid(doc, url);
  if (tid === null || topicData(doc, url, data)) return null;
  const address = apiAddress(doc, url, tid);
  return data.get(address) === undefined ? address : null;
}

function locate(doc: Document, url: URL, data?: PageData): LocatedSection[] {
  const posts = Array.from(doc.querySelectorAll('[component="post"][data-pid]')).filter((p) =>
    p.querySelector('[component="post/content"]'),
  );
  const sections = boardSection(doc, url, {
    posts,
    read: (post) => readPost(post, url.href),
    quotes: nodebbQuotes,
    source: 'nodebb',
    heading: text(doc.querySelector('[component="post/header"], h1')) || 'Topic',
  });
  const topic = sections.length ? topicData(doc, url, data) : null;
  return topic ? sections.map((s) => ({ ...s, topic: platformTopic(topic, url) })) : sections;
}

const base = pagedEngine('nodebb', locate);
export const nodebb: SiteModule = { ...base, adapter: { ...base.adapter, wants } };
