import { describe, expect, it } from 'vitest';
import { addressee } from '@/utils/pipeline/extract/convert';
import { sortForest } from '@/utils/pipeline/arrange/order';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { comment, outline } from '@/test/support/threads';

const by = (id: string, author: string, text: string, extra = {}) => ({ ...comment(id, text, [], extra), author });

describe('replies that name whom they answer', () => {
  it('reads the "@Name" a comment begins with', () => {
    expect(addressee('@Old School thanks, agreed')).toBe('Old School thanks, agreed');
    expect(addressee('  @Baud: yes')).toBe('Baud: yes');
    expect(addressee('I mailed @Baud about it')).toBeUndefined();
    expect(addressee('@ nobody')).toBeUndefined();
  });

  it('nests an "@Name" reply under that author\'s latest earlier comment, by the longest name', () => {
    const forest = threadByQuotes([
      by('1', 'Old', 'first'),
      by('2', 'Old School', 'second'),
      by('3', 'Old School', 'third'),
      by('4', 'Baud', 'x', { replyTo: 'Old School thanks' }),
      by('5', 'Baud', 'y', { replyTo: 'Old, no' }),
      by('6', 'Baud', 'z', { replyTo: 'Nobody here' }),
      by('7', 'Old School', 'w', { replyTo: 'baud — agreed' }),
    ]);
    expect(forest.byId.get('4')!.parentId).toBe('3');
    expect(forest.byId.get('5')!.parentId).toBe('1');
    expect(forest.byId.get('6')!.parentId).toBeNull();
    // Case-insensitive; the latest earlier comment by Baud.
    expect(forest.byId.get('7')!.parentId).toBe('6');
  });

  it("keeps the site's own nesting, earlier comments only, and lets quotes win", () => {
    const forest = threadByQuotes([
      by('1', 'A', 'the first comment, long enough to be quoted by the others here'),
      by('2', 'B', 'reply', { parentHint: '1' }),
      by('3', 'C', 'points forward', { parentHint: '4' }),
      by('4', 'D', 'later'),
      {
        ...comment('5', 'quoting', [{ text: 'the first comment, long enough to be quoted', sourceId: '1' }]),
        parentHint: '2',
      },
    ]);
    expect(forest.byId.get('2')!.parentId).toBe('1');
    expect(forest.byId.get('3')!.parentId).toBeNull();
    expect(forest.byId.get('5')!.parentId).toBe('1');
  });
});

describe("a forum thread's opening post", () => {
  it('stays first under every sort', () => {
    const comments = [
      { ...comment('1', 'opening post', [], { votes: 0 }), opening: true },
      comment('2', 'popular', [], { votes: 50 }),
      comment('3', 'newer', [], { votes: 5 }),
    ];
    const roots = threadByQuotes(comments).roots;
    for (const mode of ['top', 'newest', 'oldest', 'page'] as const)
      expect(outline(sortForest(roots, mode))[0], mode).toContain('1');
  });
});
