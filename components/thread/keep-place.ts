// Keeping the reader's place while the view is drawn again with more comments (the full discussion arrived):
// the first comment in the viewport is the anchor; after the draw the window scrolls by however far that
// comment moved. Scroll anchoring alone does not do it: the blocks holding the comments are drawn anew.

interface Anchor {
  id: string;
  top: number;
}

/** The first comment whose top is inside the viewport, give or take a few pixels of rounding (document order:
 * a thread before its replies). */
function anchorIn(host: HTMLElement): Anchor | null {
  const view = host.ownerDocument.defaultView;
  if (!view) return null;
  for (const el of Array.from(host.querySelectorAll<HTMLElement>('[role="treeitem"][data-comment-id]'))) {
    const { top } = el.getBoundingClientRect();
    if (top >= -8 && top < view.innerHeight) return { id: el.dataset.commentId!, top };
  }
  return null;
}

function restore(host: HTMLElement, anchor: Anchor) {
  const el = host.querySelector<HTMLElement>(`[role="treeitem"][data-comment-id="${CSS.escape(anchor.id)}"]`);
  if (!el) return;
  const moved = el.getBoundingClientRect().top - anchor.top;
  if (Math.abs(moved) >= 1) host.ownerDocument.defaultView?.scrollBy(0, moved);
}

/** Frames after a draw in which the place is kept: threads drawn anew off screen settle to their sizes. */
const SETTLE_FRAMES = 40;
const READER_MOVES = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;

export interface PlaceKeeper {
  /** Draws with the reader kept where they were before it (and before the draws shortly preceding it). */
  around(draw: () => void): void;
}

/**
 * Keeps the reader's place over a run of draws (progress, the merged discussion, new-since marks): the anchor
 * is taken before the first and kept until the layout has settled or the reader scrolls or types, so the
 * small moves of each draw do not add up.
 */
export function createPlaceKeeper(host: () => HTMLElement | null): PlaceKeeper {
  let anchor: Anchor | null = null;
  let frames = 0;
  let view: Window | null = null;
  const stop = () => {
    frames = 0;
    anchor = null;
    for (const type of READER_MOVES) view?.removeEventListener(type, stop, true);
  };
  const tick = () => {
    const el = host();
    if (!anchor || !el?.isConnected || frames-- <= 0) return stop();
    restore(el, anchor);
    view?.requestAnimationFrame(tick);
  };
  return {
    around(draw) {
      const before = host();
      if (!anchor && before) {
        anchor = anchorIn(before);
        view = before.ownerDocument.defaultView;
        if (anchor && view) {
          // Off-screen threads are laid out at an estimated size (content-visibility) until they are near.
          for (const type of READER_MOVES) view.addEventListener(type, stop, { capture: true, passive: true });
          view.requestAnimationFrame(tick);
        }
      }
      draw();
      const after = host();
      if (anchor && after) {
        frames = SETTLE_FRAMES;
        restore(after, anchor);
      }
    },
  };
}
