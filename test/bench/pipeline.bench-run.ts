// Pure pipeline benchmarks, run by `npm run bench` (never part of `npm test`). Prints tables; asserts nothing.
import { it } from 'vitest';
import type { Comment } from '@/utils/pipeline/model';
import { compileBrandMatcher, DEFAULT_BRANDS, type BrandDef } from '@/utils/pipeline/highlight/brands';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { normalizeText, tokenize } from '@/utils/pipeline/text';
import { chronology } from '@/utils/pipeline/thread/chronology';
import { MIN_CONTAINMENT, MIN_QUOTE_CHARS, MIN_QUOTE_WORDS } from '@/utils/pipeline/thread/quote-index';
import { shingleKeys } from '@/utils/pipeline/thread/shingles';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { nodesById, quotedBy } from '@/utils/pipeline/thread/tree';
import { foldQuery, searchTree } from '@/utils/pipeline/arrange/search';
import { exportRecords, toHtml, toJson, toMarkdown } from '@/utils/pipeline/export/formats';
import { runAll } from '@/utils/pipeline/steps';
// @ts-expect-error plain JS helper shared with the browser benchmark
import { articleHtml, syntheticDiscussion } from '../../scripts/lib/synthetic.mjs';

type Synthetic = {
  id: string;
  author: string;
  votes: number;
  text: string;
  quote: { of: string; text: string } | null;
};

/** Median time of one call, over at least `minRuns` calls and `minMs` milliseconds (after one warm-up call). */
function time(fn: () => void, minMs = 300, minRuns = 5): number {
  fn();
  const runs: number[] = [];
  const start = performance.now();
  do {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  } while (runs.length < minRuns || performance.now() - start < minMs);
  runs.sort((a, b) => a - b);
  return runs[runs.length >> 1]!;
}

const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(0));

function toComments(list: Synthetic[]): Comment[] {
  return list.map((s, index) => ({
    id: s.id,
    author: s.author,
    timeText: '',
    votes: s.votes,
    votesMissing: false,
    body: [],
    index,
    ownText: s.text,
    quotes: s.quote ? [{ text: s.quote.text }] : [],
  }));
}

/**
 * All-pairs with the same matching power as threadByQuotes (word-boundary substring, else shingle
 * containment ≥ MIN_CONTAINMENT), but no index: every quote is scored against every earlier comment.
 */
function naiveAllPairs(comments: Comment[]) {
  const ordered = chronology(comments);
  const vocab = new Map<string, number>();
  const idsOf = (tokens: string[]) => tokens.map((t) => vocab.get(t) ?? vocab.set(t, vocab.size).get(t)!);
  const prepared = ordered.map((c) => {
    const tokens = tokenize(normalizeText(c.ownText));
    return { joined: ` ${tokens.join(' ')} `, shingles: new Set(shingleKeys(idsOf(tokens))) };
  });
  const parents = new Map<string, string>();
  ordered.forEach((c, i) => {
    for (const q of c.quotes) {
      const tokens = tokenize(normalizeText(q.text));
      if (tokens.length < MIN_QUOTE_WORDS || tokens.join('').length < MIN_QUOTE_CHARS) continue;
      const needle = ` ${tokens.join(' ')} `;
      const keys = Array.from(new Set(shingleKeys(idsOf(tokens))));
      let best = -1;
      let bestScore = 0;
      for (let j = 0; j < i; j++) {
        const p = prepared[j]!;
        let score = p.joined.includes(needle) ? 1 : 0;
        if (!score) {
          let hits = 0;
          for (const k of keys) if (p.shingles.has(k)) hits++;
          score = hits / keys.length;
        }
        if (score >= MIN_CONTAINMENT && score > bestScore) [best, bestScore] = [j, score];
      }
      if (best >= 0) parents.set(c.id, ordered[best]!.id);
    }
  });
  return parents;
}

