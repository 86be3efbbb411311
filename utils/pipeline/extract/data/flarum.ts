import type { Comment } from '@/utils/pipeline/model';
import type { RawComment } from '@/utils/pipeline/extract/adapter';
import { elementText, type QuoteReader } from '@/utils/pipeline/extract/body';
import { commentBuilder } from '@/utils/pipeline/extract/convert';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';
import { oncePerText } from './once';
import { formatIso } from '@/utils/pipeline/extract/relative-time';

// A data reader (pure: JSON in, comments out): a Flarum discussion as the platform hands it to the page (the
// payload's `apiDocument`, in `#flarum-json-payload` or an inline `app.load({...})`) or serves it
// (`/api/discussions/<id>`, `/api/posts?filter[id]=…`): JSON:API documents whose `included` holds the posts
// (`number`, `createdAt`, `contentHtml`) and their users; the discussion's `relationships.posts` lists every
// post id. Only comments are posts here (renames, stickies and other events are not). Parents: a mention of a
// post (`a.PostMention[data-id]`, which Flarum writes for "@Name#id" replies and inside quotes): in a quote, the
// quote's source; outside, the post the reply answers. Every field is checked; the HTML goes through the body
// whitelist in a document of its own.

export interface FlarumPost {
  id: string;
  number: number;
  createdAt: string;
  html: string;
  user: string | null;
  likes: number | null;
}

export interface FlarumUser {
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface FlarumDiscussion {
  id: string;
  title: string;
  posts: FlarumPost[];
  /** Every post id of the discussion, in order (relationships.posts); null where the document has none. */
  stream: string[] | null;
  users: ReadonlyMap<string, FlarumUser>;
  /** Posts read that are events, no comments (a rename, a sticky): never loaded again. */
  events: string[];
}

type Resource = { type: string; id: string; attributes: Record<string, unknown>; relationships: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.slice(0, max) : '');
const idOf = (v: unknown): string | null =>
  typeof v === 'string' && /^\d{1,15}$/.test(v)
    ? v
    : typeof v === 'number' && Number.isSafeInteger(v)
      ? String(v)
      : null;

function resourceOf(v: unknown): Resource | null {
  if (!isObject(v) || typeof v.type !== 'string') return null;
  const id = idOf(v.id);
  if (id === null) return null;
  return { type: v.type, id, attributes: isObject(v.attributes) ? v.attributes : {}, relationships: v.relationships };
}

/** The id(s) a relationship names: `relationships[name].data`, one or a list. */
function related(resource: Resource, name: string): string[] {
  const rel = isObject(resource.relationships) ? resource.relationships[name] : undefined;
  const data = isObject(rel) ? rel.data : undefined;
  const list = Array.isArray(data) ? data : data ? [data] : [];
  return list.map((d) => (isObject(d) ? idOf(d.id) : null)).filter((id): id is string => id !== null);
}

function postOf(r: Resource): FlarumPost | null {
  const a = r.attributes;
  const number = typeof a.number === 'number' && Number.isSafeInteger(a.number) && a.number > 0 ? a.number : null;
  if (r.type !== 'posts' || number === null || a.contentType !== 'comment' || typeof a.contentHtml !== 'string')
    return null;
  const likes =
    typeof a.likesCount === 'number' && Number.isSafeInteger(a.likesCount) ? Math.max(0, a.likesCount) : null;
  return {
    id: r.id,
    number,
    createdAt: str(a.createdAt, 40),
    html: a.contentHtml.slice(0, 500_000),
    user: related(r, 'user')[0] ?? null,
    likes,
  };
}

function userOf(r: Resource): FlarumUser {
  const avatar = str(r.attributes.avatarUrl, 500);
  return {
    username: str(r.attributes.username, 60),
    displayName: str(r.attributes.displayName, 100),
    avatarUrl: avatar || null,
  };
}

/** Posts (comments only) and users from a list of resources. */
function postsAndUsers(list: unknown[]) {
  const posts: FlarumPost[] = [];
  const users = new Map<string, FlarumUser>();
  const events: string[] = [];
  for (const raw of list.slice(0, 20_000)) {
    const r = resourceOf(raw);
    if (r?.type === 'users') users.set(r.id, userOf(r));
    const post = r && postOf(r);
    if (post) posts.push(post);
    else if (r?.type === 'posts') events.push(r.id);
  }
  posts.sort((a, b) => a.number - b.number);
  return { posts, users, events };
}

/** A discussion document (`/api/discussions/<id>`, the payload's apiDocument); null when it is not one. */
export function readFlarumDocument(json: unknown): FlarumDiscussion | null {
  if (!isObject(json)) return null;
  const discussion = resourceOf(json.data);
  if (discussion?.type !== 'discussions') return null;
  const { posts, users, events } = postsAndUsers(Array.isArray(json.included) ? json.included : []);
  const stream = related(discussion, 'posts');
  return {
    id: discussion.id,
    title: str(discussion.attributes.title, 300),
    posts,
    stream: stream.length ? stream : null,
    users,
    events,
  };
}

/**
 * A list of posts (`/api/posts?filter[id]=…`: posts in `data`, their users in `included`), with the ids of
 * every post it answered with (events too, which are no comments); null when it is not one.
 */
export function readFlarumPosts(json: unknown) {
  if (!isObject(json) || !Array.isArray(json.data)) return null;
  const ids = json.data
    .map(resourceOf)
    .filter((r): r is Resource => r?.type === 'posts')
    .map((r) => r.id);
  return { ...postsAndUsers([...json.data, ...(Array.isArray(json.included) ? json.included : [])]), ids };
}

/** The payload the page hands its app: `#flarum-json-payload`, or the older inline `app.load({...})`. */
export const flarumPayload = (doc: Document): Record<string, unknown> | null => parsePayload(payloadText(doc));

function payloadText(doc: Document): string {
  const given = doc.getElementById('flarum-json-payload')?.textContent;
  if (given != null) return given;
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const at = /app\.load\((\{[\s\S]*\})\);/.exec(script.textContent ?? '');
    if (at) return at[1]!;
  }
  return '';
}

