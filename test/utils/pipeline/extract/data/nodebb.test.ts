import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { nodebbComments, readNodebbTopic } from '@/utils/pipeline/extract/data/nodebb';
import { findSection, wantedData } from '@/utils/pipeline/extract/find-section';
import { createTopicController } from '@/utils/content/topic-controller';
import type { CommentSection } from '@/utils/pipeline/model';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { fixtureDocument, fixtureHtml } from '@/test/support/helpers';

// A NodeBB topic from the platform's own data (the real /api/topic payload the real page was rendered from):
// the same posts, ids (federated ones are addresses) and parents as the page's own markup gives them.

const BASE = 'https://community.nodebb.org/topic/18427/rc1-of-nodebb-v4';
const payload = () => JSON.parse(fixtureHtml('data/nodebb-community-nodebb-t18427-ajaxify-data.json')) as unknown;

describe('NodeBB topics from the platform data', () => {
  it('reads every post with the parent NodeBB records, the same as the server page shows', () => {
    const topic = readNodebbTopic(payload())!;
    expect(topic).toMatchObject({ tid: 18427, title: 'RC1 of NodeBB v4', postcount: 12 });
    const comments = nodebbComments(topic, BASE);
    expect(comments).toHaveLength(12);
    expect(comments.filter((c) => /^https:/.test(c.id))).toHaveLength(2);
    useForOtherSites(anySite);
    const page = findSection(fixtureDocument('real/nodebb-community-nodebb-rc1-of-nodebb-v4.html'), BASE)!;
    expect(page.source).toBe('nodebb');
    expect(comments.map((c) => c.id)).toEqual(page.comments.map((c) => c.id));
    const fromData = threadByQuotes(comments);
    const fromPage = threadByQuotes(page.comments);
    for (const c of comments) expect(fromData.byId.get(c.id)!.parentId, c.id).toBe(fromPage.byId.get(c.id)!.parentId);
    expect(comments.filter((c) => c.parentHint)).toHaveLength(6);
    expect(comments[0]).toMatchObject({ author: 'julian', votes: 13, opening: true });
    expect(comments[0]!.postUrl).toBe('https://community.nodebb.org/post/101884');
    // The same words, but where the captured page shows Cloudflare's "[email protected]" (its scripts put the
    // address back in a browser), the data has the address itself.
    const words = (t: string) =>
      t
        .replace(/\[email[\u00a0 ]protected\]|[\w.+-]*@[\w.-]+\w/g, '@')
        .replace(/\s+/g, ' ')
        .trim();
    for (const [i, c] of comments.entries()) expect(words(c.ownText), c.id).toBe(words(page.comments[i]!.ownText));
  });

  it('refuses hostile shapes field by field', () => {
    expect(readNodebbTopic({ tid: 1, posts: [] })).toBeNull();
    expect(readNodebbTopic({ tid: '1', posts: [{ pid: 1, index: 0, content: 'x' }] })).toBeNull();
    const topic = readNodebbTopic({
      tid: 5,
      posts: [
        { pid: 1, index: 0, content: '<p>one<script>alert(1)</script></p>', user: { username: '__proto__' } },
        { pid: 'javascript:alert(1)', index: 1, content: '<p>bad pid</p>' },
        { pid: 3, index: -1, content: '<p>bad index</p>' },
        { pid: 4, index: 2, content: '<p>two</p>', toPid: 1, votes: 'many' },
      ],
    })!;
    expect(topic.posts.map((p) => p.pid)).toEqual(['1', '4']);
    const comments = nodebbComments(topic, 'https://forum.example.org/topic/5/x');
    expect(comments.map((c) => [c.id, c.author, c.parentHint ?? null, c.votes])).toEqual([
      ['1', '__proto__', null, 0],
      ['4', '', '1', 0],
    ]);
    expect(JSON.stringify(comments[0]!.body)).not.toMatch(/script|alert/);
  });
});

describe('NodeBB topics: size and pages from the data, the rest loaded page by page', () => {
  useForOtherSites(anySite);
  const PAGE = 'real/nodebb-community-nodebb-rc1-of-nodebb-v4.html';

  it('knows the topic the page was rendered from, and asks /api/topic/<tid> after in-page navigation', () => {
    const doc = fixtureDocument(PAGE);
    const section = findSection(doc, BASE)!;
    expect(section.topic).toEqual({
      platform: 'nodebb',
      url: 'https://community.nodebb.org/topic/18427/rc1-of-nodebb-v4',
      id: '18427',
      posts: [],
      api: 'https://community.nodebb.org/api/topic/18427/rc1-of-nodebb-v4',
      count: 12,
      pages: 1,
    });
    // All 12 posts are on the page: nothing to load.
    expect(createTopicController(section, () => {}).ui()).toBeNull();
    const other = 'https://community.nodebb.org/topic/999/another-topic';
    // Mid-navigation (the address is the next topic's, the page still the last one's): nothing asked, no size.
    expect(wantedData(doc, other, { get: () => undefined })).toBeNull();
    expect(findSection(doc, other)!.topic).toBeUndefined();
    // The app drew topic 999 (its #ajaxify-data stays the first page's): its data is asked for.
    doc.querySelector('[component="topic"]')!.setAttribute('data-tid', '999');
    expect(wantedData(doc, other, { get: () => undefined })).toBe('https://community.nodebb.org/api/topic/999');
    const fetched = { ...(payload() as object), tid: 999, slug: '999/another-topic', postcount: 40 };
    const data = { get: (u: string) => (u === 'https://community.nodebb.org/api/topic/999' ? fetched : undefined) };
    expect(wantedData(doc, other, data)).toBeNull();
    expect(findSection(doc, other, data)!.topic).toMatchObject({ id: '999', count: 40 });
  });

  it('loads every page of a long topic, one request at a time, and keeps posts the page let go', async () => {
    fakeBrowser.reset();
    const section = findSection(fixtureDocument(PAGE), BASE)!;
    const real = payload() as { posts: Array<Record<string, unknown>> };
    const pageOf = (n: number) => ({
      ...(payload() as object),
      postcount: 30,
      pagination: { pageCount: 3, currentPage: n },
      posts: Array.from({ length: 10 }, (_, i) => ({
        ...real.posts[i % real.posts.length],
        pid: 500000 + (n - 1) * 10 + i,
        index: (n - 1) * 10 + i,
        toPid: i === 0 ? null : String(500000 + (n - 1) * 10 + i - 1),
      })),
    });
    const topic = { ...section.topic!, count: 42, pages: 3 };
    const asked: string[] = [];
    const get = async (url: string): Promise<ForumPageResult> => {
      asked.push(url);
      return { ok: true, url, html: JSON.stringify(pageOf(Number(new URL(url).searchParams.get('page')))) };
    };
    let merged: CommentSection | null = null;
    const controller = createTopicController({ ...section, topic }, (m) => m && (merged = m), { get });
    controller.ui()!.load();
    for (let i = 0; i < 300 && controller.ui()!.state.status !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 1));
    expect(asked).toEqual([1, 2, 3].map((n) => `${topic.api}?page=${n}`));
    expect(merged!.comments).toHaveLength(42);
    expect(threadByQuotes(merged!.comments).byId.get('500021')!.parentId).toBe('500020');
    // The app takes posts off the page as the reader scrolls: they stay in the view.
    const fewer = { ...section, topic, comments: section.comments.slice(6) };
    expect(controller.apply(fewer).comments).toHaveLength(42);
  });
});
