import type { DataSection, PageData, SiteAdapter, SiteModule } from '@/utils/pipeline/extract/adapter';
import {
  eachTopicComment,
  preloadedTopic,
  readTopic,
  topicUrl,
  type DiscoursePost,
  type DiscourseTopic,
} from '@/utils/pipeline/extract/data/discourse';

// Discourse, an app: its posts are drawn by scripts (the server's copy sits in <noscript>), so the section is
// read from the platform's data (extract/data/discourse.ts), never from the app's markup: the topic the page
// preloads (`#data-preloaded`) while the address is that topic's, else `/t/<id>.json` (fetched by the content
// app, same origin: `wants`). The view goes where the app draws the topic's post stream, or, where the app has
// drawn nothing (scripts blocked or failed), where its splash or empty root is. The app redrawing or
// "cloaking" posts changes nothing read here.

/** The page is a Discourse app's: its generator, its setup element, or its preloaded data for the app. */
export const isDiscourse = (doc: Document): boolean =>
  /^Discourse\b/.test(doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '') ||
  doc.getElementById('data-discourse-setup') !== null ||
  (doc.getElementById('data-preloaded')?.hasAttribute('data-preloaded') ?? false);

/** Where the install lives: "" at the root, "/forum" in a subfolder (the app's own setting, else the path). */
function prefixOf(doc: Document, path: string): string {
  const base = doc.getElementById('data-discourse-setup')?.getAttribute('data-base-uri');
  if (base && /^\/[^?#]*$/.test(base) && path.startsWith(`${base}/t/`)) return base.replace(/\/$/, '');
  return /^(.*?)\/t\//.exec(path)?.[1] ?? '';
}

const NUMERIC = /^\d{1,12}$/;

/**
 * The topic an address shows: `/t/<slug>/<id>[/<post>]`, `/t/<id>[/<post>]`. Two numbers are an id and a post
 * unless the preloaded topic is the second (a numeric slug).
 */
export function topicIdOf(path: string, preloaded: number | null): number | null {
  const at = /\/t\/([^?#]+?)\/?$/.exec(path);
  if (!at) return null;
  const parts = at[1]!.split('/');
  if (parts.some((p) => p.endsWith('.json'))) return null;
  if (parts.length >= 3) return NUMERIC.test(parts[1]!) ? Number(parts[1]) : null;
  const [first, second] = parts;
  if (second === undefined) return NUMERIC.test(first!) ? Number(first) : null;
  if (!NUMERIC.test(second)) return NUMERIC.test(first!) ? Number(first) : null;
  if (!NUMERIC.test(first!) || Number(second) === preloaded) return Number(second);
  return Number(first);
}

/**
 * The topic the page shows: by its address, else (a page kept or served under another address) by the address
 * the server wrote it for (`noscript[data-path]`, the canonical link). Only a topic the page also preloads
 * is shown that way, and only where the app has drawn no post stream.
 */
function shownTopic(doc: Document, url: URL): number | null {
  const preloaded = preloadedTopic(doc)?.id ?? null;
  // Where the app runs, its address is the truth (it may have navigated to a page that is no topic).
  if (/\/t\//.test(url.pathname) || doc.querySelector('.post-stream')) return topicIdOf(url.pathname, preloaded);
  const served = doc.querySelector('noscript[data-path]')?.getAttribute('data-path') ?? '';
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const id = topicIdOf(served, preloaded) ?? topicIdOf(pathOf(canonical), preloaded);
  return id !== null && id === preloaded ? id : null;
}

const pathOf = (href: string) => {
  try {
    return new URL(href, 'https://invalid.invalid/').pathname;
  } catch {
    return '';
  }
};

/** The topic JSON address for a topic of this install. */
const topicJson = (url: URL, prefix: string, id: number) => `${url.origin}${prefix}/t/${id}.json`;

/** Everything known of topic `id`: the preloaded posts (when they are its) and the fetched topic, merged. */
function knownTopic(doc: Document, url: URL, id: number, data?: PageData): DiscourseTopic | null {
  const preloaded = preloadedTopic(doc);
  const mine = preloaded?.id === id ? preloaded : null;
  const fetched = readTopic(data?.get(topicJson(url, prefixOf(doc, url.pathname), id)));
  const parts = [mine, fetched?.id === id ? fetched : null].filter((t): t is DiscourseTopic => t !== null);
  if (parts.length === 0) return null;
  const posts = new Map<number, DiscoursePost>();
  for (const part of parts) for (const p of part.posts) posts.set(p.id, p);
  const stream = parts.find((p) => p.stream)?.stream ?? null;
  const ordered = Array.from(posts.values()).sort((a, b) => a.number - b.number);
  return { id, title: parts.find((p) => p.title)?.title ?? '', posts: ordered, stream };
}

/** Whether the known posts begin where the topic begins (its first post is there). */
const startsAtFirst = (topic: DiscourseTopic) =>
  topic.posts[0]?.number === 1 || (topic.stream !== null && topic.posts[0]?.id === topic.stream[0]);

/** The topic the app's post stream shows, by its posts' data-topic-id or the title's. */
function drawnTopic(doc: Document, stream: Element): number {
  const post = stream.querySelector('article[data-topic-id]') ?? doc.querySelector('h1[data-topic-id]');
  return Number(post?.getAttribute('data-topic-id') ?? NaN);
}

/**
 * Where the view goes: before the app's post stream of this topic; where the app has drawn nothing, before its
 * splash or its empty root. Null while the app is drawing (another topic's stream, or no stream yet).
 */
function mountOf(doc: Document, id: number): Element | null {
  const stream = doc.querySelector('.post-stream');
  if (stream) return drawnTopic(doc, stream) === id ? stream : null;
  const splash = doc.getElementById('d-splash');
  if (splash) return splash;
  const root = doc.querySelector('section#main');
  return root && root.children.length === 0 ? root : null;
}

function wants(doc: Document, url: URL, data: PageData): string | null {
  if (!isDiscourse(doc)) return null;
  const id = shownTopic(doc, url);
  if (id === null) return null;
  const known = knownTopic(doc, url, id, data);
  if (known && startsAtFirst(known)) return null;
  const address = topicJson(url, prefixOf(doc, url.pathname), id);
  return data.get(address) === undefined ? address : null;
}

function locate(doc: Document, url: URL, data?: PageData): DataSection[] {
  if (!isDiscourse(doc)) return [];
  const id = shownTopic(doc, url);
  const topic = id === null ? null : knownTopic(doc, url, id, data);
  const root = topic && mountOf(doc, topic.id);
  if (!topic || !root) return [];
  const base = topicUrl(url.href, topic.id);
  const posts = (topic.stream ?? topic.posts.map((p) => p.id)).map(String);
  const section: DataSection = {
    root,
    heading: topic.title || doc.title,
    source: 'discourse',
    comments: eachTopicComment(topic, base),
    topic: { platform: 'discourse', url: base, id: String(topic.id), posts },
  };
  const missing = posts.length - topic.posts.length;
  if (missing > 0) section.more = { count: missing, url: base };
  return [section];
}

const adapter: SiteAdapter = { locate, wants, claims: isDiscourse };

/** Discourse on any site the reader enables (custom domains and subfolder installs alike). */
export const discourse: SiteModule = { id: 'discourse', hosts: [], paths: '/*', adapter };
