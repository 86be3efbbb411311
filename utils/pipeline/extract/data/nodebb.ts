import type { Comment } from '@/utils/pipeline/model';
import type { RawComment } from '@/utils/pipeline/extract/adapter';
import { commentBuilder } from '@/utils/pipeline/extract/convert';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';
import { oncePerText } from './once';
import { formatIso } from '@/utils/pipeline/extract/relative-time';
import { nodebbQuotes } from '@/utils/pipeline/extract/sites/nodebb';

// A data reader (pure: JSON in, comments out): a NodeBB topic as the platform serves it (`/api/topic/<tid>`,
// and the same object in the page's `#ajaxify-data`). Every field is checked before use. Post ids are numbers,
// or addresses for federated posts (ActivityPub). The parent is `toPid` where it names a post in the topic; the
// rendered `content` goes through the body whitelist with NodeBB's own quote reading ("@X said in …"). The
// page's markup stays the first view's source (sites/nodebb.ts); the data tells the topic's size and pages,
// and serves the rest page by page.

export interface NodebbPost {
  pid: string;
  index: number;
  username: string;
  userslug: string;
  timestampISO: string;
  content: string;
  toPid: string | null;
  votes: number;
}

export interface NodebbTopic {
  tid: number;
  title: string;
  postcount: number;
  posts: NodebbPost[];
  /** The topic's pages, as the platform paginates them. */
  pageCount: number;
  /** "18427/rc1-of-nodebb-v4": the topic's path after /topic/. */
  slug: string;
  /** Where the forum lives on its origin ("" at the root). */
  relativePath: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** A pid: a positive number, or a federated post's web address; null otherwise. */
function pidOf(v: unknown): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  if (typeof v === 'string' && /^\d{1,15}$/.test(v)) return v;
  return typeof v === 'string' && safeUrl(v, 'https://invalid.example/') === v ? v.slice(0, 500) : null;
}

function postOf(p: unknown): NodebbPost | null {
  if (!isObject(p) || typeof p.content !== 'string') return null;
  const pid = pidOf(p.pid);
  const index = int(p.index);
  if (pid === null || index === null || index < 0) return null;
  const user = isObject(p.user) ? p.user : {};
  return {
    pid,
    index,
    username: str(user.username, 100),
    userslug: str(user.userslug, 100),
    timestampISO: str(p.timestampISO, 40),
    content: p.content.slice(0, 500_000),
    toPid: pidOf(p.toPid),
    votes: int(p.votes) ?? 0,
  };
}

/** A topic payload; null when it is not one. */
export function readNodebbTopic(json: unknown): NodebbTopic | null {
  if (!isObject(json) || !Array.isArray(json.posts)) return null;
  const tid = int(json.tid);
  const posts = json.posts
    .slice(0, 10_000)
    .map(postOf)
    .filter((p): p is NodebbPost => p !== null);
  if (tid === null || tid <= 0 || posts.length === 0) return null;
  const pagination = isObject(json.pagination) ? json.pagination : {};
  const slug = str(json.slug, 300);
  const relative = str(json.relative_path, 200);
  return {
    tid,
    title: str(json.title, 300),
    postcount: int(json.postcount) ?? posts.length,
    posts,
    pageCount: Math.max(1, Math.min(int(pagination.pageCount) ?? 1, 1000)),
    slug: new RegExp(`^${tid}(/[^/?#]*)?$`).test(slug) ? slug : String(tid),
    relativePath: /^(\/[\w.~-]+)*$/.test(relative) ? relative : '',
  };
}

/** The topic the page was rendered from (`#ajaxify-data`), if any. */
export const ajaxifyTopic = (doc: Document): NodebbTopic | null =>
  readAjaxify(doc.getElementById('ajaxify-data')?.textContent ?? 'null');

const readAjaxify = oncePerText((text) => {
  try {
    return readNodebbTopic(JSON.parse(text));
  } catch {
    return null;
  }
});

/** The topic's posts as comments, in index order; `base` is the topic's address. */
export function nodebbComments(topic: NodebbTopic, base: string, now = Date.now()): Comment[] {
  const build = commentBuilder(base, nodebbQuotes, now);
  const parser = new DOMParser();
  const origin = new URL(base).origin;
  return topic.posts
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((p) => {
      const raw: RawComment = {
        author: p.username,
        postId: p.pid,
        timeText: formatIso(p.timestampISO),
        voteText: null,
        votes: p.votes,
        // A document of its own, parsed, never attached: nothing in it runs or loads.
        body: parser.parseFromString(p.content, 'text/html').body,
        opening: p.index === 0,
        number: p.index + 1,
      };
      const stamp = Date.parse(p.timestampISO);
      if (!Number.isNaN(stamp)) raw.timestamp = stamp;
      // NodeBB's recorded parent, as the page's markup gives it (the post may be on another page).
      if (p.toPid !== null && p.toPid !== p.pid) raw.parentId = p.toPid;
      const postUrl = /^\d+$/.test(p.pid) ? safeUrl(`${origin}/post/${p.pid}`, base) : safeUrl(p.pid, base);
      if (postUrl) raw.postUrl = postUrl;
      const authorUrl = p.userslug ? safeUrl(`${origin}/user/${encodeURIComponent(p.userslug)}`, base) : undefined;
      if (authorUrl) raw.authorUrl = authorUrl;
      return build(raw);
    });
}
