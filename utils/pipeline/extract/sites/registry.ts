import type { ForumKnowledge, SiteModule } from '@/utils/pipeline/extract/adapter';
import { escapeRegExp } from '@/utils/pipeline/text';
import { macrumorsArticles } from './macrumors';
import { macrumorsForum } from './xenforo';

// Every site and engine Threadlight knows, in one list. The content script's matches and the host
// permissions (wxt.config.ts, entrypoints/content), the forum-fetch policy, the settings page's list of sites
// and the tests all read it: adding a site is one module in this folder and one line here.

export const SITES: readonly SiteModule[] = [macrumorsArticles, macrumorsForum];

/** A match-pattern path ("/threads/*") as a test of an address's path. */
function pathTest(pattern: string): RegExp {
  const body = pattern.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${body}$`);
}

/** An https address on one of the site's hosts. */
const onHost = (site: SiteModule, url: URL) =>
  url.protocol === 'https:' && site.hosts.includes(url.hostname.toLowerCase());
const onSite = (site: SiteModule, url: URL) => onHost(site, url) && pathTest(site.paths).test(url.pathname);

/** Loopback hosts serve the fixtures in tests (test builds only reach them): article pages, or forum threads. */
export const isLoopback = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost';

/**
 * What reads pages of sites that are not built in (sites/any-site.ts): set by the content script that runs
 * on sites the reader enabled, so the engines stay out of the script that runs on the built-in sites.
 */
let otherSites: SiteModule | undefined;
export function useForOtherSites(site: SiteModule): void {
  otherSites = site;
}

/** On a site the reader added: the forum knowledge of the engine this section was read with, if a forum. */
export function otherSiteForum(url: URL, source: string): ForumKnowledge | undefined {
  if (SITES.some((s) => onHost(s, url))) return undefined;
  const forum = otherSites?.forumFor?.(source);
  return forum?.isThreadPath(url) ? forum : undefined;
}

/**
 * The site a page belongs to: a built-in one by host and path, else (where set) the reader's sites module.
 * On loopback (test builds), /sites/… pages are the reader's sites, else a forum by its thread path, else an
 * article.
 */
export function siteFor(url: URL): SiteModule | undefined {
  if (isLoopback(url)) {
    if (url.pathname.startsWith('/sites/')) return otherSites;
    return SITES.find((s) => s.forum?.isThreadPath(url)) ?? SITES.find((s) => !s.forum);
  }
  return SITES.some((s) => onHost(s, url)) ? SITES.find((s) => onSite(s, url)) : otherSites;
}

/** The forum site whose thread this address is (https, a registered host, a thread path). */
export function forumFor(url: URL): SiteModule | undefined {
  return SITES.find((s) => s.forum && onHost(s, url) && s.forum.isThreadPath(url));
}

/** The content script's match patterns. */
export const contentMatches = (): string[] => SITES.flatMap((s) => s.hosts.map((host) => `https://${host}${s.paths}`));

/** The built-in sites' origins ("https://www.macrumors.com/*"): their host permissions. */
export const builtInOrigins = (): string[] =>
  Array.from(new Set(SITES.flatMap((s) => s.hosts.map((h) => `https://${h}/*`))));

/** Whether Threadlight runs on this address without the reader enabling it. */
export const isBuiltIn = (url: URL): boolean => SITES.some((s) => onSite(s, url));

/** Switches shown in settings, one per host without "www." (the key preferences use). */
export const siteKeys = (): string[] =>
  Array.from(new Set(SITES.flatMap((s) => s.hosts.map((h) => h.toLowerCase().replace(/^www\./, '')))));
