import { h, render } from 'preact';
import { ThreadView } from '@/components/ThreadView';
import type { CommentSection } from './model';
import type { Prefs, ViewPrefs } from './prefs';
import { threadByQuotes, type Forest } from './thread-by-quotes';
import { brandContext, buildViewModel, type BrandContext, type Counts } from './view-model';

// Puts our view where the page's comment section was and takes it away again. The original section stays in
// the document, hidden by an inline style we add; removing the view restores its style attribute exactly,
// so its outerHTML is as before. The host element records that original attribute, so a later instance of
// the content script (extension reload, double injection) can restore the page if an old one left its view.

export const HOST_ATTR = 'data-threadlight';
const ORIGINAL_STYLE = 'data-threadlight-original-style';
const NO_STYLE = '\u0000';

export interface SectionView {
  update(prefs: Prefs): void;
  /** New extraction of the same section (the site changed it). */
  replaceSection(section: CommentSection): void;
  counts(): Counts | null;
  readonly mounted: boolean;
  destroy(): void;
}

export interface SectionViewOptions {
  onViewPrefs(change: Partial<ViewPrefs>): void;
  /** Theme of the page under the view. */
  theme?: () => 'light' | 'dark';
}

/** Removes views left by an earlier instance and un-hides the sections they covered. */
export function removeStaleViews(doc: Document): void {
  for (const host of Array.from(doc.querySelectorAll(`[${HOST_ATTR}="thread"]`))) {
    const original = host.nextElementSibling as HTMLElement | null;
    const style = host.getAttribute(ORIGINAL_STYLE);
    if (original && style !== null) restoreStyle(original, style);
    host.remove();
  }
}

function restoreStyle(el: Element, style: string) {
  if (style === NO_STYLE) el.removeAttribute('style');
  else el.setAttribute('style', style);
}

export function createSectionView(initial: CommentSection, options: SectionViewOptions): SectionView {
  let section = initial;
  let forest: Forest = threadByQuotes(section.comments);
  let brands: BrandContext | null = null;
  let brandsKey = '';
  let prefs: Prefs | null = null;
  let brandFocus: string[] = [];
  let host: HTMLElement | null = null;
  let counts: Counts | null = null;

  const mount = () => {
    if (host) return host;
    const doc = section.root.ownerDocument;
    removeStaleViews(doc);
    const el = doc.createElement('div');
    el.setAttribute(HOST_ATTR, 'thread');
    el.setAttribute(ORIGINAL_STYLE, section.root.getAttribute('style') ?? NO_STYLE);
    el.className = 'tl-root';
    section.root.before(el);
    (section.root as HTMLElement).style.setProperty('display', 'none', 'important');
    host = el;
    return el;
  };

  const unmount = () => {
    if (!host) return;
    render(null, host);
    restoreStyle(section.root, host.getAttribute(ORIGINAL_STYLE) ?? NO_STYLE);
    host.remove();
    host = null;
    counts = null;
  };

  const draw = () => {
    if (!prefs) return;
    if (prefs.view.view === 'original') return unmount();
    const key = JSON.stringify(prefs.brands);
    if (!brands || key !== brandsKey) {
      brands = brandContext(section.comments, prefs.brands);
      brandsKey = key;
    }
    const model = buildViewModel(section.comments, forest, prefs, brands, brandFocus);
    counts = model.counts;
    const target = mount();
    target.setAttribute('data-theme', options.theme?.() ?? 'light');
    render(
      h(ThreadView, {
        heading: section.heading,
        discussionUrl: section.discussionUrl,
        model,
        view: prefs.view.view,
        sort: prefs.view.sort,
        brandFocus,
        onViewPrefs: options.onViewPrefs,
        onBrandFocus: (ids: string[]) => {
          brandFocus = ids;
          draw();
        },
      }),
      target,
    );
  };

  return {
    update(next) {
      prefs = next;
      draw();
    },
    replaceSection(next) {
      if (next.root !== section.root) unmount();
      section = next;
      forest = threadByQuotes(section.comments);
      brands = null;
      draw();
    },
    counts: () => counts,
    get mounted() {
      return host !== null;
    },
    destroy: unmount,
  };
}
