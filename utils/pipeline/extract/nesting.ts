// A board no reader knows may draw its discussion as a tree. Its tree is read from what draws it, two ways:
// - nesting: posts of one kind (tag and first class) inside other posts of that kind (a reply list in the
//   post); the parent is the nearest post around it;
// - indentation: a depth each post's own markup gives (`indent`, `data-depth`, `depth`, `data-level`,
//   `aria-level` attributes, `depth-N` / `level-N` classes, a spacer image's width, a left margin or padding
//   in its style); depths rank into levels, and each post's parent is the nearest earlier post one level up.
// Where both speak they must agree; a post without a depth among posts with one, a level skipped, or a first
// post that is not at top level is a conflict: then there is no view (a wrong tree is worse than none).

export type TreeRead =
  { kind: 'flat' } | { kind: 'tree'; blocks: Element[]; parents: Map<Element, Element | null> } | { kind: 'conflict' };

const signature = (el: Element) => `${el.tagName}.${el.classList[0] ?? ''}`;
const DEPTH_ATTRS = ['indent', 'data-depth', 'depth', 'data-level', 'aria-level'];
const DEPTH_CLASS = /(?:^|\s)(?:depth|level)-(\d+)(?:\s|$)/;
const DEPTH_HOLDER =
  '[indent], [data-depth], [depth], [data-level], [aria-level], [class*="depth-"], [class*="level-"]';
const STYLE_INDENT = /(?:padding|margin)-left\s*:\s*(\d+(?:\.\d+)?)px/i;

/** The depth in one element's own attributes, class or style; null when it gives none. */
function markOf(el: Element, style: boolean): number | null {
  for (const name of DEPTH_ATTRS) {
    const value = el.getAttribute(name);
    if (value !== null && /^\d{1,3}$/.test(value.trim())) return Number(value);
  }
  const cls = DEPTH_CLASS.exec(el.getAttribute('class') ?? '')?.[1];
  if (cls) return Number(cls);
  const left = style ? STYLE_INDENT.exec(el.getAttribute('style') ?? '')?.[1] : undefined;
  if (left) return Number(left);
  const spacer = el.tagName === 'IMG' ? Number(el.getAttribute('width')) : NaN;
  return Number.isFinite(spacer) && el.closest('.ind, [class*="indent" i]') ? spacer : null;
}

/**
 * A post's depth as its own markup gives it: on the post, or the first depth attribute, class or spacer in
 * its own part (not in a reply inside it); a left margin only on the post itself (words may carry styles).
 */
function depthOf(block: Element, ownerOf: (el: Element) => Element | null): number | null {
  const own = markOf(block, true);
  if (own !== null) return own;
  for (const el of Array.from(block.querySelectorAll(`${DEPTH_HOLDER}, img[width]`))) {
    if (ownerOf(el) !== block) continue;
    const mark = markOf(el, false);
    if (mark !== null) return mark;
  }
  return null;
}

/** Each post's parent by depths ranked into levels; null on a conflict (a skipped level, a first reply). */
function parentsByDepth(blocks: Element[], depths: number[]): Map<Element, Element | null> | null {
  const levels = Array.from(new Set(depths)).sort((a, b) => a - b);
  const open: Element[] = [];
  const parents = new Map<Element, Element | null>();
  for (let i = 0; i < blocks.length; i++) {
    const level = levels.indexOf(depths[i]!);
    if (level > open.length) return null;
    open.length = level;
    parents.set(blocks[i]!, level === 0 ? null : open[level - 1]!);
    open.push(blocks[i]!);
  }
  return parents;
}

/**
 * Posts of the blocks' kind at every depth under their root, in page order. A kind with a class takes every
 * element of it (an anonymous or hidden reply still holds its place and its replies); a bare tag only the
 * ones holding an author.
 */
function allOfKind(root: Element, blocks: Element[], holdsAuthor: (el: Element) => boolean): Element[] {
  const kind = signature(blocks[0]!);
  const classed = blocks[0]!.classList.length > 0;
  return Array.from(root.getElementsByTagName(blocks[0]!.tagName)).filter(
    (el) => signature(el) === kind && (classed || holdsAuthor(el)),
  );
}

const pageOrder = (a: Element, b: Element) =>
  a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

/** The discussion's tree as the page draws it, from sibling posts found by their signals. */
export function readTree(root: Element, blocks: Element[], holdsAuthor: (el: Element) => boolean): TreeRead {
  if (blocks.length === 0) return { kind: 'flat' };
  const set = new Set(blocks);
  const ownerOf = (el: Element): Element | null => {
    for (let up: Element | null = el.parentElement; up && up !== root; up = up.parentElement)
      if (set.has(up)) return up;
    return null;
  };
  // In page order a post comes before what it holds: one of the kind is a post when a post holds it, or when
  // it stands among the posts.
  const lists = new Set(blocks.map((b) => b.parentElement));
  for (const el of allOfKind(root, blocks, holdsAuthor))
    if (!set.has(el) && (ownerOf(el) || lists.has(el.parentElement))) set.add(el);
  const nested = Array.from(set).some((el) => ownerOf(el) !== null);
  const posts = nested ? Array.from(set).sort(pageOrder) : blocks;
  const depths = posts.map((post) => depthOf(post, ownerOf));
  const marked = depths.filter((d) => d !== null).length;
  let byDepth: Map<Element, Element | null> | null = null;
  if (marked > 0 && (nested || new Set(depths).size > 1)) {
    if (marked < posts.length) return { kind: 'conflict' };
    byDepth = parentsByDepth(posts, depths as number[]);
    if (!byDepth) return { kind: 'conflict' };
  }
  if (!nested) return byDepth ? { kind: 'tree', blocks: posts, parents: byDepth } : { kind: 'flat' };
  const parents = new Map<Element, Element | null>();
  for (const post of posts) {
    const parent = ownerOf(post);
    if (byDepth && byDepth.get(post) !== parent) return { kind: 'conflict' };
    parents.set(post, parent);
  }
  return { kind: 'tree', blocks: posts, parents };
}
