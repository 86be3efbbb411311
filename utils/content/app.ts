import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CommentSection } from '@/utils/pipeline/model';
import { enabledOn, type Prefs, type ViewPrefs } from '@/utils/platform/prefs';
import { findSection, findSectionSteps } from '@/utils/pipeline/extract/find-section';
import { nextTask, runInTasks } from '@/utils/pipeline/steps';
import { createSectionView, removeStaleViews, type SectionView } from './section-view';
import { onMessage } from '@/utils/platform/messages';
import { createPrefsWriter, loadPrefs, watchPrefs } from '@/utils/platform/storage';
import { createDiscussionController, type DiscussionController } from './discussion-controller';

// The content script's whole job, wired to its context: find the section (now, or when the site adds it),
// show the view the preferences ask for, follow preference changes and section changes live, answer the
// popup's questions, and leave the page exactly as it was when the context ends.

/** Delays for re-reading a changing section: doubled while the site keeps changing it, up to the maximum. */
export const OBSERVE_DELAY = { initial: 150, max: 8000, calm: 5000 };
/** Comment blocks read between pauses on first load (tasks take as many slices as fit their time budget). */
const EXTRACT_SLICE = 10;
/** How long to watch a page for a comment section that the site adds after load. */
const WAIT_FOR_SECTION_MS = 60_000;

function signature(section: CommentSection): string {
  return section.comments.map((c) => `${c.id}:${c.votes}:${c.ownText.length}:${c.quotes.length}`).join('|');
}

function pageTheme(doc: Document): 'light' | 'dark' {
  const win = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el || !win) continue;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(win.getComputedStyle(el).backgroundColor);
    if (!m || m[4] === '0') continue;
    const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return win?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** A performance mark per re-read of a changing section: lets tests see the observer back off. */
export const REREAD_MARK = 'threadlight:reread';

export async function startThreadlight(ctx: ContentScriptContext, doc: Document, startHref: string): Promise<void> {
  let href = startHref;
  const hostname = new URL(href).hostname;
  let prefs: Prefs = await loadPrefs();
  if (ctx.isInvalid) return;
  let view: SectionView | null = null;
  let section: CommentSection | null = null;
  let observer: MutationObserver | null = null;
  let discussion: DiscussionController | null = null;

  const writer = createPrefsWriter(() => undefined);
  const effective = (p: Prefs): Prefs =>
    enabledOn(p.view, hostname) ? p : { ...p, view: { ...p.view, view: 'original' } };
  const show = () => {
    try {
      view?.update(effective(prefs));
    } catch {
      stepAside();
    }
  };
  const onViewPrefs = (change: Partial<ViewPrefs>) => {
    prefs = { ...prefs, view: { ...prefs.view, ...change } };
    show();
    writer.write({ view: prefs.view });
  };
  function stepAside() {
    observer?.disconnect();
    try {
      view?.destroy();
    } catch {
      removeStaleViews(doc);
    }
    view = null;
  }

  // Section changes by the site: re-read after a pause that grows while changes keep coming (backoff),
  // so a section that mutates forever costs at most one extraction every OBSERVE_DELAY.max.
  let delay = OBSERVE_DELAY.initial;
  let timer: number | undefined;
  let lastRun = 0;
  const reread = () => {
    timer = undefined;
    const now = Date.now();
    delay = now - lastRun < OBSERVE_DELAY.calm ? Math.min(delay * 2, OBSERVE_DELAY.max) : OBSERVE_DELAY.initial;
    lastRun = now;
    performance.mark(REREAD_MARK);
    const next = findSection(doc, href);
    if (!next || !view || !section) return next ? attach(next) : stepAside();
    if (next.root === section.root && signature(next) === signature(section)) return;
    section = next;
    view.replaceSection(discussion ? discussion.apply(next) : next);
    observe(next.root);
  };
  const observe = (root: Element) => {
    observer?.disconnect();
    observer = new MutationObserver(() => {
      if (timer === undefined) timer = ctx.setTimeout(reread, delay);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  };

  const viewOptions = (found: CommentSection) => {
    discussion?.destroy();
    discussion = createDiscussionController(found, (merged) => {
      if (merged) view?.replaceSection(merged);
      else view?.redraw();
    });
    return { onViewPrefs, theme: () => pageTheme(doc), discussion: () => discussion?.ui() ?? null };
  };

  function attach(found: CommentSection, prepared?: SectionView) {
    section = found;
    view = prepared ?? createSectionView(found, viewOptions(found));
    show();
    observe(found.root);
  }

  // First view: extraction (a slice of comments per task), threading and brand search each run on their own
  // tasks before the first paint, so a long section never blocks the page for long.
  const first = await runInTasks(findSectionSteps(doc, href, EXTRACT_SLICE), nextTask);
  if (ctx.isInvalid) return;
  if (first) {
    const pending = createSectionView(first, viewOptions(first));
    await nextTask();
    await pending.prepare(effective(prefs)).catch(() => undefined);
    if (ctx.isInvalid) return;
    attach(first, pending);
  } else waitForSection();

  // Comments added later by the site: watch the body, throttled, until a section appears or time runs out.
  function waitForSection() {
    let pending = false;
    const seeker = new MutationObserver(() => {
      if (pending) return;
      pending = true;
      ctx.setTimeout(() => {
        pending = false;
        const found = findSection(doc, href);
        if (found && !view) {
          seeker.disconnect();
          attach(found);
        }
      }, 500);
    });
    if (doc.body) seeker.observe(doc.body, { childList: true, subtree: true });
    ctx.setTimeout(() => seeker.disconnect(), WAIT_FOR_SECTION_MS);
    ctx.onInvalidated(() => seeker.disconnect());
  }

  const unwatch = watchPrefs(prefs, (next) => {
    prefs = next;
    show();
  });

  const stopAnswering = onMessage('threadlight:stats', () => {
    const counts = view?.counts();
    return {
      found: section !== null,
      enabled: enabledOn(prefs.view, hostname),
      total: section?.comments.length ?? 0,
      shown: counts ? counts.total - counts.hidden : 0,
      hidden: counts?.hidden ?? 0,
      source: section?.source ?? null,
    };
  });

  // Single-page navigation: the old section is gone or replaced; start over on the new address.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
    href = newUrl.href;
    stepAside();
    section = null;
    const found = findSection(doc, href);
    if (found) attach(found);
    else waitForSection();
  });

  // An extension reload or update leaves this script orphaned. WXT notices only when asked, so ask now and
  // then: the context then invalidates and the page gets its own section back.
  ctx.setInterval(() => undefined, 2000);

  ctx.onInvalidated(() => {
    unwatch();
    stopAnswering();
    void writer.flush();
    discussion?.destroy();
    stepAside();
  });
}
