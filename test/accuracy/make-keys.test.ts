import { describe, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import type { Comment } from '@/utils/pipeline/model';
import { keyPath, pages, readKey, readPage, type AnswerKey, type KeyEntry } from './accuracy-lib';

// Makes the answer keys of the accuracy benchmark (run with MAKE_KEYS=1; skipped otherwise). An existing
// key's hand-checked entries ("checked") are kept. The rule for text is this file's own, not the
// extension's: words compared after folding case and punctuation, a quote found by its first 60 characters
// or by a run of 6 of its words in exactly one earlier post's own words.

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const RUN = 6;

function runsOf(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + RUN <= words.length; i++) out.push(words.slice(i, i + RUN).join(' '));
  return out;
}

/** Earlier posts (page order) a quote's words are found in; by its named author where it names one. */
function textSource(quote: Comment['quotes'][number], earlier: Comment[]): string | null {
  const q = fold(quote.text);
  if (q.split(' ').length < 3) return null;
  const runs = runsOf(q.split(' '));
  const named = quote.sourceAuthor ? fold(quote.sourceAuthor) : null;
  const scored = earlier
    .filter((c) => !named || fold(c.author) === named)
    .map((c) => {
      const own = ` ${fold(c.ownText)} `;
      const head = q.slice(0, 60).trim();
      const hits = runs.filter((r) => own.includes(` ${r} `)).length;
      return { id: c.id, hits: hits + (own.includes(` ${head} `) ? RUN : 0) };
    })
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits);
  if (scored.length === 0 || (scored.length > 1 && scored[0]!.hits === scored[1]!.hits)) return null;
  return scored[0]!.id;
}

function entryFor(c: Comment, earlier: Comment[], onPage: Set<string>): KeyEntry | null {
  const before = new Set(earlier.map((e) => e.id));
  if (c.siteParent && before.has(c.siteParent)) return { parent: c.siteParent, by: 'id' };
  if (c.parentHint && before.has(c.parentHint)) return { parent: c.parentHint, by: 'id' };
  const exact = c.quotes.filter((q) => q.sourceId && before.has(q.sourceId));
  if (exact.length) {
    const weight = new Map<string, number>();
    for (const q of exact) weight.set(q.sourceId!, (weight.get(q.sourceId!) ?? 0) + q.text.length);
    const [first, ...rest] = Array.from(weight).sort((a, b) => b[1] - a[1]);
    const entry: KeyEntry = { parent: first![0], by: 'id' };
    if (rest.length) entry.alternatives = rest.map(([id]) => id);
    return entry;
  }
  const byText = c.quotes
    .filter((q) => !q.sourceId || !onPage.has(q.sourceId))
    .filter((q) => !q.sourceId)
    .map((q) => ({ id: textSource(q, earlier), length: q.text.length }))
    .filter((s): s is { id: string; length: number } => s.id !== null);
  if (byText.length) {
    const sources = new Set(byText.map((s) => s.id));
    const longest = byText.sort((a, b) => b.length - a.length)[0]!;
    return sources.size === 1 ? { parent: longest.id, by: 'text' } : null;
  }
  if (c.replyTo) {
    const name = fold(c.replyTo);
    const by = earlier.filter((e) => e.author && (name === fold(e.author) || name.startsWith(`${fold(e.author)} `)));
    const longest = Math.max(0, ...by.map((e) => e.author.length));
    const latest = by.filter((e) => e.author.length === longest).at(-1);
    if (latest) return { parent: latest.id, by: 'text' };
  }
  return null;
}

describe.skipIf(!process.env.MAKE_KEYS)('answer keys', () => {
  it.each(pages())('%s', (page) => {
    const old = existsSync(keyPath(page)) ? readKey(page) : null;
    // A key made another way (an app forum's keys come from its own data) is left as it is.
    if (old?.note) return;
    const url = old?.url ?? process.env.KEY_URL ?? 'https://forum.example.org/sites/thread';
    const { section } = readPage(page, url);
    if (!section) throw new Error(`${page}: nothing read`);
    const comments = section.comments;
    const onPage = new Set(comments.map((c) => c.id));
    const replies: Record<string, KeyEntry> = {};
    comments.forEach((c, i) => {
      const checked = old?.replies[c.id];
      const entry = checked?.checked ? checked : entryFor(c, comments.slice(0, i), onPage);
      if (entry) replies[c.id] = entry;
    });
    for (const [id, entry] of Object.entries(old?.replies ?? {})) if (entry.checked) replies[id] = entry;
    const key: AnswerKey = { url, source: section.source, posts: old?.posts || comments.length, replies };
    writeFileSync(keyPath(page), `${JSON.stringify(key, null, 2)}\n`);
  });
});
