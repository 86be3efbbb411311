import { afterEach, describe, expect, it } from 'vitest';
import { createSectionView, type SectionView } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { DEFAULT_PREFS } from '@/utils/platform/prefs';
import { fixtureHtml, parseDocument } from '@/test/support/helpers';

// In the view, what the site has but the page does not hold keeps its place: a withheld comment is a tree
// item of its own (its replies under it) saying so, with the site's link; "load more" replies are a line in
// the comment they belong to; a "More" page of the discussion is a line below the tree.

const tick = () => new Promise((r) => setTimeout(r, 0));
/** Lets the view render every comment: "Show all" when it offers it, then tasks until nothing is left. */
async function renderAll(): Promise<void> {
  const end = Date.now() + 5000;
  while (document.querySelector('.tl-more') && Date.now() < end) {
    const button = Array.from(document.querySelectorAll<HTMLButtonElement>('.tl-more button')).find(
      (b) => b.textContent === 'Show all',
    );
    button?.click();
    await tick();
  }
}

function show(
  file: string,
  url: string,
  edit?: (doc: Document) => void,
  mode: 'threaded' | 'flat' = 'threaded',
): SectionView {
  useForOtherSites(anySite);
  const parsed = parseDocument(fixtureHtml(file));
  edit?.(parsed);
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  const section = findSection(document, url)!;
  const view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
  view.update({ ...DEFAULT_PREFS, view: { ...DEFAULT_PREFS.view, sort: 'page', view: mode } });
  return view;
}

describe('comments not loaded here, in the view', () => {
  let view: SectionView;
  afterEach(() => view.destroy());

  it('Slashdot: a withheld comment is a tree item with the site link, its replies inside it', async () => {
    view = show(
      'native/slashdot-2025-stanford-cs-grads-degrees-no-longer-guarantee-jobs.html',
      'https://developers.slashdot.org/story/25/12/19/236259/x',
    );
    await renderAll();
    const items = document.querySelectorAll<HTMLElement>('[role="treeitem"][data-not-loaded]');
    expect(items).toHaveLength(9);
    const first = document.querySelector<HTMLElement>('[role="treeitem"][data-comment-id="65870289"]')!;
    expect(first.hasAttribute('data-not-loaded')).toBe(true);
    expect(first.querySelector('.tl-withheld')!.textContent).toMatch(/not loaded here/);
    const link = first.querySelector<HTMLAnchorElement>('.tl-withheld a')!;
    expect(link.getAttribute('href')).toBe('https://developers.slashdot.org/comments.pl?sid=23873421&cid=65870289');
    expect(first.querySelector('[role="group"] [role="treeitem"][data-comment-id="65870653"]')).not.toBeNull();
    expect(document.querySelectorAll('[role="treeitem"]')).toHaveLength(87);
  });

  it('old Reddit: "1 reply not loaded here" in the comment it belongs to; a More page below the tree', async () => {
    view = show(
      'native/oldreddit-r-aww-8dyrb3-ben-proud-of-learning-to-go-on-walks-2018.html',
      'https://www.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
    );
    await renderAll();
    const lines = Array.from(document.querySelectorAll<HTMLElement>('[role="treeitem"] > [data-not-loaded]'));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.textContent).toMatch(/^1 reply not loaded here · Open on the site$/);
      const item = line.closest<HTMLElement>('[role="treeitem"]')!;
      expect(line.querySelector('a')!.href).toMatch(new RegExp(`/${item.dataset.commentId}/$`));
    }
    expect(document.querySelector('.tl-view > [data-not-loaded]')).toBeNull();
  });

  it('Hacker News: "More comments not loaded here" below the tree, to the next page', async () => {
    view = show(
      'native/hackernews-item-16909056-tech-company-career-ladders-2018.html',
      'https://news.ycombinator.com/item?id=16909056',
      (doc) => {
        const more = doc.createElement('a');
        more.className = 'morelink';
        more.setAttribute('href', 'item?id=16909056&p=2');
        doc.querySelector('table.comment-tree')!.after(more);
      },
    );
    await renderAll();
    const line = document.querySelector<HTMLElement>('.tl-view > [data-not-loaded]')!;
    expect(line.textContent).toBe('More comments not loaded here · Open on the site');
    expect(line.querySelector('a')!.href).toBe('https://news.ycombinator.com/item?id=16909056&p=2');
  });

  it('Flat view of a site tree: every reply says which comment it answers, so the tree is never lost', async () => {
    view = show(
      'native/hackernews-item-16909056-tech-company-career-ladders-2018.html',
      'https://news.ycombinator.com/item?id=16909056',
      undefined,
      'flat',
    );
    await renderAll();
    const items = Array.from(document.querySelectorAll<HTMLElement>('[role="treeitem"]'));
    expect(items).toHaveLength(115);
    expect(items.every((i) => i.getAttribute('aria-level') === '1')).toBe(true);
    const reply = document.querySelector<HTMLElement>('[data-comment-id="16911460"]')!;
    expect(reply.querySelector('.tl-in-reply-to')!.textContent).toBe('In reply to peterburkimsher');
    const top = document.querySelector<HTMLElement>('[data-comment-id="16909828"]')!;
    expect(top.querySelector('.tl-in-reply-to')).toBeNull();
    expect(document.querySelectorAll('.tl-in-reply-to').length).toBeGreaterThan(80);
  });

  it('Hacker News: a "> " quote of the parent folds to one line without its ">" marks', async () => {
    view = show(
      'native/hackernews-item-16909056-tech-company-career-ladders-2018.html',
      'https://news.ycombinator.com/item?id=16909056',
    );
    await renderAll();
    const fold = document.querySelector<HTMLElement>('[data-comment-id="16911132"] .tl-quote-fold')!;
    expect(fold.textContent).toBe('Quote of the comment above: “future children would be stateless.”');
  });
});
