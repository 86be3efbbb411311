import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comment, PlatformTopic } from '@/utils/pipeline/model';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { cleanTopicRef, topicCheckUrl, topicReader } from '@/utils/platform/topic-check';
import { topicKey, topicWatchKit } from '@/utils/content/watch-topic';
import type { WatchCheckDeps, WatchKit } from '@/utils/content/watch-view';
import { makeTopic, postId, postsJson, topicJson } from '@/test/support/discourse-topics.mjs';
import { discussionDocument, makeDiscussion, postsDocument } from '@/test/support/flarum-discussions.mjs';

// Watching an app forum's topic: the platform's JSON that lists its newest posts, read as a page of a check
// (ids, NodeBB's last page and posts), answers about anything else not this topic, and in the open view the
// new posts it names loaded whole.

const DATA = join(__dirname, '../../fixtures/data');
const real = (name: string) => readFileSync(join(DATA, name), 'utf8');
const DISCOURSE: PlatformTopic = {
  platform: 'discourse',
  url: 'https://forum.example/forum/t/quiet-nas/789',
  id: '789',
  posts: [],
};
const FLARUM: PlatformTopic = {
  platform: 'flarum',
  url: 'https://discuss.example/d/315-bed-levelling',
  id: '315',
  posts: [],
  api: 'https://discuss.example/api',
};
const NODEBB: PlatformTopic = {
  platform: 'nodebb',
  url: 'https://community.nodebb.org/topic/18427/rc1-of-nodebb-v4',
  id: '18427',
  posts: [],
  api: 'https://community.nodebb.org/api/topic/18427/rc1-of-nodebb-v4',
  pages: 3,
};
const ref = (t: PlatformTopic) => ({ platform: t.platform, id: t.id });
const ok = (url: string, body: unknown): ForumPageResult => ({ ok: true, url, html: JSON.stringify(body) });

describe('the platform JSON a watched topic is checked from', () => {
  it('is the address listing its newest posts, on the topic own origin and subfolder', () => {
    expect(topicCheckUrl(DISCOURSE)).toBe('https://forum.example/forum/t/789.json');
    expect(topicCheckUrl(FLARUM)).toBe('https://discuss.example/api/discussions/315');
    expect(topicCheckUrl(NODEBB)).toBe('https://community.nodebb.org/api/topic/18427/rc1-of-nodebb-v4?page=3');
    expect(topicKey(DISCOURSE)).toBe('forum.example/forum/t/quiet-nas/789');
  });

  it('reads Discourse’s stream (the newest 500 ids) and nothing of another topic or of a page that is not JSON', () => {
    const read = topicReader(ref(DISCOURSE), 'k');
    const topic = makeTopic(789, 700);
    const got = read(JSON.stringify(topicJson(topic)), topicCheckUrl(DISCOURSE));
    expect(got.key).toBe('k');
    expect(got.ids).toHaveLength(500);
    expect(got.ids.at(-1)).toBe(String(postId(789, topic.numbers.at(-1))));
    expect(got.last).toBeNull();
    expect(read(JSON.stringify(topicJson(makeTopic(790, 5))), '').key).toBeNull();
    expect(read('<html><body>Sign in</body></html>', '').key).toBeNull();
    expect(read('{"post_stream":{"posts":"x"}}', '').key).toBeNull();
    // A real topic's JSON (mozilla community, topic 1148).
    const mozilla = topicReader({ platform: 'discourse', id: '1148' }, 'm');
    const text = real('discourse-mozilla-community-t1148-support-ublock-origin-2016.json');
    const stream = (JSON.parse(text) as { post_stream: { stream: number[] } }).post_stream.stream;
    expect(mozilla(text, '').ids).toEqual(stream.map(String));
  });

  it('reads Flarum’s discussion document (every post id, events too) and NodeBB’s page with its posts', () => {
    const doc = discussionDocument(makeDiscussion(315, 12));
    const flarum = topicReader(ref(FLARUM), 'f')(JSON.stringify(doc), topicCheckUrl(FLARUM));
    expect(flarum.ids).toEqual(Array.from({ length: 12 }, (_, i) => String(315_001 + i)));
    expect(topicReader({ platform: 'flarum', id: '316' }, 'f')(JSON.stringify(doc), '').key).toBeNull();
    const text = real('nodebb-community-nodebb-t18427-ajaxify-data.json');
    const at = 'https://community.nodebb.org/api/topic/18427/rc1-of-nodebb-v4?page=1';
    const counted = topicReader(ref(NODEBB), 'n')(text, at);
    expect(counted.ids).toHaveLength(12);
    expect(counted.last).toBe(at);
    expect(counted.comments).toBeUndefined();
    const shown = topicReader(ref(NODEBB), 'n', NODEBB.url)(text, at);
    expect(shown.comments?.map((c) => c.id)).toEqual(counted.ids);
    expect(topicReader({ platform: 'nodebb', id: '1' }, 'n')(text, at).key).toBeNull();
  });

  it('stores a topic reference only when it is one', () => {
    expect(cleanTopicRef({ platform: 'flarum', id: '12' })).toEqual({ platform: 'flarum', id: '12' });
    expect(cleanTopicRef({ platform: 'toString', id: '12' })).toBeNull();
    expect(cleanTopicRef({ platform: 'nodebb', id: '1/../2' })).toBeNull();
    expect(cleanTopicRef(Object.create({ platform: 'nodebb', id: '1' }))).toBeNull();
  });
});

