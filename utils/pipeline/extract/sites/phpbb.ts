import { pagedEngine, pagesOf } from './paged-forum';
import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import type { QuoteReader } from '@/utils/pipeline/extract/body';
import { postNumber, text, within } from '@/utils/pipeline/extract/fields';
import { citedQuote, idAfter, pageOfText, postsRoot } from '@/utils/pipeline/extract/forum-common';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';

// phpBB 3.0 (prosilver) and 3.2+: div.post#p<id>, body div.content, author in dl.postprofile (or "by
// <strong>Name</strong>" in p.author); quotes are <blockquote><div><cite>Name wrote: …</cite>, 3.2+ with
// a[data-post-id] (the quoted post), 3.0 with no source.

const quotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE',
  read: (el) => {
    const content = el.firstElementChild?.tagName === 'DIV' ? el.firstElementChild : el;
    const cite = content.querySelector('cite');
    const quote = citedQuote(el, cite, content);
    const exact = cite?.querySelector('a[data-post-id]')?.getAttribute('data-post-id');
    if (exact && /^\d+$/.test(exact)) quote.sourceId = exact;
    return quote;
  },
};

/** The page of the topic this is: the active pagination item (3.2+) or "Page N of M" (3.0). */
function pageNumber(doc: Document): number {
  const pagination = doc.querySelector('.pagination');
  const active = Number(text(within(pagination, 'li.active')));
  return active > 0 ? active : (pageOfText(pagination)?.page ?? 1);
}

/**
 * The post's id: on the post (div.post#p<id>), or in themes that leave the post without one (airliners.net:
 * `a.st-anchor#p<id>` inside it) on its anchor, profile or content box.
 */
function postIdOf(post: Element): string | undefined {
  const own = idAfter(post, 'p');
  if (own) return own;
  const inner = post.querySelector('[id^="p"], [id^="post_content"], [id^="profile"]');
  if (!inner) return undefined;
  return idAfter(inner, 'p') ?? idAfter(inner, 'post_content') ?? idAfter(inner, 'profile');
}

function readPost(post: Element, base: string, page: number, first: boolean): RawComment {
  const profile = post.querySelector('.postprofile');
  const byline = post.querySelector('.author');
  const user =
    profile?.querySelector('a.username, a.username-coloured') ??
    within(byline, 'strong', 'a') ??
    within(byline, 'strong');
  const raw: RawComment = {
    author: text(user),
    postId: postIdOf(post),
    timeText: text(byline).split('»').pop()?.trim() ?? '',
    voteText: null,
    body: post.querySelector('.content'),
    signature: post.querySelector('.signature'),
    number: postNumber(post.querySelector('a.icon_post_target')),
    page,
  };
  if (first && page === 1) raw.opening = true;
  const authorUrl = safeUrl(user?.getAttribute('href'), base);
  if (authorUrl) raw.authorUrl = authorUrl;
  return raw;
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const posts = Array.from(doc.querySelectorAll('div.post')).filter((p) => postIdOf(p) && p.querySelector('.postbody'));
  const root = postsRoot(posts);
  if (!root || !doc.querySelector('.postprofile')) return [];
  const page = pageNumber(doc);
  const first = posts[0];
  return [
    {
      root,
      blocks: posts,
      read: (post) => readPost(post, url.href, page, post === first),
      quotes,
      base: url.href,
      heading: text(doc.querySelector('.topic-title')) || text(doc.querySelector('h2')) || 'Topic',
      source: 'phpbb',
      ...pagesOf(doc, url),
    },
  ];
}

export const phpbb: SiteModule = pagedEngine('phpbb', locate);
