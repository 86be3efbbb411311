import type { Comment } from '@/utils/pipeline/model';
import type {
  ForumKnowledge,
  LocatedSection,
  RawComment,
  SiteAdapter,
  SiteModule,
} from '@/utils/pipeline/extract/adapter';
import type { QuoteReader } from '@/utils/pipeline/extract/body';
import { extractLocated } from '@/utils/pipeline/extract/convert';
import { postsRoot, threadPages } from '@/utils/pipeline/extract/forum-common';

// Forum knowledge for engines whose page addresses are read off the page's own pagination (phpBB's start=,
// vBulletin's page=N or /pageN, Invision's /page/N/, Vanilla's -pN): the section carries every page's
// address (CommentSection.pages), so "Load full discussion" follows them. What may be fetched is the
// background's decision (a page on the asking tab's own origin, granted by the reader).

/** Every page of the thread the section is on, as a LocatedSection's fields (none for a one-page thread). */
export function pagesOf(doc: Document, url: URL): Pick<LocatedSection, 'pages' | 'discussionUrl'> {
  const pages = threadPages(doc, url.href);
  return pages ? { pages, discussionUrl: pages[0] } : {};
}

type Locate = (doc: Document, url: URL) => LocatedSection[];

/** Every post of a fetched page, read with the engine's own locate (its first candidate). */
export function pageReader(locate: Locate): (doc: Document, url: URL) => Comment[] {
  return (doc, url) => {
    const [located] = locate(doc, url);
    return located ? (extractLocated(located)?.comments ?? []) : [];
  };
}

export function pagedForum(locate: Locate): ForumKnowledge {
  return {
    isThreadPath: () => true,
    pageCount: (doc) => threadPages(doc, 'https://forum.invalid/')?.length ?? 1,
    pageUrl: (threadUrl) => threadUrl,
    pageUrls: (doc, url) => threadPages(doc, url.href),
    threadKey: (threadUrl) => threadUrl.replace(/#.*$/, ''),
    readPage: pageReader(locate),
  };
}

/** What a board engine module says about one page: its posts, how to read one, and how quotes look. */
export interface BoardPage {
  posts: Element[];
  read(post: Element, first: boolean): RawComment;
  quotes: QuoteReader;
  source: string;
  heading: string;
}

/**
 * The section of a board page whose posts are listed in page order (FluxBB, SMF, MyBB, NodeBB …): its root
 * is the posts' common parent, the first post is told as such, and the page's pagination gives the thread's
 * other pages.
 */
export function boardSection(doc: Document, url: URL, page: BoardPage): LocatedSection[] {
  const root = postsRoot(page.posts);
  if (!root) return [];
  const first = page.posts[0];
  return [
    {
      root,
      blocks: page.posts,
      read: (post) => page.read(post, post === first),
      quotes: page.quotes,
      base: url.href,
      heading: page.heading,
      source: page.source,
      ...pagesOf(doc, url),
    },
  ];
}

/**
 * An engine found by its markup on sites the reader enables: no hosts of its own, pages by its pagination.
 * `declined`: where it recognises its markup but the tree does not read (then no other reader may guess).
 */
export function pagedEngine(id: string, locate: Locate, declined?: SiteAdapter['declined']): SiteModule {
  const adapter: SiteAdapter = declined ? { locate, declined } : { locate };
  return { id, hosts: [], paths: '/*', adapter, forum: pagedForum(locate) };
}
