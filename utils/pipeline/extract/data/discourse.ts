import type { Comment } from '@/utils/pipeline/model';
import type { RawComment } from '@/utils/pipeline/extract/adapter';
import { elementText, type QuoteReader } from '@/utils/pipeline/extract/body';
import { commentBuilder } from '@/utils/pipeline/extract/convert';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';
import { oncePerText } from './once';
import { formatIso } from '@/utils/pipeline/extract/relative-time';

// A data reader (pure: JSON in, comments out; fetching is the content app's): a Discourse topic as the
// platform hands it to the page (`#data-preloaded`'s `topic_<id>`) or serves it (`/t/<id>.json`,
// `/t/<id>/posts.json`). Every field is checked before use: the JSON is the page's, hostile like its markup.
// Cooked HTML is parsed (DOMParser) into a document of its own (no scripts run, nothing loads) and goes through the body
// whitelist like any page's words. Parents: a quote's `data-post` within this topic (`aside.quote`; a quote of
// another topic stays a link, never a parent), else `reply_to_post_number`.

export interface DiscoursePost {
  id: number;
  number: number;
  username: string;
  name: string;
  createdAt: string;
  cooked: string;
  replyTo: number | null;
  likes: number;
  avatar: string | null;
}

export interface DiscourseTopic {
  id: number;
  title: string;
  posts: DiscoursePost[];
  /** Every post id of the topic, in order, where the payload lists them (post_stream.stream). */
  stream: number[] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** Likes: `like_count` (newer), else the like action's count (`actions_summary` id 2). */
function likesOf(p: Record<string, unknown>): number {
  const direct = int(p.like_count);
  if (direct !== null) return direct;
  const actions = Array.isArray(p.actions_summary) ? p.actions_summary : [];
  const like = actions.find((a) => isObject(a) && a.id === 2);
  return (isObject(like) && int(like.count)) || 0;
}

function postOf(p: unknown): DiscoursePost | null {
  if (!isObject(p)) return null;
  const id = int(p.id);
  const number = int(p.post_number);
  if (id === null || number === null || typeof p.cooked !== 'string') return null;
  return {
    id,
    number,
    username: str(p.username, 60),
    name: str(p.name, 100),
    createdAt: str(p.created_at, 40),
    cooked: p.cooked.slice(0, 500_000),
    replyTo: int(p.reply_to_post_number),
    likes: likesOf(p),
    avatar: typeof p.avatar_template === 'string' ? p.avatar_template.slice(0, 500) : null,
  };
}

/** A topic payload of any of the platform's shapes; null when it is not one. */
export function readTopic(json: unknown): DiscourseTopic | null {
  if (!isObject(json) || !isObject(json.post_stream)) return null;
  const raw = json.post_stream.posts;
  if (!Array.isArray(raw)) return null;
  const posts = raw
    .slice(0, 10_000)
    .map(postOf)
    .filter((p): p is DiscoursePost => p !== null);
  const streamRaw = json.post_stream.stream;
  const stream = Array.isArray(streamRaw) ? streamRaw.map(int).filter((n): n is number => n !== null) : null;
  const id = int(json.id) ?? int((raw[0] as Record<string, unknown> | undefined)?.topic_id);
  if (id === null || posts.length === 0) return null;
  return { id, title: str(json.title ?? json.fancy_title, 300), posts, stream };
}

/** The topic the page preloads for the app (`#data-preloaded`: JSON of JSON strings), if any. */
export const preloadedTopic = (doc: Document): DiscourseTopic | null =>
  readPreloaded(doc.getElementById('data-preloaded')?.getAttribute('data-preloaded') ?? 'null');

const readPreloaded = oncePerText((text): DiscourseTopic | null => {
  try {
    const outer: unknown = JSON.parse(text);
    if (!isObject(outer)) return null;
    const key = Object.keys(outer).find((k) => /^topic_\d+$/.test(k));
    return key && typeof outer[key] === 'string' ? readTopic(JSON.parse(outer[key])) : null;
  } catch {
    return null;
  }
});

/**
 * A post known only by its number (not in the posts read so far): a placeholder id that matches no comment
 * ("quoted post not shown here"), made the real id once the post is loaded (resolvePostNumbers).
 */
export const numberRef = (n: number) => `discourse:#${n}`;
/** Another topic's post: never a parent here, whatever its words. */
const otherTopicRef = (topic: number, n: number) => `discourse:t${topic}#${n}`;

/** Quotes as cooked HTML writes them: `aside.quote[data-post][data-topic]`, the source's name in `.title`. */
function quotesOf(topicId: number, idOfNumber: ReadonlyMap<number, number>): QuoteReader {
  return {
    isQuote: (el) => el.tagName === 'ASIDE' && el.classList.contains('quote'),
    read: (el) => {
      const content = el.querySelector('blockquote') ?? el;
      const title = el.querySelector('.title');
      const quote: ReturnType<QuoteReader['read']> = { text: elementText(content), content, cite: title };
      const name = el.getAttribute('data-username') ?? /^\s*([^:\n]{1,60}):\s*$/.exec(title?.textContent ?? '')?.[1];
      if (name) quote.sourceAuthor = name.trim();
      const topic = Number(el.getAttribute('data-topic') ?? topicId);
      const number = Number(el.getAttribute('data-post'));
      if (!Number.isSafeInteger(number) || number <= 0) return quote;
      if (topic !== topicId) quote.sourceId = otherTopicRef(topic, number);
      else quote.sourceId = String(idOfNumber.get(number) ?? numberRef(number));
      return quote;
    },
  };
}

/** Where the forum lives, from any of a topic's addresses: `https://forum.example.org/sub` (no `/t/…`). */
export function forumBase(topicUrl: string): string {
  const at = new URL(topicUrl);
  return `${at.origin}${at.pathname.replace(/\/t\/.*$/, '')}`;
}

/** The topic's own address from any of its addresses (a post's, a subfolder install's), no post number. */
export function topicUrl(base: string, id: number): string {
  const url = new URL(base);
  const at = new RegExp(`^(.*?/t/(?:[^/]+/)?${id})(?:/|$)`).exec(url.pathname);
  return `${url.origin}${at ? at[1] : `/t/${id}`}`;
}

/**
 * The topic's posts as comments, in the order given, made one at a time; `base` is the topic's address
 * (links and avatars); `known` maps post numbers to ids beyond these posts (posts loaded before).
 */
export function* eachTopicComment(
  topic: DiscourseTopic,
  base: string,
  known: ReadonlyMap<number, number> = new Map(),
  now = Date.now(),
): Iterable<Comment> {
  const idOfNumber = new Map(known);
  for (const p of topic.posts) idOfNumber.set(p.number, p.id);
  const build = commentBuilder(base, quotesOf(topic.id, idOfNumber), now);
  const parser = new DOMParser();
  const origin = new URL(base).origin;
  const topicAt = topicUrl(base, topic.id);
  for (const p of topic.posts) {
    // A document of its own, parsed, never attached: nothing in it runs or loads; the whitelist reads it.
    const body = parser.parseFromString(p.cooked, 'text/html').body;
    const raw: RawComment = {
      author: p.username || p.name,
      postId: String(p.id),
      timeText: formatIso(p.createdAt),
      voteText: null,
      votes: p.likes,
      body,
      number: p.number,
      opening: p.number === 1,
    };
    const stamp = Date.parse(p.createdAt);
    if (!Number.isNaN(stamp)) raw.timestamp = stamp;
    if (p.replyTo !== null && p.replyTo !== p.number)
      raw.parentId = String(idOfNumber.get(p.replyTo) ?? numberRef(p.replyTo));
    const postUrl = safeUrl(`${topicAt}/${p.number}`, base);
    if (postUrl) raw.postUrl = postUrl;
    const authorUrl = p.username ? safeUrl(`${origin}/u/${encodeURIComponent(p.username)}`, base) : undefined;
    if (authorUrl) raw.authorUrl = authorUrl;
    const avatar = p.avatar ? safeUrl(p.avatar.replace('{size}', '48'), base) : undefined;
    if (avatar) raw.avatarUrl = avatar;
    yield build(raw);
  }
}

/** Every post of the topic as comments, in post order. */
export const topicComments = (topic: DiscourseTopic, base: string, now = Date.now()): Comment[] =>
  Array.from(eachTopicComment(topic, base, new Map(), now));

/**
 * Once more posts are loaded: quotes and replies that named a post by its number alone (numberRef) get its
 * id where it is known now. Comments not changed are kept as they are (the view redraws only what changed).
 */
export function resolvePostNumbers(comments: readonly Comment[]): Comment[] {
  const idOfNumber = new Map<string, string>();
  for (const c of comments) if (c.number !== undefined) idOfNumber.set(numberRef(c.number), c.id);
  const resolve = (ref: string | undefined) => (ref?.startsWith('discourse:#') ? idOfNumber.get(ref) : undefined);
  return comments.map((c) => {
    const parent = resolve(c.parentHint);
    const quoted = c.quotes.some((q) => resolve(q.sourceId) !== undefined);
    if (parent === undefined && !quoted) return c;
    const next: Comment = {
      ...c,
      quotes: c.quotes.map((q) => ({ ...q, sourceId: resolve(q.sourceId) ?? q.sourceId })),
    };
    if (parent !== undefined) next.parentHint = parent;
    return next;
  });
}
