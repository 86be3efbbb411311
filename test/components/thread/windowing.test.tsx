import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSectionView, type SectionView } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { blocksOf } from '@/components/thread/proximity';
import { ARTICLE_URL, fakeIntersections } from '@/test/support/helpers';
// @ts-expect-error plain JS helper shared with the benchmarks
import { articleHtml, syntheticDiscussion } from '../../../scripts/lib/synthetic.mjs';

const tick = () => new Promise((r) => setTimeout(r, 0));
/**
 * Lets tasks run until `done()` holds (or 5 s have passed): blocks are rendered and dropped one per task, and
 * render chunks take tasks in between (more of them, smaller, on a loaded machine), so a count of tasks is no
 * bound.
 */
const until = async (done: () => boolean) => {
  const end = Date.now() + 5000;
  while (!done() && Date.now() < end) await tick();
};
const prefsWith = (view: Partial<Prefs['view']> = {}): Prefs => ({
  ...DEFAULT_PREFS,
  view: { ...DEFAULT_PREFS.view, ...view },
});
const COMMENTS = 400;

const items = () => Array.from(document.querySelectorAll<HTMLElement>('[data-threadlight="thread"] [role="treeitem"]'));
const blocks = () => Array.from(document.querySelectorAll<HTMLElement>('[role="tree"] > .tl-block'));
const blockIndex = (el: Element) => blocks().indexOf(el as HTMLElement);
const spacers = () => blocks().filter((b) => b.childElementCount === 0);
/** Presses a key on a focused comment and lets the view render and move focus; returns what is focused then. */
async function press(target: HTMLElement, name: string): Promise<HTMLElement> {
  target.focus();
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  await tick();
  await tick();
  return document.activeElement as HTMLElement;
}

describe('blocks of threads', () => {
  it('groups whole threads into blocks of about the target size', () => {
    expect(blocksOf([1, 1, 1, 1, 1], 2)).toEqual([0, 2, 4]);
    expect(blocksOf([5, 1, 1, 3, 1], 2)).toEqual([0, 1, 3, 4]);
    expect(blocksOf([], 2)).toEqual([]);
  });
});

