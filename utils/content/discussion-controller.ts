import type { Comment, CommentSection } from '@/utils/pipeline/model';
import { cacheDiscussion, readCachedDiscussion } from '@/utils/platform/discussion-cache';
import type { ForumKnowledge } from '@/utils/pipeline/extract/adapter';
import { forumOf, type ForumPageResult } from '@/utils/platform/forum-fetch';
import { sendMessage } from '@/utils/platform/messages';
import { loadDiscussion, mergeDiscussion, type LoaderDeps, type LoadResult, type ResumePoint } from './full-discussion';

// "Load full discussion": asks the background for each forum page, parses it here, merges it with the
// section's comments, keeps the result in the cache, and reports progress to the view.

export type DiscussionState =
  | { status: 'idle' }
  | { status: 'loading'; loaded: number; total: number }
  | { status: 'failed'; loaded: number; total: number; error: string }
  | { status: 'cancelled'; loaded: number; total: number }
  | { status: 'done'; posts: number; savedAt?: number };

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
  destroy(): void;
}

const PAUSE_MS = 250;

/** Reads a fetched forum page: its posts and the page count it shows. */
const pageParser = (forum: ForumKnowledge) => (html: string, url: string) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return {
    comments: forum.readPage(doc, new URL(url)),
    pages: forum.pageCount(doc),
  };
};

/** Where a load that stopped (failed or cancelled) leaves the reader, and where it resumes. */
function stopped(result: Exclude<LoadResult, { status: 'done' }>, total: number) {
  const loaded = result.nextPage - 1;
  const state: DiscussionState =
    result.status === 'failed'
      ? { status: 'failed', loaded, total, error: result.error }
      : { status: 'cancelled', loaded, total };
  const resume: ResumePoint = { page: result.nextPage, comments: result.comments, total, base: result.base };
  return { state, resume };
}

/** Loads the thread's pages from `resume` on, through the forum engine's knowledge. */
function loadThread(
  threadUrl: string,
  forum: ForumKnowledge,
  resume: ResumePoint,
  deps: Omit<LoaderDeps, 'parse' | 'pageUrl'> & { pages?: string[] },
): Promise<LoadResult> {
  // Engines whose page addresses were read off the page (section.pages) are loaded from that list.
  const { pages } = deps;
  const pageUrl = pages ? (base: string, n: number) => pages[n - 1] ?? base : forum.pageUrl;
  return loadDiscussion(threadUrl, { ...deps, parse: pageParser(forum), pageUrl }, resume);
}

/** Forum pages come through the background; `source` names the engine, for sites the reader added. */
const askBackground = (source: string) => (url: string) => sendMessage('threadlight:fetch-forum-page', { url, source });

type ControllerDeps = { fetchPage?: (url: string) => Promise<ForumPageResult>; pauseMs?: number };

/** How the section's thread is paged: its page list (if read off the page), the fetch, the pause between pages. */
const pagerOf = (section: CommentSection, deps: ControllerDeps) => ({
  pages: section.pages,
  fetchPage: deps.fetchPage ?? askBackground(section.source),
  pauseMs: deps.pauseMs ?? PAUSE_MS,
});

export function createDiscussionController(
  section: CommentSection,
  onChange: (merged: CommentSection | null) => void,
  deps: ControllerDeps = {},
): DiscussionController {
  const forumSite = section.discussionUrl ? forumOf(section.discussionUrl, section.source) : null;
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

  const done = (comments: Comment[], savedAt?: number) => {
    forum = comments;
    set({ status: 'done', posts: forum.length, savedAt }, true);
  };
  const finish = (result: LoadResult, total: number) => {
    if (result.status !== 'done') {
      ({ state, resume } = stopped(result, total));
      return onChange(null);
    }
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
