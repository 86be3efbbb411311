import { frameHostOf } from '@/utils/pipeline/extract/frames';
import type { InFrame } from './start';

// Where the script for the reader's sites runs in a frame (it is registered for every frame): only a
// discussion frame (Disqus) goes on, with the page that embeds it; every other frame is left alone. Kept out
// of the built-in sites' script, which runs in top frames only.

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

/** Top frame: undefined (run as a page). A discussion frame: its embedder. Any other frame: null (stop). */
export function frameOf(doc: Document, href: string): InFrame | undefined | null {
  if (!framed()) return undefined;
  const url = new URL(href);
  const host = frameHostOf(url);
  return host ? { embedder: embeddingPage(doc, host.embedder(url)) } : null;
}
