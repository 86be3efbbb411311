import { describe, expect, it } from 'vitest';
import { nodebbComments, readNodebbTopic } from '@/utils/pipeline/extract/data/nodebb';
import { findSection } from '@/utils/pipeline/extract/find-section';
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
