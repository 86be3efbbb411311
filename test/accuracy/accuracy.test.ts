import { afterAll, describe, expect, it } from 'vitest';
import { pages, readKey, score, type Figures } from './accuracy-lib';

// The accuracy benchmark as a check (npm test) and a report (npm run accuracy prints the table): every real
// page keeps its figures. Targets: every post read, 100% of replies placed where the page names the parent,
// at least 98% where only text or names tell, no reply under a parent its key says it does not answer.

const rows: Figures[] = [];
const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(0)}%` : '—');

function table(all: Figures[]): string {
  const head = 'page | engine | posts read | by id | by text | wrong | unverified | ms';
  const line = (f: Figures) =>
    [
      f.page.replace(/\.html$/, ''),
      f.source,
      `${f.read}/${f.posts}`,
      `${f.byId.placed}/${f.byId.of}`,
      `${f.byText.placed}/${f.byText.of}`,
      f.wrong.length,
      f.unverified,
      f.ms.toFixed(0),
    ].join(' | ');
  const sum = (get: (f: Figures) => number) => all.reduce((n, f) => n + get(f), 0);
  const total = [
    'total',
    '',
    `${sum((f) => f.read)}/${sum((f) => f.posts)}`,
    `${sum((f) => f.byId.placed)}/${sum((f) => f.byId.of)} (${pct(
      sum((f) => f.byId.placed),
      sum((f) => f.byId.of),
    )})`,
    `${sum((f) => f.byText.placed)}/${sum((f) => f.byText.of)} (${pct(
      sum((f) => f.byText.placed),
      sum((f) => f.byText.of),
    )})`,
    sum((f) => f.wrong.length),
    sum((f) => f.unverified),
    sum((f) => f.ms).toFixed(0),
  ].join(' | ');
  const wrong = all.flatMap((f) => f.wrong.map((w) => `  wrong ${f.page}: ${w}`));
  return [head, ...all.map(line), total, ...wrong].join('\n');
}

describe('accuracy on every real page', () => {
  afterAll(() => {
    if (process.env.ACCURACY_REPORT) console.log(`\n${table(rows)}\n`);
  });

  it.each(pages())('%s', (page) => {
    const figures = score(page, readKey(page));
    rows.push(figures);
    expect(figures.read, 'posts read').toBe(figures.posts);
    expect(figures.wrong, 'placed under a parent the key says it does not answer').toEqual([]);
    expect(figures.byId.placed, 'replies whose parent the page names').toBe(figures.byId.of);
    expect(figures.byText.placed, 'replies only text or names place').toBeGreaterThanOrEqual(
      Math.ceil(0.98 * figures.byText.of),
    );
  });
});
