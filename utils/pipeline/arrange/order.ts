import type { Comment } from '@/utils/pipeline/model';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';

export const SORT_MODES = ['top', 'newest', 'oldest', 'page'] as const;
export type SortMode = (typeof SORT_MODES)[number];

type Keyed = { comment: Comment; rank: number };

/** Sort comparator; every mode ends in page order so ties are stable and predictable. */
export function compareBy(mode: SortMode): (a: Keyed, b: Keyed) => number {
  switch (mode) {
    case 'top':
      return (a, b) => b.comment.votes - a.comment.votes || a.comment.index - b.comment.index;
    case 'newest':
      return (a, b) => b.rank - a.rank || a.comment.index - b.comment.index;
    case 'oldest':
      return (a, b) => a.rank - b.rank || a.comment.index - b.comment.index;
    case 'page':
      return (a, b) => a.comment.index - b.comment.index;
  }
}

/** A forum thread's opening post stays first, whatever the sort. */
function openingFirst(cmp: (a: Keyed, b: Keyed) => number): (a: Keyed, b: Keyed) => number {
  return (a, b) => Number(!!b.comment.opening) - Number(!!a.comment.opening) || cmp(a, b);
}

/** A sorted copy of the forest: siblings ordered at every level. */
export function sortForest(roots: ThreadNode[], mode: SortMode): ThreadNode[] {
  const cmp = openingFirst(compareBy(mode));
  const sortLevel = (nodes: ThreadNode[]): ThreadNode[] =>
    nodes.map((n) => (n.children.length ? { ...n, children: sortLevel(n.children) } : n)).sort(cmp);
  return sortLevel(roots);
}

/** Flat view: every comment as a root, sorted, links kept for quote navigation. */
export function flattenForest(roots: ThreadNode[], mode: SortMode): ThreadNode[] {
  const all: ThreadNode[] = [];
  const walk = (nodes: ThreadNode[]) => {
    for (const n of nodes) {
      all.push({ ...n, children: [] });
      walk(n.children);
    }
  };
  walk(roots);
  return all.sort(openingFirst(compareBy(mode)));
}
