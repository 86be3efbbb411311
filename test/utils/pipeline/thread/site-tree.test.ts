import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comment } from '@/utils/pipeline/model';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { comment } from '@/test/support/threads';

// A tree the site draws is never changed: whatever the comments quote or name, a comment the site puts under
// another stays there, and one it leaves at top level goes (if anywhere) only under a comment shown before it.

interface Spec {
  parent: number | null;
  quoteOf: number | null;
  exact: boolean;
  named: number | null;
  minutes: number;
}

/** Random site trees (each comment's parent an earlier one, or none) with random quotes and "@Name"s. */
const siteTree = fc.array(
  fc.record({
    parent: fc.option(fc.nat(), { nil: null }),
    quoteOf: fc.option(fc.nat(), { nil: null }),
    exact: fc.boolean(),
    named: fc.option(fc.nat(), { nil: null }),
    minutes: fc.nat({ max: 600 }),
  }),
  { minLength: 1, maxLength: 40 },
);

function build(specs: Spec[]): Comment[] {
  return specs.map((s, i) => {
    const parent = s.parent === null || i === 0 ? null : `c${s.parent % i}`;
    const quoted = s.quoteOf === null ? null : s.quoteOf % specs.length;
    const quotes =
      quoted === null
        ? []
        : [{ text: `words of comment number ${quoted} said here`, ...(s.exact ? { sourceId: `c${quoted}` } : {}) }];
    return {
      ...comment(`c${i}`, `words of comment number ${i} said here`, quotes, {
        author: `a${i % 5}`,
        index: i,
        // Times that disagree with the page order: the tree must not care.
        timestamp: 1_700_000_000_000 + s.minutes * 60_000,
        siteParent: parent,
      }),
      ...(s.named === null ? {} : { replyTo: `a${s.named % 5}` }),
    };
  });
}

describe("the site's own tree", () => {
  it('keeps every parent the site gives, and places its top-level comments only under earlier ones', () => {
    fc.assert(
      fc.property(siteTree, (specs) => {
        const comments = build(specs);
        const forest = threadByQuotes(comments);
        let counted = 0;
        const walk = (nodes: typeof forest.roots) => {
          for (const n of nodes) {
            counted++;
            walk(n.children);
          }
        };
        walk(forest.roots);
        expect(counted).toBe(comments.length);
        for (const c of comments) {
          const node = forest.byId.get(c.id)!;
          if (c.siteParent) expect(node.parentId).toBe(c.siteParent);
          else if (node.parentId) expect(forest.byId.get(node.parentId)!.comment.index).toBeLessThan(c.index);
        }
      }),
      { numRuns: 300 },
    );
  });
});
