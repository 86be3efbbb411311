import type { PlatformTopic } from '@/utils/pipeline/model';
import { forumBase, readTopic } from '@/utils/pipeline/extract/data/discourse';
import { readFlarumDocument } from '@/utils/pipeline/extract/data/flarum';
import { nodebbComments, readNodebbTopic } from '@/utils/pipeline/extract/data/nodebb';
import { isRecord, own } from '@/utils/pipeline/own';
import type { PageReading } from './watch-check';

// A watched app-forum topic (Discourse, Flarum, NodeBB) is checked from the platform's own JSON, not from its
// page (the page is the app's; its posts come as data): the address that lists the topic's newest posts, and
// that answer read as one page of a check (watch-check.ts), so the open view and the background check topics
// the way they check forum threads. Pure over the JSON (hostile like any page): the platform's data readers
// check every field; an answer about another topic is "not this discussion".

/** Which topic of which platform an entry watches (stored with it: watched.ts). */
export interface TopicRef {
  platform: PlatformTopic['platform'];
  id: string;
}

export const PLATFORMS: readonly TopicRef['platform'][] = ['discourse', 'flarum', 'nodebb'];

/** Post ids handed on per check at most: the newest, as many as an entry keeps known (watched.ts). */
const TAIL = 500;

/**
 * Where the topic's newest posts are listed: Discourse's `/t/<id>.json` (every post id, in order), Flarum's
 * `/api/discussions/<id>` (the same), NodeBB's last page of `/api/topic/<slug>` (its posts; pages grow).
 */
export function topicCheckUrl(topic: PlatformTopic): string {
  const at = new URL(topic.url);
  if (topic.platform === 'discourse') return `${forumBase(topic.url)}/t/${topic.id}.json`;
  if (topic.platform === 'flarum') return `${topic.api ?? `${at.origin}/api`}/discussions/${topic.id}`;
  return `${topic.api ?? `${at.origin}/api/topic/${topic.id}`}?page=${topic.pages ?? 1}`;
}

const NONE: PageReading = { key: null, ids: [], last: null };

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * One answer's post ids (the newest TAIL) and, for NodeBB, the page holding its newest posts now, with those
 * posts as comments where `base` (the topic's address) is given.
 */
function listOf(ref: TopicRef, json: unknown, url: string, base?: string): Omit<PageReading, 'key'> | null {
  if (ref.platform === 'discourse') {
    const topic = readTopic(json);
    if (!topic || String(topic.id) !== ref.id) return null;
    return { ids: (topic.stream ?? topic.posts.map((p) => p.id)).slice(-TAIL).map(String), last: null };
  }
  if (ref.platform === 'flarum') {
    const discussion = readFlarumDocument(json);
    if (!discussion || discussion.id !== ref.id) return null;
    return { ids: (discussion.stream ?? discussion.posts.map((p) => p.id)).slice(-TAIL), last: null };
  }
  const topic = readNodebbTopic(json);
  if (!topic || String(topic.tid) !== ref.id) return null;
  const last = `${url.replace(/[?#].*$/, '')}?page=${topic.pageCount}`;
  return { ids: topic.posts.map((p) => p.pid), last, ...(base ? { comments: nodebbComments(topic, base) } : {}) };
}

/**
 * How one answer is read for the check of `key`: its post ids (NodeBB's with their posts as comments where
 * `base`, the topic's address, is given: the view shows them; the background only counts).
 */
export function topicReader(ref: TopicRef, key: string, base?: string) {
  return (text: string, url: string): PageReading => {
    const list = listOf(ref, parse(text), url, base);
    return list ? { key, ...list } : NONE;
  };
}

/** A stored or sent topic reference, checked; null when it is not one. */
export function cleanTopicRef(v: unknown): TopicRef | null {
  if (!isRecord(v)) return null;
  const [platform, id] = [own(v, 'platform'), own(v, 'id')];
  if (!PLATFORMS.includes(platform as TopicRef['platform'])) return null;
  return typeof id === 'string' && /^\d{1,15}$/.test(id) ? { platform: platform as TopicRef['platform'], id } : null;
}
