import { describe, expect, it } from 'vitest';
import {
  checkDiscussion,
  FIRST_CHECK_MS,
  MAX_CHECK_MS,
  nextCheckMs,
  type PageReading,
} from '@/utils/platform/watch-check';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import type { Comment } from '@/utils/pipeline/model';

// One check of a watched discussion: the page holding the newest posts, its posts handed back; a thread that
// grew a page leads to its new last page; a page that is not the discussion, an error or a 404 change nothing.

const post = (id: string) => ({ id }) as Comment;
const page = (key: string | null, ids: string[], last: string | null = null): PageReading => ({
  key,
  ids,
  comments: ids.map(post),
  last,
});

/** A site answering each address from a table (final address = asked address), logging what was asked. */
function site(answers: Record<string, ForumPageResult | PageReading>) {
  const asked: string[] = [];
  const fetchPage = async (url: string): Promise<ForumPageResult> => {
    asked.push(url);
    const a = answers[url];
    if (!a) return { ok: false, status: 404, error: 'gone' };
    return 'ok' in a ? a : { ok: true, url, html: url };
  };
  const read = (html: string) => answers[html] as PageReading;
  return { asked, deps: { fetchPage, read } };
}

describe('the back-off', () => {
  it('checks first within 30 s, then twice as long each time nothing changed, at most every 10 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(nextCheckMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000,
    ]);
    expect(FIRST_CHECK_MS).toBe(30_000);
    expect(MAX_CHECK_MS).toBe(600_000);
  });
});

describe('a check', () => {
  it('hands back the posts of the page it checked, and checks it again next time', async () => {
    const { asked, deps } = site({ 'https://f.example/t/1': page('k', ['1', '2']) });
    const result = await checkDiscussion('k', 'https://f.example/t/1', deps);
    expect(result).toMatchObject({ status: 'ok', ids: ['1', '2'], check: 'https://f.example/t/1' });
    expect(asked).toEqual(['https://f.example/t/1']);
  });

  it('follows a thread that grew a page to its new last page, and checks that one next time', async () => {
    const { asked, deps } = site({
      'https://f.example/t/1/page-3': page('k', ['1', '2'], 'https://f.example/t/1/page-4'),
      'https://f.example/t/1/page-4': page('k', ['3'], 'https://f.example/t/1/page-4#top'),
    });
    const result = await checkDiscussion('k', 'https://f.example/t/1/page-3', deps);
    expect(result).toMatchObject({ status: 'ok', ids: ['1', '2', '3'], check: 'https://f.example/t/1/page-4' });
    expect(asked).toHaveLength(2);
  });

  it('changes nothing for a page that is not this discussion (a sign-in page, another thread)', async () => {
    const signIn = site({ 'https://f.example/t/1': page(null, []) });
    expect(await checkDiscussion('k', 'https://f.example/t/1', signIn.deps)).toEqual({ status: 'not-discussion' });
    const other = site({ 'https://f.example/t/1': page('another', ['9']) });
    expect(await checkDiscussion('k', 'https://f.example/t/1', other.deps)).toEqual({ status: 'not-discussion' });
  });

  it('marks a discussion answered 404 or 410 gone; other errors stop with the status; a later page failing keeps the first', async () => {
    expect(await checkDiscussion('k', 'https://f.example/none', site({}).deps)).toEqual({ status: 'gone' });
    const busy = site({ 'https://f.example/t/1': { ok: false, status: 503, error: 'x', retryAfter: 60 } });
    expect(await checkDiscussion('k', 'https://f.example/t/1', busy.deps)).toEqual({
      status: 'failed',
      error: 'http',
      httpStatus: 503,
      retryAfter: 60,
    });
    const offline = { fetchPage: () => Promise.reject(new Error('offline')), read: () => page('k', []) };
    expect(await checkDiscussion('k', 'https://f.example/t/1', offline)).toMatchObject({
      status: 'failed',
      error: 'network',
    });
    const half = site({ 'https://f.example/t/1/page-3': page('k', ['1'], 'https://f.example/t/1/page-4') });
    expect(await checkDiscussion('k', 'https://f.example/t/1/page-3', half.deps)).toMatchObject({
      status: 'ok',
      ids: ['1'],
      check: 'https://f.example/t/1/page-3',
    });
  });

  it('asks at most three pages, one at a time', async () => {
    const answers: Record<string, PageReading> = {};
    for (let i = 1; i <= 9; i++)
      answers[`https://f.example/p${i}`] = page('k', [String(i)], `https://f.example/p${i + 1}`);
    const { asked, deps } = site(answers);
    await checkDiscussion('k', 'https://f.example/p1', deps);
    expect(asked).toEqual(['https://f.example/p1', 'https://f.example/p2', 'https://f.example/p3']);
  });
});
