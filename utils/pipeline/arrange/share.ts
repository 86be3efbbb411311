import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { nodesById } from '@/utils/pipeline/thread/tree';

// A discussion that only grew (posts that arrived while watching, later pages loaded) is threaded and sorted
// again as a whole, which makes every node anew. Here the new tree takes back each node that would be drawn
// the same as before (the same comment, parent, quote links, rank and replies): the view's pure items compare
// nodes by identity, so only what changed is drawn again (the new posts and the threads they joined).

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const sameLinks = (a: ThreadNode['links'], b: ThreadNode['links']) =>
  a === b ||
  (a.length === b.length &&
    a.every((l, i) => {
      const m = b[i]!;
      return l.quote === m.quote && l.sourceId === m.sourceId && l.method === m.method && l.confidence === m.confidence;
    }));

/** Whether the old node draws as the new one would, its replies being these (already shared). */
function drawsSame(old: ThreadNode, node: ThreadNode, children: readonly ThreadNode[]): boolean {
  return (
    old.comment === node.comment &&
    old.parentId === node.parentId &&
    old.rank === node.rank &&
    (old.placedBy ?? null) === (node.placedBy ?? null) &&
    sameList(old.children, children) &&
    sameList(old.alsoRepliesTo, node.alsoRepliesTo) &&
    sameLinks(old.links, node.links)
  );
}

/** The new roots, every node that draws the same as one of the old tree's being that old node. */
export function shareNodes(before: readonly ThreadNode[], after: ThreadNode[]): ThreadNode[] {
  const old = nodesById(before);
  const share = (node: ThreadNode): ThreadNode => {
    const children = node.children.length ? node.children.map(share) : node.children;
    const was = old.get(node.comment.id);
    if (was && drawsSame(was, node, children)) return was;
    return sameList(children, node.children) ? node : { ...node, children };
  };
  const roots = after.map(share);
  return sameList(roots, after) ? after : roots;
}
