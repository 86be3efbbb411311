import { afterEach, describe, expect, it } from 'vitest';
import { createSectionView, type SectionView } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { DEFAULT_PREFS } from '@/utils/platform/prefs';
import { PACE_FROM } from '@/components/thread/use-paced-replies';

// A comment with hundreds of replies below it (a long Hacker News thread) renders them a few dozen per frame,
// so no frame renders them all; a reader taken into it (End, a followed quote, a search hit) gets the comment
// at once; every reply arrives, in the site's order.

const tick = () => new Promise((r) => setTimeout(r, 0));
const REPLIES = 200;

/** A Hacker News item: one top comment with REPLIES replies, each of the later ones answering the one before. */
function hackerNews(): string {
  const rows = Array.from({ length: REPLIES + 1 }, (_, i) => {
    const depth = i === 0 ? 0 : 1 + (i % 4 === 0 ? 1 : 0);
    return `<tr class="athing comtr" id="${1000 + i}"><td><table><tr><td class="ind" indent="${depth}"></td><td class="default"><a href="user?id=u${i}" class="hnuser">u${i}</a> <span class="age"><a href="item?id=${1000 + i}">1 hour ago</a></span><div class="comment"><div class="commtext c00">Reply number ${i} with a few words of its own.</div></div></td></tr></table></td></tr>`;
  });
  return `<html><body><table class="comment-tree">${rows.join('')}</table></body></html>`;
}

describe('long reply lists', () => {
  let view: SectionView;
  afterEach(() => view.destroy());

  it('render in steps, all of them in the end, and at once where the reader is taken', async () => {
    useForOtherSites(anySite);
    const parsed = new DOMParser().parseFromString(hackerNews(), 'text/html');
    document.body.replaceWith(document.importNode(parsed.body, true));
    const section = findSection(document, 'https://news.ycombinator.com/item?id=1')!;
    expect(section.comments).toHaveLength(REPLIES + 1);
    view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    view.update({ ...DEFAULT_PREFS, view: { ...DEFAULT_PREFS.view, sort: 'page' } });
    await tick();
    const items = () => document.querySelectorAll('[data-threadlight="thread"] [role="treeitem"]');
    const first = items().length;
    expect(first).toBeGreaterThan(1);
    expect(first).toBeLessThan(PACE_FROM);
    // End takes the reader to the last comment, rendered at once with its ancestors' replies.
    const top = document.querySelector<HTMLElement>('[data-comment-id="1000"]')!;
    top.focus();
    top.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await tick();
    await tick();
    expect((document.activeElement as HTMLElement).dataset.commentId).toBe(String(1000 + REPLIES));
    // Every reply is there, in page order.
    const end = Date.now() + 5000;
    while (items().length < REPLIES + 1 && Date.now() < end) await tick();
    const ids = Array.from(items(), (el) => Number((el as HTMLElement).dataset.commentId));
    expect(ids).toEqual(ids.slice().sort((a, b) => a - b));
    expect(ids).toHaveLength(REPLIES + 1);
  });
});
