// The view lives in the page's document, so the page's scripts can dispatch events on its controls. Whatever
// writes the reader's storage or fetches from a site (saving a note, a view or sort change that is stored,
// Load full discussion, Mark all read) acts only on events the browser made from the reader's own input
// (`isTrusted`); a synthetic click or submit from the page does nothing.

let acceptSynthetic = false;

/** Whether the event came from the reader (the browser's own input), not from a script. */
export const fromReader = (e: Event): boolean => e.isTrusted || acceptSynthetic;

/** Wraps an action so that it runs only for the reader's own events. */
export const readerOnly =
  <E extends Event>(action: (e: E) => void) =>
  (e: E) => {
    if (fromReader(e)) action(e);
  };

/**
 * DOM tests drive the view with dispatched (untrusted) events: their setup lets them through. Never called
 * by the extension; a page cannot reach this module's state (it is in the extension's world).
 */
export function acceptSyntheticEvents(on: boolean): void {
  acceptSynthetic = on;
}
