import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CommentSection } from '@/utils/pipeline/model';
import { findSection, findSectionSteps } from '@/utils/pipeline/extract/find-section';
import { nextTask, runInTasks } from '@/utils/pipeline/steps';
import { onMessage, type TabStats } from '@/utils/platform/messages';
import { enabledOn, type Prefs, type ViewPrefs } from '@/utils/platform/prefs';
import { loadPrefs, watchPrefs } from '@/utils/platform/storage';
import { createPrefsWriter } from '@/utils/platform/prefs-writer';
import { createDiscussionController, type DiscussionController } from './discussion-controller';
import { pageTheme } from './page-theme';
import { createSectionView, type SectionView, type ViewRenderer } from './section-view';
import { createSectionWatch, sameSection, waitForSection } from './section-watch';
import { removeStaleViews } from './view-host';

// The content script's whole job, wired to its context: find the section (now, or when the site adds it),
// show the view the preferences ask for, follow preference changes and section changes live, answer the
// popup's questions, and leave the page exactly as it was when the context ends.

/** Comment blocks read between pauses on first load (tasks take as many slices as fit their time budget). */
const EXTRACT_SLICE = 10;

interface AppState {
  href: string;
  prefs: Prefs;
  view: SectionView | null;
  section: CommentSection | null;
  discussion: DiscussionController | null;
}

export async function startThreadlight(
  ctx: ContentScriptContext,
  doc: Document,
  startHref: string,
  render: ViewRenderer,
): Promise<void> {
  const prefs = await loadPrefs();
  if (ctx.isInvalid) return;
  const state: AppState = { href: startHref, prefs, view: null, section: null, discussion: null };
  const app = createApp(ctx, doc, state, render);
  await app.first();
  if (ctx.isInvalid) return;
  const unwatch = watchPrefs(state.prefs, (next) => {
    state.prefs = next;
    app.show();
  });
  const stopAnswering = onMessage('threadlight:stats', () => tabStats(state));
  // Single-page navigation: the old section is gone or replaced; start over on the new address.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => app.navigated(newUrl.href));
  // An extension reload or update leaves this script orphaned. WXT notices only when asked, so ask now and
  // then: the context then invalidates and the page gets its own section back.
  ctx.setInterval(() => undefined, 2000);
  ctx.onInvalidated(() => {
    unwatch();
    stopAnswering();
    app.end();
  });
}

function tabStats({ view, section, prefs, href }: AppState): TabStats {
  const counts = view?.counts();
  return {
    found: section !== null,
    enabled: enabledOn(prefs.view, new URL(href).hostname),
    total: section?.comments.length ?? 0,
    shown: counts ? counts.total - counts.hidden : 0,
    hidden: counts?.hidden ?? 0,
    source: section?.source ?? null,
  };
}

/** The preferences the view is drawn with, and the view's own changes to them (saved, and shown at once). */
function createPrefsLink(state: AppState, stepAside: () => void) {
  const hostname = new URL(state.href).hostname;
  const writer = createPrefsWriter(() => undefined);
  const effective = (p: Prefs): Prefs =>
    enabledOn(p.view, hostname) ? p : { ...p, view: { ...p.view, view: 'original' } };
  const show = () => {
    try {
      state.view?.update(effective(state.prefs));
    } catch {
      stepAside();
    }
  };
  const onViewPrefs = (change: Partial<ViewPrefs>) => {
    state.prefs = { ...state.prefs, view: { ...state.prefs.view, ...change } };
    show();
    writer.write({ view: state.prefs.view });
  };
  return { effective, show, onViewPrefs, flush: () => writer.flush() };
}

/** A view of the section, with its full-discussion controller (which replaces the previous one). */
function newView(state: AppState, doc: Document, render: ViewRenderer, onViewPrefs: (c: Partial<ViewPrefs>) => void) {
  return (found: CommentSection) => {
    state.discussion?.destroy();
    state.discussion = createDiscussionController(found, (merged) => {
      if (merged) state.view?.replaceSection(merged);
      else state.view?.redraw();
    });
    const discussion = () => state.discussion?.ui() ?? null;
    return createSectionView(found, { render, onViewPrefs, theme: () => pageTheme(doc), discussion });
  };
}

function createApp(ctx: ContentScriptContext, doc: Document, state: AppState, render: ViewRenderer) {
  const { effective, show, onViewPrefs, flush } = createPrefsLink(state, () => stepAside());
  const viewOf = newView(state, doc, render, onViewPrefs);
  const watch = createSectionWatch(ctx, () => reread());
  function stepAside() {
    watch.disconnect();
    try {
      state.view?.destroy();
    } catch {
      removeStaleViews(doc);
    }
    state.view = null;
  }
  function reread() {
    const next = findSection(doc, state.href);
    if (!next || !state.view || !state.section) return next ? attach(next) : stepAside();
    if (sameSection(next, state.section)) return;
    state.section = next;
    state.view.replaceSection(state.discussion ? state.discussion.apply(next) : next);
    watch.observe(next.root);
  }
  function attach(found: CommentSection, prepared?: SectionView) {
    state.section = found;
    state.view = prepared ?? viewOf(found);
    show();
    watch.observe(found.root);
  }
  const seek = () =>
    waitForSection(
      ctx,
      doc,
      () => findSection(doc, state.href),
      (found) => !state.view && (attach(found), true),
    );
  return {
    show,
    /**
     * First view: extraction (a slice of comments per task), threading and brand search each run on their
     * own tasks before the first paint, so a long section never blocks the page for long.
     */
    async first() {
      const found = await runInTasks(findSectionSteps(doc, state.href, EXTRACT_SLICE), nextTask);
      if (ctx.isInvalid) return;
      if (!found) return seek();
      const pending = viewOf(found);
      await nextTask();
      await pending.prepare(effective(state.prefs)).catch(() => undefined);
      if (!ctx.isInvalid) attach(found, pending);
    },
    navigated(href: string) {
      state.href = href;
      stepAside();
      state.section = null;
      const found = findSection(doc, href);
      if (found) attach(found);
      else seek();
    },
    end() {
      void flush();
      state.discussion?.destroy();
      stepAside();
    },
  };
}
