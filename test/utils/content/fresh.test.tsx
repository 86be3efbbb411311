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
    expect(discussionKey({ ...section, discussionUrl: undefined }, `${ARTICLE_URL}?utm_source=x&s=1#c`)).toBe(
      'www.macrumors.com/2017/12/08/huawei-xiaomi-att-verizon/',
    );
  });

  it('keys a page named by its query by that query (two Hacker News items are two discussions)', () => {
    const section = { ...load(), discussionUrl: undefined };
    const key = (href: string) => discussionKey(section, href);
    expect(key('https://news.ycombinator.com/item?id=1')).not.toBe(key('https://news.ycombinator.com/item?id=2'));
    expect(key('https://news.ycombinator.com/item?id=1&utm_source=feed')).toBe(
      key('https://news.ycombinator.com/item?id=1'),
    );
    expect(key('https://blog.example/?p=7&cpage=2')).toBe('blog.example/?p=7');
  });

  it('keys a single-page forum topic without its session or page parameters', () => {
    const section = { ...load(), discussionUrl: undefined, source: 'phpbb' };
    const key = (href: string) => discussionKey(section, href);
    const bare = key('https://www.bogleheads.org/forum/viewtopic.php?t=425337');
    expect(key('https://www.bogleheads.org/forum/viewtopic.php?t=425337&sid=0a1b2c&start=0#p1')).toBe(bare);
    expect(key('https://www.bogleheads.org/forum/viewtopic.php?t=425338')).not.toBe(bare);
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

describe('picking up where the reader left off', () => {
  beforeEach(() => fakeBrowser.reset());

  it('draws the unread line before the first new comment, and Continue takes the reader to the remembered one', async () => {
    const section = load();
    let view: SectionView | null = null;
    const first = createFreshTracker(() => view, ARTICLE_URL);
    view = createSectionView(without(section, ['25854120']), { parts: viewParts, onViewPrefs: () => {} });
    view.update(DEFAULT_PREFS);
    first.update(without(section, ['25854120']));
    await tick();
    expect(document.querySelector('[data-threadlight="unread-line"]')).toBeNull();
    expect(document.querySelector('.tl-resume')).toBeNull();
    // The reader reads down to 25853840 (the view tells where they are as they scroll).
    first.reached({ id: '25853840' });
    first.reached({ id: '25853840' }); // the same place again writes nothing more
    await tick();
    view.destroy();

    const tracker = createFreshTracker(() => view, ARTICLE_URL);
    const reading = () => ({ resume: tracker.resume(), onPlace: () => {} });
    view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {}, reading });
    view.update(DEFAULT_PREFS);
    tracker.update(section);
    await vi.waitFor(() => expect(document.querySelector('.tl-resume')).not.toBeNull());
    const line = document.querySelector('[data-threadlight="unread-line"]')!;
    expect((line.nextElementSibling as HTMLElement).dataset.commentId).toBe('25854120');
    expect(tracker.resume()).toEqual({ id: '25853840' });
    const resume = document.querySelector<HTMLButtonElement>('.tl-resume')!;
    expect(resume.textContent).toBe('Continue where you left off');
    resume.click();
    await tick();
    expect(document.activeElement?.getAttribute('data-comment-id')).toBe('25853840');
    view.destroy();
  });

  it('collapses the threads that hold nothing new when the reader asked for it', async () => {
    const section = load();
    let view: SectionView | null = null;
    const first = createFreshTracker(() => view, ARTICLE_URL);
    view = createSectionView(without(section, ['25853840']), { parts: viewParts, onViewPrefs: () => {} });
    view.update(DEFAULT_PREFS);
    first.update(without(section, ['25853840']));
    await tick();
    view.destroy();
    const tracker = createFreshTracker(() => view, ARTICLE_URL);
    view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    view.update({ ...DEFAULT_PREFS, view: { ...DEFAULT_PREFS.view, collapseRead: true } });
    tracker.update(section);
    // What was seen is read from storage first: wait for the new comment's mark.
    await vi.waitFor(() => expect(document.querySelector('[role="treeitem"][data-new]')).not.toBeNull());
    await tick();
    const expanded = (id: string) => document.querySelector(`[data-comment-id="${id}"]`)!.getAttribute('aria-expanded');
    // 25853795 holds the new reply: open; the other thread with replies holds nothing new: collapsed.
    expect(expanded('25853795')).toBe('true');
    const collapsed = Array.from(document.querySelectorAll('[role="treeitem"][aria-level="1"][aria-expanded="false"]'));
    expect(collapsed.length).toBeGreaterThan(0);
    view.destroy();
  });
});
