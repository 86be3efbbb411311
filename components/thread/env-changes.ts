import type { TreeEnv } from './tree-store';

// What a comment draws from the view's environment (tree-store.ts) besides its node: whether it is a
// placeholder, new, the first new one, the reader's own or a reply to them, focusable, and who quotes it. When
// a discussion only grew, the view keeps one environment and tells just the comments for which one of these
// changed (use-growth.ts); the new posts and the threads they joined are drawn again by their nodes.

const differ = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>, out: Set<T>) => {
  if (a === b) return;
  for (const x of a) if (!b.has(x)) out.add(x);
  for (const x of b) if (!a.has(x)) out.add(x);
};

const sameIds = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

/** The ids among `ids` that `before` and `after` draw differently, beyond their nodes. */
export function envChanges(before: TreeEnv, after: TreeEnv, ids: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ids)
    if (before.reasonOf(id) !== after.reasonOf(id) || !sameIds(before.quotedBy.get(id), after.quotedBy.get(id)))
      out.add(id);
  differ(before.fresh, after.fresh, out);
  differ(before.people.marks.you, after.people.marks.you, out);
  differ(before.people.marks.replyToYouSet, after.people.marks.replyToYouSet, out);
  for (const [was, is] of [
    [before.firstNew, after.firstNew],
    [before.defaultFocus, after.defaultFocus],
  ])
    if (was !== is) for (const id of [was, is]) if (id !== null && id !== undefined) out.add(id);
  return out;
}
