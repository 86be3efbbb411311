import { describe, expect, it } from 'vitest';
import { BATCH, batchUrl, loadTopicRest, type TopicLoad } from '@/utils/content/topic-load';
import { fetchPageLimited, type ForumPageResult } from '@/utils/platform/page-fetch';

// The rest of a Discourse topic from its own JSON: batches of at most 50 stream ids, one request at a time, a
// 429 waited out, and a login wall, a wrong answer or a cancel ending the load with what was loaded kept.

const TOPIC = 'https://forum.example.org/community/t/quiet-nas/2144';
const post = (id: number) => ({ id, post_number: id - 1000, username: `u${id}`, cooked: `<p>post ${id}</p>` });
const ok = (ids: number[], extra: object = {}): ForumPageResult => ({
  ok: true,
  url: 'x',
  html: JSON.stringify({ id: 2144, post_stream: { posts: ids.map(post) }, ...extra }),
});
const idsOf = (url: string) => Array.from(url.matchAll(/post_ids\[\]=(\d+)/g), (m) => Number(m[1]));

function loader(answer: (url: string, n: number) => ForumPageResult, rest: Partial<TopicLoad> = {}) {
  const urls: string[] = [];
  const batches: number[][] = [];
  const sleeps: number[] = [];
  let running = 0;
  let most = 0;
  const load: TopicLoad = {
    topicUrl: TOPIC,
    topicId: 2144,
    stream: Array.from({ length: 130 }, (_, i) => 1001 + i),
    have: new Set([1001, 1002, 1003]),
    get: async (url) => {
      running++;
      most = Math.max(most, running);
      urls.push(url);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return answer(url, urls.length);
    },
    onBatch: (posts) => batches.push(posts.map((p) => p.id)),
    sleep: async (ms) => void sleeps.push(ms),
    ...rest,
  };
  return { load, urls, batches, sleeps, most: () => most };
}

describe('loading the rest of a Discourse topic', () => {
  it('asks for the missing ids in batches of 50, one request at a time, on the topic’s own path', async () => {
    const run = loader((url) => ok(idsOf(url)));
    expect(await loadTopicRest(run.load)).toBeNull();
    expect(run.urls).toHaveLength(3);
    expect(run.urls[0]).toMatch(/^https:\/\/forum\.example\.org\/community\/t\/2144\/posts\.json\?post_ids\[\]=1004&/);
    expect(run.urls.map((u) => idsOf(u).length)).toEqual([BATCH, BATCH, 27]);
    expect(run.batches.flat()).toEqual(Array.from({ length: 127 }, (_, i) => 1004 + i));
    expect(run.most()).toBe(1);
    expect(batchUrl('https://f.example/t/slug/9/12', 9, [1, 2])).toBe(
      'https://f.example/t/9/posts.json?post_ids[]=1&post_ids[]=2',
    );
  });

  it('waits out a 429 as the site asks, and gives up past a minute', async () => {
    const slow = loader((url, n) => (n === 1 ? { ok: false, status: 429, error: 'x', retryAfter: 3 } : ok(idsOf(url))));
    expect(await loadTopicRest(slow.load)).toBeNull();
    expect(slow.sleeps).toEqual([3000]);
    const slower = loader(() => ({ ok: false, status: 429, error: 'x', retryAfter: 600 }));
    expect(await loadTopicRest(slower.load)).toMatch(/slow down/);
    expect(slower.batches).toEqual([]);
  });

  it('stops with a message and keeps what was loaded: a login wall, an answer that is not this topic', async () => {
    const wall = loader((url, n) => (n === 1 ? ok(idsOf(url)) : { ok: false, status: 403, error: 'x' }));
    expect(await loadTopicRest(wall.load)).toMatch(/sign in/);
    expect(wall.batches).toHaveLength(1);
    for (const html of ['<html>Log in</html>', '{"id":99,"post_stream":{"posts":[]}}', 'null', '[]']) {
      const wrong = loader(() => ({ ok: true, url: 'x', html }));
      expect(await loadTopicRest(wrong.load), html).toMatch(/not this topic/);
    }
    // Another topic's posts, or posts not asked for, are not taken in.
    const other = loader(() => ok([5, 6]));
    expect(await loadTopicRest(other.load)).toMatch(/not this topic/);
    expect(other.batches).toEqual([]);
  });

  it('stops at once when the reader cancels', async () => {
    const controller = new AbortController();
    const run = loader((url) => (controller.abort(), ok(idsOf(url))), { signal: controller.signal });
    expect(await loadTopicRest(run.load)).toMatch(/ancel/);
    expect(run.urls).toHaveLength(1);
  });

  it("reads the site's Retry-After in seconds from a 429 or 503, and nothing else", async () => {
    const answer = (status: number, retry: string | null) => async () =>
      new Response('slow', { status, headers: retry === null ? {} : { 'retry-after': retry } });
    const get = (status: number, retry: string | null) =>
      fetchPageLimited('https://f.example/x', { init: {}, fetchImpl: answer(status, retry) as typeof fetch });
    expect(await get(429, '7')).toMatchObject({ ok: false, status: 429, retryAfter: 7 });
    expect(await get(503, '0')).toMatchObject({ ok: false, status: 503, retryAfter: 0 });
    expect(await get(429, 'Wed, 21 Oct 2015 07:28:00 GMT')).not.toHaveProperty('retryAfter');
    expect(await get(404, '7')).not.toHaveProperty('retryAfter');
    expect(await get(503, null)).not.toHaveProperty('retryAfter');
  });
});
