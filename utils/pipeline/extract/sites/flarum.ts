import type { DataSection, PageData, SiteAdapter, SiteModule } from '@/utils/pipeline/extract/adapter';
import {
  eachFlarumComment,
  payloadApiUrl,
  preloadedDiscussion,
  readFlarumDocument,
  type FlarumDiscussion,
} from '@/utils/pipeline/extract/data/flarum';

// Flarum, an app (its server copy sits in `noscript#flarum-content`): the section is read from the platform's
// data (extract/data/flarum.ts), the discussion the page preloads while the address is its, else
// `/api/discussions/<id>` (fetched by the content app, same origin: `wants`). The view goes where the app
// draws the discussion's post stream (`.PostStream`, whose items name their post ids), or where it has drawn
// nothing (its empty `#content`).

/** The page is a Flarum app's: its payload, its server copy or its loading line. */
export const isFlarum = (doc: Document): boolean =>
  doc.getElementById('flarum-json-payload') !== null ||
  doc.querySelector('noscript#flarum-content') !== null ||
  doc.getElementById('flarum-loading') !== null;

/** The discussion an address shows: `/d/<id>[-slug][/<post number>]`, in any subfolder. */
export const discussionIdOf = (path: string): string | null =>
  /\/d\/(\d{1,15})(?:-[^/]*)?(?:\/\d+)?\/?$/.exec(path)?.[1] ?? null;

/**
 * The discussion the page shows: by its address, else (a page kept or served under another address) by its
 * canonical link, and then only the discussion the page preloads, where the app has drawn no post stream.
 */
function shownDiscussion(doc: Document, url: URL): string | null {
  // Where the app runs, its address is the truth (it may have navigated to a page that is no discussion).
  if (/\/d\/\d/.test(url.pathname) || doc.querySelector('.PostStream')) return discussionIdOf(url.pathname);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  let id: string | null = null;
  try {
    id = discussionIdOf(new URL(canonical, url.href).pathname);
  } catch {
    return null;
  }
  return id !== null && id === preloadedDiscussion(doc)?.id ? id : null;
}

/** Where the forum lives on its origin ("" at the root). */
const prefixOf = (path: string) => /^(.*?)\/d\/\d/.exec(path)?.[1] ?? '';

/** The forum's API: the payload's own `apiUrl` when on this origin, else `<prefix>/api`. */
function apiOf(doc: Document, url: URL): string {
  const given = payloadApiUrl(doc);
  try {
    if (given && new URL(given).origin === url.origin) return given.replace(/\/$/, '');
  } catch {
    // an address that does not parse: the forum's usual one
  }
  return `${url.origin}${prefixOf(url.pathname)}/api`;
}

/** Everything known of discussion `id`: the preloaded document when it is its, and the fetched one, merged. */
function knownDiscussion(doc: Document, url: URL, id: string, data?: PageData): FlarumDiscussion | null {
  const preloaded = preloadedDiscussion(doc);
  const fetched = readFlarumDocument(data?.get(`${apiOf(doc, url)}/discussions/${id}`));
  const parts = [preloaded, fetched].filter((d): d is FlarumDiscussion => d?.id === id);
  if (parts.length === 0) return null;
  const posts = new Map(parts.flatMap((d) => d.posts.map((p) => [p.id, p] as const)));
  const users = new Map(parts.flatMap((d) => Array.from(d.users)));
  return {
    id,
    title: parts.find((d) => d.title)?.title ?? '',
    posts: Array.from(posts.values()).sort((a, b) => a.number - b.number),
    stream: parts.find((d) => d.stream)?.stream ?? null,
    users,
    events: parts.flatMap((d) => d.events),
  };
}

/** Whether the known posts begin where the discussion begins. */
const startsAtFirst = (d: FlarumDiscussion) =>
  d.posts[0]?.number === 1 || (d.stream !== null && d.posts[0]?.id === d.stream[0]);

/** Where the view goes: before the app's post stream of this discussion, or its empty content root. */
function mountOf(doc: Document, d: FlarumDiscussion): Element | null {
  const stream = doc.querySelector('.PostStream');
  if (stream) {
    const ids = new Set(d.stream ?? d.posts.map((p) => p.id));
    const item = stream.querySelector('.PostStream-item[data-id]');
    return item && ids.has(item.getAttribute('data-id') ?? '') ? stream : null;
  }
  const content = doc.getElementById('content');
  return content && content.children.length === 0 ? content : null;
}

function wants(doc: Document, url: URL, data: PageData): string | null {
  const id = isFlarum(doc) ? shownDiscussion(doc, url) : null;
  if (id === null) return null;
  const known = knownDiscussion(doc, url, id, data);
  if (known && startsAtFirst(known)) return null;
  const address = `${apiOf(doc, url)}/discussions/${id}`;
  return data.get(address) === undefined ? address : null;
}

function locate(doc: Document, url: URL, data?: PageData): DataSection[] {
  const id = isFlarum(doc) ? shownDiscussion(doc, url) : null;
  const discussion = id === null ? null : knownDiscussion(doc, url, id, data);
  const root = discussion && mountOf(doc, discussion);
  if (!discussion || !root || discussion.posts.length === 0) return [];
  const base = `${url.origin}${prefixOf(url.pathname)}/d/${discussion.id}`;
  // The posts to have: every one listed but the events already read (no comments, nothing to load).
  const events = new Set(discussion.events);
  const posts = (discussion.stream ?? discussion.posts.map((p) => p.id)).filter((p) => !events.has(p));
  const section: DataSection = {
    root,
    heading: discussion.title || doc.title,
    source: 'flarum',
    comments: eachFlarumComment(discussion.posts, discussion.users, base),
    topic: { platform: 'flarum', url: base, id: discussion.id, posts, api: apiOf(doc, url) },
  };
  const missing = posts.length - discussion.posts.length;
  if (missing > 0) section.more = { count: missing, url: base };
  return [section];
}

const adapter: SiteAdapter = { locate, wants, claims: isFlarum };

/** Flarum on any site the reader enables. */
export const flarum: SiteModule = { id: 'flarum', hosts: [], paths: '/*', adapter };
