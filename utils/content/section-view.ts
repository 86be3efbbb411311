import { h, render } from 'preact';
import { ThreadView } from '@/components/thread/ThreadView';
import type { CommentSection } from '@/utils/pipeline/model';
import type { DiscussionUi } from './discussion-controller';
import type { Prefs, ViewPrefs } from '@/utils/platform/prefs';
import { threadByQuotes, threadSteps, type Forest } from '@/utils/pipeline/thread/thread-by-quotes';
import { nextTask, runInTasks } from '@/utils/pipeline/steps';
import {
  brandContext,
  brandContextSteps,
  buildViewModel,
  viewModelSteps,
  type BrandContext,
  type Counts,
  type ViewModel,
} from '@/utils/pipeline/view-model';

// Puts our view where the page's comment section was and takes it away again. The original section is never
// modified: our host element is inserted right before it, and the content stylesheet hides the element that
// follows the host ([data-threadlight="thread"] + *). Removing the host shows the original again, with its
// outerHTML exactly as the site left it. If the site inserts something between the two, the host is moved back.

export const HOST_ATTR = 'data-threadlight';

export interface SectionView {
  /** Threads the comments and finds brand mentions, each on its own task, so the page stays responsive. */
  prepare(prefs: Prefs): Promise<void>;
  update(prefs: Prefs): void;
  /** Draws again with the same preferences (the discussion's progress changed). */
  redraw(): void;
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
  /** The full-discussion controls, read on every draw. */
  discussion?: () => DiscussionUi | null;
}

/** Removes views left by an earlier instance (extension reload, double injection): their sections reappear. */
export function removeStaleViews(doc: Document): void {
  for (const host of Array.from(doc.querySelectorAll(`[${HOST_ATTR}="thread"]`))) host.remove();
}

/** Comments threaded or searched for brands between pauses on first load (see steps.ts). */
const PREPARE_SLICE = 25;

export function createSectionView(initial: CommentSection, options: SectionViewOptions): SectionView {
  let section = initial;
  let forest: Forest | null = null;
  let brands: BrandContext | null = null;
  let brandsKey = '';
  let prefs: Prefs | null = null;
  let brandFocus: string[] = [];
  /** The first model, built in steps by prepare(), and what it was built from. */
  let prepared: { key: string; forest: Forest; model: ViewModel } | null = null;
  const modelKey = (p: Prefs) => JSON.stringify([p, brandFocus, brandsKey]);
  let host: HTMLElement | null = null;
  let counts: Counts | null = null;

  const mount = () => {
    if (host) {
      if (host.nextElementSibling !== section.root) section.root.before(host);
      return host;
    }
    const doc = section.root.ownerDocument;
    removeStaleViews(doc);
    const el = doc.createElement('div');
    el.setAttribute(HOST_ATTR, 'thread');
    el.className = 'tl-root';
    section.root.before(el);
    host = el;
    return el;
  };

  const unmount = () => {
    if (!host) return;
    render(null, host);
    host.remove();
    host = null;
    counts = null;
  };

  const ensureBrands = (p: Prefs) => {
    const key = JSON.stringify(p.brands);
    if (!brands || key !== brandsKey) {
      brands = brandContext(section.comments, p.brands);
      brandsKey = key;
    }
  };

  const draw = () => {
    if (!prefs) return;
    if (prefs.view.view === 'original') return unmount();
    forest ??= threadByQuotes(section.comments);
    ensureBrands(prefs);
    // The model prepare() built in steps, when nothing it depends on has changed since.
    const key = modelKey(prefs);
    const model =
      prepared?.key === key && prepared.forest === forest
        ? prepared.model
        : buildViewModel(section.comments, forest, prefs, brands!, brandFocus);
    prepared = null;
    counts = model.counts;
    const fresh = !host;
    const target = mount();
    if (fresh) {
      // Reading the page's computed background right after it loaded would force a style pass over the whole
      // page (tens of ms on long sections); follow the system theme first, the page's once it has settled.
      target.setAttribute('data-theme', 'auto');
      if (options.theme) setTimeout(() => host === target && target.setAttribute('data-theme', options.theme!()), 1000);
    }
    render(
      h(ThreadView, {
        heading: section.heading,
        discussionUrl: section.discussionUrl,
        model,
        view: prefs.view.view,
        sort: prefs.view.sort,
        brandFocus,
        discussion: options.discussion?.() ?? null,
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
    async prepare(next) {
      forest ??= await runInTasks(threadSteps(section.comments, PREPARE_SLICE), nextTask);
      await nextTask();
      brands = await runInTasks(brandContextSteps(section.comments, next.brands, PREPARE_SLICE), nextTask);
      brandsKey = JSON.stringify(next.brands);
      if (next.view.view === 'original') return;
      await nextTask();
      const model = await runInTasks(
        viewModelSteps(section.comments, forest, next, brands, brandFocus, PREPARE_SLICE),
        nextTask,
      );
      prepared = { key: modelKey(next), forest, model };
    },
    update(next) {
      prefs = next;
      draw();
    },
    redraw: () => draw(),
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
