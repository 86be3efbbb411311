import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comment } from '@/utils/pipeline/model';
import { WordScan } from '@/utils/pipeline/text';
import { chronology } from '@/utils/pipeline/thread/chronology';
import {
  MIN_CONTAINMENT,
  MIN_QUOTE_CHARS,
  MIN_QUOTE_WORDS,
  QuoteIndex,
  type TextMatch,
} from '@/utils/pipeline/thread/quote-index';
import { MAX_POSTINGS, shingleKeys } from '@/utils/pipeline/thread/shingles';
import { threadByQuotes, type ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';

const WORDS = [
  'apple',
  'samsung',
  'phone',
  'battery',
  'price',
  'the',
  'is',
  'not',
  'good',
  'bad',
  'ios',
  'android',
  'screen',
  'why',
  'because',
  'never',
  'always',
  'buy',
  'sell',
  'cheap',
];

/** Random discussions: own texts from a small vocabulary (so texts collide), quotes copied from any comment
 * (earlier, later, itself; whole, in part, or edited), random text, or named by id (existing, self, or missing). */
const discussion = fc
  .array(fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 25 }), { minLength: 1, maxLength: 40 })
  .chain((texts) =>
    fc
      .array(
        fc.record({
          quotes: fc.array(
            fc.record({
              kind: fc.constantFrom('copy', 'excerpt', 'edited', 'random', 'id', 'missing-id'),
              of: fc.nat(texts.length - 1),
              from: fc.nat(20),
              words: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }),
            }),
            { maxLength: 3 },
          ),
          numericIds: fc.boolean(),
          timestamp: fc.option(fc.integer({ min: 0, max: 1e6 })),
        }),
        { minLength: texts.length, maxLength: texts.length },
      )
      .map((extra) => {
        const numeric = extra.every((e) => e.numericIds);
        return texts.map((words, i): Comment => {
          const ownText = words.join(' ');
          const id = numeric ? String(1000 + ((i * 7919) % 997)) + String(i) : `c${i}`;
          const quotes = extra[i]!.quotes.map((q) => {
            const source = texts[q.of]!;
            if (q.kind === 'copy') return { text: source.join(' ') };
            if (q.kind === 'excerpt') return { text: source.slice(q.from, q.from + 6).join(' ') };
            // An excerpt whose last word was changed: its last shingle is in no comment.
            if (q.kind === 'edited') return { text: [...source.slice(q.from, q.from + 9), 'zebra'].join(' ') };
            if (q.kind === 'id')
              return {
                text: source.join(' '),
                sourceId: numeric ? String(1000 + ((q.of * 7919) % 997)) + String(q.of) : `c${q.of}`,
              };
            if (q.kind === 'missing-id') return { text: q.words.join(' '), sourceId: '999999999' };
            return { text: q.words.join(' ') };
          });
          const c: Comment = {
            id,
            author: `u${i % 5}`,
            timeText: '',
            votes: i % 7,
            votesMissing: false,
            body: [],
            quotes,
            ownText,
            index: i,
          };
          if (extra[i]!.timestamp !== null) c.timestamp = extra[i]!.timestamp!;
          return c;
        });
      }),
  );

function walk(
  nodes: ThreadNode[],
  visit: (n: ThreadNode, ancestors: Set<string>) => void,
  ancestors = new Set<string>(),
) {
  for (const n of nodes) {
    visit(n, ancestors);
    const next = new Set(ancestors).add(n.comment.id);
    walk(n.children, visit, next);
  }
}

