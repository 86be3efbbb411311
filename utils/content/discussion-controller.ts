import type { Comment, CommentSection } from '@/utils/pipeline/model';
import { cacheDiscussion, readCachedDiscussion } from '@/utils/platform/discussion-cache';
import type { ForumKnowledge } from '@/utils/pipeline/extract/adapter';
import { forumOf, type ForumPageResult } from '@/utils/platform/forum-fetch';
import { fetchSameOrigin } from './same-origin-fetch';
import type { WatchUi } from './watch-view';
import { sendMessage } from '@/utils/platform/messages';
import { loadDiscussion, mergeDiscussion, type LoaderDeps, type LoadResult, type ResumePoint } from './full-discussion';

// "Load full discussion": asks the background for each forum page, parses it here, merges it with the
// section's comments, keeps the result in the cache, and reports progress to the view.

/** What `loaded` and `total` count: forum pages (the default), or an app forum's posts. */
type Unit = { unit?: 'posts' };

export type DiscussionState =
  | { status: 'idle' }
  | ({ status: 'loading'; loaded: number; total: number } & Unit)
  | ({ status: 'failed'; loaded: number; total: number; error: string } & Unit)
  | ({ status: 'cancelled'; loaded: number; total: number } & Unit)
  | { status: 'done'; posts: number; savedAt?: number; missing?: { pages: number; total: number } };

export interface DiscussionUi {
  state: DiscussionState;
  load(): void;
  cancel(): void;
}

export interface DiscussionController {
  /** Null when the section links to no forum thread. */
  ui(): DiscussionUi | null;
  /** The section with the full discussion merged in, once it is loaded. */
  apply(section: CommentSection): CommentSection;
  /** "Watch this discussion", where the view watches (watch-arrivals.ts). */
  watch?(): WatchUi;
  destroy(): void;
}

const PAUSE_MS = 250;

/** Reads a fetched forum page: its posts and the page count it shows; page addresses it gives go in `known`. */
const pageParser = (forum: ForumKnowledge, known: Map<number, string>) => (html: string, url: string) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  forum.pageUrls?.(doc, new URL(url))?.forEach((u, i) => known.has(i + 1) || known.set(i + 1, u));
  return {
    comments: forum.readPage(doc, new URL(url)),
    pages: Math.max(forum.pageCount(doc), known.size),
  };
};

/** Where a load that stopped (failed or cancelled) leaves the reader, and where it resumes. */
function stopped(result: Exclude<LoadResult, { status: 'done' }>, total: number) {
  const loaded = result.nextPage - 1;
  const state: DiscussionState =
    result.status === 'failed'
      ? { status: 'failed', loaded, total, error: result.error }
      : { status: 'cancelled', loaded, total };
  const resume: ResumePoint = {
    page: result.nextPage,
    comments: result.comments,
    total,
    base: result.base,
    missing: result.missing,
  };
  return { state, resume };
}

/** Loads the thread's pages from `resume` on, through the forum engine's knowledge. */
function loadThread(
  threadUrl: string,
  forum: ForumKnowledge,
  resume: ResumePoint,
  deps: Omit<LoaderDeps, 'parse' | 'pageUrl'> & { pages?: string[] },
): Promise<LoadResult> {
  // Engines whose page addresses are read off the page (section.pages) are loaded from those addresses, and
  // from those each fetched page gives (windowed pagination shows more as it goes); a page none gave is missing.
  const { pages } = deps;
  const known = new Map((pages ?? []).map((u, i) => [i + 1, u]));
  const pageUrl = pages ? (_base: string, n: number) => known.get(n) ?? null : forum.pageUrl;
  return loadDiscussion(threadUrl, { ...deps, parse: pageParser(forum, known), pageUrl }, resume);
}

let requests = 0;
/**
 * How pages are fetched: a forum on the page's own origin (a site the reader enabled) by this content script
 * (same-origin-fetch.ts); a built-in forum through the background, which a Cancel reaches by the request's id.
 */
