import { describe, expect, it } from 'vitest';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { runAll } from '@/utils/pipeline/steps';
import { exportRecords, toHtml, toJson, toMarkdown, type ExportMeta } from '@/utils/pipeline/export/formats';
import { comment } from '@/test/support/threads';

// The discussion as a file, in each format: the tree kept, every comment kept (the filtered ones noted), page
// text never markup, and the HTML page with no script and nothing fetched from anywhere.

const text = (id: string, words: string) => ({ ...comment(id, words), body: [{ type: 'text' as const, text: words }] });
const comments = [
  {
    ...text('1', 'First <b>bold</b> claim'),
    author: 'Ann <script>alert(1)</script>',
    postUrl: 'https://x.example/p/1',
  },
  { ...text('2', 'A reply'), siteParent: '1', quotes: [{ text: 'First claim', sourceId: '1' }] },
  { ...text('3', 'Deeper reply'), siteParent: '2' },
  { ...text('4', 'Another top comment ![img](https://evil.example/x.png)'), votes: 3 },
  { ...text('5', 'Reply to the fourth'), siteParent: '4', author: 'Muted Max' },
];
const forest = threadByQuotes(comments);
const meta: ExportMeta = {
  title: 'A "thread" <title>',
  url: 'https://forums.example.org/threads/1/',
  exportedAt: '2026-12-05T10:00:00.000Z',
  hidden: new Map([['5', 'from a muted user']]),
};
const records = runAll(exportRecords(forest.roots));

describe('exporting a discussion', () => {
  it('flattens the tree depth first with parents and depths', () => {
    expect(records.map((r) => [r.id, r.parentId, r.depth])).toEqual([
      ['1', null, 0],
      ['2', '1', 1],
      ['3', '2', 2],
      ['4', null, 0],
      ['5', '4', 1],
    ]);
    expect(records[1]!.quotes).toEqual([{ sourceId: '1', author: null, text: 'First claim' }]);
  });

  it('JSON: the model, every comment, the filtered one noted', () => {
    const json = JSON.parse(runAll(toJson(meta, records)));
    expect(json.url).toBe(meta.url);
    expect(json.comments).toHaveLength(5);
    expect(json.comments[2]).toMatchObject({ id: '3', parentId: '2', text: 'Deeper reply' });
    expect(json.comments[4]).toMatchObject({ id: '5', hiddenInView: 'from a muted user' });
    expect(Object.keys(json.comments[0]).sort()).toEqual(
      ['author', 'id', 'isoTime', 'parentId', 'quotes', 'text', 'time', 'url', 'votes'].sort(),
    );
  });

  it('Markdown: nested lists, quotes as block quotes, page text escaped', () => {
    const md = runAll(toMarkdown(meta, records));
    const lines = md.split('\n');
    expect(lines).toContain('  - **a2** ·  · 0 votes');
    expect(lines).toContain('    > First claim');
    expect(lines).toContain('    - **a3** ·  · 0 votes');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('_(from a muted user)_');
    expect(md).not.toContain('<b>');
  });

  it('HTML: parsed back, the same tree, no script, no external address, every comment kept', () => {
    const html = runAll(toHtml(meta, records));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('[src], [href], link, img, iframe, object')).toHaveLength(0);
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(doc.title).toBe('A "thread" <title>');
    expect(doc.querySelectorAll('li')).toHaveLength(5);
    const parentOf = (id: string) => doc.getElementById(`c-${id}`)!.parentElement!.closest('li')?.id ?? null;
    expect([parentOf('1'), parentOf('2'), parentOf('3'), parentOf('4'), parentOf('5')]).toEqual([
      null,
      'c-1',
      'c-2',
      null,
      'c-4',
    ]);
    expect(doc.getElementById('c-1')!.querySelector('strong')!.textContent).toBe('Ann <script>alert(1)</script>');
    expect(doc.getElementById('c-5')!.className).toBe('hidden');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain(
      "default-src 'none'",
    );
  });

  it('pauses while it works on a long discussion', () => {
    const many = threadByQuotes(Array.from({ length: 1200 }, (_, i) => text(String(i + 1), `words ${i}`)));
    const steps = exportRecords(many.roots);
    let pauses = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(4);
  });
});

describe('exporting a flat view', () => {
  it('keeps the tree: nesting comes from each comment parent, not from the view', async () => {
    const { flattenForest } = await import('@/utils/pipeline/arrange/order');
    const flat = flattenForest(forest.roots, 'page');
    expect(flat.every((n) => n.children.length === 0)).toBe(true);
    expect(runAll(exportRecords(flat)).map((r) => [r.id, r.depth])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 2],
      ['4', 0],
      ['5', 1],
    ]);
  });
});
