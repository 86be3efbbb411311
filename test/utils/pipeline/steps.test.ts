import { describe, expect, it } from 'vitest';
import { findSection, findSectionSteps } from '@/utils/pipeline/extract/find-section';
import { runInTasks } from '@/utils/pipeline/steps';
import { threadByQuotes, threadSteps } from '@/utils/pipeline/thread/thread-by-quotes';
import { DEFAULT_PREFS } from '@/utils/platform/prefs';
import { brandContext, brandContextSteps, buildViewModel, viewModelSteps } from '@/utils/pipeline/view-model';
import { ARTICLE_URL, fixtureDocument } from '@/test/support/helpers';

describe('work in steps (first load of long sections)', () => {
  it('pauses between slices and gives what the all-at-once run gives', async () => {
    const doc = fixtureDocument('macrumors-2017-huawei-xiaomi.html');
    let pauses = 0;
    const nextTask = async () => {
      pauses++;
    };
    const section = (await runInTasks(findSectionSteps(doc, ARTICLE_URL, 3), nextTask, { budgetMs: 0 }))!;
    expect(pauses).toBe(3);
    const whole = findSection(doc, ARTICLE_URL)!;
    // Timestamps are estimated from "26 months ago" against the clock, which moved between the two runs.
    const plain = (cs: typeof whole.comments) => cs.map(({ timestamp: _t, ...c }) => c);
    expect(plain(section.comments)).toEqual(plain(whole.comments));

    pauses = 0;
    const forest = await runInTasks(threadSteps(section.comments, 4), nextTask, { budgetMs: 0 });
    expect(pauses).toBeGreaterThan(2);
    const parents = (f: typeof forest) => Array.from(f.byId.values()).map((n) => `${n.comment.id}>${n.parentId}`);
    expect(parents(forest)).toEqual(parents(threadByQuotes(section.comments)));

    const brands = await runInTasks(brandContextSteps(section.comments, DEFAULT_PREFS.brands, 4), nextTask, {
      budgetMs: 0,
    });
    expect(brands.stats).toEqual(brandContext(section.comments, DEFAULT_PREFS.brands).stats);

    pauses = 0;
    const prefs = { ...DEFAULT_PREFS, filters: { ...DEFAULT_PREFS.filters, minRating: 5 } };
    const model = await runInTasks(viewModelSteps(section.comments, forest, prefs, brands, [], 4), nextTask, {
      budgetMs: 0,
    });
    expect(pauses).toBeGreaterThan(2);
    const atOnce = buildViewModel(section.comments, forest, prefs, brands, []);
    expect(model.roots.map((n) => n.comment.id)).toEqual(atOnce.roots.map((n) => n.comment.id));
    expect(model.reasons).toEqual(atOnce.reasons);
    expect(model.counts).toEqual(atOnce.counts);
    expect(model.counts.hidden).toBeGreaterThan(0);
  });

  it('keeps taking steps on one task until its time budget is spent, then pauses', async () => {
    let clock = 0;
    function* work() {
      for (let i = 0; i < 10; i++) {
        clock += 3; // each step takes 3 ms
        yield;
      }
      return 'done';
    }
    const pausedAt: number[] = [];
    const result = await runInTasks(work(), async () => void pausedAt.push(clock), { budgetMs: 8, now: () => clock });
    expect(result).toBe('done');
    // 3 steps (9 ms ≥ 8) per task: pauses after steps 3, 6 and 9.
    expect(pausedAt).toEqual([9, 18, 27]);
  });
});
