import { describe, expect, it } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { forumOf } from '@/utils/platform/forum-fetch';
import { fixtureDocument } from '@/test/support/helpers';

// "Load full discussion" on engines whose page addresses are read off the page's own pagination: every page
// of the thread, linked or not, in order.

const AT = 'https://forum.example.org/forum/viewtopic.php?t=1';
const pagesOf = (file: string) => {
  useForOtherSites(anySite);
  return findSection(fixtureDocument(`real/${file}`), AT)!;
};

describe('thread pages read off the pagination', () => {
  it.each([
    ['phpbb-dostips.html', 3, /start=15$/],
    ['phpbb-openoffice.html', 2, /start=30$/],
    ['vbulletin4-msworld.html', 4, /\/page2&s=/],
    ['vbulletin5-fandompost.html', 2, /\/page2$/],
    ['vanilla-collegeconfidential.html', 3, /-p2\.html$/],
  ])('%s: %i pages, page 2 as the engine writes it', (file, count, second) => {
    const section = pagesOf(file);
    expect(section.pages).toHaveLength(count);
    expect(section.pages![1]).toMatch(second);
    expect(section.discussionUrl).toBe(section.pages![0]);
    expect(new Set(section.pages).size).toBe(count);
    expect(forumOf(section.discussionUrl!, section.source)).not.toBeNull();
  });

  it('fills in pages the pagination skips, by the pattern of the ones it links', () => {
    const section = pagesOf('vbulletin3-animesuki.html');
    expect(section.pages!.length).toBeGreaterThan(4);
    section.pages!.forEach((page, i) => expect(page).toMatch(new RegExp(`[?&]t=128882&page=${i + 1}$`)));
  });

  it('offers nothing for a thread of one page', () => {
    const section = pagesOf('ips-neowin.html');
    expect(section.pages).toBeUndefined();
    expect(section.discussionUrl).toBeUndefined();
  });
});

describe('page addresses as other engines write them', () => {
  const pagerPage = (pager: string, posts: string) =>
    new DOMParser().parseFromString(`<html><body>${posts}${pager}</body></html>`, 'text/html');
  const wpComment = (id: number) =>
    `<li class="comment" id="comment-${id}"><div class="comment-author"><span class="fn">r${id}</span></div><div class="comment-content"><p>Comment number ${id} on this post.</p></div></li>`;

  it('WordPress comment pages (comment-page-N), the current one not linked', () => {
    useForOtherSites(anySite);
    const base = 'https://blog.example.org/2026/01/post/comment-page-2/';
    const doc = pagerPage(
      '<nav class="comments-pagination"><a class="page-numbers" href="/2026/01/post/comment-page-1/#comments">1</a><span class="page-numbers current">2</span><a class="page-numbers" href="/2026/01/post/comment-page-4/#comments">4</a></nav>',
      `<ol class="comment-list">${[1, 2, 3].map(wpComment).join('')}</ol>`,
    );
    const section = findSection(doc, base)!;
    expect(section.source).toBe('wordpress');
    expect(section.pages).toEqual(
      [1, 2, 3, 4].map((n) => `https://blog.example.org/2026/01/post/comment-page-${n}/#comments`),
    );
  });

  it('Invision topic pages (/page/N/)', () => {
    useForOtherSites(anySite);
    const post = (id: number) =>
      `<article class="ipsComment" id="elComment_${id}"><h3 class="cAuthorPane_author"><strong><a href="/profile/${id}">u${id}</a></strong></h3><div data-role="commentContent"><p>Post ${id} says something.</p></div></article>`;
    const doc = pagerPage(
      '<ul class="ipsPagination"><li><a href="https://forum.example.org/topic/9-x/">1</a></li><li><a href="https://forum.example.org/topic/9-x/page/2/">2</a></li><li><a href="https://forum.example.org/topic/9-x/page/5/">5</a></li></ul>',
      `<div id="comments">${[1, 2].map(post).join('')}</div>`,
    );
    const section = findSection(doc, 'https://forum.example.org/topic/9-x/')!;
    expect(section.source).toBe('invision');
    expect(section.pages).toEqual([
      'https://forum.example.org/topic/9-x/',
      ...[2, 3, 4, 5].map((n) => `https://forum.example.org/topic/9-x/page/${n}/`),
    ]);
  });
});
