import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ExportPage, fileName } from '@/components/export/ExportPage';
import { cleanPayload } from '@/components/export/clean-payload';

// The export page: what a view handed over is checked like any input; each format is saved by a download
// link made here, with a file name from the title.

const record = (id: string, parentId: string | null, depth: number) => ({
  id,
  parentId,
  depth,
  author: `a${id}`,
  time: '1 hour ago',
  isoTime: null,
  votes: 2,
  text: `<img src=x onerror=alert(${id})> text`,
  quotes: [],
  url: null,
});
const payload = {
  title: 'A thread',
  url: 'https://f.example/t/1',
  records: [record('1', null, 0), record('2', '1', 1)],
  hidden: [['2', 'by a muted word']],
};

describe('export page', () => {
  it('drops what is not a record, alone', () => {
    const clean = cleanPayload({
      ...payload,
      records: [...payload.records, { id: 3 }, null, { ...record('4', null, 0), depth: -2, quotes: [{ text: 5 }] }],
      hidden: [['2', 'x'], [1, 2], 'z'],
    })!;
    expect(clean.records.map((r) => [r.id, r.depth, r.quotes.length])).toEqual([
      ['1', 0, 0],
      ['2', 1, 0],
      ['4', 0, 0],
    ]);
    expect(clean.hidden).toEqual([['2', 'x']]);
    expect(cleanPayload({ title: 1 })).toBeNull();
    expect(cleanPayload(null)).toBeNull();
  });

  it('names files after the title', () => {
    expect(fileName('Watched thread | MacRumors Forums', 'md')).toBe('Watched-thread-MacRumors-Forums.md');
    expect(fileName('../../etc/passwd', 'json')).toBe('etc-passwd.json');
    expect(fileName('!!!', 'html')).toBe('discussion.html');
  });

  it('saves each format through a download link; the page text never becomes markup', async () => {
    const root = document.createElement('main');
    document.body.append(root);
    const made: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (made.push(b), `blob:${made.length}`));
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    render(<ExportPage payload={payload} />, root);
    expect(root.querySelector('h1')!.textContent).toBe('Export: A thread');
    const buttons = Array.from(root.querySelectorAll('button'));
    expect(buttons.map((b) => b.textContent)).toEqual(['Save as Markdown', 'Save as a web page', 'Save as JSON']);
    for (const b of buttons) b.click();
    await vi.waitFor(() => expect(clicked).toHaveLength(3));
    expect(clicked).toEqual(['A-thread.md', 'A-thread.html', 'A-thread.json']);
    const html = await made[1]!.text();
    expect(html).not.toMatch(/<img|<script/i);
    expect(JSON.parse(await made[2]!.text()).comments[1]).toMatchObject({
      id: '2',
      parentId: '1',
      hiddenInView: 'by a muted word',
    });
    expect(root.querySelector('img')).toBeNull();
    click.mockRestore();
  });

  it('says so when opened without a discussion', () => {
    const root = document.createElement('main');
    render(<ExportPage payload={null} />, root);
    expect(root.textContent).toMatch(/Nothing to export here/);
  });
});
