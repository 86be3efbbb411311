import type { Comment, PlatformTopic } from '@/utils/pipeline/model';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { topicCheckUrl, topicReader } from '@/utils/platform/topic-check';
import { checkDiscussion, type CheckResult } from '@/utils/platform/watch-check';
import { TOPIC_LOADERS } from './topic-loaders';
import type { WatchCheckDeps, WatchKit } from './watch-view';

// Watching an app forum's topic in the open view: checked from the platform's JSON (topic-check.ts: the ids of
// its newest posts, NodeBB's last page with its posts), and the posts it lists that are new to the reader
// loaded the way "Load full discussion" loads what the view lacks (topic-loaders.ts), so they arrive whole.

type Get = (url: string, signal?: AbortSignal) => Promise<ForumPageResult>;

/** A topic's key: its own address (any post's address of it, or a page of it, is the same topic). */
export const topicKey = (topic: PlatformTopic) => {
  const at = new URL(topic.url);
  return `${at.host}${at.pathname.replace(/\/+$/, '')}`;
};

/** The page's kit made a topic's: its key, the platform's address to check, its JSON read, its posts loaded. */
export function topicWatchKit(kit: WatchKit, topic: PlatformTopic, get: Get): WatchKit {
  const ref = { platform: topic.platform, id: topic.id };
  const key = topicKey(topic);
  const read = topicReader(ref, key, topic.url);
  return {
    ...kit,
    key,
    check: topicCheckUrl(topic),
    topic: ref,
    read,
    checkPosts: async (_key, check, deps) => {
      const result = await checkDiscussion(key, check, { ...deps, fetchPage: get, read });
      return result.status === 'ok' ? withMissing(topic, result, deps, get) : result;
    },
  };
}

/**
 * The check's result with the new posts it only named (Discourse and Flarum list ids) loaded; a post that
 * could not be loaded is left out of what the check learnt, so the next check asks for it again.
 */
async function withMissing(
  topic: PlatformTopic,
  result: Extract<CheckResult, { status: 'ok' }>,
  deps: WatchCheckDeps,
  get: Get,
): Promise<CheckResult> {
  const have = new Set(result.comments.map((c) => c.id));
  const missing = result.ids.filter((id) => deps.isNew(id) && !have.has(id));
  const loader = TOPIC_LOADERS[topic.platform];
  // NodeBB's pages came with their posts; its loader reads whole pages, never a list of ids.
  if (!missing.length || !loader || topic.platform === 'nodebb') return result;
  const loaded: Comment[] = [];
  const signal = deps.signal ?? new AbortController().signal;
  await loader.load({
    topic: { ...topic, posts: missing },
    known: deps.shown(),
    get: (url) => get(url, signal),
    onBatch: (comments) => loaded.push(...comments),
    signal,
  });
  const got = new Set(loaded.map((c) => c.id));
  const lost = new Set(missing.filter((id) => !got.has(id)));
  return { ...result, ids: result.ids.filter((id) => !lost.has(id)), comments: [...result.comments, ...loaded] };
}
