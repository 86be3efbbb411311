import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isRated, type CommentSection } from '@/utils/pipeline/model';
import { findSection, whyNoSection } from '@/utils/pipeline/extract/find-section';
import { onMessage, type TabStats } from '@/utils/platform/messages';
import { forumOf } from '@/utils/platform/forum-fetch';
import { enabledOn, type Prefs } from '@/utils/platform/prefs';
import { loadPrefs, watchPrefs } from '@/utils/platform/storage';
import { createPrefsLink } from './prefs-link';
import type { DiscussionController } from './discussion-controller';
import { pageTheme } from './page-theme';
import { createSectionView, type SectionView, type SectionViewOptions } from './section-view';
import { createPageWatch } from './page-watch';
import { createBackoff, sameDiscussion, sameSection } from './section-watch';
import { createSettler } from './settle';
import { parsed } from './hold';
import { removeStaleViews } from './view-host';
import type { ViewParts } from './view-parts';
import { createFreshTracker, type FreshTracker } from './fresh';
import type { Place } from '@/utils/platform/places';
import { createSeeker, firstView, type PartsLoader } from './first-view';
import type { PageDataStore } from './page-data';
import { pageDataFor } from './app-forums';
import { watchKitOf } from './watch-read';

// The content script's whole job, wired to its context: find the section (now, or when the site adds it),
// show the view the preferences ask for, follow preference changes and section changes live, answer the
// popup's questions, and leave the page exactly as it was when the context ends.

interface AppState {
  href: string;
  prefs: Prefs;
  /** Why the view's last change of a preference or note could not be kept (prefs-link.ts). */
  saveProblem?: string | null;
  view: SectionView | null;
  section: CommentSection | null;
  discussion: DiscussionController | null;
  /** The drawing code, once injected (view-parts.ts). */
  parts: ViewParts | null;
  /** New since the last visit, for the current view. */
  fresh?: FreshTracker;
  /** Platform JSON fetched for an app forum's page (page-data.ts). */
  pageData: PageDataStore;
}

export type { PartsLoader } from './first-view';

export async function startThreadlight(
  ctx: ContentScriptContext,
  doc: Document,
  startHref: string,
  loadParts: PartsLoader,
): Promise<void> {
  const prefs = await loadPrefs();
  if (ctx.isInvalid) return;
  const pageData = pageDataFor(new URL(startHref).origin);
  const state: AppState = {
    href: startHref,
    prefs,
    view: null,
    section: null,
    discussion: null,
    parts: null,
    pageData,
  };
  const app = createApp(ctx, doc, state, loadParts);
  await parsed(doc);
  // A tab opened in the background does no work until the reader looks at it.
  await whenVisible(ctx, doc);
  if (ctx.isInvalid) return;
  await app.first();
  if (ctx.isInvalid) return;
  const unwatch = watchPrefs(state.prefs, app.stored);
  const stopAnswering = onMessage('threadlight:stats', () => tabStats(state, doc));
  // Single-page navigation: the old section is gone or replaced; start over on the new address.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => app.navigated(newUrl.href));
  ctx.addEventListener(window, 'pageshow', (e) => e.persisted && app.restored());
  // An extension reload or update leaves this script orphaned. WXT notices only when asked, so ask now and
  // then: the context then invalidates and the page gets its own section back.
  ctx.setInterval(() => undefined, 2000);
  ctx.onInvalidated(() => {
    unwatch();
    stopAnswering();
    app.end();
  });
}

function whenVisible(ctx: ContentScriptContext, doc: Document): Promise<void> {
  if (doc.visibilityState !== 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const shown = () => doc.visibilityState !== 'hidden' && resolve();
    ctx.addEventListener(doc, 'visibilitychange', shown);
    ctx.onInvalidated(resolve);
  });
}

/** Where the discussion's nesting comes from, by its comments and its tree's levels. */
function nestingOf(section: CommentSection, levels: number): TabStats['nesting'] {
  if (section.comments.some((c) => c.siteParent !== undefined)) return 'site';
  return levels > 1 ? 'quotes' : 'flat';
}

function tabStats({ view, section, prefs, href }: AppState, doc: Document): TabStats {
  const counts = view?.counts();
  const levels = section && view ? view.levels() : null;
  return {
    levels,
    nesting: section && levels !== null ? nestingOf(section, levels) : null,
    aside: section ? null : whyNoSection(doc, href),
    found: section !== null,
    enabled: enabledOn(prefs.view, new URL(href).hostname),
    total: section?.comments.length ?? 0,
    shown: counts ? counts.total - counts.hidden : 0,
    hidden: counts?.hidden ?? 0,
    source: section?.source ?? null,
    rated: section ? isRated(section.comments) : null,
  };
}

