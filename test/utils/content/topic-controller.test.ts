import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTopicController } from '@/utils/content/topic-controller';
import type { DiscussionState } from '@/utils/content/discussion-controller';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import type { CommentSection } from '@/utils/pipeline/model';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { parseDocument } from '@/test/support/helpers';
import { makeTopic, parentNumber, postId, postsJson, topicJson } from '@/test/support/discourse-topics.mjs';
import { topicPage } from '@/test/support/e2e/discourse-app.mjs';

// "Load full discussion" on a Discourse topic: every post the stream lists, in batches of at most 50, one
// request at a time; the tree of the whole topic (quotes of posts loaded later find their parent); kept for
// 30 minutes; a login wall or a cancel keeps what was loaded and says so.

const HOST = 'https://forum.quietnas.example';
const HREF = `${HOST}/t/quiet-nas-builds/123`;
const TOPIC = makeTopic(123, 120, 'Quiet NAS builds');

function section(near = 1): CommentSection {
  useForOtherSites(anySite);
  const doc = parseDocument(topicPage(TOPIC, { app: false, near }));
  const href = near > 1 ? `${HREF}/${near}` : HREF;
  const data = { get: (url: string) => (url === `${HOST}/t/123.json` ? topicJson(TOPIC) : undefined) };
  return findSection(doc, href, data)!;
}

/** The forum's JSON, with requests logged (and how many ran at once) and answers replaced where asked. */
function forum(fail: (n: number) => ForumPageResult | null = () => null) {
  const asked: number[][] = [];
  let running = 0;
  let most = 0;
  const get = async (url: string): Promise<ForumPageResult> => {
    const ids = Array.from(url.matchAll(/post_ids\[\]=(\d+)/g), (m) => Number(m[1]));
    asked.push(ids);
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, 1));
    running--;
    return fail(asked.length) ?? { ok: true, url, html: JSON.stringify(postsJson(TOPIC, ids)) };
  };
  return { get, asked, most: () => most };
}

async function until(state: () => DiscussionState, status: DiscussionState['status']) {
  for (let i = 0; i < 500 && state().status !== status; i++) await new Promise((r) => setTimeout(r, 1));
  expect(state().status).toBe(status);
}

describe('loading a whole Discourse topic', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads every post the stream lists, 50 at most per request, one at a time, into one tree', async () => {
    const shown = section();
    const { get, asked, most } = forum();
    let merged: CommentSection | null = null;
    const controller = createTopicController(shown, (m) => m && (merged = m), { get });
    const ui = () => controller.ui()!;
    expect(ui().state).toEqual({ status: 'idle' });
    ui().load();
    await until(() => ui().state, 'done');
    expect(asked.map((ids) => ids.length)).toEqual([50, 50]);
    expect(most()).toBe(1);
    const comments = merged!.comments;
    expect(comments).toHaveLength(120);
    expect(comments.map((c) => c.number)).toEqual(TOPIC.numbers);
    expect(comments.map((c) => c.index)).toEqual(comments.map((_, i) => i));
    const forest = threadByQuotes(comments);
    for (const c of comments) {
      const parent = parentNumber(c.number!);
      expect(forest.byId.get(c.id)!.parentId, `#${c.number}`).toBe(
        parent === null ? null : String(postId(123, parent)),
      );
    }
    expect(ui().state).toEqual({ status: 'done', posts: 120 });
  });

  it('finds the parents of posts loaded before the ones they answer (a post address first)', async () => {
    const shown = section(60);
    const { get } = forum();
    let merged: CommentSection | null = null;
    const controller = createTopicController(shown, (m) => m && (merged = m), { get });
    controller.ui()!.load();
    await until(() => controller.ui()!.state, 'done');
    const forest = threadByQuotes(merged!.comments);
    // #60 quotes #57, which the first view did not hold.
    expect(forest.byId.get(String(postId(123, 60)))!.parentId).toBe(String(postId(123, 57)));
  });

  it('keeps the whole topic for the next visit', async () => {
    const first = createTopicController(section(), () => {}, forum());
    first.ui()!.load();
    await until(() => first.ui()!.state, 'done');
    const again = forum();
    let merged: CommentSection | null = null;
    const second = createTopicController(section(), (m) => m && (merged = m), again);
    second.ui()!.load();
    await until(() => second.ui()!.state, 'done');
    expect(again.asked).toEqual([]);
    expect(merged!.comments).toHaveLength(120);
    expect(second.ui()!.state).toMatchObject({ status: 'done', posts: 120, savedAt: expect.any(Number) });
  });

  it('stops at a login wall with a message, keeps and shows what was loaded, and Retry goes on', async () => {
    let wall = true;
    const { get, asked } = forum((n) =>
      n === 2 && wall ? { ok: false, status: 403, error: 'The forum answered 403.' } : null,
    );
    let merged: CommentSection | null = null;
    const controller = createTopicController(section(), (m) => m && (merged = m), { get });
    controller.ui()!.load();
    await until(() => controller.ui()!.state, 'failed');
    expect(controller.ui()!.state).toMatchObject({ loaded: 70, total: 120, unit: 'posts' });
    expect((controller.ui()!.state as { error: string }).error).toMatch(/sign in/);
    expect(merged!.comments).toHaveLength(70);
    wall = false;
    controller.ui()!.load();
    await until(() => controller.ui()!.state, 'done');
    expect(merged!.comments).toHaveLength(120);
    // Retry asked only for what was missing.
    expect(asked.map((ids) => ids.length)).toEqual([50, 50, 50]);
  });

  it('cancels between batches and says how far it got', async () => {
    const { get } = forum();
    const controller = createTopicController(section(), () => {}, { get });
    controller.ui()!.load();
    await until(() => controller.ui()!.state, 'loading');
    controller.ui()!.cancel();
    await until(() => controller.ui()!.state, 'cancelled');
    expect(controller.ui()!.state).toMatchObject({ status: 'cancelled', total: 120, unit: 'posts' });
  });

  it('offers nothing to load when the view holds every post', () => {
    const small = makeTopic(77, 12, 'Small');
    useForOtherSites(anySite);
    const whole = findSection(parseDocument(topicPage(small, { app: false })), `${HOST}/t/small/77`)!;
    expect(whole.comments).toHaveLength(12);
    expect(createTopicController(whole, () => {}).ui()).toBeNull();
  });
});
