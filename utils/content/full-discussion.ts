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

export interface LoadProgress {
  loaded: number;
  total: number;
}

export type LoadResult =
  | { status: 'done'; comments: Comment[] }
  | { status: 'cancelled'; comments: Comment[]; nextPage: number; base: string }
  | { status: 'failed'; comments: Comment[]; nextPage: number; base: string; error: string };

export interface LoaderDeps {
  /** Address of page n of the thread (the forum engine's knowledge). */
  pageUrl(threadUrl: string, n: number): string;
  /** Fetch one page's HTML (through the background). */
  fetchPage(
    url: string,
  ): Promise<{ ok: true; url: string; html: string } | { ok: false; status: number; error: string }>;
  /** Parse one page into its posts and the page count it shows. */
  parse(html: string, url: string): { comments: Comment[]; pages: number };
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
}

export async function loadDiscussion(
  threadUrl: string,
  deps: LoaderDeps,
  from: ResumePoint = { page: 1, comments: [] },
): Promise<LoadResult> {
  const comments = from.comments.slice();
  let total = from.total ?? from.page;
  // Later pages hang off the address the first one resolved to (/threads/<id> redirects to /threads/<slug>.<id>/).
  let base = from.base ?? threadUrl;
  for (let page = from.page; page <= total; page++) {
    if (deps.signal.aborted) return { status: 'cancelled', comments, nextPage: page, base };
    if (page > from.page && deps.pauseMs) await new Promise((r) => setTimeout(r, deps.pauseMs));
    if (deps.signal.aborted) return { status: 'cancelled', comments, nextPage: page, base };
    const url = deps.pageUrl(base, page);
    const res = await deps.fetchPage(url);
    if (!res.ok)
      return { status: 'failed', comments, nextPage: page, base, error: t('pageError', page, total, res.error) };
    if (page === 1) base = res.url;
    let parsed: { comments: Comment[]; pages: number };
    try {
      parsed = deps.parse(res.html, res.url);
    } catch {
      return { status: 'failed', comments, nextPage: page, base, error: t('pageUnreadable', page, total) };
    }
    if (page === 1 || parsed.pages > total) total = Math.max(total, parsed.pages);
    const seen = new Set(comments.map((c) => c.id));
    for (const c of parsed.comments) if (!seen.has(c.id)) comments.push({ ...c, index: comments.length });
    deps.onProgress({ loaded: page, total });
  }
  return { status: 'done', comments };
}
