import { describe, expect, it } from 'vitest';
import { createSectionModels } from '@/utils/content/section-models';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { everySiteId } from '@/utils/pipeline/people/person';
import type { CommentSection } from '@/utils/pipeline/model';
import { comment } from '@/test/support/threads';

// Muting, tagging or noting someone changes marks, not the model: the same model object is drawn again (the
// view keeps what it rendered), and the marks are made again only when the people rules change.

const section = {
  root: {} as Element,
  heading: 'Comments',
  source: 'test',
  comments: Array.from({ length: 50 }, (_, i) => comment(String(i + 1), `words ${i}`, [], { author: `p${i % 5}` })),
} as CommentSection;
const rules = (mutes: Record<string, string>) => ({
  site: 'https://a.example',
  mutes,
  hideRepliesToMuted: false,
  you: null,
});

describe('section models and people', () => {
  it('draws the same model when only people change, and a new one when a filter does', () => {
    const models = createSectionModels();
    const first = models.model(section, DEFAULT_PREFS, []);
    const muted: Prefs = {
      ...DEFAULT_PREFS,
      filters: { ...DEFAULT_PREFS.filters, mutedPeople: { [everySiteId('p1')]: 'p1' }, hideRepliesToMuted: true },
      notes: { byPerson: { [everySiteId('p2')]: { name: 'p2', text: 'hi' } } },
    };
    expect(models.model(section, muted, [])).toBe(first);
    const marks = models.people(section, rules(muted.filters.mutedPeople));
    expect(marks.muted.size).toBe(10);
    expect(models.people(section, rules(muted.filters.mutedPeople))).toBe(marks);
    expect(models.people(section, rules({}))).not.toBe(marks);
    const filtered = { ...muted, filters: { ...muted.filters, mutedWords: ['words'] } };
    expect(models.model(section, filtered, [])).not.toBe(first);
  });
});
