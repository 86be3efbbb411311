import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDiscussionController } from '@/utils/content/discussion-controller';
import { findSection } from '@/utils/pipeline/extract/find-section';
import type { CommentSection } from '@/utils/pipeline/model';
import type { ForumPageResult } from '@/utils/platform/forum-fetch';
import { ARTICLE_URL, fixtureDocument, fixtureHtml } from '@/test/support/helpers';

const THREAD = 'https://forums.macrumors.com/threads/huawei-xiaomi-att-verizon.2105432/';
const PAGES: Record<string, string> = {
  // The article links /threads/2105432; the forum redirects to the slugged address.
  'https://forums.macrumors.com/threads/2105432/': fixtureHtml('xenforo/page-1.html'),
  [`${THREAD}page-2`]: fixtureHtml('xenforo/page-2.html'),
  [`${THREAD}page-3`]: fixtureHtml('xenforo/page-3.html'),
};
const article = () => findSection(fixtureDocument('macrumors-2017-huawei-xiaomi.html'), ARTICLE_URL)!;
const settle = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 0));
};

/** A forum that answers from the fixtures, failing the pages listed in `failing` once each. */
function forum(failing: string[] = []) {
  const requested: string[] = [];
  const fetchPage = async (url: string): Promise<ForumPageResult> => {
    requested.push(url);
    const i = failing.indexOf(url);
    if (i >= 0) {
      failing.splice(i, 1);
      return { ok: false, status: 503, error: 'The forum answered 503.' };
    }
    const html = PAGES[url];
    if (!html) return { ok: false, status: 404, error: 'The forum answered 404.' };
    return { ok: true, url: url.endsWith('/2105432/') ? THREAD : url, html };
  };
  return { requested, fetchPage };
}

describe('the full-discussion controller', () => {
  beforeEach(() => fakeBrowser.reset());

  it('offers nothing for a section that links to no forum thread', () => {
    const section: CommentSection = { ...article(), discussionUrl: 'https://example.com/threads/1' };
    expect(createDiscussionController(section, () => {}).ui()).toBeNull();
    expect(createDiscussionController({ ...section, discussionUrl: undefined }, () => {}).ui()).toBeNull();
  });

  it('loads every page with progress, merges the posts into the section and caches them', async () => {
    const section = article();
    const merged: (CommentSection | null)[] = [];
    const progress: string[] = [];
    const { fetchPage, requested } = forum();
    const controller = createDiscussionController(
      section,
      (m) => {
        merged.push(m);
        const s = controller.ui()!.state;
        progress.push(s.status === 'loading' ? `${s.loaded}/${s.total}` : s.status);
      },
      { fetchPage, pauseMs: 0 },
    );
    controller.ui()!.load();
    await settle(() => controller.ui()!.state.status === 'done');
    expect(controller.ui()!.state).toEqual({ status: 'done', posts: 14, savedAt: undefined });
    expect(requested).toEqual(['https://forums.macrumors.com/threads/2105432/', `${THREAD}page-2`, `${THREAD}page-3`]);
    expect(progress).toEqual(['0/1', '1/3', '2/3', '3/3', 'done']);
    // Progress redraws; only the finished discussion replaces the section.
    expect(merged.slice(0, -1).every((m) => m === null)).toBe(true);
    const last = merged.at(-1)!;
    expect(last.comments.length).toBeGreaterThan(section.comments.length);
    // The top comments keep their places and votes.
    expect(last.comments.slice(0, section.comments.length).map((c) => [c.id, c.votes])).toEqual(
      section.comments.map((c) => [c.id, c.votes]),
    );
    expect(controller.apply(section).comments).toHaveLength(last.comments.length);
    const stored = await fakeBrowser.storage.local.get(null);
    // Kept under the forum's origin and thread, and listed in the caches' index.
    expect(Object.keys(stored).sort()).toEqual([
      'threadlight.discussion-index',
      'threadlight.discussion.https://forums.macrumors.com|2105432',
    ]);
  });

  it('opens from the cache without asking the forum again', async () => {
    const first = createDiscussionController(article(), () => {}, { ...forum(), pauseMs: 0 });
    first.ui()!.load();
    await settle(() => first.ui()!.state.status === 'done');
    const again = forum();
    const second = createDiscussionController(article(), () => {}, { fetchPage: again.fetchPage, pauseMs: 0 });
    second.ui()!.load();
    await settle(() => second.ui()!.state.status === 'done');
    expect(again.requested).toEqual([]);
    expect(second.ui()!.state).toMatchObject({ status: 'done', posts: 14, savedAt: expect.any(Number) });
  });

  it('stops at a failing page and, on Retry, goes on from it', async () => {
    const { fetchPage, requested } = forum([`${THREAD}page-2`]);
    const controller = createDiscussionController(article(), () => {}, { fetchPage, pauseMs: 0 });
    controller.ui()!.load();
    await settle(() => controller.ui()!.state.status === 'failed');
    expect(controller.ui()!.state).toMatchObject({ status: 'failed', loaded: 1, total: 3 });
    controller.ui()!.load();
    await settle(() => controller.ui()!.state.status === 'done');
    expect(requested.slice(1)).toEqual([`${THREAD}page-2`, `${THREAD}page-2`, `${THREAD}page-3`]);
    expect(controller.ui()!.state).toMatchObject({ status: 'done', posts: 14 });
  });

  it('cancels between pages and continues where it stopped', async () => {
    const { fetchPage, requested } = forum();
    const controller = createDiscussionController(article(), () => {}, { fetchPage, pauseMs: 20 });
    controller.ui()!.load();
    await settle(() => requested.length === 1);
    controller.ui()!.cancel();
    await settle(() => controller.ui()!.state.status === 'cancelled');
    expect(controller.ui()!.state).toMatchObject({ status: 'cancelled', loaded: 1 });
    controller.ui()!.load();
    await settle(() => controller.ui()!.state.status === 'done');
    expect(requested).toHaveLength(3);
  });
});
