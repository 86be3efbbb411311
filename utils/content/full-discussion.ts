import { t } from '@/utils/platform/i18n';
import type { Comment } from '@/utils/pipeline/model';

// The whole discussion behind an article: forum pages loaded one at a time, then merged with the article's
// top comments. The loader is pure logic over injected fetch, parse and address functions, so it is tested without a
// browser; the content script supplies the real ones.

/**
 * Forum posts merged with the article's top comments: a top comment found in the forum keeps its votes and
 * place but takes the forum's body and exact quote sources; the rest follow in forum order.
 */
export function mergeDiscussion(article: Comment[], forum: Comment[]): Comment[] {
  const byId = new Map(forum.map((c) => [c.id, c]));
  const used = new Set<string>();
  const merged: Comment[] = article.map((top, index) => {
    const post = byId.get(top.id);
    if (!post) return { ...top, index };
    used.add(top.id);
    return { ...post, votes: top.votes, votesMissing: top.votesMissing, index };
  });
  for (const post of forum) if (!used.has(post.id)) merged.push({ ...post, index: merged.length });
  return merged;
}

export interface ParsedPage {
  comments: Comment[];
  pages: number;
}

export interface LoadProgress {
  loaded: number;
  total: number;
}

export type LoadResult =
  | { status: 'done'; comments: Comment[]; missing: number[] }
  | { status: 'cancelled'; comments: Comment[]; nextPage: number; base: string; missing: number[] }
  | { status: 'failed'; comments: Comment[]; nextPage: number; base: string; missing: number[]; error: string };

export interface LoaderDeps {
  /** Address of page n of the thread (the forum engine's knowledge); null when no pagination gave it. */
  pageUrl(threadUrl: string, n: number): string | null;
  /** Fetch one page's HTML (through the background). */
  fetchPage(
    url: string,
    signal?: AbortSignal,
  ): Promise<{ ok: true; url: string; html: string } | { ok: false; status: number; error: string }>;
  /** Parse one page into its posts and the page count it shows. */
  parse(html: string, url: string): ParsedPage;
  onProgress(p: LoadProgress): void;
  signal: AbortSignal;
  /** Pause between pages, to be polite to the forum. */
  pauseMs?: number;
}

/**
 * Loads pages from `startPage` on, one request at a time. On failure or cancel it returns what it has and the
 * page to resume from, so Retry continues instead of starting over.
 */
export interface ResumePoint {
  page: number;
  comments: Comment[];
  total?: number;
  /** The thread address page 1 resolved to. */
  base?: string;
  /** Pages no address was found for. */
  missing?: number[];
}

export async function loadDiscussion(
  threadUrl: string,
  deps: LoaderDeps,
  from: ResumePoint = { page: 1, comments: [] },
): Promise<LoadResult> {
  const comments = from.comments.slice();
  const missing = (from.missing ?? []).slice();
  let total = from.total ?? from.page;
  // Later pages hang off the address the first one resolved to (/threads/<id> redirects to /threads/<slug>.<id>/).
  let base = from.base ?? threadUrl;
  for (let page = from.page; page <= total; page++) {
    if (deps.signal.aborted) return { status: 'cancelled', comments, nextPage: page, base, missing };
    if (page > from.page && deps.pauseMs) await new Promise((r) => setTimeout(r, deps.pauseMs));
    if (deps.signal.aborted) return { status: 'cancelled', comments, nextPage: page, base, missing };
    const url = deps.pageUrl(base, page);
    // No address for this page (windowed pagination that never showed it): say so, never fetch page 1 again.
    if (url === null) {
      missing.push(page);
      continue;
    }
    const res = await abortable(deps.fetchPage(url, deps.signal), deps.signal);
    if (res === null) return { status: 'cancelled', comments, nextPage: page, base, missing };
    if (!res.ok)
      return {
        status: 'failed',
        comments,
        nextPage: page,
        base,
        missing,
        error: t('pageError', page, total, res.error),
      };
    if (page === 1) base = res.url;
    let parsed: ParsedPage;
    try {
      parsed = deps.parse(res.html, res.url);
    } catch {
      return { status: 'failed', comments, nextPage: page, base, missing, error: t('pageUnreadable', page, total) };
    }
    if (page === 1 || parsed.pages > total) total = Math.max(total, parsed.pages);
    const seen = new Set(comments.map((c) => c.id));
    for (const c of parsed.comments) if (!seen.has(c.id)) comments.push({ ...c, index: comments.length });
    deps.onProgress({ loaded: page, total });
  }
  return { status: 'done', comments, missing };
}

/** The promise's value, or null as soon as the signal aborts (Cancel ends the wait at once). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const stop = () => resolve(null);
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (v) => (signal.removeEventListener('abort', stop), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', stop), reject(e)),
    );
  });
}
