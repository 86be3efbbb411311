import { beforeEach, describe, expect, it } from 'vitest';
import { everySiteId } from '@/utils/pipeline/people/person';
import { createSectionView } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { removeStaleViews } from '@/utils/content/view-host';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { ARTICLE_URL, fakeIntersections, fixtureHtml } from '@/test/support/helpers';
// @ts-expect-error plain JS helper shared with the benchmarks
import { articleHtml, syntheticDiscussion } from '../../../scripts/lib/synthetic.mjs';

const tick = () => new Promise((r) => setTimeout(r, 0));
const prefsWith = (view: Partial<Prefs['view']> = {}, rest: Partial<Prefs> = {}): Prefs => ({
  ...DEFAULT_PREFS,
  ...rest,
  view: { ...DEFAULT_PREFS.view, ...view },
});

/** Puts a fixture page into the test's document (DOM import: page text never goes through an HTML sink). */
function load(name = 'macrumors-2017-huawei-xiaomi.html', html = fixtureHtml(name)) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  return findSection(document, ARTICLE_URL)!;
}

const items = () => Array.from(document.querySelectorAll<HTMLElement>('[data-threadlight="thread"] [role="treeitem"]'));
const levels = () => items().map((el) => `${el.getAttribute('aria-level')}:${el.dataset.commentId}`);

