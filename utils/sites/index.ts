import type { CommentSection } from '../model';
import { extractLocated, extractLocatedInSlices, type SiteAdapter } from './adapter';
import { macrumorsArticle } from './macrumors';
import { xenforoThread } from './xenforo';

export const ADAPTERS: SiteAdapter[] = [xenforoThread, macrumorsArticle];

/** Loopback hosts (test builds only) are treated as article pages, or forum threads under /threads/. */
function forUrl(url: URL): SiteAdapter | undefined {
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (loopback) return /\/threads\//.test(url.pathname) ? xenforoThread : macrumorsArticle;
  return ADAPTERS.find((a) => a.matches(url));
}

/** Finds the page's comment section; any failure means "no section", so the page stays as it was. */
export function findSection(doc: Document, href: string): CommentSection | null {
  try {
    const url = new URL(href);
    for (const located of forUrl(url)?.locate(doc, url) ?? []) {
      const section = extractLocated(located);
      if (section) return section;
    }
  } catch {
    // bad markup: step aside
  }
  return null;
}

/** The same, reading blocks a slice per task (long sections on first load). */
export async function findSectionInSlices(doc: Document, href: string, slice: number, nextTask: () => Promise<void>): Promise<CommentSection | null> {
  try {
    const url = new URL(href);
    for (const located of forUrl(url)?.locate(doc, url) ?? []) {
      const section = await extractLocatedInSlices(located, slice, nextTask);
      if (section) return section;
    }
  } catch {
    // bad markup: step aside
  }
  return null;
}