/** A view of the section, with its full-discussion controller (which replaces the previous one). */
function newView(state: AppState, doc: Document, edits: Pick<SectionViewOptions, 'onViewPrefs' | 'onPeople'>) {
  return (found: CommentSection, parts: ViewParts) => {
    state.discussion?.destroy();
    const forum = found.discussionUrl ? forumOf(found.discussionUrl, found.source) : null;
    const onChange = (merged: CommentSection | null) => {
      if (merged) void state.view?.growSection(merged);
      else state.view?.redraw();
      if (merged) state.fresh?.update(merged, state.discussion?.watch?.()?.arrivedIds);
    };
    state.discussion = parts.discussion(found, onChange, forum, watchKitOf(doc, found, state.href));
    const discussion = () => state.discussion?.ui() ?? null;
    const watch = () => state.discussion?.watch?.() ?? null;
    const fresh = createFreshTracker(() => state.view, state.href);
    state.fresh = fresh;
    const onMarkRead = () => fresh.markRead();
    const problem = () => state.saveProblem ?? null;
    // Who is signed in, read once per view (Discourse's preloaded data is large).
    const signedIn = parts.signedIn(doc);
    const you = () => signedIn;
    const site = new URL(state.href).origin;
    const theme = () => pageTheme(doc);
    const reading = () => ({ resume: fresh.resume(), onPlace: (place: Place) => fresh.reached(place) });
    const options = { parts, ...edits, theme, discussion, watch, onMarkRead, problem, site, you, reading };
    return createSectionView(found, options);
  };
}

/** Takes our view away; the original section shows again (whatever the view's state). */
function removeView(state: AppState, doc: Document) {
  try {
    state.view?.destroy();
  } catch {
    removeStaleViews(doc);
  }
  state.view = null;
}

function createApp(ctx: ContentScriptContext, doc: Document, state: AppState, loadParts: PartsLoader) {
  const { effective, show, onViewPrefs, onPeople, flush, stored } = createPrefsLink(state, () => stepAside());
  const viewOf = newView(state, doc, { onViewPrefs, onPeople });
  const backoff = createBackoff(ctx, () => reread());
  const settler = createSettler(ctx);
  const seeker = createSeeker(ctx, () => !state.view && detect());
  const stepAside = () => removeView(state, doc);
  const { attach, takeInPlace } = createAttacher(ctx, state, { viewOf, show, loadParts });
  const find = () => findSection(doc, state.href, state.pageData.data);
  function reread() {
    const next = find();
    if (!next || !state.view || !state.section) return next ? attach(next) : stepAside();
    if (sameSection(next, state.section)) return;
    takeInPlace(next);
  }
  /**
   * Finds the section on the page now: the one shown stays; the same discussion drawn again is taken in place;
   * another replaces it; none starts seeking.
   */
  function detect() {
    // An app forum's page whose data is not here yet (the app navigated to another topic): no view of the
    // topic before, and a look again once the data came.
    const wanted = state.pageData.missing(doc, state.href);
    if (wanted) {
      stepAside();
      state.section = null;
      return void state.pageData.fetch(wanted).then(() => !ctx.isInvalid && detect());
    }
    const found = find();
    const intact = state.view?.host()?.isConnected !== false;
    if (found && state.view && state.section && intact && sameSection(found, state.section)) return;
    if (found && state.view && state.section && sameDiscussion(found, state.section)) return takeInPlace(found);
    stepAside();
    state.section = null;
    if (found) attach(found);
    else seeker.start();
  }
  const watch = createPageWatch(ctx, doc, {
    watched: () => ({ root: state.section?.root ?? null, host: state.view?.host() ?? null }),
    on: (decision) => {
      if (settler.waiting) return decision === 'lost' ? settler.now() : undefined;
      if (decision === 'lost') detect();
      else if (decision === 'changed') backoff.poke();
      else seeker.poke();
    },
    activity: () => settler.activity(),
  });
  return {
    show,
    stored,
    first: () => firstView(ctx, doc, state, { viewOf, attach, effective, loadParts, seek: () => seeker.start() }),
    navigated(href: string) {
      state.href = href;
      state.pageData.navigated();
      settler.start(detect);
    },
    /** Back from the back-forward cache: look at the page again. */
    restored: () => watch.check(),
    end() {
      void flush();
      watch.disconnect();
      state.discussion?.destroy();
      stepAside();
    },
  };
}

interface AttachSteps {
  viewOf(found: CommentSection, parts: ViewParts): SectionView;
  show(): void;
  loadParts: PartsLoader;
}

/** Puts a view on a found section (once the drawing code is here), or gives the shown view a new reading. */
/** Comments past which a section taken in place is threaded on tasks of its own. */
const GROW_FROM = 500;

function createAttacher(ctx: ContentScriptContext, state: AppState, { viewOf, show, loadParts }: AttachSteps) {
  function attach(found: CommentSection, prepared?: SectionView) {
    state.section = found;
    const view = prepared ?? (state.parts && viewOf(found, state.parts));
    if (!view) return void whenParts(found);
    state.view = view;
    show();
    state.fresh?.update(found);
  }
  /** A section found before the drawing code arrived: attached when it does, if it is still the one. */
  async function whenParts(found: CommentSection) {
    state.parts = await loadParts().catch(() => null);
    if (state.parts && !ctx.isInvalid && state.section === found && !state.view) attach(found);
  }
  function takeInPlace(next: CommentSection) {
    state.section = next;
    const shown = state.discussion ? state.discussion.apply(next) : next;
    // A whole loaded discussion is threaded again on tasks of its own (the site moved it, or redrew it).
    if (shown.comments.length > GROW_FROM) void state.view?.growSection(shown);
    else state.view?.replaceSection(shown);
    state.fresh?.update(shown);
  }
  return { attach, takeInPlace };
}
