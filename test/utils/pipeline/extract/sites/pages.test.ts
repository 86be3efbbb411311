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
