import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { BrandChart } from '@/components/thread/BrandChart';
import type { BrandStat } from '@/utils/pipeline/highlight/brands';

const stat = (id: string, mentions: number): BrandStat =>
  ({ id, label: id.toUpperCase(), color: '#888', mentions, comments: mentions, votes: mentions * 2 }) as BrandStat;

describe('the brand chart', () => {
  it('shows a few rows, all on request, each a button the keyboard reaches', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const focused: string[][] = [];
    const stats = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => stat(id, 10 - i));
    render(<BrandChart stats={stats} focus={[]} onFocus={(ids) => focused.push(ids)} />, root);
    const rows = () => Array.from(root.querySelectorAll<HTMLButtonElement>('li > button[data-brand]'));
    expect(rows()).toHaveLength(4);
    expect(rows().every((b) => b.tabIndex === 0 && b.getAttribute('aria-pressed') === 'false')).toBe(true);
    expect(rows()[0]!.textContent!.replace(/\s+/g, ' ').trim()).toBe('A 10 mentions · 20 votes');
    const more = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'All 6 brands')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.click();
    return Promise.resolve().then(() => {
      expect(rows()).toHaveLength(6);
      rows()[5]!.click();
      expect(focused).toEqual([['f']]);
    });
  });
});
