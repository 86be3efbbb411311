import { useRef } from 'preact/hooks';
import type { ViewModel } from '@/utils/pipeline/view-model';
import { shareNodes } from '@/utils/pipeline/arrange/share';
import { identity } from './use-windowing';

// Which models continue the one drawn before. A model that only adds comments (posts that arrived while
// watching, later pages loaded: every comment still there, the top-level threads so far in the same order, new
// ones between them or after, the same sort, no search) keeps the view's line: its version (the blocks and the
// pacing are keyed by it, so what is drawn stays drawn) and the nodes that draw the same (shareNodes), so only
// the new posts and the threads they join are drawn again. So does a model whose only change is what is marked
// new (the same tree): only the comments whose mark changed are drawn again. Any other new model (sort,
// filters, highlighting, a search, comments placed anew) starts a new line, which draws every comment again.

export interface Growth {
  model: ViewModel;
  version: number;
  /** The model drawn before, where this one continues it. */
  from: ViewModel | null;
}

function grows(before: ViewModel, after: ViewModel, searching: boolean): boolean {
  if (searching || after.sort !== before.sort || after.authors.size <= before.authors.size) return false;
  for (const id of before.authors.keys()) if (!after.authors.has(id)) return false;
  // The top-level threads so far, still top-level and in the same order (new ones may come between them).
  let at = 0;
  for (const node of after.roots) if (node.comment.id === before.roots[at]?.comment.id) at++;
  return at === before.roots.length;
}

/** The same tree, filtered and highlighted the same: only the marks of what is new changed ("new since"). */
const remarked = (before: ViewModel, after: ViewModel) =>
  before.roots === after.roots && before.reasons === after.reasons && before.highlighter === after.highlighter;

export function useGrowth(model: ViewModel, searching: boolean): Growth {
  const last = useRef<{ given: ViewModel; growth: Growth } | null>(null);
  const prev = last.current;
  if (prev?.given === model) return prev.growth;
  const before = prev?.growth.model;
  const growth: Growth =
    before && remarked(prev.given, model)
      ? { model: { ...model, roots: before.roots }, version: prev.growth.version, from: before }
      : before && grows(before, model, searching)
        ? {
            model: { ...model, roots: shareNodes(before.roots, model.roots) },
            version: prev.growth.version,
            from: before,
          }
        : { model, version: identity(model), from: null };
  last.current = { given: model, growth };
  return growth;
}
