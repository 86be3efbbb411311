import type { ThreadNode } from './thread-by-quotes';

// Replies that answer by number: "#3", "@#7", "In #2 … #5" (German news sites and forums that number their
// posts). A number is the post's number as the page shows it (Comment.number: "#12" on forums), else its
// position on a one-page discussion (1 = first), as such pages count. Only references that read as an
// address are taken: "@#N" anywhere, "#N" near the start of the comment (its first 60 characters) or at the
// start of a line; and only to an earlier comment. Anything else ("#1 priority" mid-sentence) is left alone.

const AT_NUMBER = /(?:^|[^\w&/])@#(\d{1,5})(?!\w)/g;
const NUMBER = /(?:^|[^\w&/#])#(\d{1,5})(?![\w/])/g;
const NEAR_START = 60;

/** The post numbers a comment's own words address, in the order they appear (no repeats). */
export function numberRefs(ownText: string): number[] {
  const found: number[] = [];
  const add = (n: number) => {
    if (n > 0 && !found.includes(n)) found.push(n);
  };
  for (const m of ownText.matchAll(AT_NUMBER)) add(Number(m[1]));
  for (const m of ownText.matchAll(NUMBER)) {
    const at = m.index + m[0].indexOf('#');
    const lineStart = ownText.lastIndexOf('\n', at) + 1;
    if (at < NEAR_START || /^[\s(\[]*$/.test(ownText.slice(lineStart, at))) add(Number(m[1]));
  }
  return found;
}

export interface NumberIndex {
  /** Ids of the earlier comments a node addresses by number, first named first. */
  refsOf(node: ThreadNode): string[];
}

/** `nodes`: page order. Numbers as the page shows them, or positions when it shows none (one page only). */
export function numberIndex(nodes: readonly ThreadNode[]): NumberIndex {
  const byNumber = new Map<number, ThreadNode>();
  const shown = nodes.some((n) => n.comment.number !== undefined);
  const pages = new Set(nodes.map((n) => n.comment.page ?? 1));
  if (shown || pages.size === 1)
    nodes.forEach((node, i) => {
      const number = shown ? node.comment.number : i + 1;
      if (number !== undefined && !byNumber.has(number)) byNumber.set(number, node);
    });
  return {
    refsOf(node) {
      if (byNumber.size === 0 || !node.comment.ownText.includes('#')) return [];
      const out: string[] = [];
      for (const n of numberRefs(node.comment.ownText)) {
        const target = byNumber.get(n);
        if (target && target.rank < node.rank && target !== node) out.push(target.comment.id);
      }
      return out;
    },
  };
}
