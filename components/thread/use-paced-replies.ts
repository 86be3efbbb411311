import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { subtreeSize } from '@/utils/pipeline/thread/tree';

// A comment with many replies below it (a Hacker News or Reddit thread of hundreds) renders them a few dozen
// comments per frame: a 222-comment thread rendered at once was one frame of 67–100 ms while scrolling a
// 2,000-comment discussion (docs/performance.md). Where the reader is taken into it (a followed quote, a
// search hit, j/k), the store asks for all of it at once (TreeStore.whole).

/** Comments below one comment rendered at once; past this they come in steps. */
export const PACE_FROM = 60;
/** Comments added per frame. */
const STEP = 30;

/** How many replies (from `from`) fit in one step, at least one. */
function upTo(sizes: number[], from: number): number {
  let n = from;
  let sum = 0;
  do sum += sizes[n++]!;
  while (n < sizes.length && sum + sizes[n]! <= STEP);
  return n;
}

const nextFrame = (fn: () => void): (() => void) => {
  if (typeof requestAnimationFrame !== 'function') {
    const t = setTimeout(fn, 16);
    return () => clearTimeout(t);
  }
  const f = requestAnimationFrame(fn);
  return () => cancelAnimationFrame(f);
};

/** The replies to render now: all of them, or the first steps of a long list while the rest follow. */
export function usePacedReplies(node: ThreadNode, whole: boolean): ThreadNode[] {
  const sizes = useMemo(() => node.children.map(subtreeSize), [node]);
  const big = useMemo(() => sizes.reduce((a, b) => a + b, 0) > PACE_FROM, [sizes]);
  const [count, setCount] = useState(() => (big ? upTo(sizes, 0) : sizes.length));
  const all = whole || !big || count >= sizes.length;
  useEffect(() => {
    if (all) return;
    return nextFrame(() => setCount((c) => (c < sizes.length ? upTo(sizes, c) : c)));
  }, [all, count, sizes]);
  return all ? node.children : node.children.slice(0, count);
}
