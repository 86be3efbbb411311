import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { siteFor } from '@/utils/pipeline/extract/sites/registry';
import { sendMessage } from '@/utils/platform/messages';
import { builtInHere, wantedOnUserSite, whenDisabled } from '@/utils/platform/site-access';
import { frameHostOf } from '@/utils/pipeline/extract/frames';
import { startThreadlight } from './app';
import { holdSection } from './hold';
import { createViewPartsLoader } from './view-parts';

// What the content script does on a page, from document_start: hold a known section out of sight while the
// parser builds it (hold.ts), make sure a site that is not built in is still one the reader enabled (and stop
// when they take it away), then run the app (app.ts) with the drawing code loaded on demand (view-parts.ts).

/** Whether this document is in a frame (a cross-origin parent can still be compared with). */
function framed(): boolean {
  try {
    return window.top !== window;
  } catch {
    return true;
  }
}

/**
 * The page embedding this frame: the browser's own word first (Chromium's ancestorOrigins, the referrer's
 * origin), the frame's address's claim (Disqus's t_u) only where the browser says nothing.
 */
function embeddingPage(doc: Document, claimed: string | null): string | null {
  const ancestors = (doc.defaultView?.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return `${ancestors[0]!}/`;
  return doc.referrer || claimed;
}

export function runOnPage(ctx: ContentScriptContext, doc: Document, href: string): void {
  const url = new URL(href);
  // In a frame only as a discussion frame (Disqus) of an enabled site: every other frame is left alone.
  const frame = framed() ? frameHostOf(url) : undefined;
  if (framed() && !frame) return;
  const embedder = frame ? embeddingPage(doc, frame.embedder(url)) : undefined;
  const selector = siteFor(url)?.adapter.holdSelector;
  const release = selector && doc.visibilityState !== 'hidden' ? holdSection(ctx, doc, selector) : null;
  const loadParts = createViewPartsLoader(() => sendMessage('threadlight:load-view', {}));
  const builtIn = builtInHere(url);
  const run = async () => {
    if (!builtIn || frame) {
      if (!(await wantedOnUserSite(href, embedder))) return;
      const stop = whenDisabled(href, () => ctx.abort(), embedder);
      ctx.onInvalidated(stop);
    }
    await startThreadlight(ctx, doc, href, loadParts);
  };
  void run()
    .catch(() => undefined)
    .finally(() => release?.());
}