/** A forum whose topic 789 has `count` posts: its JSON, its posts by id, and what was asked. */
function discourse(count: number) {
  const site = { topic: makeTopic(789, count), asked: [] as string[], failPosts: false };
  const get = async (url: string): Promise<ForumPageResult> => {
    site.asked.push(url);
    if (url.endsWith('/t/789.json')) return ok(url, topicJson(site.topic));
    if (site.failPosts) return { ok: false, status: 403, error: 'no' };
    const ids = new URL(url).searchParams.getAll('post_ids[]').map(Number);
    return ok(url, postsJson(site.topic, ids));
  };
  return { site, get };
}

const base: WatchKit = {
  key: 'page',
  url: DISCOURSE.url,
  check: DISCOURSE.url,
  title: 'T',
  read: () => ({ key: null, ids: [], last: null }),
};

function deps(known: Set<string>, shown: Comment[] = []): WatchCheckDeps {
  return {
    fetchPage: () => Promise.reject(new Error('the page is not fetched: the platform JSON is')),
    read: () => ({ key: null, ids: [], last: null }),
    isNew: (id) => !known.has(id),
    shown: () => shown,
  };
}

describe('a watched topic checked in the open view', () => {
  it('loads the new posts its JSON names, only those, whole', async () => {
    const { site, get } = discourse(10);
    const kit = topicWatchKit(base, DISCOURSE, get);
    expect(kit).toMatchObject({ key: topicKey(DISCOURSE), check: topicCheckUrl(DISCOURSE), topic: ref(DISCOURSE) });
    const known = new Set<string>(site.topic.posts.map((p: { id: number }) => String(p.id)));
    site.topic = makeTopic(789, 12);
    const result = await kit.checkPosts!(kit.key, kit.check, deps(known));
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    const fresh = [postId(789, 12), postId(789, 13)].map(String);
    expect(result.comments.map((c) => c.id)).toEqual(fresh);
    expect(result.comments[0]!.ownText).toMatch(/Post 12 of topic 789/);
    expect(site.asked).toHaveLength(2);
    expect(new URL(site.asked[1]!).searchParams.getAll('post_ids[]')).toEqual(fresh);
  });

  it('asks for nothing more when nothing is new, and leaves out posts it could not load so the next check asks again', async () => {
    const { site, get } = discourse(10);
    const kit = topicWatchKit(base, DISCOURSE, get);
    const known = new Set<string>(site.topic.posts.map((p: { id: number }) => String(p.id)));
    const quiet = await kit.checkPosts!(kit.key, kit.check, deps(known));
    expect(quiet).toMatchObject({ status: 'ok', comments: [] });
    expect(site.asked).toHaveLength(1);
    site.topic = makeTopic(789, 11);
    site.failPosts = true;
    const failed = await kit.checkPosts!(kit.key, kit.check, deps(known));
    if (failed.status !== 'ok') throw new Error(failed.status);
    expect(failed.comments).toEqual([]);
    expect(failed.ids).not.toContain(String(postId(789, 12)));
    expect(failed.ids).toHaveLength(10);
  });

  it('says a topic that answers as another, or is gone, is not watched on', async () => {
    const { site, get } = discourse(10);
    const kit = topicWatchKit(base, { ...DISCOURSE, id: '790' }, get);
    expect(await kit.checkPosts!(kit.key, kit.check.replace('790', '789'), deps(new Set()))).toEqual({
      status: 'not-discussion',
    });
    const gone = topicWatchKit(base, DISCOURSE, async () => ({ ok: false, status: 404, error: 'x' }));
    expect(await gone.checkPosts!(gone.key, gone.check, deps(new Set()))).toEqual({ status: 'gone' });
    expect(site.asked).toHaveLength(1);
  });

  it('loads a Flarum discussion’s new posts from its posts API', async () => {
    let discussion = makeDiscussion(315, 8);
    const asked: string[] = [];
    const get = async (url: string) => {
      asked.push(url);
      if (url.endsWith('/discussions/315')) return ok(url, discussionDocument(discussion));
      const ids = (new URL(url).searchParams.get('filter[id]') ?? '').split(',');
      return ok(url, postsDocument(discussion, ids));
    };
    const kit = topicWatchKit({ ...base, url: FLARUM.url }, FLARUM, get);
    const known = new Set(Array.from({ length: 8 }, (_, i) => String(315_001 + i)));
    discussion = makeDiscussion(315, 10);
    const result = await kit.checkPosts!(kit.key, kit.check, deps(known));
    if (result.status !== 'ok') throw new Error(result.status);
    expect(result.comments.map((c) => c.id)).toEqual(['315009', '315010']);
    expect(asked).toHaveLength(2);
  });
});
