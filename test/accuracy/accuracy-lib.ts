import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes, type Forest } from '@/utils/pipeline/thread/thread-by-quotes';
import type { Comment, CommentSection } from '@/utils/pipeline/model';
import { FIXTURES, parseDocument } from '@/test/support/helpers';

// The accuracy benchmark: every real page in test/fixtures/real read and threaded as the content script does,
// compared with the page's answer key beside it (<page>.key.json).
//
// A key lists the posts the page has and, for each reply whose parent is known, that parent and how it is
// known: "id" where the page names it (a quote's post id or link, the site's nesting, a recorded parent),
// "text" where only the quoted words or an "@Name" tell. Keys were made by make-keys.test.ts from the markup's
// ids and a matching rule of its own (a quote's first 60 characters, or a run of 6 of its words, found in
// exactly one earlier post's own words; the quote's named author, where named, must be that post's), then
// checked by hand where the two disagreed (each such entry carries a "checked" note).

export const REAL = join(FIXTURES, 'real');

export interface KeyEntry {
  parent: string;
  by: 'id' | 'text';
  /** Other parents that are as right (a reply quoting two posts by id equally). */
  alternatives?: string[];
  checked?: string;
}

export interface AnswerKey {
  /** The address the page was read at (its real one; the host decides the site module). */
  url: string;
  source: string;
  posts: number;
  replies: Record<string, KeyEntry>;
  /** How the key was made, where not by make-keys.test.ts (an app forum's own data). */
  note?: string;
}

export interface Figures {
  page: string;
  source: string;
  read: number;
  posts: number;
  byId: { placed: number; of: number };
  byText: { placed: number; of: number };
  wrong: string[];
  /** Placed where the key knows no parent (not counted as wrong: the key cannot tell). */
  unverified: number;
  ms: number;
}

export const pages = () => readdirSync(REAL).filter((f) => f.endsWith('.html'));
export const keyPath = (page: string) => join(REAL, page.replace(/\.html$/, '.key.json'));
export const readKey = (page: string): AnswerKey => JSON.parse(readFileSync(keyPath(page), 'utf8')) as AnswerKey;

/** Decoded as the browser would: the charset the page declares (vBulletin pages are windows-1252). */
export function pageHtml(page: string): string {
  const bytes = readFileSync(join(REAL, page));
  const head = bytes.subarray(0, 4000).toString('latin1');
  const latin = /charset=["']?(?:iso-8859-1|windows-1252)/i.test(head);
  return new TextDecoder(latin ? 'windows-1252' : 'utf-8').decode(bytes);
}

export function readPage(
  page: string,
  url: string,
): { section: CommentSection | null; forest: Forest | null; ms: number } {
  useForOtherSites(anySite);
  const doc = parseDocument(pageHtml(page));
  const start = performance.now();
  const section = findSection(doc, url);
  const forest = section ? threadByQuotes(section.comments) : null;
  return { section, forest, ms: performance.now() - start };
}

export function score(page: string, key: AnswerKey): Figures {
  const { section, forest, ms } = readPage(page, key.url);
  const figures: Figures = {
    page,
    source: section?.source ?? 'none',
    read: section?.comments.length ?? 0,
    posts: key.posts,
    byId: { placed: 0, of: 0 },
    byText: { placed: 0, of: 0 },
    wrong: [],
    unverified: 0,
    ms,
  };
  const parentOf = (id: string) => forest?.byId.get(id)?.parentId ?? null;
  for (const [id, entry] of Object.entries(key.replies)) {
    const bucket = entry.by === 'id' ? figures.byId : figures.byText;
    bucket.of++;
    const got = parentOf(id);
    if (got === entry.parent || entry.alternatives?.includes(got ?? '')) bucket.placed++;
    else if (got !== null) figures.wrong.push(`${id}: under ${got}, key ${entry.parent}`);
  }
  for (const c of section?.comments ?? []) if (!key.replies[c.id] && parentOf(c.id) !== null) figures.unverified++;
  return figures;
}

/** Posts by page order, for the key maker. */
export type Posts = Comment[];
