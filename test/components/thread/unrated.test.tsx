import { afterEach, describe, expect, it } from 'vitest';
import { createSectionView, type SectionView } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { ARTICLE_URL, fixtureHtml } from '@/test/support/helpers';

// A forum or blog that rates nothing (phpBB here) shows no vote counts and offers no "Top rated": its
// comments stay in page order and the header says why; a minimum rating hides nothing there. A page that
// rates (MacRumors) keeps all of it.

const tick = () => new Promise((r) => setTimeout(r, 0));
const prefs = (rest: Partial<Prefs['filters']> = {}): Prefs => ({
  ...DEFAULT_PREFS,
  view: { ...DEFAULT_PREFS.view, sort: 'top' },
  filters: { ...DEFAULT_PREFS.filters, ...rest },
});

let order: string[] = [];
function show(file: string, url: string, p: Prefs): SectionView {
  useForOtherSites(anySite);
  const parsed = new DOMParser().parseFromString(fixtureHtml(file), 'text/html');
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  const section = findSection(document, url)!;
  order = section.comments.map((c) => c.id);
  const view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
  view.update(p);
  return view;
}
const ids = () => Array.from(document.querySelectorAll<HTMLElement>('[role="treeitem"]'), (el) => el.dataset.commentId);
const sortOptions = () =>
  Array.from(document.querySelectorAll<HTMLOptionElement>('.tl-header select option'), (o) => o.value);

describe('pages without ratings', () => {
  let view: SectionView;
  afterEach(() => view.destroy());

  it('show no vote counts and no "Top rated", keep page order and say why', async () => {
    view = show(
      'real/phpbb-dostips.html',
      'https://www.dostips.com/forum/viewtopic.php?t=8355&start=15',
      prefs({ minRating: 3 }),
    );
    await tick();
    expect(document.querySelectorAll('[role="treeitem"]')).toHaveLength(15);
    expect(document.querySelectorAll('.tl-votes')).toHaveLength(0);
    expect(sortOptions()).toEqual(['newest', 'oldest', 'page']);
    expect(document.querySelector<HTMLSelectElement>('.tl-header select')!.value).toBe('page');
    expect(document.querySelector('.tl-unrated')!.textContent).toMatch(/No ratings here/);
    // Page order (top-level comments as the page has them), and a minimum rating hides nothing here.
    const roots = Array.from(
      document.querySelectorAll<HTMLElement>('[role="treeitem"][aria-level="1"]'),
      (el) => el.dataset.commentId!,
    );
    expect(roots).toEqual(order.filter((id) => roots.includes(id)));
    expect(ids()).toHaveLength(15);
    expect(document.querySelectorAll('[data-filtered]')).toHaveLength(0);
  });

  it('keep votes and "Top rated" where the page rates', async () => {
    view = show('macrumors-2017-huawei-xiaomi.html', ARTICLE_URL, prefs());
    await tick();
    expect(document.querySelectorAll('.tl-votes').length).toBeGreaterThan(0);
    expect(sortOptions()).toEqual(['top', 'newest', 'oldest', 'page']);
    expect(document.querySelector('.tl-unrated')).toBeNull();
    expect(document.querySelector('.tl-chart-value')!.textContent).toMatch(/votes?$/);
  });

  it('count brand mentions without votes where nothing is rated (Hacker News)', async () => {
    view = show(
      'native/hackernews-item-16909056-tech-company-career-ladders-2018.html',
      'https://news.ycombinator.com/item?id=16909056',
      prefs(),
    );
    await tick();
    const values = Array.from(document.querySelectorAll('.tl-chart-value'), (el) => el.textContent);
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => /^\d+ mentions?$/.test(v ?? ''))).toBe(true);
  });
});