describe('a long discussion keeps only the comments near the viewport rendered', () => {
  let io: ReturnType<typeof fakeIntersections>;
  let view: SectionView;

  beforeEach(async () => {
    io = fakeIntersections();
    document.documentElement.innerHTML = '<head></head><body></body>';
    const parsed = new DOMParser().parseFromString(articleHtml(syntheticDiscussion(COMMENTS)), 'text/html');
    document.body.replaceWith(document.importNode(parsed.body, true));
    view = createSectionView(findSection(document, ARTICLE_URL)!, { parts: viewParts, onViewPrefs: () => {} });
    view.update(prefsWith());
  });
  afterEach(() => {
    view.destroy();
    io.restore();
  });

  /** The reader scrolls to the end: everything renders, and every block is watched (effects run after paint). */
  async function renderAll() {
    for (let i = 0; i < 500 && items().length < COMMENTS; i++) {
      io.report(() => true);
      await tick();
    }
    expect(items()).toHaveLength(COMMENTS);
    await until(() => blocks().every((b) => io.watching(b)));
  }

  it('drops far blocks to spacers of their height, and renders them again, as they were, when they come near', async () => {
    await renderAll();
    const all = blocks().length;
    expect(all).toBeGreaterThan(4);
    // A comment with replies in block 3, collapsed by the reader.
    const parent = blocks()[3]!.querySelector<HTMLElement>('[aria-expanded="true"]')!;
    const parentId = parent.dataset.commentId!;
    parent.querySelector<HTMLButtonElement>('.tl-toggle')!.click();
    await tick();

    // The reader is at the top: blocks from 2 on are far. They are dropped one per task, not all at once.
    io.report(
      (el) => !el.classList.contains('tl-block') || blockIndex(el) < 2,
      () => 777,
    );
    expect(spacers()).toHaveLength(0);
    await tick();
    expect(spacers()).toHaveLength(1);
    await until(() => spacers().length >= all - 2);
    expect(spacers()).toHaveLength(all - 2);
    for (const s of spacers()) expect(s.style.height).toBe('777px');
    expect(blocks()[1]!.querySelector('[role="treeitem"]')).not.toBeNull();
    const live = items().length;
    expect(live).toBeLessThan(COMMENTS / 2);
    // Top-level comments still say where they stand among all of them.
    const firstTop = items()[0]!;
    expect(firstTop.getAttribute('aria-posinset')).toBe('1');
    expect(Number(firstTop.getAttribute('aria-setsize'))).toBeGreaterThan(blocks().length);

    // Scrolling down to block 3: it renders on the next task, before the blocks left behind are dropped, with
    // the collapsed comment still collapsed.
    io.report((el) => !el.classList.contains('tl-block') || blockIndex(el) === 3);
    expect(blocks()[3]!.childElementCount).toBe(0);
    await tick();
    expect(blocks()[3]!.childElementCount).toBe(1);
    expect(blocks()[0]!.childElementCount).toBe(1);
    await until(() => blocks()[0]!.childElementCount === 0);
    const again = document.querySelector<HTMLElement>(`[data-comment-id="${parentId}"]`)!;
    expect(again).not.toBeNull();
    expect(again.getAttribute('aria-expanded')).toBe('false');
    // And the blocks the reader left are spacers now.
    expect(blocks()[0]!.childElementCount).toBe(0);
  });

  it('never drops the block holding keyboard focus', async () => {
    await renderAll();
    const focused = blocks()[4]!.querySelector<HTMLElement>('[role="treeitem"]')!;
    focused.focus();
    io.report((el) => !el.classList.contains('tl-block'));
    await until(() => spacers().length >= blocks().length - 1);
    expect(spacers()).toHaveLength(blocks().length - 1);
    expect(document.activeElement).toBe(focused);
    expect(focused.isConnected).toBe(true);
  });

  it('"Show all" renders every block and keeps them rendered wherever the reader is', async () => {
    // The end of the list is far: rendering waits for the reader.
    for (let i = 0; i < 50; i++) {
      io.report(() => false);
      await tick();
    }
    expect(items().length).toBeLessThan(COMMENTS);
    const showAll = Array.from(document.querySelectorAll<HTMLButtonElement>('.tl-more button')).find(
      (b) => b.textContent === 'Show all',
    )!;
    showAll.click();
    for (let i = 0; i < 500 && items().length < COMMENTS; i++) {
      io.report(() => false);
      await tick();
    }
    expect(items()).toHaveLength(COMMENTS);
    expect(spacers()).toHaveLength(0);
  });

  it('End and Home reach the last and first comments, rendering them wherever they are; j steps over a spacer', async () => {
    // The reader stays at the top: what is rendered is near, the end of the list is not.
    for (let i = 0; i < 50; i++) {
      io.report((el) => el.classList.contains('tl-block'));
      await tick();
    }
    const first = items()[0]!;
    const last = await press(first, 'End');
    expect(last.getAttribute('role')).toBe('treeitem');
    // The last comment in reading order: the last top-level thread's last reply (nothing is collapsed).
    const lastTop = items()
      .filter((el) => el.getAttribute('aria-level') === '1')
      .pop()!;
    expect(lastTop.getAttribute('aria-posinset')).toBe(lastTop.getAttribute('aria-setsize'));
    const inLast = Array.from(lastTop.querySelectorAll<HTMLElement>('[role="treeitem"]'));
    expect(last).toBe(inLast.length ? inLast[inLast.length - 1] : lastTop);
    // The blocks jumped over are spacers of estimated height, not rendered comments.
    expect(spacers().length).toBeGreaterThan(0);
    expect(items().length).toBeLessThan(COMMENTS / 2);

    expect((await press(last, 'Home')).dataset.commentId).toBe(first.dataset.commentId);

    // j from the last comment before a spacer goes to the first comment after it.
    const spacer = spacers()[0]!;
    const beforeSpacer = blocks()[blockIndex(spacer) - 1]!;
    const lastBefore = Array.from(beforeSpacer.querySelectorAll<HTMLElement>('[role="treeitem"]')).pop()!;
    const next = await press(lastBefore, 'j');
    expect(next.getAttribute('aria-level')).toBe('1');
    expect(Number(next.getAttribute('aria-posinset'))).toBe(
      Number(lastBefore.closest('.tl-block-items > [role="treeitem"]')!.getAttribute('aria-posinset')) + 1,
    );
  });
});