const fetcherFor =
  (origin: string) =>
  (url: string, signal?: AbortSignal): Promise<ForumPageResult> => {
    if (new URL(url).origin === origin) return fetchSameOrigin(url, origin, signal);
    const id = `r${++requests}`;
    signal?.addEventListener('abort', () => void sendMessage('threadlight:cancel-fetch', { id }).catch(() => 0));
    return sendMessage('threadlight:fetch-forum-page', { url, id });
  };

/**
 * `forum`: the thread's forum knowledge as the content script has it (null: none). The view's script, where
 * this controller runs, carries no engine of the sites the reader enabled: the content script looks it up.
 */
type ControllerDeps = { fetchPage?: LoaderDeps['fetchPage']; pauseMs?: number; forum?: ForumKnowledge | null };

/** How the section's thread is paged: its page list (if read off the page), the fetch, the pause between pages. */
const pagerOf = (section: CommentSection, deps: ControllerDeps) => ({
  pages: section.pages,
  fetchPage: deps.fetchPage ?? fetcherFor(section.root.ownerDocument.location?.origin ?? ''),
  pauseMs: deps.pauseMs ?? PAUSE_MS,
});

/** The thread's forum knowledge: as handed in, else looked up here (tests, built-in forums). */
const forumKnowledge = (section: CommentSection, deps: ControllerDeps) =>
  deps.forum !== undefined ? deps.forum : section.discussionUrl ? forumOf(section.discussionUrl, section.source) : null;

export function createDiscussionController(
  section: CommentSection,
  onChange: (merged: CommentSection | null) => void,
  deps: ControllerDeps = {},
): DiscussionController {
  const forumSite = forumKnowledge(section, deps);
  const threadUrl = forumSite ? section.discussionUrl! : null;
  const threadKey = threadUrl ? forumSite!.threadKey(threadUrl) : '';
  let state: DiscussionState = { status: 'idle' };
  let forum: Comment[] = [];
  let resume: ResumePoint = { page: 1, comments: [], total: 1 };
  let abort: AbortController | null = null;
  let current = section;

  const pager = pagerOf(section, deps);
  const set = (next: DiscussionState, merged: boolean) => {
    state = next;
    onChange(merged ? controller.apply(current) : null);
  };

  const done = (comments: Comment[], savedAt?: number, missing?: { pages: number; total: number }) => {
    forum = comments;
    set({ status: 'done', posts: forum.length, savedAt, missing }, true);
  };
  const finish = (result: LoadResult, total: number) => {
    if (result.status !== 'done') {
      ({ state, resume } = stopped(result, total));
      return onChange(null);
    }
    // Pages no pagination gave an address for: an honest "N of M pages", and nothing kept as if complete.
    if (result.missing.length) return done(result.comments, undefined, { pages: total - result.missing.length, total });
    done(result.comments);
    void cacheDiscussion(threadUrl!, threadKey, forum);
  };

  const load = async () => {
    if (!threadUrl || state.status === 'loading') return;
    const cached = state.status === 'idle' ? await readCachedDiscussion(threadUrl, threadKey) : null;
    if (cached) return done(cached.comments, cached.savedAt);
    if (state.status === 'done') resume = { page: 1, comments: [], total: 1 };
    abort = new AbortController();
    let total = resume.total ?? 1;
    set({ status: 'loading', loaded: resume.page - 1, total }, false);
    const result = await loadThread(threadUrl, forumSite!, resume, {
      ...pager,
      signal: abort.signal,
      onProgress: (p) => {
        total = p.total;
        set({ status: 'loading', loaded: p.loaded, total: p.total }, false);
      },
    });
    finish(result, total);
  };

  const cancel = () => abort?.abort();
  const controller: DiscussionController = {
    ui: () => (threadUrl ? { state, load: () => void load(), cancel } : null),
    apply(s) {
      current = s;
      return forum.length ? { ...s, comments: mergeDiscussion(s.comments, forum) } : s;
    },
    destroy: cancel,
  };
  return controller;
}
