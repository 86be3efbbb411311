import type { LocatedSection, PageData, SiteAdapter, SiteModule } from '@/utils/pipeline/extract/adapter';
import { ENGINES } from './engines';
import { locateByForumSignals, treeConflict } from '@/utils/pipeline/extract/forum-signals';

// A site the reader enabled: no host is known in advance, so the page's markup says which engine it runs
// (engines.ts, in order), and when none knows it, what a reader sees (forum-signals.ts).

/**
 * An engine that recognised its own tree but cannot read it (Hacker News rows whose depths skip, new Reddit
 * comments whose parentid disagrees with where they sit): no other reader may guess at it.
 */
const engineDeclined = (doc: Document, url: URL): boolean =>
  ENGINES.some((engine) => engine.adapter.declined?.(doc, url));

function* locateAny(doc: Document, url: URL, data?: PageData): Iterable<LocatedSection> {
  for (const engine of ENGINES) {
    yield* engine.adapter.locate(doc, url, data);
    if (engine.adapter.claims?.(doc)) return;
  }
  if (engineDeclined(doc, url)) return;
  const bySignals = locateByForumSignals(doc, url.href);
  if (bySignals) yield bySignals;
}

/** Comments that look nested but whose tree does not read: a known site's, or a board's of its own. */
const declined = (doc: Document, url: URL): 'unclear-tree' | null =>
  engineDeclined(doc, url) || treeConflict(doc) ? 'unclear-tree' : null;

/**
 * Long server-drawn trees held out of the layout while the parser builds them (utils/content/hold.ts): Hacker
 * News' comment table (2,000 rows of nested tables laid out for nothing cost Chromium ~300 ms before the view)
 * and old Reddit's listing.
 */
const HOLD = 'table.comment-tree, div.commentarea > div.sitetable.nestedlisting';

/** The platform data an app forum's engine needs for this page (the first that needs any). */
function wants(doc: Document, url: URL, data: PageData): string | null {
  for (const engine of ENGINES) {
    const wanted = engine.adapter.wants?.(doc, url, data);
    if (wanted) return wanted;
  }
  return null;
}

const adapter: SiteAdapter = { locate: locateAny, declined, wants, holdSelector: HOLD };

/** Every site the reader enables (hosts come from their permissions, not from here). */
export const anySite: SiteModule = {
  id: 'any',
  hosts: [],
  paths: '/*',
  adapter,
  forumFor: (source) => engineOf(source)?.forum,
};

/** The engine module whose markup this section was read with (its forum knowledge, for pagination). */
export const engineOf = (source: string): SiteModule | undefined =>
  ENGINES.find((e) => e.id === source) ?? ENGINES.find((e) => source.startsWith(e.id));
