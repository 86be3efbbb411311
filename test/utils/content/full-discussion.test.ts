import { describe, expect, it, vi } from 'vitest';
import { loadDiscussion, mergeDiscussion } from '@/utils/content/full-discussion';
import { fetchForumPage, isForumThreadUrl } from '@/utils/platform/forum-fetch';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { pageCount, pageUrl, readThreadPage, threadKey } from '@/utils/pipeline/extract/sites/xenforo';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { ARTICLE_URL, fixtureDocument, fixtureHtml, parseDocument } from '@/test/support/helpers';

const THREAD = 'https://forums.macrumors.com/threads/huawei-xiaomi-att-verizon.2105432/';
const PAGES: Record<string, string> = {
  [THREAD]: fixtureHtml('xenforo/page-1.html'),
  [`${THREAD}page-2`]: fixtureHtml('xenforo/page-2.html'),
  [`${THREAD}page-3`]: fixtureHtml('xenforo/page-3.html'),
};
const parse = (html: string, url: string) => {
  const doc = parseDocument(html);
  return { comments: readThreadPage(doc, new URL(url)), pages: pageCount(doc) };
};

describe('forum pages', () => {
  it('counts pages and builds page addresses', () => {
    expect(pageCount(fixtureDocument('xenforo/page-2.html'))).toBe(3);
    expect(pageCount(parseDocument('<html><body></body></html>'))).toBe(1);
    expect(pageUrl(`${THREAD}page-2`, 3)).toBe(`${THREAD}page-3`);
    expect(pageUrl('https://forums.macrumors.com/threads/x.1?foo#bar', 1)).toBe(
      'https://forums.macrumors.com/threads/x.1/',
    );
    expect(threadKey(`${THREAD}page-2`)).toBe('2105432');
    expect(threadKey('https://forums.macrumors.com/threads/2105432')).toBe('2105432');
  });

  it('fetches only forum thread pages', async () => {
    expect(isForumThreadUrl(THREAD)).toBe(true);
    expect(isForumThreadUrl('https://forums.macrumors.com/members/1/')).toBe(false);
    expect(isForumThreadUrl('https://evil.example/threads/1')).toBe(false);
    expect(isForumThreadUrl('http://forums.macrumors.com/threads/1')).toBe(false);
    const fake = vi.fn(async () => new Response('<html>ok</html>', { status: 200 }));
    expect(await fetchForumPage('https://evil.example/threads/1', ARTICLE_URL, { fetchImpl: fake })).toMatchObject({
      ok: false,
    });
    expect(fake).not.toHaveBeenCalled();
    const failing = vi.fn(async () => new Response('no', { status: 503 }));
    expect(await fetchForumPage(THREAD, ARTICLE_URL, { fetchImpl: failing })).toEqual({
      ok: false,
      status: 503,
      error: 'The forum answered 503.',
    });
    expect(failing).toHaveBeenCalledWith(THREAD, expect.objectContaining({ credentials: 'omit' }));
  });
});

describe('loading a discussion', () => {
  it('loads every page one at a time, reporting progress, and retries from the page that failed', async () => {
    let failOnce = true;
    const requested: string[] = [];
    const fetchPage = async (url: string) => {
      requested.push(url);
      if (url.endsWith('page-3') && failOnce) {
        failOnce = false;
        return { ok: false as const, status: 500, error: 'The forum answered 500.' };
      }
      return { ok: true as const, url, html: PAGES[url]! };
    };
    const progress: string[] = [];
    const deps = {
      fetchPage,
      parse,
      pageUrl,
      onProgress: (p: { loaded: number; total: number }) => progress.push(`${p.loaded}/${p.total}`),
      signal: new AbortController().signal,
    };
    const first = await loadDiscussion(THREAD, deps);
    expect(first).toMatchObject({ status: 'failed', nextPage: 3, error: 'Page 3 of 3: The forum answered 500.' });
    expect(first.comments).toHaveLength(11);
    const second = await loadDiscussion(THREAD, deps, {
      page: 3,
      comments: first.comments,
      total: 3,
      base: first.status === 'failed' ? first.base : THREAD,
    });
    expect(second.status).toBe('done');
    expect(second.comments.map((c) => c.id)).toHaveLength(14);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(requested).toEqual([THREAD, `${THREAD}page-2`, `${THREAD}page-3`, `${THREAD}page-3`]);
  });

  it('stops when cancelled and keeps what it has', async () => {
    const abort = new AbortController();
    const result = await loadDiscussion(THREAD, {
      fetchPage: async (url) => ({ ok: true, url, html: PAGES[url]! }),
      parse,
      pageUrl,
      onProgress: (p) => p.loaded === 1 && abort.abort(),
      signal: abort.signal,
    });
    expect(result).toMatchObject({ status: 'cancelled', nextPage: 2 });
    expect(result.comments).toHaveLength(6);
  });

  it('never fetches page 1 again for a page no pagination gave, and says how many pages it has', async () => {
    const requested: string[] = [];
    const known: Record<number, string> = { 1: THREAD, 2: `${THREAD}page-2`, 3: `${THREAD}page-3` };
    const result = await loadDiscussion(THREAD, {
      fetchPage: async (url) => (requested.push(url), { ok: true as const, url, html: PAGES[url]! }),
      // The thread shows 5 pages, but its windowed pagination never gave pages 4 and 5 an address.
      parse: (html, url) => ({ ...parse(html, url), pages: 5 }),
      pageUrl: (_base, n) => known[n] ?? null,
      onProgress: () => {},
      signal: new AbortController().signal,
    });
    expect(requested).toEqual([THREAD, `${THREAD}page-2`, `${THREAD}page-3`]);
    expect(result).toMatchObject({ status: 'done', missing: [4, 5] });
  });

  it('ends the wait for a page at once on Cancel', async () => {
    const cancel = new AbortController();
    const pending = loadDiscussion(THREAD, {
      fetchPage: () => new Promise(() => {}), // a forum that never answers
      parse,
      pageUrl,
      onProgress: () => {},
      signal: cancel.signal,
    });
    cancel.abort();
    expect(await pending).toMatchObject({ status: 'cancelled', nextPage: 1 });
  });

  it('merges the article top comments: votes and places kept, orphan quotes get their real parents', async () => {
    const article = findSection(fixtureDocument('macrumors-2017-huawei-xiaomi.html'), ARTICLE_URL)!.comments;
    const loaded = await loadDiscussion(THREAD, {
      fetchPage: async (url) => ({ ok: true, url, html: PAGES[url]! }),
      parse,
      pageUrl,
      onProgress: () => {},
      signal: new AbortController().signal,
    });
    const merged = mergeDiscussion(article, loaded.comments);
    expect(merged).toHaveLength(14);
    expect(merged.slice(0, 10).map((c) => [c.id, c.votes, c.index])).toEqual(article.map((c, i) => [c.id, c.votes, i]));
    expect(merged.slice(10).map((c) => c.author)).toEqual(['switcher', 'nested', 'handtyped', 'latecomer']);
    const forest = threadByQuotes(merged);
    // On the article, reader_six quoted a comment that was not shown; now its source is here.
    expect(forest.byId.get('25854120')!.parentId).toBe('25853860');
    expect(forest.byId.get('25854120')!.links[0]!.method).toBe('exact');
    expect(forest.byId.get('25854200')!.parentId).toBe('25854120');
    // The hand-typed quote has no source: matched by text to reader_four.
    expect(forest.byId.get('25854230')!.parentId).toBe('25853795');
  });
});