describe('threading properties (random discussions)', () => {
  it('every comment appears exactly once, with no cycles, and every parent is earlier', () => {
    fc.assert(
      fc.property(discussion, (comments) => {
        const forest = threadByQuotes(comments);
        const rank = new Map(chronology(comments).map((c, i) => [c.id, i]));
        const seen: string[] = [];
        walk(forest.roots, (n, ancestors) => {
          expect(ancestors.has(n.comment.id)).toBe(false);
          seen.push(n.comment.id);
          for (const child of n.children) {
            expect(child.parentId).toBe(n.comment.id);
            expect(rank.get(n.comment.id)!).toBeLessThan(rank.get(child.comment.id)!);
          }
        });
        expect(seen.sort()).toEqual(comments.map((c) => c.id).sort());
        for (const root of forest.roots) expect(root.parentId === null || !forest.byId.has(root.parentId)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a repeated id is one comment (its first), still with no cycles and parents earlier', () => {
    fc.assert(
      fc.property(discussion, fc.array(fc.nat(5), { minLength: 40, maxLength: 40 }), (comments, pool) => {
        // Ids drawn from a small pool: several comments share each, and their texts quote one another.
        const repeated = comments.map((c, i) => ({
          ...c,
          id: `d${pool[i]!}`,
          quotes: c.quotes.map((q) => ({ text: q.text })),
        }));
        const forest = threadByQuotes(repeated);
        const firsts = repeated.filter((c, i) => repeated.findIndex((d) => d.id === c.id) === i);
        const seen: string[] = [];
        walk(forest.roots, (n, ancestors) => {
          expect(ancestors.has(n.comment.id)).toBe(false);
          seen.push(n.comment.id);
          for (const child of n.children) expect(n.rank).toBeLessThan(child.rank);
        });
        expect(seen.sort()).toEqual(firsts.map((c) => c.id).sort());
        for (const c of firsts) expect(forest.byId.get(c.id)!.comment).toBe(c);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same forest', () => {
    fc.assert(
      fc.property(discussion, (comments) => {
        const parents = (cs: Comment[]) =>
          Array.from(threadByQuotes(cs).byId.values()).map((n) => `${n.comment.id}>${n.parentId}`);
        expect(parents(comments)).toEqual(parents(comments.map((c) => ({ ...c }))));
      }),
      { numRuns: 300 },
    );
  });

  it('an exact quote of an earlier comment long enough to match always links to some earlier comment', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 6, maxLength: 20 }), (words) => {
        const text = words.join(' ');
        const forest = threadByQuotes([
          {
            id: 'a',
            author: 'a',
            timeText: '',
            votes: 0,
            votesMissing: false,
            body: [],
            quotes: [],
            ownText: text,
            index: 0,
          },
          {
            id: 'b',
            author: 'b',
            timeText: '',
            votes: 0,
            votesMissing: false,
            body: [],
            quotes: [{ text }],
            ownText: 'reply',
            index: 1,
          },
        ]);
        expect(forest.byId.get('b')!.parentId).toBe('a');
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * What matching by text means, without an index or prefix filtering: the quote's shingles, less those found in
 * more than MAX_POSTINGS comments; every earlier comment scored by how many of them it has; the six with most
 * (ties: earliest) kept; the best of those by containment (1 for the quote's exact run of words) at or above
 * MIN_CONTAINMENT, ties to the earliest.
 */
function matchByScoringAll(ordered: Comment[], quote: string, before: number): TextMatch | null {
  const scan = new WordScan();
  const wordsOf = (text: string) => {
    const { hashes, count, chars } = scan.scanText(text);
    return { words: Array.from(hashes.subarray(0, count)), chars };
  };
  const q = wordsOf(quote);
  if (q.words.length < MIN_QUOTE_WORDS || q.chars < MIN_QUOTE_CHARS) return null;
  const texts = ordered.map((c) => {
    const words = wordsOf(c.ownText).words;
    return { words, shingles: new Set(shingleKeys(words)) };
  });
  const keys = Array.from(new Set(shingleKeys(q.words))).filter(
    (k) => texts.filter((t) => t.shingles.has(k)).length <= MAX_POSTINGS,
  );
  if (keys.length === 0) return null;
  const scored = texts.slice(0, before).map(({ words, shingles }, rank) => {
    const run = words.some((_, at) => q.words.every((w, k) => words[at + k] === w));
    return { rank, hits: keys.filter((k) => shingles.has(k)).length, run };
  });
  const shortlist = scored
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.rank - b.rank)
    .slice(0, 6);
  let best: TextMatch | null = null;
  for (const { rank, hits, run } of shortlist) {
    const confidence = hits === keys.length && run ? 1 : Math.min(hits / keys.length, 0.99);
    if (confidence >= MIN_CONTAINMENT && (!best || confidence > best.confidence)) best = { target: rank, confidence };
  }
  return best;
}

const COMMON_WORDS = ['we', 'agree'];

/** Crowded discussions: 70 to 110 comments from two words, some with a word of their own, so that most
 * shingles are in more than MAX_POSTINGS comments; quotes are excerpts, some with a word added. */
const crowded = fc
  .array(
    fc.record({
      words: fc.array(fc.constantFrom(...COMMON_WORDS), { minLength: 6, maxLength: 14 }),
      own: fc.boolean(),
    }),
    { minLength: 70, maxLength: 110 },
  )
  .chain((texts) =>
    fc
      .array(
        fc.option(
          fc.record({
            of: fc.nat(texts.length - 1),
            from: fc.nat(6),
            length: fc.integer({ min: 3, max: 8 }),
            edited: fc.boolean(),
          }),
          { freq: 2 },
        ),
        {
          minLength: texts.length,
          maxLength: texts.length,
        },
      )
      .map((quotes) => {
        const words = texts.map((t, i) => (t.own ? [...t.words.slice(0, 2), `own${i}`, ...t.words.slice(2)] : t.words));
        return words.map((own, i): Comment => {
          const q = quotes[i];
          const quote = q
            ? [...words[q.of]!.slice(q.from, q.from + q.length), ...(q.edited ? ['zebra'] : [])].join(' ')
            : '';
          return {
            id: `c${i}`,
            author: 'u',
            timeText: '',
            votes: 0,
            votesMissing: false,
            body: [],
            index: i,
            ownText: own.join(' '),
            quotes: quote ? [{ text: quote }] : [],
          };
        });
      }),
  );

describe('matching by text', () => {
  const agreesWithScoringAll = (comments: Comment[]) => {
    const ordered = chronology(comments);
    const index = new QuoteIndex(ordered);
    ordered.forEach((c, rank) => {
      for (const q of c.quotes) expect(index.match(q.text, rank)).toEqual(matchByScoringAll(ordered, q.text, rank));
    });
  };

  it('finds what scoring every earlier comment by every shingle finds (prefix filtering loses nothing)', () => {
    fc.assert(fc.property(discussion, agreesWithScoringAll), { numRuns: 300 });
  });

  it('does so too where many shingles are too common to count', () => {
    fc.assert(fc.property(crowded, agreesWithScoringAll), { numRuns: 100 });
  });
});

describe('threading edge cases', () => {
  const c = (i: number, ownText: string, quotes: Comment['quotes'] = []): Comment => ({
    id: String(100 + i),
    author: `u${i}`,
    timeText: '',
    votes: 0,
    votesMissing: false,
    body: [],
    quotes,
    ownText,
    index: i,
  });

  it('a 100-level quote chain nests 100 deep without trouble', () => {
    const chain = Array.from({ length: 101 }, (_, i) =>
      c(
        i,
        `message number ${i} in the long chain of replies`,
        i ? [{ text: `message number ${i - 1} in the long chain of replies` }] : [],
      ),
    );
    let depth = 0;
    let node = threadByQuotes(chain).roots[0];
    while (node?.children[0]) {
      node = node.children[0];
      depth++;
    }
    expect(depth).toBe(100);
  });

  it('quote cycles by id (a quotes b, b quotes a) never loop', () => {
    const forest = threadByQuotes([
      c(1, 'first words here', [{ text: 'x', sourceId: '102' }]),
      c(2, 'second words here', [{ text: 'x', sourceId: '101' }]),
    ]);
    expect(forest.byId.get('102')!.parentId).toBe('101');
    expect(forest.byId.get('101')!.parentId).toBeNull();
  });

  it('10,000 comments thread without trouble', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      c(
        i,
        `comment ${i} says word${i % 97} and word${i % 89} about things`,
        i % 3 === 0 && i ? [{ text: `comment ${i - 1} says word${(i - 1) % 97} and word${(i - 1) % 89}` }] : [],
      ),
    );
    const forest = threadByQuotes(many);
    expect(forest.byId.size).toBe(10_000);
    expect(forest.byId.get(String(100 + 3))!.parentId).toBe(String(100 + 2));
  });

  it('empty, RTL and zero-width texts', () => {
    const forest = threadByQuotes([
      c(1, ''),
      c(2, 'مرحبا هذا تعليق طويل باللغة العربية عن الهواتف'),
      c(3, 'reply', [{ text: 'هذا تعليق طويل باللغة العربية' }]),
      c(4, 'reply', [{ text: '' }]),
      c(5, 'a\u200Bb\u200Cc\u200D d e f g', [{ text: '\u200B\u200B\u200B' }]),
    ]);
    expect(forest.byId.get('103')!.parentId).toBe('102');
    expect(forest.byId.get('104')!.parentId).toBeNull();
    expect(forest.byId.get('105')!.parentId).toBeNull();
  });
});
