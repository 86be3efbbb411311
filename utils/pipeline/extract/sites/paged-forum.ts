import type { Comment } from '@/utils/pipeline/model';
import type { ForumKnowledge, LocatedSection } from '@/utils/pipeline/extract/adapter';
import { extractLocated } from '@/utils/pipeline/extract/convert';
import { threadPages } from '@/utils/pipeline/extract/forum-common';

// Forum knowledge for engines whose page addresses are read off the page's own pagination (phpBB's start=,
// vBulletin's page=N or /pageN, Invision's /page/N/, Vanilla's -pN): the section carries every page's
// address (CommentSection.pages), so "Load full discussion" follows them. What may be fetched is the
// background's decision (a page on the asking tab's own origin, granted by the reader).

/** Every page of the thread the section is on, as a LocatedSection's fields (none for a one-page thread). */
export function pagesOf(doc: Document, url: URL): Pick<LocatedSection, 'pages' | 'discussionUrl'> {
  const pages = threadPages(doc, url.href);
  return pages ? { pages, discussionUrl: pages[0] } : {};
}

export function pagedForum(locate: (doc: Document, url: URL) => LocatedSection[]): ForumKnowledge {
  return {
    isThreadPath: () => true,
    pageCount: (doc) => threadPages(doc, 'https://forum.invalid/')?.length ?? 1,
    pageUrl: (threadUrl) => threadUrl,
    threadKey: (threadUrl) => threadUrl.replace(/#.*$/, ''),
    readPage(doc: Document, url: URL): Comment[] {
      const [located] = locate(doc, url);
      return located ? (extractLocated(located)?.comments ?? []) : [];
    },
  };
}
