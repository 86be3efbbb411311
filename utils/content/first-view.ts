import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CommentSection } from '@/utils/pipeline/model';
import { findSectionSteps } from '@/utils/pipeline/extract/find-section';
import { nextTask, runInTasks } from '@/utils/pipeline/steps';
import type { Prefs } from '@/utils/platform/prefs';
import type { PageDataStore } from './page-data';
import type { SectionView } from './section-view';
import { timersOf } from './timers';
import type { ViewParts } from './view-parts';

// The first view of a page, step by step on tasks of its own, with its cost in the page's timeline; and the
// seeker that looks again for a section that has not appeared yet.

/** Comment blocks read between pauses on first load (tasks take as many slices as fit their time budget). */
const EXTRACT_SLICE = 10;

/** Asks for the drawing code; resolves once it is in this content-script world. */
export type PartsLoader = () => Promise<ViewParts>;

/** Where the app looks for a section that has not appeared yet (a late section, a page after navigation). */
const SEEK_MS = 500;
const SEEK_FOR_MS = 60_000;

export interface FirstViewState {
  href: string;
  prefs: Prefs;
  parts: ViewParts | null;
  pageData: PageDataStore;
}

export interface FirstViewSteps {
  viewOf(found: CommentSection, parts: ViewParts): SectionView;
  loadParts: PartsLoader;
  attach(found: CommentSection, prepared: SectionView): void;
  effective(p: Prefs): Prefs;
  seek(): void;
}

/**
 * First view: extraction (a slice of comments per task), threading and brand search each run on their own
 * tasks before the first paint, so a long section never blocks the page for long.
 */
export async function firstView(
  ctx: ContentScriptContext,
  doc: Document,
  state: FirstViewState,
  steps: FirstViewSteps,
) {
  const start = performance.now();
  // An app forum's page may need its platform's data first (one same-origin request).
  const wanted = state.pageData.missing(doc, state.href);
  if (wanted) await state.pageData.fetch(wanted);
  if (ctx.isInvalid) return;
  const found = await runInTasks(findSectionSteps(doc, state.href, EXTRACT_SLICE, state.pageData.data), nextTask);
  if (ctx.isInvalid) return;
  if (!found) return steps.seek();
  measure(TIMING.extract, start);
  state.parts = await steps.loadParts().catch(() => null);
  if (ctx.isInvalid || !state.parts) return;
  measure(TIMING.parts, start);
  const pending = steps.viewOf(found, state.parts);
  await nextTask();
  const prepared = performance.now();
  await pending.prepare(steps.effective(state.prefs)).catch(() => undefined);
  if (ctx.isInvalid) return;
  measure(TIMING.prepare, prepared);
  steps.attach(found, pending);
  performance.mark(TIMING.view);
}

/** What the first view cost, in the page's performance timeline (read by `npm run bench`). */
export const TIMING = {
  extract: 'threadlight:extract',
  parts: 'threadlight:parts',
  prepare: 'threadlight:prepare',
  view: 'threadlight:view',
};
const measure = (name: string, start: number) => {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // a timeline without User Timing Level 3: no figures, same behaviour
  }
};

/** Looks for a section at most every SEEK_MS while nodes are being added, for SEEK_FOR_MS after start. */
export function createSeeker(ctx: ContentScriptContext, look: () => void) {
  let until = 0;
  let pending = false;
  return {
    start() {
      until = Date.now() + SEEK_FOR_MS;
    },
    poke() {
      if (pending || Date.now() > until) return;
      pending = true;
      timersOf(ctx).setTimeout(() => {
        pending = false;
        look();
      }, SEEK_MS);
    },
  };
}
