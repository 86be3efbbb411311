import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ViewModel } from '@/utils/pipeline/view-model';
import { subtreeSize } from '@/utils/pipeline/thread/tree';
import { blocksOf, Proximity, WINDOW_FROM } from './proximity';
import { useNearViewport, usePacedLimit } from './use-paced-limit';

/**
 * Progressive rendering and windowing of the list: whole top-level threads, paced so each chunk renders
 * within a few milliseconds (use-paced-limit.ts); past the first few dozen comments, more render as the
 * reader scrolls towards the end of the list, and blocks of threads far from the viewport are dropped to
 * spacers (RootBlock, proximity.ts), so a long discussion keeps a bounded number of comments alive.
 */
export function useWindowing(model: ViewModel, chunk: number, version: number = identity(model)) {
  const sizes = useMemo(() => model.roots.map(subtreeSize), [model.roots]);
  const blocks = useMemo(() => blocksOf(sizes), [sizes]);
  /** Comments before each top-level thread. */
  const before = useMemo(() => {
    const sums = new Array<number>(sizes.length + 1);
    sums[0] = 0;
    for (let i = 0; i < sizes.length; i++) sums[i + 1] = sums[i]! + sizes[i]!;
    return sums;
  }, [sizes]);
  const moreRef = useRef<HTMLParagraphElement>(null);
  const near = useNearViewport(moreRef);
  // A discussion shorter than WINDOW_FROM renders whole and stays rendered (find in page needs no Show all).
  const whole = before[sizes.length]! < WINDOW_FROM;
  const paced = usePacedLimit(version, sizes, { first: chunk, eager: whole ? WINDOW_FROM : undefined, near });
  const proximity = useMemo(() => new Proximity(), []);
  useEffect(() => () => proximity.disconnect(), [proximity]);
  return { sizes, blocks, before, whole, moreRef, proximity, ...paced };
}

const ids = new WeakMap<object, number>();
let lastId = 0;

/** A number for an object, the same for as long as it lives: a new view model gets a new one. */
export function identity(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++lastId));
  return id;
}
