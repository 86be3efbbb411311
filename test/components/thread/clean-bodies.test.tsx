import { afterEach, describe, expect, it } from 'vitest';
import { createSectionView, type SectionView } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { DEFAULT_PREFS } from '@/utils/platform/prefs';
import { fixtureHtml, parseDocument } from '@/test/support/helpers';

// What a reader sees of engine markup in the view: spoilers and signatures folded (a disclosure the keyboard
// opens), a quote whose post is not on the page still names whom it quotes, no engine controls.

const tick = () => new Promise((r) => setTimeout(r, 0));

function show(file: string, url: string): SectionView {
  useForOtherSites(anySite);
  const parsed = parseDocument(fixtureHtml(file));
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  const view = createSectionView(findSection(document, url)!, { parts: viewParts, onViewPrefs: () => {} });
  view.update(DEFAULT_PREFS);
  return view;
}
const item = (id: string) => document.querySelector(`[data-threadlight="thread"] [data-comment-id="${id}"]`)!;

describe('engine markup in the view', () => {
  let view: SectionView;
  afterEach(() => view.destroy());

  it('folds spoilers and signatures, closed until the reader opens them', async () => {
    view = show('engines/mybb-1.8.html', 'https://community.mybb.com/showthread.php?tid=9');
    await tick();
    const folds = Array.from(item('31').querySelectorAll<HTMLDetailsElement>('details.tl-fold'));
    expect(folds.map((d) => [d.dataset.fold, d.querySelector('summary')!.textContent, d.open])).toEqual([
      ['spoiler', 'Spoiler', false],
      ['signature', 'Signature', false],
    ]);
    expect(folds[0]!.textContent).toContain('It was the cable.');
  });

  it('names the author of a quote whose post is not on the page', async () => {
    view = show('engines/mybb-1.8.html', 'https://community.mybb.com/showthread.php?tid=9');
    await tick();
    // Ivo quotes a post of Olga's from an earlier page of the thread.
    const source = item('33').querySelector('blockquote[data-quote-of=""] .tl-quote-source');
    expect(source?.textContent).toMatch(/^Olga \(quoted post not shown here\)/);
    const view_ = document.querySelector('[data-threadlight="thread"]')!.textContent ?? '';
    expect(view_).not.toMatch(/\bwrote:/i);
  });
});
