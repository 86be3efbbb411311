import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFreshTracker } from '@/utils/content/fresh';
import { createSectionView, type SectionView } from '@/utils/content/section-view';
import type { WatchUi } from '@/utils/content/watch-view';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { DEFAULT_PREFS } from '@/utils/platform/prefs';
import type { CommentSection } from '@/utils/pipeline/model';
import { ARTICLE_URL, fixtureHtml } from '@/test/support/helpers';
import { viewParts } from '@/test/support/view-parts';

// The view's header: "Watch this discussion" (a toggle button), what arrived, why checking stopped with Retry,
// "Export discussion"; posts that arrive are marked new even on a first visit.

function load(): CommentSection {
  const parsed = new DOMParser().parseFromString(fixtureHtml('macrumors-2017-huawei-xiaomi.html'), 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
  return findSection(document, ARTICLE_URL)!;
}
const button = (name: string) =>
  Array.from(document.querySelectorAll('button')).find((b) => b.textContent === name) as HTMLButtonElement;

describe('watching in the view', () => {
  beforeEach(() => fakeBrowser.reset());

  it('draws the toggle, the arrivals and the stopped message with Retry, and Export discussion', () => {
    const section = load();
    const ui: WatchUi = { watched: false, toggle: vi.fn(), stopped: null, retry: vi.fn(), problem: null, arrived: 0 };
    let current = ui;
    const view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {}, watch: () => current });
    view.update(DEFAULT_PREFS);
    const watch = button('Watch this discussion');
    expect(watch.getAttribute('aria-pressed')).toBe('false');
    expect(button('Export discussion')).toBeTruthy();
    current = { ...ui, watched: true, arrived: 2, stopped: 'Checking for new posts stopped. The forum answered 500.' };
    view.redraw();
    expect(button('Watch this discussion').getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('.tl-arrived')!.textContent).toBe('2 new posts arrived');
    expect(document.querySelector('.tl-watch-stopped')!.textContent).toMatch(/500/);
    button('Retry').click();
    expect(ui.retry).toHaveBeenCalled();
  });

  it('marks posts that arrived new on a first visit, when nothing else is', async () => {
    const section = load();
    let view: SectionView | null = null;
    const tracker = createFreshTracker(() => view, ARTICLE_URL);
    view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    view.update(DEFAULT_PREFS);
    const last = section.comments.at(-1)!.id;
    tracker.update(section, new Set([last]));
    await vi.waitFor(() =>
      expect(Array.from(document.querySelectorAll<HTMLElement>('[data-new]'), (el) => el.dataset.commentId)).toEqual([
        last,
      ]),
    );
    tracker.markRead();
    tracker.update(section, new Set([last]));
    await vi.waitFor(() => expect(document.querySelectorAll('[data-new]')).toHaveLength(0));
  });
});
