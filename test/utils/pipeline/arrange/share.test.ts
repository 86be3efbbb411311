import { describe, expect, it } from 'vitest';
import { shareNodes } from '@/utils/pipeline/arrange/share';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { sortForest } from '@/utils/pipeline/arrange/order';
import { comment } from '@/test/support/threads';

// The nodes of a tree made again for a grown discussion: those that draw the same are the nodes drawn before.

const c = (id: string, parent?: string) => comment(id, `words of ${id}`, [], parent ? { parentHint: parent } : {});

describe('sharing the nodes of a grown tree', () => {
  it('keeps every node the growth did not touch, and makes again the threads it joined', () => {
    const before = [c('1'), c('2', '1'), c('3'), c('4', '3')];
    const old = sortForest(threadByQuotes(before).roots, 'oldest');
    const grown = sortForest(threadByQuotes([...before, c('5', '2')]).roots, 'oldest');
    const shared = shareNodes(old, grown);
    const [one, three] = shared;
    expect(three).toBe(old[1]);
    expect(one).not.toBe(old[0]);
    expect(one!.children[0]).not.toBe(old[0]!.children[0]);
    expect(one!.children[0]!.children.map((n) => n.comment.id)).toEqual(['5']);
    // Nothing grew: the same roots, node for node.
    const again = sortForest(threadByQuotes(before).roots, 'oldest');
    expect(shareNodes(old, again)).toEqual(old);
    expect(shareNodes(old, again).every((n, i) => n === old[i])).toBe(true);
  });

  it('does not keep a node whose comment or links changed', () => {
    const [one, two] = [c('1'), c('2')];
    const old = threadByQuotes([one, two]).roots;
    const edited = threadByQuotes([one, { ...two, ownText: 'edited' }]).roots;
    const shared = shareNodes(old, edited);
    expect(shared[0]).toBe(old[0]);
    expect(shared[1]).not.toBe(old[1]);
  });
});
