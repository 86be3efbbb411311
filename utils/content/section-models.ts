import type { CommentSection } from '@/utils/pipeline/model';
import type { Prefs } from '@/utils/platform/prefs';
import { nextTask, runInTasks } from '@/utils/pipeline/steps';
import { threadByQuotes, threadSteps, type Forest } from '@/utils/pipeline/thread/thread-by-quotes';
import { treeLevels } from '@/utils/pipeline/thread/tree';
import { peopleMarks, type PeopleMarks, type PeopleRules } from '@/utils/pipeline/people/marks';
import {
  brandContext,
  brandContextSteps,
  buildViewModel,
  viewModelSteps,
  type BrandContext,
  type ViewModel,
} from '@/utils/pipeline/view-model';

// What a section's view is drawn from, kept between draws: the forest (threaded once per extraction), the
// brand mentions (once per extraction and brand edit), and the first model, prepared in steps.

/** Comments threaded or searched for brands between pauses on first load (see steps.ts). */
const PREPARE_SLICE = 25;

export interface SectionModels {
  /** Threads, finds brand mentions and builds the first model, each on tasks of its own. */
  prepare(section: CommentSection, prefs: Prefs, brandFocus: string[]): Promise<void>;
  /** The model for these preferences: the prepared one when nothing it depends on has changed since. */
  model(section: CommentSection, prefs: Prefs, brandFocus: string[]): ViewModel;
  /** The section was read again: thread it again now, find brands on the next draw. */
  reset(section: CommentSection): void;
  /** The people marks for these rules, made again only when the rules or the threading change (no new model). */
  people(section: CommentSection, rules: PeopleRules): PeopleMarks;
  /** Levels of the discussion's tree (whatever the view), as threaded. */
  levels(section: CommentSection): number;
}

export function createSectionModels(): SectionModels {
  let forest: Forest | null = null;
  let brands: BrandContext | null = null;
  let brandsKey = '';
  let prepared: { key: string; forest: Forest; model: ViewModel } | null = null;
  let marked: { key: string; forest: Forest; marks: PeopleMarks } | null = null;
  // Notes, tags and mutes are drawn from the preferences and the people marks: changing one does not build the
  // model again (and the view keeps what it has drawn).
  const modelKey = (p: Prefs, focus: string[]) =>
    JSON.stringify([p.view, p.filters.minRating, p.filters.mutedWords, p.brands, focus, brandsKey]);

  const ensureBrands = (section: CommentSection, p: Prefs) => {
    const key = JSON.stringify(p.brands);
    if (!brands || key !== brandsKey) {
      brands = brandContext(section.comments, p.brands);
      brandsKey = key;
    }
    return brands;
  };

  return {
    async prepare(section, next, focus) {
      forest ??= await runInTasks(threadSteps(section.comments, PREPARE_SLICE), nextTask);
      await nextTask();
      brands = await runInTasks(brandContextSteps(section.comments, next.brands, PREPARE_SLICE), nextTask);
      brandsKey = JSON.stringify(next.brands);
      if (next.view.view === 'original') return;
      await nextTask();
      const steps = viewModelSteps(section.comments, forest, next, brands, focus, PREPARE_SLICE);
      const model = await runInTasks(steps, nextTask);
      prepared = { key: modelKey(next, focus), forest, model };
    },
    model(section, p, focus) {
      forest ??= threadByQuotes(section.comments);
      const ready = ensureBrands(section, p);
      const key = modelKey(p, focus);
      if (prepared?.key === key && prepared.forest === forest) return prepared.model;
      const model = buildViewModel(section.comments, forest, p, ready, focus);
      // Kept for the next draw: one that changes nothing the model depends on draws the same model.
      prepared = { key, forest, model };
      return model;
    },
    reset(section) {
      forest = threadByQuotes(section.comments);
      brands = null;
    },
    people(section, rules) {
      forest ??= threadByQuotes(section.comments);
      const key = JSON.stringify(rules);
      if (marked?.key !== key || marked.forest !== forest)
        marked = { key, forest, marks: peopleMarks(forest.byId.values(), rules) };
      return marked.marks;
    },
    levels(section) {
      forest ??= threadByQuotes(section.comments);
      return treeLevels(forest.roots);
    },
  };
}
