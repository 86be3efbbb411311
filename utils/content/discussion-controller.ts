import type { Comment, CommentSection } from '@/utils/pipeline/model';
import { cacheDiscussion, readCachedDiscussion } from '@/utils/platform/discussion-cache';
import { forumOf, type ForumPageResult } from '@/utils/platform/forum-fetch';
import { sendMessage } from '@/utils/platform/messages';
import { loadDiscussion, mergeDiscussion, type LoadResult, type ResumePoint } from './full-discussion';

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

export function createDiscussionController(
  section: CommentSection,
  onChange: (merged: CommentSection | null) => void,
  deps: { fetchPage?: (url: string) => Promise<ForumPageResult>; pauseMs?: number } = {},
): DiscussionController {
  const forumSite = section.discussionUrl ? forumOf(section.discussionUrl) : null;
  const threadUrl = forumSite ? section.discussionUrl! : null;
  let state: DiscussionState = { status: 'idle' };
  let forum: Comment[] = [];
  let resume: ResumePoint = { page: 1, comments: [], total: 1 };
  let abort: AbortController | null = null;
  let current = section;

  const fetchPage = deps.fetchPage ?? ((url: string) => sendMessage('threadlight:fetch-forum-page', { url }));
  const parse = (html: string, url: string) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return {
      comments: forumSite!.readPage(doc, new URL(url)).map(({ element: _e, ...c }) => c as Comment),
      pages: forumSite!.pageCount(doc),
    };
  };
  const set = (next: DiscussionState, merged: boolean) => {
    state = next;
    onChange(merged ? controller.apply(current) : null);
  };

  const finish = (result: LoadResult, total: number) => {
    if (result.status === 'done') {
      forum = result.comments;
      set({ status: 'done', posts: forum.length }, true);
      void cacheDiscussion(forumSite!.threadKey(threadUrl!), threadUrl!, forum);
      return;
    }
    resume = { page: result.nextPage, comments: result.comments, total, base: result.base };
    const loaded = result.nextPage - 1;
    set(
      result.status === 'failed'
        ? { status: 'failed', loaded, total, error: result.error }
        : { status: 'cancelled', loaded, total },
      false,
    );
  };

  const load = async () => {
    if (!threadUrl || state.status === 'loading') return;
    if (state.status === 'idle') {
      const cached = await readCachedDiscussion(forumSite!.threadKey(threadUrl));
      if (cached) {
        forum = cached.comments;
        set({ status: 'done', posts: forum.length, savedAt: cached.savedAt }, true);
        return;
      }
    }
    if (state.status === 'done') resume = { page: 1, comments: [], total: 1 };
    abort = new AbortController();
    let total = resume.total ?? 1;
    set({ status: 'loading', loaded: resume.page - 1, total }, false);
    const result = await loadDiscussion(
      threadUrl,
      {
        fetchPage,
        parse,
        pageUrl: forumSite!.pageUrl,
        signal: abort.signal,
        pauseMs: deps.pauseMs ?? PAUSE_MS,
        onProgress: (p) => {
          total = p.total;
          set({ status: 'loading', loaded: p.loaded, total: p.total }, false);
        },
      },
      resume,
    );
    finish(result, total);
  };

  const controller: DiscussionController = {
    ui: () => (threadUrl ? { state, load: () => void load(), cancel: () => abort?.abort() } : null),
    apply(s) {
      current = s;
      return forum.length ? { ...s, comments: mergeDiscussion(s.comments, forum) } : s;
    },
    destroy: () => abort?.abort(),
  };
  return controller;
}
