import { t } from '@/utils/platform/i18n';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { readTopic, type DiscoursePost } from '@/utils/pipeline/extract/data/discourse';

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
  const at = new URL(topicUrl);
  const prefix = at.pathname.replace(/\/t\/.*$/, '');
  const query = ids.map((n) => `post_ids[]=${n}`).join('&');
  return `${at.origin}${prefix}/t/${id}/posts.json?${query}`;
}

/** One batch, answered or refused; waits out a 429 once per batch. */
async function fetchBatch(load: TopicLoad, url: string): Promise<DiscoursePost[] | string> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await load.get(url);
    if (res.ok) {
      let json: unknown;
      try {
        json = JSON.parse(res.html);
      } catch {
        return t('topicWrongShape');
      }
      const topic = readTopic({ id: load.topicId, ...(json as object) });
      return topic && topic.id === load.topicId ? topic.posts : t('topicWrongShape');
    }
    if (res.status === 401 || res.status === 403) return t('topicSignIn');
    if (res.status !== 429 || attempt > 0) return res.error;
    if (res.retryAfter === undefined || res.retryAfter > MAX_WAIT_S) return t('topicSlowDown');
    await (load.sleep ?? wait)(res.retryAfter * 1000);
    if (load.signal?.aborted) return t('cancelled');
  }
  return t('topicWrongShape');
}

/** Loads what the stream lists and is not loaded; resolves with null when complete, else why it stopped. */
export async function loadTopicRest(load: TopicLoad): Promise<string | null> {
  const missing = load.stream.filter((id) => !load.have.has(id));
  let loaded = load.stream.length - missing.length;
  for (let i = 0; i < missing.length; i += BATCH) {
    if (load.signal?.aborted) return t('cancelled');
    const ids = missing.slice(i, i + BATCH);
    const answer = await fetchBatch(load, batchUrl(load.topicUrl, load.topicId, ids));
    if (typeof answer === 'string') return answer;
    // Only the posts asked for count: an answer may not slip in others.
    const asked = new Set(ids);
    const posts = answer.filter((p) => asked.has(p.id));
    if (posts.length === 0) return t('topicWrongShape');
    loaded += posts.length;
    load.onBatch(posts, loaded);
  }
  return null;
}
