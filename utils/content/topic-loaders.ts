import type { Comment, PlatformTopic } from '@/utils/pipeline/model';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { eachTopicComment, resolvePostNumbers } from '@/utils/pipeline/extract/data/discourse';
import { eachFlarumComment, readFlarumPosts, type FlarumPost } from '@/utils/pipeline/extract/data/flarum';
import { nodebbComments, readNodebbTopic } from '@/utils/pipeline/extract/data/nodebb';
import { loadInBatches, loadPages, loadTopicRest } from './topic-load';

// How the rest of an app forum's topic is loaded, per platform: the posts its data lists and the view does not
// hold, fetched from the platform's JSON on the page's own origin (politely: topic-load.ts), made comments by
// the platform's data reader (utils/pipeline/extract/data/).

export interface TopicRun {
  topic: PlatformTopic;
  /** Comments the view holds (their ids are not fetched again; their numbers name posts for quotes). */
  known: readonly Comment[];
  get(url: string): Promise<ForumPageResult>;
  /** Each batch, as comments, and how many of the topic's posts are loaded now. */
  onBatch(comments: Comment[], loaded: number): void;
  signal: AbortSignal;
  sleep?(ms: number): Promise<void>;
}

export interface TopicLoader {
  /** Loads what is missing; null when complete, else why it stopped (what was loaded is kept). */
  load(run: TopicRun): Promise<string | null>;
  /** The topic's comments once merged (links that named posts not loaded then). */
  settle(comments: Comment[]): Comment[];
}

const isId = (id: string) => /^\d{1,15}$/.test(id);

const discourse: TopicLoader = {
  load(run) {
    const numbers = new Map<number, number>();
    for (const c of run.known) if (c.number !== undefined && isId(c.id)) numbers.set(c.number, Number(c.id));
    const id = Number(run.topic.id);
    return loadTopicRest({
      topicUrl: run.topic.url,
      topicId: id,
      stream: run.topic.posts.filter(isId).map(Number),
      have: new Set(run.known.filter((c) => isId(c.id)).map((c) => Number(c.id))),
      get: run.get,
      signal: run.signal,
      ...(run.sleep ? { sleep: run.sleep } : {}),
      onBatch(posts, loaded) {
        const batch = { id, title: '', posts: posts.slice().sort((a, b) => a.number - b.number), stream: null };
        const comments = Array.from(eachTopicComment(batch, run.topic.url, numbers));
        for (const p of posts) numbers.set(p.number, p.id);
        run.onBatch(comments, loaded);
      },
    });
  },
  settle: resolvePostNumbers,
};

/** Flarum: the discussion's posts from `/api/posts?filter[id]=…`, their users with them. */
const flarum: TopicLoader = {
  load(run) {
    const api = run.topic.api ?? `${new URL(run.topic.url).origin}/api`;
    return loadInBatches<Comment>({
      stream: run.topic.posts,
      have: new Set(run.known.map((c) => c.id)),
      url: (ids) => `${api}/posts?filter%5Bid%5D=${ids.join(',')}`,
      read(json, asked) {
        const answer = readFlarumPosts(json);
        if (!answer) return null;
        const wanted = new Set(asked);
        const posts: FlarumPost[] = answer.posts.filter((p) => wanted.has(p.id));
        return { items: Array.from(eachFlarumComment(posts, answer.users, run.topic.url)), ids: answer.ids };
      },
      get: run.get,
      onBatch: run.onBatch,
      signal: run.signal,
      ...(run.sleep ? { sleep: run.sleep } : {}),
    });
  },
  settle: (comments) => comments,
};

/** NodeBB: every page of the topic from `/api/topic/<tid>/<slug>?page=N` (it lists no post ids). */
const nodebb: TopicLoader = {
  load(run) {
    const { topic } = run;
    const have = new Set(run.known.map((c) => c.id));
    return loadPages<Comment>({
      pages: topic.pages ?? 1,
      url: (page) => `${topic.api}?page=${page}`,
      read(json) {
        const answer = readNodebbTopic(json);
        return answer && String(answer.tid) === topic.id ? nodebbComments(answer, topic.url) : null;
      },
      get: run.get,
      onPage(comments) {
        const fresh = comments.filter((c) => !have.has(c.id));
        for (const c of fresh) have.add(c.id);
        run.onBatch(fresh, Math.min(have.size, topic.count ?? have.size));
      },
      signal: run.signal,
      ...(run.sleep ? { sleep: run.sleep } : {}),
    });
  },
  settle: (comments) => comments,
};

export const TOPIC_LOADERS: Partial<Record<PlatformTopic['platform'], TopicLoader>> = { discourse, flarum, nodebb };

/**
 * The view's comments with the loaded ones, each post once (the view's own reading first), in the topic's
 * order: by post number where both have one, else as they came.
 */
export function mergeTopic(shown: readonly Comment[], loaded: readonly Comment[]): Comment[] {
  const byId = new Map<string, Comment>();
  for (const c of [...shown, ...loaded]) if (!byId.has(c.id)) byId.set(c.id, c);
  const all = Array.from(byId.values());
  const order = new Map(all.map((c, i) => [c, i]));
  all.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || order.get(a)! - order.get(b)!);
  return all.map((c, index) => (c.index === index ? c : { ...c, index }));
}