/** The cheapest all-pairs: exact normalised substring only (misses edited quotes). */
function naiveExactAllPairs(comments: Comment[]) {
  const ordered = chronology(comments);
  const norm = ordered.map((c) => normalizeText(c.ownText));
  let found = 0;
  ordered.forEach((c, i) => {
    for (const q of c.quotes) {
      const needle = normalizeText(q.text);
      for (let j = 0; j < i; j++)
        if (norm[j]!.includes(needle)) {
          found++;
          break;
        }
    }
  });
  return found;
}

it('extraction', () => {
  const html = articleHtml(syntheticDiscussion(2000));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const t = time(() => findSection(doc, 'https://www.macrumors.com/bench/'), 1000);
  console.log(
    `\nExtraction (happy-dom, 2017 markup)\n  2,000 comments: ${ms(t)} ms per page (${ms((t / 2000) * 1000)} µs per comment)`,
  );
});

it('threading', () => {
  const rows: string[] = [];
  let last: { thread: number; norm: number } | null = null;
  for (const n of [100, 1000, 10_000]) {
    const comments = toComments(syntheticDiscussion(n));
    const texts = comments.flatMap((c) => [c.ownText, ...c.quotes.map((q) => q.text)]);
    // Long runs for the large size too, so its median rests on more than a handful of runs.
    const tThread = time(() => threadByQuotes(comments), 1000);
    const tNorm = time(() => texts.forEach((t) => normalizeText(t)), 1000);
    const tNaive = time(() => naiveAllPairs(comments), n >= 10_000 ? 1 : 300, n >= 10_000 ? 1 : 5);
    const tExact = time(() => naiveExactAllPairs(comments), n >= 10_000 ? 1 : 300, n >= 10_000 ? 1 : 5);
    const forest = threadByQuotes(comments);
    const naive = naiveAllPairs(comments);
    const linked = Array.from(forest.byId.values()).filter((x) => x.parentId).length;
    const agree = Array.from(naive).filter(([id, p]) => forest.byId.get(id)!.parentId === p).length;
    const perComment = `${((tThread / n) * 1000).toFixed(1)} µs per comment`;
    const growth = last
      ? ` | ×${(tThread / last.thread).toFixed(1)} (normalise ×${(tNorm / last.norm).toFixed(1)}); ${perComment}`
      : ` | ${perComment}`;
    last = { thread: tThread, norm: tNorm };
    rows.push(
      `  ${String(n).padStart(8)} | ${ms(tThread).padStart(9)} | ${ms(tNorm).padStart(12)} | ${(tThread / tNorm).toFixed(2).padStart(11)} | ${ms(tNaive).padStart(12)} | ${(tNaive / tThread).toFixed(0).padStart(7)}× | ${ms(tExact).padStart(14)} | ${String(linked).padStart(6)} | ${`${agree}/${naive.size}`.padStart(11)}${growth}`,
    );
  }
  console.log(`\nThreading synthetic discussions (30% quote, excerpts, 20% edited); medians of repeated runs
  all-pairs = same matching as ours without the index; exact all-pairs = substring only (finds fewer)
  targets at 10,000: thread/norm ≤ 3, speed-up ≥ 50×; growth per ×10 comments near ×10
  comments | thread ms | normalise ms | thread/norm | all-pairs ms | speed-up | exact all-pairs | linked | same parent | growth per ×10; per comment
${rows.join('\n')}`);
});

