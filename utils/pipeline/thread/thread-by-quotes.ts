import type { Comment } from '@/utils/pipeline/model';
import { runAll, type Steps } from '@/utils/pipeline/steps';
import { chronological } from './chronology';
import { QuoteIndex } from './quote-index';
import { addressIndex } from './addressed';
import { numberIndex } from './references';
import { placeReply, type Evidence, type PlacedBy } from './parent-rules';

// Quote threading: a comment whose body quotes an earlier comment becomes its reply; one that quotes nothing
// but names whom it answers (the site's nesting, "@Name") goes under that comment (addressed.ts).
//
// Exact links first: a quote that names its source (XenForo data-source, a /posts/N link) links to it.
// Otherwise by its text, after normalising both sides (NFKC, quote marks, invisible characters, whitespace,
// case; see text.ts), through the quote index (quote-index.ts).
//
// "Earlier" is one total order (see chronology.ts): a parent always precedes its reply, so there are no cycles.

export type LinkMethod = 'exact' | 'text';

export interface QuoteLink {
  /** Index into the comment's quotes. */
  quote: number;
  /** Id of the quoted comment, or null for an orphan quote (its source is not on the page). */
  sourceId: string | null;
  method: LinkMethod | null;
  confidence: number;
}

export interface ThreadNode {
  comment: Comment;
  parentId: string | null;
  /** Replies in page order. Not to be written to: a comment without replies shares one empty, frozen list. */
  children: ThreadNode[];
  links: QuoteLink[];
  /** Other comments this one quotes besides its parent. */
  alsoRepliesTo: string[];
  /** Position in the chronological order (0 = earliest). */
  rank: number;
  /** Which rule placed it under its parent (parent-rules.ts); null at top level. */
  placedBy?: PlacedBy | null;
}

export interface Forest {
  roots: ThreadNode[];
  byId: Map<string, ThreadNode>;
}

/** Shared by every comment without quotes or replies (most of them): one empty list, never written to. */
const NONE: never[] = Object.freeze([]) as never[];

/** Threads all at once. */
export function threadByQuotes(comments: Comment[]): Forest {
  return runAll(threadSteps(comments, Number.POSITIVE_INFINITY));
}

/** The threading work, pausing (yield) after every `slice` comments indexed or linked; see steps.ts. */
export function* threadSteps(comments: Comment[], slice: number): Steps<Forest> {
  // A repeated id is one comment: the first with it on the page. Nodes are kept in arrays (page order and
  // chronological order) besides the map, so the passes below walk arrays instead of looking ids up.
  const byId = new Map<string, ThreadNode>();
  const nodes: ThreadNode[] = [];
  for (const c of comments) {
    if (byId.has(c.id)) continue;
    const node: ThreadNode = { comment: c, parentId: null, children: NONE, links: NONE, alsoRepliesTo: NONE, rank: -1 };
    byId.set(c.id, node);
    nodes.push(node);
  }
  const ordered = chronological(nodes, (node) => node.comment);
  const index = new QuoteIndex();
  for (let i = 0; i < ordered.length; i++) {
    ordered[i]!.rank = i;
    index.add(ordered[i]!.comment);
    if ((i + 1) % slice === 0) yield;
  }
  yield* index.sealSteps();
  const evidence = evidenceFor(nodes, ordered, byId);

  // Page order: children are appended in it, and roots listed in it.
  const roots: ThreadNode[] = [];
  for (let visited = 0; visited < nodes.length; visited++) {
    if ((visited + 1) % slice === 0) yield;
    const node = nodes[visited]!;
    if (node.comment.quotes.length) linkQuotes(node, byId, ordered, index);
    place(node, evidence, byId);
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (!parent) roots.push(node);
    // Most comments have no replies: their list is only made for the first one (less for the collector).
    else if (parent.children === NONE) parent.children = [node];
    else parent.children.push(node);
  }
  return { roots, byId };
}

/** What the parent rules ask about a node (parent-rules.ts), one object for all (its node swapped in). */
interface NodeEvidence extends Evidence {
  node: ThreadNode;
}

function evidenceFor(nodes: ThreadNode[], ordered: ThreadNode[], byId: Map<string, ThreadNode>): NodeEvidence {
  const addressed = addressIndex(ordered, byId);
  const numbers = numberIndex(nodes);
  return {
    node: nodes[0]!,
    get links() {
      return this.node.links;
    },
    site() {
      const id = this.node.comment.siteParent;
      const parent = id ? byId.get(id) : undefined;
      // Page order, not time: a site draws a reply after what it answers, whatever the times say.
      return parent && parent.comment.index < this.node.comment.index ? parent.comment.id : null;
    },
    recorded() {
      return addressed.recordedParent(this.node);
    },
    numbers() {
      return numbers.refsOf(this.node);
    },
    named() {
      return addressed.namedParent(this.node);
    },
  };
}

/** Sets a node's parent, the rule that placed it and what else it answers. */
function place(node: ThreadNode, evidence: NodeEvidence, byId: Map<string, ThreadNode>): void {
  evidence.node = node;
  const placement = placeReply(node.comment, evidence);
  node.parentId = placement.parentId;
  node.placedBy = placement.placedBy;
  // A comment the site draws at top level goes only under one it shows before it: a reply to its own reply
  // would make a loop of the site's tree.
  const parent = placement.parentId === null ? undefined : byId.get(placement.parentId);
  if (node.comment.siteParent === null && parent && parent.comment.index > node.comment.index) {
    node.parentId = null;
    node.placedBy = null;
  }
  if (placement.alsoRepliesTo.length) node.alsoRepliesTo = placement.alsoRepliesTo;
}

/** Links each quote of a node to its source: exactly where the markup names it, else by its text. */
function linkQuotes(node: ThreadNode, byId: Map<string, ThreadNode>, ordered: ThreadNode[], index: QuoteIndex): void {
  const { comment, rank } = node;
  node.links = comment.quotes.map((quote, i): QuoteLink => {
    const exact = quote.sourceId !== undefined ? byId.get(quote.sourceId)?.rank : undefined;
    if (exact !== undefined && exact < rank)
      return { quote: i, sourceId: quote.sourceId!, method: 'exact', confidence: 1 };
    // A named source that is not on the page stays an orphan: its text may echo another comment.
    if (quote.sourceId !== undefined) return { quote: i, sourceId: null, method: null, confidence: 0 };
    const m = index.match(excerptWords(quote.text), rank);
    return m
      ? { quote: i, sourceId: ordered[m.target]!.comment.id, method: 'text', confidence: m.confidence }
      : { quote: i, sourceId: null, method: null, confidence: 0 };
  });
}

const LEADING_ELLIPSIS = /^[\s"“„'‘]*(?:\.{2,}|…)\s*/u;
const TRAILING_ELLIPSIS = /\s*(?:\.{2,}|…)[\s"”'’]*$/u;

/**
 * A trimmed excerpt ("...the middle of a sentence…") without its ellipses and the word cut at each: that word
 * is often a fragment ("...ing the engine") that is in no post.
 */
export function excerptWords(text: string): string {
  if (!LEADING_ELLIPSIS.test(text) && !TRAILING_ELLIPSIS.test(text)) return text;
  let t = text;
  if (LEADING_ELLIPSIS.test(t)) t = t.replace(LEADING_ELLIPSIS, '').replace(/^\S+\s+/u, '');
  if (TRAILING_ELLIPSIS.test(t)) t = t.replace(TRAILING_ELLIPSIS, '').replace(/\s+\S+$/u, '');
  return t.split(/\s+/u).length >= 3 ? t : text;
}
