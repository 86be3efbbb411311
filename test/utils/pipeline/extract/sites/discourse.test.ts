import { describe, expect, it } from 'vitest';
import type { PageData } from '@/utils/pipeline/extract/adapter';
import { findSection, wantedData, whyNoSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { isDiscourse, topicIdOf } from '@/utils/pipeline/extract/sites/discourse';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { fixtureDocument, parseDocument } from '@/test/support/helpers';
import { makeTopic, parentNumber, postId, topicJson, OTHER } from '@/test/support/discourse-topics.mjs';
import { topicPage } from '@/test/support/e2e/discourse-app.mjs';

// Discourse read from the platform's data: the preloaded topic while the address is that topic's, the fetched
// topic after in-app navigation (`wants` names it), where the app draws its post stream or, where it drew
// nothing, where its splash is; never the app's markup, and no other reader guessing at it.

type Topic = { id: number; title: string; numbers: number[]; posts: Array<{ id: number }> };
const TOPIC: Topic = makeTopic(123, 120, 'Quiet NAS builds');
const HOST = 'https://forum.quietnas.example';
const noData: PageData = { get: () => undefined };
const dataOf = (answers: Record<string, unknown>): PageData => ({ get: (url) => answers[url] });

/** The topic's page with the app's post stream drawn for `drawn` (or not drawn at all: the splash stays). */
function pageOf(topic: Topic, options: { near?: number; prefix?: string; drawn?: number | null } = {}) {
  const doc = parseDocument(topicPage(topic, { app: false, near: options.near ?? 1, prefix: options.prefix ?? '' }));
  if (options.drawn) {
    doc.getElementById('d-splash')!.remove();
    const stream = doc.createElement('div');
    stream.className = 'post-stream';
    const article = doc.createElement('article');
    article.setAttribute('data-topic-id', String(options.drawn));
    article.innerHTML = '<div class="cooked"><p>Drawn by the app</p></div>';
    stream.append(article);
    doc.getElementById('main')!.append(stream);
  }
  return doc;
}

describe('Discourse, from the platform data', () => {
  useForOtherSites(anySite);

  it('reads the preloaded topic where the app draws it: every preloaded post, parents from the data', () => {
    const doc = pageOf(TOPIC, { drawn: 123 });
    const section = findSection(doc, `${HOST}/t/quiet-nas-builds/123`)!;
    expect(section.source).toBe('discourse');
    expect(section.root.className).toBe('post-stream');
    expect(section.comments).toHaveLength(20);
    expect(section.comments[0]).toMatchObject({ number: 1, opening: true, id: String(postId(123, 1)) });
    expect(section.topic).toMatchObject({ platform: 'discourse', id: '123', url: `${HOST}/t/quiet-nas-builds/123` });
    expect(section.topic!.posts).toHaveLength(120);
    expect(section.more).toEqual({ count: 100, url: `${HOST}/t/quiet-nas-builds/123` });
    const forest = threadByQuotes(section.comments);
    for (const c of section.comments) {
      const parent = parentNumber(c.number!);
      const expected = parent === null ? null : String(postId(123, parent));
      expect(forest.byId.get(c.id)!.parentId, `#${c.number}`).toBe(expected);
    }
    // Post 9 quotes a post of another topic: a link, never a parent.
    const nine = section.comments.find((c) => c.number === 9)!;
    expect(nine.quotes[0]!.sourceId).toBe(`discourse:t${OTHER}#2`);
  });

  it('shows the topic where the app never drew (scripts blocked): before its splash', () => {
    const doc = pageOf(TOPIC);
    const section = findSection(doc, `${HOST}/t/quiet-nas-builds/123`)!;
    expect(section.root.id).toBe('d-splash');
    expect(section.comments).toHaveLength(20);
    doc.getElementById('d-splash')!.remove();
    expect(findSection(doc, `${HOST}/t/quiet-nas-builds/123`)!.root.id).toBe('main');
  });

  it('waits while the app still shows another topic, and names the data a new topic needs', () => {
    const doc = pageOf(TOPIC, { drawn: 123 });
    const other: Topic = makeTopic(456, 30, 'Fan curves');
    const href = `${HOST}/t/fan-curves/456`;
    expect(wantedData(doc, href, noData)).toBe(`${HOST}/t/456.json`);
    const data = dataOf({ [`${HOST}/t/456.json`]: topicJson(other) });
    expect(wantedData(doc, href, data)).toBeNull();
    // The app's stream is still topic 123's: no view yet (and no other reader guesses at the app's markup).
    expect(findSection(doc, href, data)).toBeNull();
    doc.querySelector('article')!.setAttribute('data-topic-id', '456');
    const section = findSection(doc, href, data)!;
    expect(section.comments.map((c) => c.number)).toEqual(other.numbers.slice(0, 20));
    expect(section.topic!.id).toBe('456');
    // Back on the first topic: the preloaded data again, nothing to fetch.
    expect(wantedData(doc, `${HOST}/t/quiet-nas-builds/123`, noData)).toBeNull();
  });

  it("on a post's own address: the preloaded posts around it, and the topic's first posts fetched", () => {
    const doc = pageOf(TOPIC, { drawn: 123, near: 60 });
    const href = `${HOST}/t/quiet-nas-builds/123/60`;
    expect(wantedData(doc, href, noData)).toBe(`${HOST}/t/123.json`);
    const data = dataOf({ [`${HOST}/t/123.json`]: topicJson(TOPIC) });
    const section = findSection(doc, href, data)!;
    expect(section.comments[0]!.number).toBe(1);
    expect(section.comments.map((c) => c.number)).toContain(60);
    expect(section.comments).toHaveLength(40);
    // The address moving to another post of the same topic (the app's replaceState) needs nothing new.
    expect(wantedData(doc, `${HOST}/t/quiet-nas-builds/123/61`, data)).toBeNull();
  });

  it("works in a subfolder install, by the app's own base address", () => {
    const doc = pageOf(TOPIC, { prefix: '/forum' });
    expect(wantedData(doc, `${HOST}/forum/t/fan-curves/456`, noData)).toBe(`${HOST}/forum/t/456.json`);
    const section = findSection(doc, `${HOST}/forum/t/quiet-nas-builds/123`)!;
    expect(section.topic!.url).toBe(`${HOST}/forum/t/quiet-nas-builds/123`);
    expect(section.comments[1]!.postUrl).toBe(`${HOST}/forum/t/quiet-nas-builds/123/2`);
  });

  it('reads a real crawler page in place (its noscript copy is never read as markup)', () => {
    const doc = fixtureDocument('real/discourse-docker-confusing-resolver-structure.html');
    const section = findSection(doc, 'https://forums.docker.com/t/confusing-resolver-structure/144854')!;
    expect(section.source).toBe('discourse');
    expect(section.comments).toHaveLength(9);
    expect(section.root.id).toBe('d-splash');
    expect(section.more).toBeUndefined();
  });

  it('knows the app by any one of its generator, its setup element or its preloaded data', () => {
    const signals = [
      '<meta name="generator" content="Discourse 3.1.0.beta2 - https://github.com/discourse/discourse version x">',
      '<meta id="data-discourse-setup" data-base-uri="">',
      '<div class="hidden" id="data-preloaded" data-preloaded="{}"></div>',
    ];
    for (const signal of signals) expect(isDiscourse(parseDocument(`<html><head>${signal}</head></html>`))).toBe(true);
    expect(isDiscourse(parseDocument('<meta name="generator" content="WordPress 6.5">'))).toBe(false);
  });

  it('reads a page served under another address by the address it was written for', () => {
    const doc = fixtureDocument('real/discourse-docker-confusing-resolver-structure.html');
    const section = findSection(doc, 'https://forums.docker.com/saved/page.html')!;
    expect(section.comments).toHaveLength(9);
    // The app navigated to a list: the preloaded topic is not shown there (the app drew something else).
    const app = pageOf(TOPIC, { drawn: 456 });
    expect(findSection(app, `${HOST}/latest`)).toBeNull();
  });

  it('steps aside on bad data, on pages that are not topics, and on a preloaded topic of another address', () => {
    const doc = pageOf(TOPIC, { drawn: 123 });
    expect(findSection(doc, `${HOST}/latest`)).toBeNull();
    expect(findSection(doc, `${HOST}/t/other/999`, dataOf({ [`${HOST}/t/999.json`]: { __proto__: null } }))).toBeNull();
    const hostile = pageOf(TOPIC, { drawn: 123 });
    hostile.getElementById('data-preloaded')!.setAttribute('data-preloaded', '{"topic_123":"{not json"}');
    expect(findSection(hostile, `${HOST}/t/quiet-nas-builds/123`)).toBeNull();
    expect(whyNoSection(hostile, `${HOST}/t/quiet-nas-builds/123`)).toBeNull();
  });

  it('reads topic ids from every address form', () => {
    expect(topicIdOf('/t/quiet-nas-builds/123', null)).toBe(123);
    expect(topicIdOf('/t/quiet-nas-builds/123/45', null)).toBe(123);
    expect(topicIdOf('/t/123', null)).toBe(123);
    expect(topicIdOf('/t/123/45', null)).toBe(123);
    expect(topicIdOf('/t/2024/123', 123)).toBe(123);
    expect(topicIdOf('/en/wow/t/some-topic/77/', null)).toBe(77);
    expect(topicIdOf('/t/123.json', null)).toBeNull();
    expect(topicIdOf('/latest', null)).toBeNull();
  });
});