it('highlighting', () => {
  const base = syntheticDiscussion(4000)
    .map((c: Synthetic) => c.text)
    .join(' ');
  const text = base.repeat(Math.ceil(1_048_576 / base.length)).slice(0, 1_048_576);
  const extra: BrandDef[] = Array.from(
    { length: 200 - DEFAULT_BRANDS.reduce((n, b) => n + b.aliases.length, 0) },
    (_, i) => ({ id: `extra${i}`, label: `Extra ${i}`, color: '#123456', aliases: [`Brandname${i}`] }),
  );
  const brands = [...DEFAULT_BRANDS, ...extra];
  const entries = brands.reduce((n, b) => n + b.aliases.length, 0);
  const matcher = compileBrandMatcher(brands);
  let mentions = 0;
  const tHighlight = time(() => {
    mentions = matcher.segments(text).filter((s) => s.brand).length;
  });
  const plain = /[\p{L}\p{N}]+/gu;
  const tScan = time(() => {
    let n = 0;
    plain.lastIndex = 0;
    while (plain.exec(text)) n++;
    return n;
  });
  console.log(
    `\nHighlighting 1 MB of comment text against ${entries} dictionary entries\n  highlight: ${ms(tHighlight)} ms (${mentions} mentions) | plain word scan: ${ms(tScan)} ms | ratio ${(tHighlight / tScan).toFixed(2)}×`,
  );
});

it('search and backlinks', () => {
  const rows: string[] = [];
  for (const n of [1000, 10000]) {
    const comments = toComments(syntheticDiscussion(n));
    const forest = threadByQuotes(comments);
    const texts = comments.map((c) => `${c.author}\n${c.ownText}`.toLowerCase());
    // Floor: one plain substring scan of the already lower-cased texts (no folding, no tree).
    const tFloor = time(() => texts.filter((t) => t.includes('battery')).length);
    // First search folds and caches every comment's text; later ones (typing) reuse it.
    // (Copies of the comments: the fold cache is per comment object.) Threading alone is subtracted.
    const fresh = () => threadByQuotes(comments.map((c) => ({ ...c })));
    const tThread = time(fresh, 300, 3);
    const tFirst = Math.max(0, time(() => searchTree(fresh().roots, foldQuery('battery')), 300, 3) - tThread);
    const tAgain = time(() => searchTree(forest.roots, foldQuery('battery')));
    const tBack = time(() => quotedBy(nodesById(forest.roots)));
    rows.push(
      `  ${String(n).padStart(8)} | ${ms(tFirst).padStart(20)} | ${ms(tAgain).padStart(12)} | ${ms(tFloor).padStart(16)} | ${(tAgain / tFloor).toFixed(1).padStart(5)}× | ${ms(tBack).padStart(12)}`,
    );
  }
  console.log(`\nSearch over the whole model (fold, match, prune the tree) and backlinks; medians
  first search = folding every comment's text once (cached for the next ones)
  comments |      first search ms | next search ms | plain scan floor | ratio | backlinks ms
${rows.join('\n')}`);
});

it('export', () => {
  const rows: string[] = [];
  for (const n of [1000, 5000]) {
    const comments = toComments(syntheticDiscussion(n)).map((c) => ({
      ...c,
      body: [{ type: 'text' as const, text: c.ownText }],
    }));
    const forest = threadByQuotes(comments);
    const meta = { title: 'Bench', url: 'https://forums.example.org/t/1', exportedAt: new Date().toISOString() };
    const records = runAll(exportRecords(forest.roots));
    const tRecords = time(() => runAll(exportRecords(forest.roots)), 300, 3);
    const formats = [toJson, toMarkdown, toHtml].map((f) => time(() => runAll(f(meta, records)), 300, 3));
    // Floor: the same comments as JSON in one call (what any export at least pays).
    const tFloor = time(() => JSON.stringify(comments), 300, 3);
    rows.push(
      `  ${String(n).padStart(8)} | ${ms(tRecords).padStart(10)} | ${formats.map((t) => ms(t).padStart(8)).join(' | ')} | ${ms(tFloor).padStart(10)}`,
    );
  }
  console.log(`\nExport discussion (records from the tree, then each format), medians; target: 5,000 posts under 2 s
  comments | records ms |  JSON ms |    MD ms |  HTML ms | floor: JSON.stringify of the comments ms
${rows.join('\n')}`);
});
