import { describe, expect, it } from 'vitest';
import { preloadedTopic, readTopic, resolvePostNumbers, topicComments } from '@/utils/pipeline/extract/data/discourse';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { fixtureDocument, fixtureHtml } from '@/test/support/helpers';

// Discourse topics as the platform hands them over (real payloads and real pages' #data-preloaded): every
// post, parents from the data (a quote's data-post within this topic, else reply_to_post_number), likes,
// hostile shapes refused field by field.

const json = (file: string): unknown => JSON.parse(fixtureHtml(`data/${file}`));
type RawPost = { id: number; post_number: number; reply_to_post_number: number | null; cooked: string };
const rawPosts = (data: unknown) => (data as { post_stream: { posts: RawPost[] } }).post_stream.posts;

/** The parent the data gives each post: its first quote of a post in this topic and payload, else reply_to. */
function oracle(posts: RawPost[], topic: number): Map<string, string | null> {
  const byNumber = new Map(posts.map((p) => [p.post_number, p.id]));
  return new Map(
    posts.map((p) => {
      const quoted = Array.from(p.cooked.matchAll(/<aside[^>]*class="quote[^"]*"[^>]*>/g))
        .map(([tag]) => ({
          post: Number(/data-post="(\d+)"/.exec(tag)?.[1]),
          topic: Number(/data-topic="(\d+)"/.exec(tag)?.[1] ?? topic),
        }))
        .filter((q) => q.topic === topic && byNumber.has(q.post) && q.post !== p.post_number)
        .map((q) => byNumber.get(q.post)!);
      const reply = p.reply_to_post_number === null ? undefined : byNumber.get(p.reply_to_post_number);
      const parent = quoted.length ? quoted : reply !== undefined ? [reply] : [];
      return [String(p.id), parent.length ? String(parent[0]) : null];
    }),
  );
}

describe('Discourse topics from the platform data', () => {
  it.each([
    ['discourse-criticalfallibilism-t2108-from-post-452.json', 2108, 20],
    ['discourse-criticalfallibilism-t2144-posts.json', 2144, 20],
    ['discourse-mozilla-community-t1148-support-ublock-origin-2016.json', 1148, 20],
  ])('%s: every post, each parent the data names', (file, id, count) => {
    const data = json(file);
    const topic = readTopic(data)!;
    expect(topic.id).toBe(id);
    const comments = topicComments(topic, `https://forum.example.org/t/slug/${id}`);
    expect(comments).toHaveLength(count);
    const expected = oracle(rawPosts(data), id);
    const forest = threadByQuotes(comments);
    const placed = comments.filter((c) => expected.get(c.id) !== null);
    expect(placed.length).toBeGreaterThan(5);
    for (const c of placed) {
      const node = forest.byId.get(c.id)!;
      // The data's parent is the parent, or (several quoted) among the ones it answers.
      expect([node.parentId, ...node.alsoRepliesTo], c.id).toContain(expected.get(c.id));
    }
  });

  it('reads likes, names, post numbers and addresses; cooked words go through the whitelist', () => {
    const topic = readTopic(json('discourse-mozilla-community-t1148-support-ublock-origin-2016.json'))!;
    const [first] = topicComments(topic, 'https://discourse.mozilla-community.org/t/support-ublock-origin/1148');
    expect(first).toMatchObject({
      number: 1,
      opening: true,
      votes: 6,
      votesMissing: false,
      postUrl: 'https://discourse.mozilla-community.org/t/support-ublock-origin/1148/1',
    });
    const [onPost] = topicComments(topic, 'https://forum.example.org/community/t/support-ublock-origin/1148/17');
    expect(onPost!.postUrl).toBe('https://forum.example.org/community/t/support-ublock-origin/1148/1');
    expect(first!.authorUrl).toMatch(/^https:\/\/discourse\.mozilla-community\.org\/u\//);
    expect(JSON.stringify(first!.body)).not.toMatch(/<|script|onerror/i);
  });

  it('keeps a quote of another topic a link, never a parent (a real crawler page)', () => {
    const doc = fixtureDocument('real/discourse-letsencrypt-longer-chain-after-08-02-2024.html');
    const topic = preloadedTopic(doc)!;
    expect(topic.id).toBe(212419);
    const comments = topicComments(topic, 'https://community.letsencrypt.org/t/x/212419');
    expect(comments.length).toBe(topic.posts.length);
    const quotes = comments.flatMap((c) => c.quotes);
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    // The other topic's post keeps an id of its own that no comment here has: "not shown here", never a guess.
    const foreign = quotes.filter((q) => q.sourceId?.startsWith('discourse:t201580#'));
    expect(foreign).toHaveLength(1);
    const ids = new Set(comments.map((c) => c.id));
    for (const q of quotes) if (q !== foreign[0]) expect(ids.has(q.sourceId!)).toBe(true);
    const forest = threadByQuotes(comments);
    const quoting = comments.find((c) => c.quotes.includes(foreign[0]!))!;
    expect(forest.byId.get(quoting.id)!.alsoRepliesTo).not.toContain(expect.anything());
  });

  it('names posts not loaded by their number, and gives them their id once they are', () => {
    const data = json('discourse-criticalfallibilism-t2108-from-post-452.json');
    const topic = readTopic(data)!;
    // Quotes reach posts older than the payload (e.g. #428): placeholders, not parents.
    const comments = topicComments(topic, 'https://discuss.criticalfallibilism.com/t/x/2108');
    const refs = comments.flatMap((c) => c.quotes).filter((q) => q.sourceId?.startsWith('discourse:#'));
    expect(refs.length).toBeGreaterThan(0);
    const number = Number(refs[0]!.sourceId!.slice('discourse:#'.length));
    const older = { ...comments[0]!, id: '999001', number, quotes: [], parentHint: undefined };
    const resolved = resolvePostNumbers([older, ...comments]);
    expect(resolved.flatMap((c) => c.quotes).filter((q) => q.sourceId === '999001').length).toBeGreaterThan(0);
    // Comments nothing changed in are the same objects.
    const untouched = resolved.filter((c, i) => i > 0 && c === comments[i - 1]);
    expect(untouched.length).toBeGreaterThan(0);
  });

  it('reads the preloaded topic of a real crawler page: every post the page lists', () => {
    const html = fixtureHtml('real/discourse-docker-confusing-resolver-structure.html');
    const topic = preloadedTopic(fixtureDocument('real/discourse-docker-confusing-resolver-structure.html'))!;
    expect(topic.id).toBe(144854);
    expect(topic.posts).toHaveLength(9);
    expect(topic.stream).toHaveLength(9);
    // The crawler view in <noscript> lists the same posts.
    expect((html.match(/itemprop="author"/g) ?? []).length).toBe(9);
    const comments = topicComments(topic, 'https://forums.docker.com/t/confusing-resolver-structure/144854');
    const quoting = comments.filter((c) => c.quotes.length >= 5);
    expect(quoting).toHaveLength(1);
  });

  it('refuses hostile shapes field by field, and whole payloads that are not a topic', () => {
    expect(readTopic(null)).toBeNull();
    expect(readTopic({ post_stream: { posts: 'x' } })).toBeNull();
    expect(readTopic({ id: 1, post_stream: { posts: [] } })).toBeNull();
    const topic = readTopic({
      id: 7,
      post_stream: {
        posts: [
          {
            id: 1,
            post_number: 1,
            cooked: '<p>ok<img src=x onerror=alert(1)><script>alert(2)</script></p>',
            username: 5,
          },
          { id: '2', post_number: 2, cooked: '<p>bad id</p>' },
          { id: 3, post_number: 3, cooked: null },
          { id: 4, post_number: 4, cooked: '<p>fine</p>', __proto__: { polluted: true }, like_count: -3 },
        ],
        stream: [1, 'x', 4],
      },
    })!;
    expect(topic.posts.map((p) => p.id)).toEqual([1, 4]);
    expect(topic.stream).toEqual([1, 4]);
    expect(topic.posts[0]!.username).toBe('');
    expect(topic.posts[1]!.likes).toBe(0);
    const [first] = topicComments(topic, 'https://forum.example.org/t/x/7');
    expect(JSON.stringify(first!.body)).not.toMatch(/onerror|script|alert/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
