import { t } from '@/utils/platform/i18n';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { forumBase, readTopic, type DiscoursePost } from '@/utils/pipeline/extract/data/discourse';

// The rest of a Discourse topic, from the platform's own JSON on the page's own origin (the reader's session,
// so they get what the site shows them): the stream's post ids not loaded yet, in batches of at most 50, one
// request at a time, politely (a 429's Retry-After is waited out, up to a minute). A login wall, an answer that
// is not this topic, or any other failure ends the load with a message; what was loaded is kept.

/** Posts per request: the platform's own batch size for /posts.json. */
export const BATCH = 50;
/** The longest wait a site may ask for before the load gives up and says so. */
const MAX_WAIT_S = 60;

export interface TopicLoad {
  /** The topic's address without a post number (`https://forum.example.org/sub/t/slug/123`). */
  topicUrl: string;
  topicId: number;
  /** Every post id of the topic, in order (post_stream.stream). */
  stream: number[];
  /** Post ids already loaded. */
  have: ReadonlySet<number>;
  /** Fetches a same-origin address (fetchSameOrigin in the content script). */
  get(url: string): Promise<ForumPageResult>;
  /** Each batch as it arrives: its posts, and how many of the stream are loaded now. */
  onBatch(posts: DiscoursePost[], loaded: number): void;
  signal?: AbortSignal;
  sleep?(ms: number): Promise<void>;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** `/t/<id>/posts.json?post_ids[]=1&post_ids[]=2…` for one batch. */
export function batchUrl(topicUrl: string, id: number, ids: readonly number[]): string {
  const query = ids.map((n) => `post_ids[]=${n}`).join('&');
  return `${forumBase(topicUrl)}/t/${id}/posts.json?${query}`;
}

/** What one batch's answer holds: the posts read, and the ids of every post it answered with. */
export interface BatchAnswer<T> {
  items: T[];
  ids: string[];
}

/** Posts of a topic loaded by id, in polite batches: any platform whose API answers "these posts, please". */
export interface BatchLoad<T> {
  /** Every post id of the topic, in order. */
  stream: readonly string[];
  have: ReadonlySet<string>;
  /** The address that answers with these posts. */
  url(ids: readonly string[]): string;
  /** An answer to a request for `asked`, read: null when it is not this topic's posts. */
  read(json: unknown, asked: readonly string[]): BatchAnswer<T> | null;
  get(url: string): Promise<ForumPageResult>;
  onBatch(items: T[], loaded: number): void;
  signal?: AbortSignal;
  sleep?(ms: number): Promise<void>;
}

/** How one request goes: its address, how its answer reads, and the load's politeness. */
interface Asking<T> {
  url: string;
  read(json: unknown): T | null;
  get(url: string): Promise<ForumPageResult>;
  signal?: AbortSignal;
  sleep?(ms: number): Promise<void>;
}

/** One request, answered or refused; waits out a 429 once (up to a minute). */
async function ask<T>(asking: Asking<T>): Promise<T | string> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await asking.get(asking.url);
    if (res.ok) {
      let json: unknown;
      try {
        json = JSON.parse(res.html);
      } catch {
        return t('topicWrongShape');
      }
      return asking.read(json) ?? t('topicWrongShape');
    }
    if (res.status === 401 || res.status === 403) return t('topicSignIn');
    if (res.status !== 429 || attempt > 0) return res.error;
    if (res.retryAfter === undefined || res.retryAfter > MAX_WAIT_S) return t('topicSlowDown');
    await (asking.sleep ?? wait)(res.retryAfter * 1000);
    if (asking.signal?.aborted) return t('cancelled');
  }
  return t('topicWrongShape');
}

/** One batch of ids, answered or refused. */
const fetchBatch = <T>(load: BatchLoad<T>, ids: readonly string[]) =>
  ask({ ...load, url: load.url(ids), read: (json) => load.read(json, ids) });

/** Loads what the stream lists and is not loaded; resolves with null when complete, else why it stopped. */
export async function loadInBatches<T>(load: BatchLoad<T>): Promise<string | null> {
  const missing = load.stream.filter((id) => !load.have.has(id));
  let loaded = load.stream.length - missing.length;
  for (let i = 0; i < missing.length; i += BATCH) {
    if (load.signal?.aborted) return t('cancelled');
    const ids = missing.slice(i, i + BATCH);
    const answer = await fetchBatch(load, ids);
    if (typeof answer === 'string') return answer;
    // Only the posts asked for count: an answer may not slip in others, and must hold some of them.
    const asked = new Set(ids);
    const answered = new Set(answer.ids.filter((id) => asked.has(id)));
    if (answered.size === 0) return t('topicWrongShape');
    loaded += answered.size;
    load.onBatch(answer.items, loaded);
  }
  return null;
}

/** Discourse: the stream's posts from `/t/<id>/posts.json`, as the platform's posts. */
export function loadTopicRest(load: TopicLoad): Promise<string | null> {
  return loadInBatches<DiscoursePost>({
    stream: load.stream.map(String),
    have: new Set(Array.from(load.have, String)),
    url: (ids) => batchUrl(load.topicUrl, load.topicId, ids.map(Number)),
    read(json, asked) {
      const topic = readTopic({ id: load.topicId, ...(json as object) });
      if (!topic || topic.id !== load.topicId) return null;
      const wanted = new Set(asked);
      const items = topic.posts.filter((p) => wanted.has(String(p.id)));
      return { items, ids: items.map((p) => String(p.id)) };
    },
    get: load.get,
    onBatch: load.onBatch,
    ...(load.signal ? { signal: load.signal } : {}),
    ...(load.sleep ? { sleep: load.sleep } : {}),
  });
}

/** Pages of a topic (platforms that list no post ids: NodeBB), one request at a time. */
export interface PageLoad<T> {
  pages: number;
  url(page: number): string;
  /** A page's answer read: its posts, or null when it is not this topic's page. */
  read(json: unknown): T[] | null;
  get(url: string): Promise<ForumPageResult>;
  onPage(items: T[]): void;
  signal?: AbortSignal;
  sleep?(ms: number): Promise<void>;
}

/** Loads every page in order; null when complete, else why it stopped (what was loaded is kept). */
export async function loadPages<T>(load: PageLoad<T>): Promise<string | null> {
  for (let page = 1; page <= Math.min(load.pages, 1000); page++) {
    if (load.signal?.aborted) return t('cancelled');
    const answer = await ask({ ...load, url: load.url(page), read: load.read });
    if (typeof answer === 'string') return answer;
    load.onPage(answer);
  }
  return null;
}
