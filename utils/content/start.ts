import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { siteFor } from '@/utils/pipeline/extract/sites/registry';
import { sendMessage } from '@/utils/platform/messages';
import { builtInHere, wantedOnUserSite, whenDisabled } from '@/utils/platform/site-access';
import { startThreadlight } from './app';
import { holdSection } from './hold';
import { createViewPartsLoader } from './view-parts';

// What the content script does on a page, from document_start: hold a known section out of sight while the
// parser builds it (hold.ts), make sure a site that is not built in is still one the reader enabled (and stop
// when they take it away), then run the app (app.ts) with the drawing code loaded on demand (view-parts.ts).

/** A discussion frame's page (the sites' script only, utils/content/frame.ts): who embeds it. */
export interface InFrame {
  embedder: string | null;
}

export function runOnPage(ctx: ContentScriptContext, doc: Document, href: string, frame?: InFrame): void {
  const url = new URL(href);
  const embedder = frame?.embedder;
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
