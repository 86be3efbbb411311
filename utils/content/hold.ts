import type { ContentScriptContext } from 'wxt/utils/content-script-context';

// The first view as early as it can be: the content script starts at document_start and, on a page whose
// section markup its site knows, marks that section as the parser creates it; the content stylesheet takes a
// marked section out of the layout (entrypoints/content/style.css says why). The mark comes off when the
// first view is attached (the view then hides the original its own way), when there is no view to show, on
// any failure, when the context ends, and in any case after HOLD_MAX_MS: the page is never left without its
// comments. A section the site adds after the document was parsed is not held.

export const HOLD_ATTR = 'data-threadlight-hold';
export const HOLD_MAX_MS = 3000;

/** Holds the first element matching `selector`; returns the release (safe to call more than once). */
export function holdSection(ctx: ContentScriptContext, doc: Document, selector: string): () => void {
  let held: Element | null = null;
  let done = false;
  const observer = new MutationObserver(() => look());
  const stopLooking = () => {
    observer.disconnect();
    doc.removeEventListener('DOMContentLoaded', lastLook);
  };
  // The parser's last nodes and DOMContentLoaded can come in one task, before the observer hears of them.
  const lastLook = () => {
    look();
    stopLooking();
  };
  function look() {
    held = doc.querySelector(selector);
    if (!held) return;
    held.setAttribute(HOLD_ATTR, '');
    stopLooking();
  }
  const release = () => {
    if (done) return;
    done = true;
    stopLooking();
    held?.removeAttribute(HOLD_ATTR);
    held = null;
  };
  look();
  if (!held && doc.readyState === 'loading') {
    observer.observe(doc, { childList: true, subtree: true });
    doc.addEventListener('DOMContentLoaded', lastLook);
  }
  // A plain timer: it must fire even if everything after this line failed.
  setTimeout(release, HOLD_MAX_MS);
  ctx.onInvalidated(release);
  return release;
}

/** Resolves once the document is parsed (at once when it already is). */
export function parsed(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
