import type { CommentSection } from '@/utils/pipeline/model';
import { extractSteps, type SiteAdapter } from './adapter';
import { runAll, type Steps } from '@/utils/pipeline/steps';
import { macrumorsArticle } from '@/utils/pipeline/extract/sites/macrumors';
import { xenforoThread } from '@/utils/pipeline/extract/sites/xenforo';

export const ADAPTERS: SiteAdapter[] = [xenforoThread, macrumorsArticle];

/** Loopback hosts (test builds only) are treated as article pages, or forum threads under /threads/. */
function forUrl(url: URL): SiteAdapter | undefined {
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (loopback) return /\/threads\//.test(url.pathname) ? xenforoThread : macrumorsArticle;
  return ADAPTERS.find((a) => a.matches(url));
}

/**
 * The page's comment section: the adapter's candidates in order, the first that reads as comments.
 * Any failure means "no section", so the page stays as it was.
 */
export function* findSectionSteps(doc: Document, href: string, slice: number): Steps<CommentSection | null> {
  try {
    const url = new URL(href);
    for (const located of forUrl(url)?.locate(doc, url) ?? []) {
      const section = yield* extractSteps(located, slice);
      if (section) return section;
    }
  } catch {
    // bad markup: step aside
  }
  return null;
}

export function findSection(doc: Document, href: string): CommentSection | null {
  return runAll(findSectionSteps(doc, href, Number.POSITIVE_INFINITY));
}
