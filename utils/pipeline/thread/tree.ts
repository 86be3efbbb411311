import type { ThreadNode } from './thread-by-quotes';

// Walks over a thread tree that the view needs: sizes, reading order, parents.

/** Comments in a thread: the node and all its replies, at any depth. */
export function subtreeSize(node: ThreadNode): number {
  let size = 1;
  for (const child of node.children) size += subtreeSize(child);
  return size;
}

/** Ids in reading order, leaving out the replies of collapsed comments (what a reader steps through). */
export function shownOrder(roots: readonly ThreadNode[], collapsed: ReadonlySet<string>): string[] {
  const ids: string[] = [];
  const stack: ThreadNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    ids.push(node.comment.id);
    if (collapsed.has(node.comment.id)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return ids;
}

/** Each reply's parent id, at any depth. */
export function parentsOf(roots: readonly ThreadNode[]): Map<string, string> {
  const map = new Map<string, string>();
  const stack = roots.slice();
  while (stack.length) {
    const node = stack.pop()!;
    for (const child of node.children) {
      map.set(child.comment.id, node.comment.id);
      stack.push(child);
    }
  }
  return map;
}

/** Every node by comment id, at any depth. */
export function nodesById(roots: readonly ThreadNode[]): Map<string, ThreadNode> {
  const map = new Map<string, ThreadNode>();
  const stack = roots.slice();
  while (stack.length) {
    const node = stack.pop()!;
    map.set(node.comment.id, node);
    for (const child of node.children) stack.push(child);
  }
  return map;
}

/** Backlinks: for each quoted comment, the comments quoting it, in page order. */
export function quotedBy(nodes: ReadonlyMap<string, ThreadNode>): Map<string, string[]> {
  const by = new Map<string, string[]>();
  const quoting = Array.from(nodes.values()).sort((a, b) => a.comment.index - b.comment.index);
  for (const node of quoting) {
    for (const link of node.links) {
      const source = link.sourceId;
      if (!source || source === node.comment.id) continue;
      const list = by.get(source);
      if (!list) by.set(source, [node.comment.id]);
      else if (!list.includes(node.comment.id)) list.push(node.comment.id);
    }
  }
  return by;
}

/** Levels of a tree: 1 when every comment is at top level, 0 without comments. */
export function treeLevels(roots: readonly ThreadNode[]): number {
  let levels = 0;
  const stack: Array<[ThreadNode, number]> = roots.map((r) => [r, 1]);
  while (stack.length) {
    const [node, level] = stack.pop()!;
    if (level > levels) levels = level;
    for (const child of node.children) stack.push([child, level + 1]);
  }
  return levels;
}
