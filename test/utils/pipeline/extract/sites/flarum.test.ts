import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageData } from '@/utils/pipeline/extract/adapter';
import { findSection, wantedData } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { discussionIdOf } from '@/utils/pipeline/extract/sites/flarum';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { createTopicController } from '@/utils/content/topic-controller';
import type { CommentSection } from '@/utils/pipeline/model';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { parseDocument } from '@/test/support/helpers';
import {
  discussionDocument,
  makeDiscussion,
  parentNumber,
  postId,
  postsDocument,
} from '@/test/support/flarum-discussions.mjs';
import { discussionPage } from '@/test/support/e2e/flarum-app.mjs';

// Flarum read from the platform's data: the preloaded discussion where the app draws its post stream (or,
// where it drew nothing, in its empty #content), parents from post mentions (a quote's mention is its source,
// a mention outside quotes the post answered), events left out, another discussion's post never a parent;
// the rest loaded from /api/posts?filter[id]=… in batches of 50.

type Discussion = { id: number; title: string; posts: Array<{ id: string; attributes: { number: number } }> };
const HOST = 'https://discuss.printing.example';
const D: Discussion = makeDiscussion(314, 90, 'Stringing with PETG');
const noData: PageData = { get: () => undefined };

function pageOf(discussion: Discussion, options: { drawn?: boolean; near?: number; prefix?: string } = {}) {
  const doc = parseDocument(
    discussionPage(discussion, { app: false, near: options.near ?? 1, prefix: options.prefix ?? '' }),
  );
  if (options.drawn) {
    const stream = doc.createElement('div');
    stream.className = 'PostStream';
    for (const p of discussion.posts.slice(0, 3)) {
      const item = doc.createElement('div');
      item.className = 'PostStream-item';
      item.setAttribute('data-id', p.id);
      item.innerHTML = '<article class="Post"><p>drawn</p></article>';
      stream.append(item);
    }
    doc.getElementById('content')!.append(stream);
  }
  return doc;
}

const expectedParent = (c: { number?: number }) => {
  const parent = parentNumber(c.number!);
  return parent === null ? null : String(postId(314, parent));
};

describe('Flarum, from the platform data', () => {
  useForOtherSites(anySite);
  beforeEach(() => fakeBrowser.reset());

  it('reads the preloaded discussion where the app draws it: comments only, parents from mentions', () => {
    const section = findSection(pageOf(D, { drawn: true }), `${HOST}/d/314-stringing-with-petg`)!;
    expect(section.source).toBe('flarum');
    expect(section.root.className).toBe('PostStream');
    // 20 posts preloaded, #6 is an event (a rename): 19 comments.
    expect(section.comments.map((c) => c.number)).toEqual([
      1,
      2,
      3,
      4,
      5,
      ...Array.from({ length: 14 }, (_, i) => i + 7),
    ]);
    expect(section.comments[0]).toMatchObject({ opening: true, author: 'Maker 2', votes: 5 });
    expect(section.topic).toMatchObject({ platform: 'flarum', id: '314', api: `${HOST}/api`, url: `${HOST}/d/314` });
    const forest = threadByQuotes(section.comments);
    for (const c of section.comments) expect(forest.byId.get(c.id)!.parentId, `#${c.number}`).toBe(expectedParent(c));
    // #9 mentions a post of another discussion: no parent here.
    expect(forest.byId.get(String(postId(314, 9)))!.parentId).toBeNull();
  });

  it('shows the discussion where the app never drew, in its empty #content', () => {
    const section = findSection(pageOf(D), `${HOST}/d/314`)!;
    expect(section.root.id).toBe('content');
    expect(section.more).toEqual({ count: 70, url: `${HOST}/d/314` });
  });

  it('names /api/discussions/<id> for another discussion or a post far in, and reads it', () => {
    const doc = pageOf(D, { near: 60 });
    expect(wantedData(doc, `${HOST}/d/314/60`, noData)).toBe(`${HOST}/api/discussions/314`);
    const other: Discussion = makeDiscussion(315, 12, 'Bed levelling');
    expect(wantedData(doc, `${HOST}/d/315-bed-levelling`, noData)).toBe(`${HOST}/api/discussions/315`);
    const data: PageData = {
      get: (url) => (url === `${HOST}/api/discussions/315` ? discussionDocument(other) : undefined),
    };
    const section = findSection(doc, `${HOST}/d/315-bed-levelling`, data)!;
    expect(section.comments.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12]);
  });

  it('reads the older inline app.load({...}) payload and a subfolder install', () => {
    const html = discussionPage(D, { app: false, prefix: '/forum' }).replace(
      /<script id="flarum-json-payload" type="application\/json">([\s\S]*?)<\/script>/,
      (_: string, json: string) => `<script>flarum.core.app.load(${json});</script>`,
    );
    const section = findSection(parseDocument(html), `${HOST}/forum/d/314`)!;
    expect(section.topic).toMatchObject({ api: `${HOST}/forum/api`, url: `${HOST}/forum/d/314` });
    expect(section.comments[1]!.postUrl).toBe(`${HOST}/forum/d/314/2`);
  });

  it('steps aside on hostile payloads and on pages that are not discussions', () => {
    expect(findSection(pageOf(D, { drawn: true }), `${HOST}/t/general`)).toBeNull();
    // A page kept or served under another address: the discussion its canonical link names.
    expect(findSection(pageOf(D), `${HOST}/saved/page.html`)!.comments).toHaveLength(19);
    const doc = pageOf(D);
    doc.getElementById('flarum-json-payload')!.textContent =
      '{"apiDocument": {"data": {"type": "discussions", "id": "__proto__"}}}';
    expect(findSection(doc, `${HOST}/d/314`)).toBeNull();
    expect(discussionIdOf('/d/314-petg/12')).toBe('314');
    expect(discussionIdOf('/d/abc')).toBeNull();
  });

  it('loads the rest in batches of 50 from /api/posts, events left out, parents found', async () => {
    const section: CommentSection = findSection(pageOf(D), `${HOST}/d/314`)!;
    const asked: string[] = [];
    const get = async (url: string): Promise<ForumPageResult> => {
      asked.push(url);
      const ids = decodeURIComponent(/filter%5Bid%5D=([^&]*)/.exec(url)![1]!).split(',');
      return { ok: true, url, html: JSON.stringify(postsDocument(D, ids)) };
    };
    let merged: CommentSection | null = null;
    const controller = createTopicController(section, (m) => m && (merged = m), { get });
    controller.ui()!.load();
    for (let i = 0; i < 200 && controller.ui()!.state.status !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 1));
    expect(asked.map((u) => decodeURIComponent(u.split('=')[1]!).split(',').length)).toEqual([50, 20]);
    expect(asked[0]).toMatch(/^https:\/\/discuss\.printing\.example\/api\/posts\?filter%5Bid%5D=314021,/);
    expect(merged!.comments).toHaveLength(89);
    const forest = threadByQuotes(merged!.comments);
    for (const c of merged!.comments) expect(forest.byId.get(c.id)!.parentId, `#${c.number}`).toBe(expectedParent(c));
  });
});
