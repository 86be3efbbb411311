import { pagedEngine, pagesOf } from './paged-forum';
import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import type { QuoteReader } from '@/utils/pipeline/extract/body';
import { text } from '@/utils/pipeline/extract/fields';
import { citationAuthor, citedQuote, idAfter, postsRoot } from '@/utils/pipeline/extract/forum-common';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';

// Vanilla: the opening post is .ItemDiscussion, replies li.ItemComment#Comment_<id>, bodies .Message. A quote
// is blockquote.UserQuote: in the BBCode format its first .blockquote-content says "Name wrote: »" with
// a.QuoteLink to /discussion/comment/<id>; the Markdown format writes "@Name said:" in the paragraph before
// the blockquote (text in .QuoteText), with no id. Replies often begin with "@Name".

const quotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE' && el.classList.contains('UserQuote'),
  read: (el) => {
    const parts = Array.from(el.children).filter((c) => c.classList.contains('blockquote-content'));
    const cite = parts.length > 1 && /wrote:/i.test(text(parts[0])) ? parts[0]! : null;
    const content = el.querySelector('.QuoteText') ?? (cite ? parts[1]! : el);
    const quote = citedQuote(el, cite, content);
    const before = el.previousElementSibling;
    const said = before && /said:\s*$/i.test(text(before)) ? citationAuthor(text(before).replace(/^@/, '')) : undefined;
    if (!quote.sourceAuthor && said) quote.sourceAuthor = said;
    return quote;
  },
};

function readPost(post: Element, base: string): RawComment {
  const user = post.querySelector('a.Username') ?? post.querySelector('.Username');
  const time = post.querySelector('time');
  const raw: RawComment = {
    author: text(user),
    timeText: time?.getAttribute('title') ?? text(time),
    voteText: null,
    body: post.querySelector('.Message'),
  };
  const id = idAfter(post, 'Comment_') ?? idAfter(post, 'Discussion_');
  if (id) raw.postId = id;
  const stamp = Date.parse(time?.getAttribute('datetime') ?? '');
  if (!Number.isNaN(stamp)) raw.timestamp = stamp;
  if (post.classList.contains('ItemDiscussion')) raw.opening = true;
  const authorUrl = safeUrl(user?.getAttribute('href'), base);
  if (authorUrl) raw.authorUrl = authorUrl;
  return raw;
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const comments = Array.from(doc.querySelectorAll('li.ItemComment')).filter((p) => idAfter(p, 'Comment_'));
  const opening = Array.from(doc.querySelectorAll('.ItemDiscussion')).find((d) => d.querySelector('.Message'));
  const posts = opening ? [opening, ...comments] : comments;
  const root = postsRoot(posts);
  if (!root || comments.length === 0) return [];
  return [
    {
      root,
      blocks: posts,
      read: (post) => readPost(post, url.href),
      quotes,
      base: url.href,
      heading: text(doc.querySelector('h1')) || 'Discussion',
      source: 'vanilla',
      ...pagesOf(doc, url),
    },
  ];
}

export const vanilla: SiteModule = pagedEngine('vanilla', locate);
