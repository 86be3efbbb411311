import type { CommentSection } from '@/utils/pipeline/model';
import { runAll, type Steps } from '@/utils/pipeline/steps';
import type { PageData } from './adapter';
import { extractSteps } from './convert';
import { siteFor } from './sites/registry';

/** No platform data fetched (pages whose discussion is all in their markup, or tests). */
const NO_DATA: PageData = { get: () => undefined };

/**
 * The page's comment section: its site adapter's candidates in order, the first that reads as comments.
 * Any failure means "no section", so the page stays as it was. `data`: platform JSON fetched for the page.
 */
export function* findSectionSteps(
  doc: Document,
  href: string,
  slice: number,
  data: PageData = NO_DATA,
): Steps<CommentSection | null> {
  try {
    const url = new URL(href);
    for (const located of siteFor(url)?.adapter.locate(doc, url, data) ?? []) {
      const section = yield* extractSteps(located, slice);
      if (section) return section;
    }
  } catch {
    // bad markup or data: step aside
  }
  return null;
}

export function findSection(doc: Document, href: string, data: PageData = NO_DATA): CommentSection | null {
  return runAll(findSectionSteps(doc, href, Number.POSITIVE_INFINITY, data));
}

/** The same-origin platform data the page's discussion needs and `data` does not hold yet, if any. */
export function wantedData(doc: Document, href: string, data: PageData): string | null {
  try {
    const url = new URL(href);
    return siteFor(url)?.adapter.wants?.(doc, url, data) ?? null;
  } catch {
    return null;
  }
}

/** Why the page's discussion was left as it was, when its site's adapter can say (no section was found). */
export function whyNoSection(doc: Document, href: string): 'unclear-tree' | null {
  try {
    const url = new URL(href);
    return siteFor(url)?.adapter.declined?.(doc, url) ?? null;
  } catch {
    return null;
  }
}
