import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { timersOf } from './timers';

// One watcher for the whole document (child lists only, batched per task, blind to our own subtree). It
// tells the app when the section or our view has left the document (the site rendered it again or replaced
// it), when the section's contents changed, and when nodes were added elsewhere while no section is shown
// (a section may be arriving). A hidden tab is not looked at until it is shown.

/** What the watcher compares the page with: the section shown, and our host element (null when hidden). */
export interface Watched {
  root: Element | null;
  host: Element | null;
}

export type Decision = 'lost' | 'changed' | 'seek' | 'none';

/** A record of our own rendering: inside our host, or our host being put on the page. */
function isOurs(r: MutationRecord, host: Element | null): boolean {
  if (host === null) return false;
  if (host.contains(r.target)) return true;
  for (const node of r.addedNodes) if (node === host) return true;
  return false;
}

/** What a batch of mutation records means for the view. */
export function decide(watched: Watched, records: readonly MutationRecord[]): Decision {
  const { root, host } = watched;
  if (root && (!root.isConnected || (host !== null && !host.isConnected))) return 'lost';
  let elsewhere = false;
  for (const r of records) {
    if (isOurs(r, host)) continue;
    if (root && root.contains(r.target)) return 'changed';
    if (!root && r.addedNodes.length) elsewhere = true;
  }
  return elsewhere ? 'seek' : 'none';
}

export interface PageWatchHandlers {
  watched(): Watched;
  on(decision: Exclude<Decision, 'none'>): void;
  /** Any batch not of our own making (navigation waits for the page to go quiet). */
  activity?(): void;
}

/** Records kept while a hidden tab is not looked at; past this, whatever they said is re-read when shown. */
const MAX_QUEUED = 10_000;

export function createPageWatch(ctx: ContentScriptContext, doc: Document, handlers: PageWatchHandlers) {
  let queued: MutationRecord[] = [];
  let overflow = false;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (doc.visibilityState === 'hidden') return;
    const records = queued;
    const lostSome = overflow;
    queued = [];
    overflow = false;
    // One look at the view for the whole batch, taken before acting on it (acting may replace the view).
    const watched = handlers.watched();
    const foreign = records.some((r) => !isOurs(r, watched.host));
    let decision = decide(watched, records);
    if (lostSome && decision === 'none') decision = watched.root ? 'changed' : 'seek';
    if (decision !== 'none') handlers.on(decision);
    if (foreign) handlers.activity?.();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    timersOf(ctx).setTimeout(flush, 0);
  };
  const observer = new MutationObserver((records) => {
    if (queued.length + records.length > MAX_QUEUED) {
      overflow = true;
      queued = [];
    }
    queued.push(...records.slice(-MAX_QUEUED));
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  // Shown again: look at what happened meanwhile (and the view may have to come back).
  ctx.addEventListener(doc, 'visibilitychange', () => doc.visibilityState === 'visible' && schedule());
  ctx.onInvalidated(() => observer.disconnect());
  return { disconnect: () => observer.disconnect(), check: schedule };
}
