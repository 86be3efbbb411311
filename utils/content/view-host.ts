// Our element on the page, right before the site's comment section. The original section is never modified:
// the content stylesheet hides the element that follows the host ([data-threadlight="thread"] + *). Removing
// the host shows the original again, with its outerHTML exactly as the site left it. If the site inserts
// something between the two, the host is moved back.

export const HOST_ATTR = 'data-threadlight';

/**
 * How the stylesheet hides the original behind the host: `skip` (its contents skipped, content-visibility)
 * spares Chromium tearing down the layout of a long section as the view appears; Firefox, though, works on a
 * skipped section in every frame (scrolling a 2,000- or 8,000-comment view, one frame in twenty took 33 ms,
 * not 17), so there the original is taken `out` of the layout. Set on the host as `data-original`.
 */
export const HIDE_ORIGINAL: 'skip' | 'out' = import.meta.env.FIREFOX ? 'out' : 'skip';

/** Removes views left by an earlier instance (extension reload, double injection): their sections reappear. */
export function removeStaleViews(doc: Document): void {
  for (const host of Array.from(doc.querySelectorAll(`[${HOST_ATTR}="thread"]`))) host.remove();
}

export interface ViewHost {
  /** The host, inserted before the section (or moved back there); `fresh` when it was just made. */
  mount(root: Element): { element: HTMLElement; fresh: boolean };
  /** Empties (through `clear`) and removes the host; the original shows again. */
  unmount(clear: (element: HTMLElement) => void): void;
  readonly element: HTMLElement | null;
}

export function createViewHost(): ViewHost {
  let host: HTMLElement | null = null;
  return {
    mount(root) {
      if (host) {
        if (host.nextElementSibling !== root) root.before(host);
        return { element: host, fresh: false };
      }
      const doc = root.ownerDocument;
      removeStaleViews(doc);
      const el = doc.createElement('div');
      el.setAttribute(HOST_ATTR, 'thread');
      el.setAttribute('data-original', HIDE_ORIGINAL);
      el.className = 'tl-root';
      root.before(el);
      host = el;
      return { element: el, fresh: true };
    },
    unmount(clear) {
      if (!host) return;
      clear(host);
      host.remove();
      host = null;
    },
    get element() {
      return host;
    },
  };
}

/**
 * Reading the page's computed background right after it loaded would force a style pass over the whole page
 * (tens of ms on long sections): a new host follows the system theme first, the page's once it has settled.
 */
export function followTheme(host: HTMLElement, theme: (() => 'light' | 'dark') | undefined, isCurrent: () => boolean) {
  host.setAttribute('data-theme', 'auto');
  if (theme) setTimeout(() => isCurrent() && host.setAttribute('data-theme', theme()), 1000);
}
