import type { CommentSection } from '@/utils/pipeline/model';
import type { ForumKnowledge } from '@/utils/pipeline/extract/adapter';
import type { DiscussionController } from './discussion-controller';
import type { SectionModels } from './section-models';
import type { ViewRenderer } from './section-view';
import type { SignedIn } from '@/utils/pipeline/extract/signed-in';
import type { WatchKit } from './watch-view';

// The content script that runs on every matching page is only what finds a discussion and follows the page
// (extraction, the page watcher, preferences, messages). What draws a view (Preact, the thread components,
// threading, brand search) is a separate script (entrypoints/thread-view.ts) that the background injects into
// the tab's content-script world when a discussion is found. So is what loads a whole discussion (forum
// pages, an app forum's topic), asked for only once a view is there. Injected by `scripting.executeScript`, it is not a
// web-accessible resource: pages cannot load it or probe for it.

/** What a view is drawn with, and what loads the rest of its discussion ("Load full discussion"). */
export interface ViewParts {
  render: ViewRenderer;
  models(): SectionModels;
  /** Who is signed in, where the page's engine shows it (extract/signed-in.ts; kept out of the content script). */
  signedIn(doc: Document): SignedIn | null;
  /**
   * `forum`: the section's forum knowledge, looked up by the content script (it has the engines); `watch`: how
   * the discussion's pages are read for "Watch this discussion" (null: not watchable here).
   */
  discussion(
    section: CommentSection,
    onChange: (merged: CommentSection | null) => void,
    forum: ForumKnowledge | null,
    watch?: WatchKit | null,
  ): DiscussionController;
}

/**
 * Where the injected script leaves its parts: a global of our content-script world, never the page's, under a
 * symbol, so no element of the page (an element's id is a global name in Chromium's worlds) can stand in it.
 */
const KEY = Symbol.for('threadlight.view-parts');
type Holder = { [KEY]?: unknown };

/** Called by the injected script. */
export function offerViewParts(parts: ViewParts): void {
  (globalThis as Holder)[KEY] = parts;
}

const offered = (): ViewParts | undefined => {
  const parts = (globalThis as Holder)[KEY] as Partial<ViewParts> | undefined;
  const whole =
    typeof parts?.render === 'function' &&
    typeof parts.models === 'function' &&
    typeof parts.discussion === 'function' &&
    typeof parts.signedIn === 'function';
  return whole ? (parts as ViewParts) : undefined;
};

/**
 * The view parts, asking for the script once (`inject` resolves after the background ran it); rejects when
 * it could not be run, so the page keeps its own section.
 */
export function createViewPartsLoader(inject: () => Promise<unknown>): () => Promise<ViewParts> {
  let loading: Promise<ViewParts> | null = null;
  const load = async () => {
    if (!offered()) await inject();
    const parts = offered();
    if (!parts) throw new Error('Threadlight: the view script did not run');
    return parts;
  };
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
