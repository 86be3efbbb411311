import type { CommentSection } from '@/utils/pipeline/model';
import { runAll, type Steps } from '@/utils/pipeline/steps';
import { extractSteps } from './convert';
import { siteFor } from './sites/registry';

/**
 * The page's comment section: its site adapter's candidates in order, the first that reads as comments.
 * Any failure means "no section", so the page stays as it was.
 */
export function* findSectionSteps(doc: Document, href: string, slice: number): Steps<CommentSection | null> {
  try {
    const url = new URL(href);
    for (const located of siteFor(url)?.adapter.locate(doc, url) ?? []) {
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

/** Why the page's discussion was left as it was, when its site's adapter can say (no section was found). */
export function whyNoSection(doc: Document, href: string): 'unclear-tree' | null {
  try {
    const url = new URL(href);
    return siteFor(url)?.adapter.declined?.(doc, url) ?? null;
  } catch {
    return null;
  }
}
