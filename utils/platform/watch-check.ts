import type { Comment } from '@/utils/pipeline/model';
import type { ForumPageResult } from './page-fetch';

// One check of a watched discussion: the page that holds its newest posts (the last page of a forum thread, the
// article's own page) fetched from the discussion's own origin, read, and its posts handed back. A page that
// names more pages than the one asked for (the thread grew a page) leads to its new last page, at most
// MAX_HOPS requests in all, one at a time. A page that is not this discussion (a login page, an error page
// answered 200, another thread) changes nothing and says so. Pure over injected fetch and read, so the view
// (utils/content/watch-view.ts) and the background (watch-background.ts) check the same way.

/** What reading one fetched page gave: the discussion's key, its posts, and the thread's last page. */
export interface PageReading {
  /** The discussion's key (fresh.ts's discussionKey); null when the page holds no discussion. */
  key: string | null;
  /** Its posts' ids, in page order. */
  ids: string[];
  /** Its posts (the view merges them; the background needs only the ids). */
  comments?: Comment[];
  /** The address of the thread's last page where the page names one beyond itself. */
  last: string | null;
}

export interface CheckDeps {
  fetchPage(url: string, signal?: AbortSignal): Promise<ForumPageResult>;
  read(html: string, url: string): PageReading | Promise<PageReading>;
  signal?: AbortSignal;
}

export type CheckResult =
  /** `check`: the address to check next time (the last page now). */
  | { status: 'ok'; ids: string[]; comments: Comment[]; check: string }
  /** 404 or 410: the discussion went; it is marked gone and never checked again. */
  | { status: 'gone' }
  | { status: 'failed'; error: 'http' | 'network'; httpStatus: number; retryAfter?: number }
  | { status: 'not-discussion' };

export const MAX_HOPS = 3;

const bare = (url: string) => url.replace(/#.*$/, '');

export async function checkDiscussion(key: string, check: string, deps: CheckDeps): Promise<CheckResult> {
  const [ids, comments]: [string[], Comment[]] = [[], []];
  let [url, checked] = [check, check];
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const res = await deps.fetchPage(url, deps.signal).catch(() => null);
    // A later page that fails: what the first gave counts, the next check starts from it again.
    if (!res || !res.ok) return hop ? ok(ids, comments, checked) : failure(res);
    const page = await deps.read(res.html, res.url);
    if (page.key !== key) return hop ? ok(ids, comments, checked) : notIt();
    ids.push(...page.ids);
    comments.push(...(page.comments ?? []));
    checked = res.url;
    if (!page.last || bare(page.last) === bare(res.url)) break;
    url = page.last;
  }
  return ok(ids, comments, checked);
}

const ok = (ids: string[], comments: Comment[], check: string): CheckResult => ({ status: 'ok', ids, comments, check });
const notIt = (): CheckResult => ({ status: 'not-discussion' });

function failure(res: Extract<ForumPageResult, { ok: false }> | null): CheckResult {
  if (!res || res.status === 0) return { status: 'failed', error: 'network', httpStatus: 0 };
  if (res.status === 404 || res.status === 410) return { status: 'gone' };
  const wait = res.retryAfter !== undefined ? { retryAfter: res.retryAfter } : {};
  return { status: 'failed', error: 'http', httpStatus: res.status, ...wait };
}

/** The back-off: first within 30 s, then twice as long after each check with nothing new, at most 10 min. */
export const FIRST_CHECK_MS = 30_000;
export const MAX_CHECK_MS = 600_000;
export const nextCheckMs = (quiet: number) => Math.min(MAX_CHECK_MS, FIRST_CHECK_MS * 2 ** Math.max(0, quiet));
