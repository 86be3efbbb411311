import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFreshTracker, discussionKey } from '@/utils/content/fresh';
import { createSectionView, type SectionView } from '@/utils/content/section-view';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { DEFAULT_PREFS } from '@/utils/platform/prefs';
import type { CommentSection } from '@/utils/pipeline/model';
import { ARTICLE_URL, fixtureHtml } from '@/test/support/helpers';
import { viewParts } from '@/test/support/view-parts';

const tick = () => new Promise((r) => setTimeout(r, 20));

function load(): CommentSection {
  const parsed = new DOMParser().parseFromString(fixtureHtml('macrumors-2017-huawei-xiaomi.html'), 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
  return findSection(document, ARTICLE_URL)!;
}
const marked = () =>
  Array.from(document.querySelectorAll<HTMLElement>('[role="treeitem"][data-new]'), (el) => el.dataset.commentId);
const without = (section: CommentSection, ids: string[]) => ({
  ...section,
  comments: section.comments.filter((c) => !ids.includes(c.id)),
});

describe('new since the last visit', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keys an article by its forum thread, so the article and the thread share what was seen', () => {
    const section = load();
    expect(discussionKey(section, ARTICLE_URL)).toBe('forums.macrumors.com/2105432');
    expect(discussionKey({ ...section, discussionUrl: undefined }, `${ARTICLE_URL}?x=1#c`)).toBe(
      'www.macrumors.com/2017/12/08/huawei-xiaomi-att-verizon/',
    );
  });

  it('marks nothing the first time; later, marks and counts the new ones, reached with n; Mark all read', async () => {
    const section = load();
    const onMarkRead = vi.fn();
    let view: SectionView | null = null;
    const first = createFreshTracker(() => view, ARTICLE_URL);
    view = createSectionView(without(section, ['25854120', '25853950']), { parts: viewParts, onViewPrefs: () => {} });
    view.update(DEFAULT_PREFS);
    first.update(without(section, ['25854120', '25853950']));
    await tick();
    expect(marked()).toEqual([]);
    view.destroy();

    // The next visit: two comments are new.
    const tracker = createFreshTracker(() => view, ARTICLE_URL);
    view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {}, onMarkRead });
    view.update(DEFAULT_PREFS);
    tracker.update(section);
    await tick();
    expect(marked().sort()).toEqual(['25853950', '25854120']);
    expect(document.querySelector('.tl-count')!.textContent).toContain('2 new');

    const first2 = document.querySelector<HTMLElement>('[role="treeitem"]')!;
    first2.focus();
    first2.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    await tick();
    expect(marked()).toContain((document.activeElement as HTMLElement).dataset.commentId);

    const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Mark all read')!;
    button.click();
    expect(onMarkRead).toHaveBeenCalled();
    tracker.markRead();
    await tick();
    expect(marked()).toEqual([]);
    expect(document.querySelector('.tl-count')!.textContent).not.toContain('new');
  });
});
