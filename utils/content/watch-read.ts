import type { CommentSection } from '@/utils/pipeline/model';
import { findSectionSteps } from '@/utils/pipeline/extract/find-section';
import { nextTask, runInTasks } from '@/utils/pipeline/steps';
import { forumOf } from '@/utils/platform/forum-fetch';
import type { PageReading } from '@/utils/platform/watch-check';
import { discussionKey } from './fresh';
import type { WatchKit } from './watch-view';
import { bareTitle } from './watch-pace';

// A page fetched for a watched discussion, read as a page of the site is read (find-section.ts): its
// discussion's key, its posts, and the thread's last page where its pagination names one. Here, beside the
// engines, for the content script (handed to the view's checker) and the background (or its offscreen page).

/** Posts read between pauses. */
const SLICE = 25;

const NONE: PageReading = { key: null, ids: [], last: null };

/** Read on tasks of a few milliseconds each (steps.ts): a check never holds the page for long. */
export async function readWatchedPage(html: string, url: string): Promise<PageReading> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  await nextTask();
  const section = await runInTasks(findSectionSteps(doc, url, SLICE), nextTask);
  if (!section) return NONE;
  const comments = section.comments;
  return {
    key: discussionKey(section, url),
    ids: comments.map((c) => c.id),
    comments,
    last: lastPageOf(doc, section, url),
  };
}

/** The thread's last page as this page's pagination names it; null for a page that is the whole discussion. */
export function lastPageOf(doc: Document, section: CommentSection, url: string): string | null {
  const forum = forumOf(section.discussionUrl ?? url, section.source);
  if (!forum) return null;
  const named = section.pages?.at(-1) ?? forum.pageUrls?.(doc, new URL(url))?.at(-1);
  if (named) return named;
  const count = forum.pageCount(doc);
  return count > 1 ? forum.pageUrl(url, count) : null;
}

/** How the view watches this discussion (watch-view.ts; an app forum's topic is made a topic's there). */
export function watchKitOf(doc: Document, section: CommentSection, href: string): WatchKit {
  const check = lastPageOf(doc, section, href) ?? href;
  const title = bareTitle(doc.title).slice(0, 300);
  const source = section.source ? { source: section.source } : {};
  return { key: discussionKey(section, href), url: href, check, title, ...source, read: readWatchedPage };
}
