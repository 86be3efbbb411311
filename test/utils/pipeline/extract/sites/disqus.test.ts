import { describe, expect, it } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { framePermissions, frameHostOf } from '@/utils/pipeline/extract/frames';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { fixtureDocument, fixtureHtml } from '@/test/support/helpers';

// Disqus, read inside its own frame (the real embed frame's capture): every post under the parent Disqus
// gives it, likes, and the posts of the thread the frame does not hold as "not loaded here".

const FILE = 'native/disqus-embed-mobile-review-android-54479-2018.html';
const FRAME =
  'https://disqus.com/embed/comments/?base=default&f=androidmr&t_u=http%3A%2F%2Fandroid.mobile-review.com%2Farticles%2F54479%2F';

describe('Disqus in its frame', () => {
  useForOtherSites(anySite);

  it('reads all 50 posts of the frame under the parents Disqus gives them', () => {
    // The oracle: the frame's own thread data (the API's JSON of the same posts), each with its parent.
    const json = /<script type="text\/json" id="disqus-threadData">([\s\S]*?)<\/script>/.exec(fixtureHtml(FILE))![1]!;
    const posts = (JSON.parse(json) as { response: { posts: Array<{ id: string; parent: number | null }> } }).response
      .posts;
    const section = findSection(fixtureDocument(FILE), FRAME)!;
    expect(section.source).toBe('disqus');
    expect(section.comments).toHaveLength(50);
    expect(new Set(section.comments.map((c) => c.id))).toEqual(new Set(posts.map((p) => String(p.id))));
    const forest = threadByQuotes(section.comments);
    for (const p of posts)
      expect(forest.byId.get(String(p.id))!.parentId, p.id).toBe(p.parent ? String(p.parent) : null);
    expect(posts.filter((p) => p.parent)).toHaveLength(35);
    expect(section.comments[0]).toMatchObject({
      author: 'Denis Danekin',
      authorUrl: 'https://disqus.com/by/ddanekin/',
      postUrl: 'http://android.mobile-review.com/articles/54479/#comment-3869143902',
      votes: 0,
      votesMissing: false,
    });
    expect(section.comments[0]!.ownText).toMatch(/^„Huawei не продает чипы/);
    expect(section.comments[0]!.ownText).not.toMatch(/Ответить|Поделиться/);
  });

  it('keeps the 25 posts the frame does not hold as not loaded here, linked to the thread on Disqus', () => {
    expect(findSection(fixtureDocument(FILE), FRAME)!.more).toEqual({
      count: 25,
      url: 'https://disqus.com/home/discussion/androidmr/hisilicon_huawei/',
    });
  });
});

describe('discussion frames', () => {
  it('knows the Disqus frame and the page that embeds it', () => {
    const host = frameHostOf(new URL(FRAME))!;
    expect(host.permission).toBe('https://disqus.com/*');
    expect(host.embedder(new URL(FRAME))).toBe('http://android.mobile-review.com/articles/54479/');
    expect(frameHostOf(new URL('https://disqus.com/home/discussion/x/y/'))).toBeUndefined();
    expect(frameHostOf(new URL('https://evil.example/embed/comments/?t_u=x'))).toBeUndefined();
    expect(
      framePermissions(['https://ads.example/frame', FRAME, 'not a url', `${FRAME}&again`, 'javascript:alert(1)']),
    ).toEqual(['https://disqus.com/*']);
  });
});
