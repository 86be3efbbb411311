import { describe, expect, it } from 'vitest';
import type { CommentSection } from '@/utils/pipeline/model';
import { sameDiscussion, sameSection } from '@/utils/content/section-watch';
import { comment } from '@/test/support/threads';

const section = (ids: string[], root = document.createElement('div'), source = 'macrumors-2017'): CommentSection => ({
  root,
  comments: ids.map((id) => comment(id, `text of ${id}`)),
  heading: 'Top Rated Comments',
  source,
});

describe('telling sections apart', () => {
  it('the same section: the same element and the same comments', () => {
    const root = document.createElement('div');
    expect(sameSection(section(['1', '2'], root), section(['1', '2'], root))).toBe(true);
    expect(sameSection(section(['1', '2']), section(['1', '2']))).toBe(false);
    expect(sameSection(section(['1', '2', '3'], root), section(['1', '2'], root))).toBe(false);
  });

  it('the same discussion: drawn again or grown, not another article’s comments', () => {
    expect(sameDiscussion(section(['1', '2']), section(['1', '2']))).toBe(true);
    expect(sameDiscussion(section(['1', '2', '3']), section(['1', '2']))).toBe(true);
    expect(sameDiscussion(section(['7', '8']), section(['1', '2']))).toBe(false);
    expect(sameDiscussion(section(['1', '2'], undefined, 'signals'), section(['1', '2']))).toBe(false);
  });
});
