import { pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment } from '@/utils/pipeline/extract/adapter';
import { articleQuotes, childMatching, text, within, withUrls } from '@/utils/pipeline/extract/fields';
import { idAfter, postsRoot } from '@/utils/pipeline/extract/forum-common';
import { countIn, notLoaded } from '@/utils/pipeline/extract/not-loaded';
import type { NotLoaded } from '@/utils/pipeline/model';

// Disqus, inside its own frame (`disqus.com/embed/comments/?…&t_u=<the article>`; built on the embed frame's
// capture disqus-embed-mobile-review-android-54479-2018.html): the content script runs in that frame where
// the reader enabled both the article's site and Disqus (frames.ts). Each comment is `li.post#post-<id>`, its
// replies in its own `ul.children`; author `.post-byline .author` (a link for members, text for guests), time
// and permalink `a.time-ago` (a link to the comment on the article's page), words `.post-message`, likes
// `[data-role="likes"]`. Only the first page of comments is in the frame: the thread's total
// (`.comment-count`, "75 комментариев") less those is "not loaded here", linked to the thread's own page on
// Disqus (`disqus.com/home/discussion/<forum>/<slug>/`, from the frame's thread data).

function readPost(post: Element, base: string): RawComment {
  const own = childMatching(post, '[data-role="post-content"]') ?? post;
  const author = within(own, '.post-byline', '.author') ?? own.querySelector('.author');
  const link = author?.querySelector('a[href]');
  const time = own.querySelector('a.time-ago');
  const parent = post.parentElement?.closest('li.post');
  const raw: RawComment = {
    author: text(author),
    postId: idAfter(post, 'post-'),
    timeText: text(time),
    voteText: null,
    body: own.querySelector('.post-message'),
    siteParent: parent ? (idAfter(parent, 'post-') ?? null) : null,
  };
  const likes = Number(text(own.querySelector('[data-role="likes"]')));
  if (own.querySelector('[data-role="likes"]') && Number.isInteger(likes)) raw.votes = likes;
  return withUrls(raw, base, { member: link?.getAttribute('href'), post: time?.getAttribute('href') });
}

/** The thread's page on Disqus, from the frame's own thread data (page JSON: read with care). */
function threadPage(doc: Document, url: URL): string | null {
  try {
    const data = JSON.parse(doc.getElementById('disqus-threadData')?.textContent ?? 'null') as unknown;
    const thread = (data as { response?: { thread?: { slug?: unknown; forum?: unknown } } })?.response?.thread;
    const forum = typeof thread?.forum === 'string' ? thread.forum : url.searchParams.get('f');
    const slug = typeof thread?.slug === 'string' ? thread.slug : null;
    const plain = /^[\w-]{1,200}$/;
    return forum && slug && plain.test(forum) && plain.test(slug)
      ? `https://disqus.com/home/discussion/${forum}/${slug}/`
      : null;
  } catch {
    return null;
  }
}

/** Comments of the thread the frame does not hold. */
function notInFrame(doc: Document, url: URL, loaded: number): NotLoaded | undefined {
  const more = doc.querySelector('[data-role="more"]');
  const hidden = !more || /display:\s*none/.test(more.getAttribute('style') ?? '');
  const total = countIn(text(doc.querySelector('.comment-count')));
  if (hidden && (total === null || total <= loaded)) return undefined;
  return notLoaded(total !== null && total > loaded ? total - loaded : null, threadPage(doc, url), url.href);
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const list = doc.getElementById('post-list');
  const posts = list ? Array.from(list.querySelectorAll('li.post')).filter((p) => idAfter(p, 'post-')) : [];
  const root = postsRoot(posts);
  if (!list || !root) return [];
  const more = notInFrame(doc, url, posts.length);
  return [
    {
      ...(more ? { more } : {}),
      root: list,
      blocks: posts,
      read: (post) => readPost(post, url.href),
      quotes: articleQuotes,
      base: url.href,
      heading: text(doc.querySelector('.comment-count')) || 'Disqus',
      source: 'disqus',
    },
  ];
}

export const disqus = pagedEngine('disqus', locate);
