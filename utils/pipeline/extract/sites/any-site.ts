import type { LocatedSection, SiteAdapter, SiteModule } from '@/utils/pipeline/extract/adapter';
import { ENGINES } from './engines';
import { locateByForumSignals } from '@/utils/pipeline/extract/forum-signals';

// A site the reader enabled: no host is known in advance, so the page's markup says which engine it runs
// (engines.ts, in order), and when none knows it, what a reader sees (forum-signals.ts).

function* locateAny(doc: Document, url: URL): Iterable<LocatedSection> {
  for (const engine of ENGINES) yield* engine.adapter.locate(doc, url);
  const bySignals = locateByForumSignals(doc, url.href);
  if (bySignals) yield bySignals;
}

const adapter: SiteAdapter = { locate: locateAny };

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
