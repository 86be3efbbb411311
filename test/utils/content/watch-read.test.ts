import { beforeAll, describe, expect, it } from 'vitest';
import { readWatchedPage, watchKitOf } from '@/utils/content/watch-read';
import { discussionKey } from '@/utils/content/fresh';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { withArrivals } from '@/utils/content/watch-arrivals';
import { ARTICLE_URL, fixtureDocument, fixtureHtml } from '@/test/support/helpers';

// A fetched page of a watched discussion, read as the site is read: the same key as the page the reader
// watched from (an article and its forum thread; every page of a thread), its posts, and the thread's last
// page; a page of something else has no key.

const THREAD = 'https://forums.macrumors.com/threads/huawei-xiaomi-att-verizon.2105432/';

describe('reading a watched page', () => {
  beforeAll(() => useForOtherSites(anySite));

  it('reads a forum thread page: its key, its posts, its last page', async () => {
    const page = await readWatchedPage(fixtureHtml('xenforo/page-1.html'), THREAD);
    const article = findSection(fixtureDocument('macrumors-2017-huawei-xiaomi.html'), ARTICLE_URL)!;
    expect(page.key).toBe(discussionKey(article, ARTICLE_URL));
    expect(page.ids.length).toBeGreaterThan(3);
    expect(page.last).toBe(`${THREAD}page-3`);
    // The last page names itself as the last.
    expect(await readWatchedPage(fixtureHtml('xenforo/page-3.html'), `${THREAD}page-3`)).toMatchObject({
      key: page.key,
      last: `${THREAD}page-3`,
    });
  });

  it("watches a thread from its first page by its last page (the view's kit)", () => {
    const doc = fixtureDocument('xenforo/page-1.html');
    doc.title = '(3) Huawei thread';
    const kit = watchKitOf(doc, findSection(doc, THREAD)!, THREAD)!;
    expect(kit).toMatchObject({ url: THREAD, check: `${THREAD}page-3`, title: 'Huawei thread' });
  });

  it('reads a real phpBB topic on a site the reader enabled by its query', async () => {
    const url = 'https://www.bogleheads.org/forum/viewtopic.php?t=425337';
    const page = await readWatchedPage(fixtureHtml('real/phpbb33-bogleheads-425337.html'), url);
    const section = findSection(fixtureDocument('real/phpbb33-bogleheads-425337.html'), url)!;
    expect(page.key).toBe(discussionKey(section, url));
    expect(page.key).toContain('t=425337');
    expect(page.ids).toHaveLength(7);
  });

  it('finds no discussion in a sign-in page', async () => {
    const html = '<!DOCTYPE html><html><body><form><input name="login"><input type="password"></form></body></html>';
    expect(await readWatchedPage(html, THREAD)).toEqual({ key: null, ids: [], last: null });
  });

  it('threads an arrival under the post it quotes', () => {
    const doc = fixtureDocument('xenforo/page-3.html');
    const [first, ...rest] = findSection(doc, `${THREAD}page-3`)!.comments;
    const quoted = rest[0]!;
    const reply = {
      ...quoted,
      id: '99999999',
      quotes: [{ text: quoted.quotes[0]?.text ?? '', sourceId: first!.id }],
    };
    const forest = threadByQuotes(withArrivals([first!, ...rest], [reply]));
    expect(forest.byId.get('99999999')!.parentId).toBe(first!.id);
  });
});