const parsePayload = oncePerText((text) => {
  try {
    const payload: unknown = text ? JSON.parse(text) : null;
    return isObject(payload) ? payload : null;
  } catch {
    return null;
  }
});

/** The discussion the page preloads, if it shows one. */
export const preloadedDiscussion = (doc: Document): FlarumDiscussion | null => readPreloaded(payloadText(doc));

const readPreloaded = oncePerText((text) => readFlarumDocument(parsePayload(text)?.apiDocument));

/** The forum's API address as the payload gives it (`resources` → forum → `apiUrl`), if any. */
export function payloadApiUrl(doc: Document): string | null {
  const resources = flarumPayload(doc)?.resources;
  for (const raw of Array.isArray(resources) ? resources : []) {
    const r = resourceOf(raw);
    if (r?.type === 'forums' && typeof r.attributes.apiUrl === 'string') return r.attributes.apiUrl.slice(0, 500);
  }
  return null;
}

const mentionOf = (el: Element | null) => el?.getAttribute('data-id') ?? undefined;

/** Quotes as Flarum writes them: a blockquote, its source named by a post mention inside it. */
const flarumQuotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE',
  read: (el) => {
    const mention = el.querySelector('a.PostMention[data-id]');
    const quote: ReturnType<QuoteReader['read']> = { text: elementText(el), content: el, cite: null };
    const source = idOf(mentionOf(mention));
    if (source) quote.sourceId = source;
    const name = mention?.textContent?.trim();
    if (name) quote.sourceAuthor = name.slice(0, 60);
    return quote;
  },
};

/** The post a reply answers: its first post mention outside quotes. */
function repliedTo(body: Element): string | undefined {
  for (const mention of Array.from(body.querySelectorAll('a.PostMention[data-id]')))
    if (!mention.closest('blockquote')) return idOf(mentionOf(mention)) ?? undefined;
  return undefined;
}

/**
 * The discussion's comments, one at a time, in post order; `base` is the discussion's address (`…/d/<id>`),
 * `users` who wrote them (posts fetched later bring theirs).
 */
export function* eachFlarumComment(
  posts: readonly FlarumPost[],
  users: ReadonlyMap<string, FlarumUser>,
  base: string,
  now = Date.now(),
): Iterable<Comment> {
  const build = commentBuilder(base, flarumQuotes, now);
  const parser = new DOMParser();
  const origin = new URL(base).origin;
  const prefix = new URL(base).pathname.replace(/\/d\/.*$/, '');
  for (const p of posts) {
    const body = parser.parseFromString(p.html, 'text/html').body;
    const user = p.user === null ? undefined : users.get(p.user);
    const raw: RawComment = {
      author: user?.displayName || user?.username || '',
      postId: p.id,
      timeText: formatIso(p.createdAt),
      voteText: null,
      body,
      number: p.number,
      opening: p.number === 1,
    };
    if (p.likes !== null) raw.votes = p.likes;
    const stamp = Date.parse(p.createdAt);
    if (!Number.isNaN(stamp)) raw.timestamp = stamp;
    const parent = repliedTo(body);
    if (parent && parent !== p.id) raw.parentId = parent;
    const postUrl = safeUrl(`${base}/${p.number}`, base);
    if (postUrl) raw.postUrl = postUrl;
    const authorUrl = user?.username
      ? safeUrl(`${origin}${prefix}/u/${encodeURIComponent(user.username)}`, base)
      : null;
    if (authorUrl) raw.authorUrl = authorUrl;
    const avatar = user?.avatarUrl ? safeUrl(user.avatarUrl, base) : null;
    if (avatar) raw.avatarUrl = avatar;
    yield build(raw);
  }
}
