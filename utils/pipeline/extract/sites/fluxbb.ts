import { boardSection, pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import type { QuoteReader } from '@/utils/pipeline/extract/body';
import { childMatching, postNumber, text, within, withUrls } from '@/utils/pipeline/extract/fields';
import { citedQuote, idAfter } from '@/utils/pipeline/extract/forum-common';

// FluxBB 1.4–1.5 and PunBB 1.3–1.4 (built on fluxbb-archlinux-298271-quotes.html, bbs.archlinux.org, and
// PunBB's templates as SITES.md describes them).
// FluxBB: div.blockpost#p<id> (`firstpost` on the topic's first post), author `.postleft dt` (a profile link
//   when the reader may see profiles, else plain <strong>), time in the h2's permalink, body div.postmsg,
//   signature div.postsignature.
// PunBB: div.post#p<id> (`firstpost`), author `.post-byline .username` / `em`, time a.permalink, body
//   `.entry-content`, signature `.sig-content`.
// Quotes (both): div.quotebox > [cite "X wrote:"] + blockquote; no post id ever, so they match by name and
// text; a quotebox without a cite is a bare [quote].

const quotes: QuoteReader = {
  isQuote: (el) => el.classList.contains('quotebox'),
  read: (el) => {
    const cite = childMatching(el, 'cite');
    return citedQuote(el, cite, childMatching(el, 'blockquote') ?? el);
  },
};

function readFlux(post: Element, base: string, first: boolean): RawComment {
  const name = within(post, '.postleft', 'dt');
  const link = name?.querySelector('a[href]');
  const permalink = within(post, 'h2', 'a[href]');
  const raw: RawComment = {
    author: text(link ?? name),
    postId: idAfter(post, 'p'),
    timeText: text(permalink),
    voteText: null,
    body: post.querySelector('.postmsg:not(.postsignature)'),
    signature: post.querySelector('.postsignature'),
    number: postNumber(within(post, 'h2', '.conr')),
  };
  if (first && post.classList.contains('firstpost')) raw.opening = true;
  return withUrls(raw, base, { member: link?.getAttribute('href'), post: permalink?.getAttribute('href') });
}

function readPun(post: Element, base: string, first: boolean): RawComment {
  const byline = post.querySelector('.post-byline');
  const link = byline?.querySelector('a[href]');
  const permalink = post.querySelector('a.permalink');
  const raw: RawComment = {
    author: text(link ?? byline?.querySelector('.username, em')),
    postId: idAfter(post, 'p'),
    timeText: text(permalink),
    voteText: null,
    body: post.querySelector('.entry-content'),
    signature: post.querySelector('.sig-content'),
    number: postNumber(post.querySelector('.post-num')),
  };
  if (first && post.classList.contains('firstpost')) raw.opening = true;
  return withUrls(raw, base, { member: link?.getAttribute('href'), post: permalink?.getAttribute('href') });
}

function locate(doc: Document, url: URL): LocatedSection[] {
  // The topic's title: the crumbs' last (strong) item in FluxBB, the main head in PunBB; h1 is the board's.
  const heading =
    text(within(doc.querySelector('.crumbs'), 'strong')) || text(doc.querySelector('.main-head h2')) || 'Topic';
  const flux = Array.from(doc.querySelectorAll('div.blockpost')).filter(
    (p) => idAfter(p, 'p') && p.querySelector('.postmsg'),
  );
  if (flux.length)
    return boardSection(doc, url, {
      posts: flux,
      read: (post, first) => readFlux(post, url.href, first),
      quotes,
      source: 'fluxbb',
      heading,
    });
  const pun = Array.from(doc.querySelectorAll('div.post')).filter(
    (p) => idAfter(p, 'p') && p.querySelector('.entry-content') && p.querySelector('.post-byline'),
  );
  return boardSection(doc, url, {
    posts: pun,
    read: (post, first) => readPun(post, url.href, first),
    quotes,
    source: 'punbb',
    heading,
  });
}

export const fluxbb: SiteModule = pagedEngine('fluxbb', locate);
