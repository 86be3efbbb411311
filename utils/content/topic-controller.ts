import type { Comment, CommentSection, PlatformTopic } from '@/utils/pipeline/model';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { cacheDiscussion, readCachedDiscussion } from '@/utils/platform/discussion-cache';
import type { DiscussionController, DiscussionState } from './discussion-controller';
import { jsonFrom } from './same-origin-fetch';
import { mergeTopic, TOPIC_LOADERS, type TopicLoader, type TopicRun } from './topic-loaders';

// "Load full discussion" for an app forum's topic (CommentSection.topic): every post the platform lists and
// the view does not hold, from its JSON on the page's own origin, in batches (topic-loaders.ts); progress in
// posts, Cancel, Retry from where it stopped; what was loaded joins the view even when the load stops; the
// whole topic is kept 30 minutes like a forum thread's pages.

interface TopicDeps {
  get?(url: string, signal?: AbortSignal): Promise<ForumPageResult>;
  sleep?(ms: number): Promise<void>;
}

/**
 * The cache key of a topic: its platform and address (the cache adds the origin; two installs in two
 * subfolders of one origin are two forums).
 */
const keyOf = (topic: PlatformTopic) => `${topic.platform}:${new URL(topic.url).pathname}`;

/** One load's work for the platform's loader: what is known, how to fetch, where batches go. */
const runner =
  (deps: TopicDeps, get: NonNullable<TopicDeps['get']>) =>
  (topic: PlatformTopic, known: Comment[], signal: AbortSignal, onBatch: TopicRun['onBatch']): TopicRun => ({
    topic,
    known,
    get: (url) => get(url, signal),
    signal,
    onBatch,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });

/**
 * The view's comments with the loaded ones, made once per change of either side (the view's reading, the
 * posts loaded): 2,000 posts are not merged again for every draw.
 */
function mergedOnce(loader: TopicLoader | undefined, shown: () => CommentSection, loaded: () => Comment[]) {
  let memo: { from: CommentSection; loaded: Comment[]; count: number; comments: Comment[] } | null = null;
  return () => {
    const [from, more] = [shown(), loaded()];
    if (memo?.from === from && memo.loaded === more && memo.count === more.length) return memo.comments;
    const comments = loader!.settle(mergeTopic(from.comments, more));
    memo = { from, loaded: more, count: more.length, comments };
    return comments;
  };
}

/**
 * Posts the page held and holds no more (NodeBB takes those far from the reader off the page as they scroll)
 * join the loaded ones: the view never loses a post it showed. The same list when none went.
 */
function keepGone(before: CommentSection, now: CommentSection, loaded: Comment[]): Comment[] {
  const still = new Set([...now.comments, ...loaded].map((c) => c.id));
  const gone = before.comments.filter((c) => !still.has(c.id));
  return gone.length ? [...loaded, ...gone] : loaded;
}

export function createTopicController(
  section: CommentSection,
  onChange: (merged: CommentSection | null) => void,
  deps: TopicDeps = {},
): DiscussionController {
  const topic = section.topic;
  const loader: TopicLoader | undefined = topic && TOPIC_LOADERS[topic.platform];
  const runOf = runner(deps, deps.get ?? jsonFrom(new URL(topic?.url ?? 'https://invalid.invalid/').origin));
  let state: DiscussionState = { status: 'idle' };
  let loaded: Comment[] = [];
  let abort: AbortController | null = null;
  let current = section;
  const total = topic?.posts.length || topic?.count || 0;
  const merged = mergedOnce(
    loader,
    () => current,
    () => loaded,
  );
  const set = (next: DiscussionState, withPosts: boolean) =>
    onChange(((state = next), withPosts ? controller.apply(current) : null));

  const fromCache = async () => {
    const cached = await readCachedDiscussion(topic!.url, keyOf(topic!));
    if (!cached) return false;
    loaded = cached.comments;
    set({ status: 'done', posts: merged().length, savedAt: cached.savedAt }, true);
    return true;
  };

  const load = async () => {
    if (!topic || !loader || state.status === 'loading') return;
    if (state.status === 'idle' && (await fromCache())) return;
    if (state.status === 'done') loaded = [];
    abort = new AbortController();
    const known = mergeTopic(current.comments, loaded);
    set({ status: 'loading', loaded: known.length, total, unit: 'posts' }, false);
    const run = runOf(topic, known, abort.signal, (comments, count) => {
      loaded.push(...comments);
      set({ status: 'loading', loaded: count, total, unit: 'posts' }, false);
    });
    const error = await loader.load(run);
    const count = merged().length;
    if (error === null) {
      set({ status: 'done', posts: count }, true);
      void cacheDiscussion(topic.url, keyOf(topic), merged());
    } else if (abort.signal.aborted) set({ status: 'cancelled', loaded: count, total, unit: 'posts' }, true);
    else set({ status: 'failed', loaded: count, total, error, unit: 'posts' }, true);
  };

  const controller: DiscussionController = {
    // Nothing to load when the topic lists no post the view lacks.
    ui: () =>
      loader && (total > current.comments.length || state.status !== 'idle')
        ? { state, load: () => void load(), cancel: () => abort?.abort() }
        : null,
    apply(s) {
      loaded = keepGone(current, s, loaded);
      current = s;
      return loaded.length ? { ...s, comments: merged() } : s;
    },
    destroy: () => abort?.abort(),
  };
  return controller;
}