describe('the section view in the page', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  it('inserts one view right before the untouched original, and removing it restores the page exactly', async () => {
    const section = load();
    const before = section.root.outerHTML;
    const bodyBefore = document.body.innerHTML;
    const view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    view.update(prefsWith());
    await tick();
    const host = document.querySelector('[data-threadlight="thread"]')!;
    expect(host.nextElementSibling).toBe(section.root);
    expect(section.root.outerHTML).toBe(before);
    expect(host.querySelector('[role="tree"]')).not.toBeNull();
    expect(levels()).toEqual([
      '1:25853811',
      '1:25853790',
      '1:25853802',
      '2:25854002',
      '2:25854077',
      '1:25853795',
      '2:25853840',
      '1:25854120',
      '1:25853901',
      '1:25853950',
    ]);
    view.update(prefsWith({ view: 'original' }));
    expect(document.querySelector('[data-threadlight]')).toBeNull();
    expect(document.body.innerHTML).toBe(bodyBefore);
  });

  it('never makes a second view for the same section (re-run, second instance)', async () => {
    const section = load();
    const a = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    a.update(prefsWith());
    a.update(prefsWith({ sort: 'newest' }));
    const b = createSectionView(findSection(document, ARTICLE_URL)!, {
      parts: viewParts,
      onViewPrefs: () => {},
    });
    b.update(prefsWith());
    await tick();
    expect(document.querySelectorAll('[data-threadlight="thread"]')).toHaveLength(1);
    removeStaleViews(document);
    expect(document.querySelectorAll('[data-threadlight]')).toHaveLength(0);
  });

  it('sorts, flattens and filters on preference changes, with reasons and counts', async () => {
    const section = load();
    const view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    view.update(prefsWith({ sort: 'oldest' }));
    await tick();
    expect(levels()[0]).toBe('1:25853790');
    view.update(prefsWith({ view: 'flat', sort: 'top' }));
    await tick();
    expect(levels().every((l) => l.startsWith('1:'))).toBe(true);
    expect(levels()).toHaveLength(10);
    const mutedPeople = { [everySiteId('reader_one')]: 'reader_one' };
    view.update({ ...prefsWith(), filters: { minRating: 8, mutedWords: [], mutedPeople, hideRepliesToMuted: false } });
    await tick();
    expect(document.querySelector('[data-comment-id="25853811"]')!.getAttribute('data-filtered')).toBe('muted-user');
    expect(document.querySelector('[data-comment-id="25853840"]')!.getAttribute('data-filtered')).toBe('rating');
    // A filtered parent keeps its place; its reply stays in its group.
    const four = document.querySelector('[data-comment-id="25853795"]')!;
    expect(four.getAttribute('data-filtered')).toBeNull();
    expect(view.counts()).toMatchObject({ total: 10, hidden: 7, byReason: { rating: 6, 'muted-user': 1 } });
    expect(document.querySelector('.tl-count')!.textContent).toContain('7 hidden');
  });

  it('collapses and expands a thread, and Collapse all / Expand all', async () => {
    load();
    const view = createSectionView(findSection(document, ARTICLE_URL)!, {
      parts: viewParts,
      onViewPrefs: () => {},
    });
    view.update(prefsWith());
    await tick();
    const three = () => document.querySelector('[data-comment-id="25853802"]')!;
    expect(three().getAttribute('aria-expanded')).toBe('true');
    (three().querySelector('.tl-toggle') as HTMLButtonElement).click();
    await tick();
    expect(three().getAttribute('aria-expanded')).toBe('false');
    expect(three().querySelector('[role="group"]')).toBeNull();
    expect(three().querySelector('.tl-toggle')!.textContent).toContain('2 replies');
    const all = () =>
      Array.from(document.querySelectorAll('button')).find((b) => /Collapse all|Expand all/.test(b.textContent ?? ''))!;
    expect(all().textContent).toBe('Collapse all');
    all().click();
    await tick();
    expect(document.querySelectorAll('[role="treeitem"][aria-expanded="true"]')).toHaveLength(0);
    expect(all().textContent).toBe('Expand all');
    all().click();
    await tick();
    expect(document.querySelectorAll('[role="treeitem"][aria-expanded="false"]')).toHaveLength(0);
  });

  it('takes the same discussion drawn again in a new element in place, keeping collapsed threads', async () => {
    const first = load();
    const view = createSectionView(first, { parts: viewParts, onViewPrefs: () => {} });
    view.update(prefsWith());
    await tick();
    const host = view.host();
    const three = () => document.querySelector('[data-comment-id="25853802"]')!;
    (three().querySelector('.tl-toggle') as HTMLButtonElement).click();
    await tick();
    // The site's framework draws its container again: our host goes with the old one.
    const again = first.root.cloneNode(true) as Element;
    first.root.parentElement!.replaceChildren(again);
    view.replaceSection(findSection(document, ARTICLE_URL)!);
    await tick();
    expect(view.host()).toBe(host);
    expect(host!.nextElementSibling).toBe(again);
    expect(document.querySelectorAll('[data-threadlight="thread"]')).toHaveLength(1);
    expect(three().getAttribute('aria-expanded')).toBe('false');
  });

  it('marks brands, links matched quotes and labels orphan quotes', async () => {
    load();
    const view = createSectionView(findSection(document, ARTICLE_URL)!, {
      parts: viewParts,
      onViewPrefs: () => {},
    });
    view.update(prefsWith());
    await tick();
    expect(document.querySelector('[data-comment-id="25853840"] blockquote')!.getAttribute('data-quote-of')).toBe(
      '25853795',
    );
    const orphan = document.querySelector('[data-comment-id="25854120"] blockquote')!;
    expect(orphan.getAttribute('data-quote-of')).toBe('');
    expect(orphan.querySelector('a')!.getAttribute('href')).toBe('https://forums.macrumors.com/threads/2105432');
    expect(document.querySelectorAll('mark[data-brand]').length).toBeGreaterThan(40);
    view.update(prefsWith({}, { brands: { ...DEFAULT_PREFS.brands, only: ['huawei'] } }));
    await tick();
    expect(
      new Set(Array.from(document.querySelectorAll('mark[data-brand]')).map((m) => m.getAttribute('data-brand'))),
    ).toEqual(new Set(['huawei']));
  });

  it('focuses the thread on a brand from the chart, and clears it on a second click', async () => {
    load();
    const view = createSectionView(findSection(document, ARTICLE_URL)!, {
      parts: viewParts,
      onViewPrefs: () => {},
    });
    view.update(prefsWith());
    await tick();
    const bar = () => document.querySelector('.tl-chart [data-brand="huawei"]') as HTMLButtonElement;
    // The chart is compact: the rest of the brands on request.
    Array.from(document.querySelectorAll<HTMLButtonElement>('.tl-chart button'))
      .find((b) => /^All \d+ brands$/.test(b.textContent!))
      ?.click();
    await tick();
    bar().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await tick();
    const open = items()
      .filter((el) => !el.dataset.filtered)
      .map((el) => el.dataset.commentId);
    expect(open.sort()).toEqual(['25853901', '25853950']);
    expect(items().filter((el) => el.dataset.filtered === 'brand-focus')).toHaveLength(8);
    expect(bar().getAttribute('aria-pressed')).toBe('true');
    bar().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await tick();
    expect(items().filter((el) => el.dataset.filtered)).toHaveLength(0);
  });

  it('draws from the model prepared in steps, unless the preferences changed in between', async () => {
    const section = load();
    const plain = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    plain.update(prefsWith({ view: 'flat', sort: 'oldest' }));
    const oldest = items().map((el) => el.dataset.commentId);
    plain.destroy();
    const top = section.comments
      .slice()
      .sort((a, b) => b.votes - a.votes)
      .map((c) => c.id);
    expect(oldest).not.toEqual(top);

    const view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    await view.prepare(prefsWith({ view: 'flat', sort: 'top' }));
    // The reader switched to Oldest while the first model was being prepared.
    view.update(prefsWith({ view: 'flat', sort: 'oldest' }));
    expect(items().map((el) => el.dataset.commentId)).toEqual(oldest);
    view.destroy();

    const again = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    await again.prepare(prefsWith({ view: 'flat', sort: 'top' }));
    again.update(prefsWith({ view: 'flat', sort: 'top' }));
    const ratings = items().map((el) => Number(el.dataset.rating));
    expect(ratings).toEqual(ratings.slice().sort((a, b) => b - a));
    again.destroy();
  });

  it('asks for view changes from its own header controls', async () => {
    load();
    const asked: unknown[] = [];
    const view = createSectionView(findSection(document, ARTICLE_URL)!, {
      parts: viewParts,
      onViewPrefs: (c) => asked.push(c),
    });
    view.update(prefsWith());
    await tick();
    const select = document.querySelector('.tl-header select') as HTMLSelectElement;
    select.value = 'newest';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    (
      Array.from(document.querySelectorAll('.tl-segmented button')).find(
        (b) => b.textContent === 'Original',
      ) as HTMLButtonElement
    ).click();
    expect(asked).toEqual([{ sort: 'newest' }, { view: 'original' }]);
  });

  it('renders a long discussion progressively, again after a sort change, and renders a jump target at once', async () => {
    const io = fakeIntersections();
    try {
      const section = load('', articleHtml(syntheticDiscussion(400)));
      expect(section.comments).toHaveLength(400);
      const view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
      // The reader scrolls along: everything is near the viewport, so everything renders, in chunks.
      const settle = async () => {
        for (let i = 0; i < 500 && items().length < 400; i++) {
          io.report(() => true);
          await tick();
        }
      };
      view.update(prefsWith({ view: 'flat', sort: 'oldest' }));
      const first = items().length;
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(400);
      expect(document.querySelector('.tl-more')?.textContent).toBe('Rendering more comments…');
      await settle();
      expect(items()).toHaveLength(400);
      expect(document.querySelector('.tl-more')).toBeNull();

      expect(items()[0]!.dataset.commentId).toBe(section.comments[0]!.id);

      // A new model (another sort) starts again from the first chunk instead of re-rendering all 400 at once.
      view.update(prefsWith({ view: 'flat', sort: 'top' }));
      expect(items().length).toBeLessThan(400);
      const votes = items().map((el) => Number(el.dataset.rating));
      expect(votes).toEqual(votes.slice().sort((a, b) => b - a));
      // A quote whose source is not rendered yet: following it renders the source's thread and focuses it.
      const link = Array.from(document.querySelectorAll<HTMLElement>('[data-quote-of]')).find((q) => {
        const id = q.dataset.quoteOf!;
        return id && !document.querySelector(`[data-comment-id="${id}"]`);
      });
      expect(link).toBeDefined();
      link!.querySelector<HTMLButtonElement>('.tl-quote-source button')!.click();
      await tick();
      expect(document.querySelector(`[data-comment-id="${link!.dataset.quoteOf}"]`)).not.toBeNull();
      await tick();
      expect(document.activeElement?.getAttribute('data-comment-id')).toBe(link!.dataset.quoteOf);
      await settle();
      expect(items()).toHaveLength(400);
      view.destroy();
    } finally {
      io.restore();
    }
  });
});
