import { pagedEngine, pagesOf } from './paged-forum';
import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import type { QuoteReader } from '@/utils/pipeline/extract/body';
import { postNumber, text, within } from '@/utils/pipeline/extract/fields';
import { citedQuote, idAfter, postsRoot } from '@/utils/pipeline/extract/forum-common';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';

// vBulletin 3, 4 and 5. Posts: 3 is table#post<id> with div#post_message_<id>; 4 is li#post_<id> with
// div#post_message_<id>; 5 is li.b-post[data-node-id] with .js-post__content-text. A quote names its author
// ("Originally Posted by <strong>Name</strong>") and its post (a link to …p=<id>#post<id>), in
// div.bbcode_quote (4, 5) or a "Quote:" table (3).

const quotes: QuoteReader = {
  isQuote: (el) =>
    el.classList.contains('bbcode_container') ||
    (el.classList.contains('bbcode_quote') && !el.parentElement?.classList.contains('bbcode_container')) ||
    (el.tagName === 'DIV' && text(el.firstElementChild) === 'Quote:' && !!el.querySelector('td')),
  read: (el) => {
    const postedBy = el.querySelector('.bbcode_postedby');
    if (postedBy) return citedQuote(el, postedBy, el.querySelector('.message') ?? el);
    const cell = el.querySelector('td') ?? el;
    const cite = cell.firstElementChild;
    return citedQuote(el, cite, cite?.nextElementSibling ?? cell);
  },
};

/** The post's message: #post_message_<id> (its .postcontent where the skin has one). */
function messageOf(post: Element, id: string): Element | null {
  const message = post.ownerDocument.getElementById(`post_message_${id}`);
  return message?.querySelector('.postcontent') ?? message;
}

interface Markup {
  version: string;
  posts(doc: Document): Element[];
  read(post: Element, base: string): RawComment;
}

function withAuthor(raw: RawComment, link: Element | null, base: string): RawComment {
  const authorUrl = safeUrl(link?.getAttribute('href'), base);
  if (authorUrl) raw.authorUrl = authorUrl;
  return raw;
}

const MARKUPS: Markup[] = [
  {
    version: 'vbulletin5',
    posts: (doc) => Array.from(doc.querySelectorAll('li.b-post[data-node-id]')),
    read(post, base) {
      const link = within(post, '.author', 'a');
      const time = post.querySelector('time');
      const stamp = Number(post.getAttribute('data-node-publishdate'));
      const raw: RawComment = {
        author: text(link),
        postId: post.getAttribute('data-node-id') ?? undefined,
        timeText: text(time),
        voteText: null,
        body: post.querySelector('.js-post__content-text'),
      };
      if (stamp > 0) raw.timestamp = stamp * 1000;
      return withAuthor(raw, link, base);
    },
  },
  {
    // Every vBulletin 4 skin (postbit, postbit_legacy, webhostingtalk's, msworld's): an element #post_<id>
    // holding the body #post_message_<id>, whatever its tag and classes.
    version: 'vbulletin4',
    posts: (doc) =>
      Array.from(doc.querySelectorAll('[id^="post_"]')).filter((p) => {
        const id = idAfter(p, 'post_');
        return id && p.ownerDocument.getElementById(`post_message_${id}`) && p.contains(messageOf(p, id));
      }),
    read(post, base) {
      const id = idAfter(post, 'post_');
      const link =
        post.querySelector('a.username') ?? post.querySelector('a[href*="member.php"]:not([class*="siteicon"])');
      const raw: RawComment = {
        author: text(link) || text(post.querySelector('.username, [itemprop="author"]')),
        postId: id,
        timeText: text(post.querySelector('.date') ?? post.querySelector('.postdate')),
        voteText: null,
        body: id ? messageOf(post, id) : null,
        signature: post.querySelector('.signaturecontainer') ?? post.querySelector('.signature'),
        number: postNumber(post.querySelector('a.postcounter')),
      };
      return withAuthor(raw, link, base);
    },
  },
  {
    version: 'vbulletin3',
    posts: (doc) => Array.from(doc.querySelectorAll('table.tborder')).filter((p) => idAfter(p, 'post')),
    read(post, base) {
      const link = post.querySelector('a.bigusername');
      const id = idAfter(post, 'post');
      const raw: RawComment = {
        author: text(link),
        postId: id,
        timeText: text(post.querySelector('td.thead')),
        voteText: null,
        body: id ? post.ownerDocument.getElementById(`post_message_${id}`) : null,
      };
      return withAuthor(raw, link, base);
    },
  },
];

function locate(doc: Document, url: URL): LocatedSection[] {
  const out: LocatedSection[] = [];
  for (const markup of MARKUPS) {
    const posts = markup.posts(doc);
    const root = postsRoot(posts);
    if (!root) continue;
    const first = posts[0];
    const onFirstPage = !/[?&](?:page=|pagenumber=)(?!1\b)\d+|\/page\d+/i.test(url.href);
    out.push({
      root,
      blocks: posts,
      read: (post) => {
        const raw = markup.read(post, url.href);
        if (post === first && onFirstPage) raw.opening = true;
        return raw;
      },
      quotes,
      base: url.href,
      heading: text(doc.querySelector('h1')) || text(doc.querySelector('title')) || 'Thread',
      source: markup.version,
      ...pagesOf(doc, url),
    });
  }
  return out;
}

export const vbulletin: SiteModule = pagedEngine('vbulletin', locate);
