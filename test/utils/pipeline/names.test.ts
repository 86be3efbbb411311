import { describe, expect, it } from 'vitest';
import { foldName, isolate } from '@/utils/pipeline/names';
import { nullRecord, own, ownCopy } from '@/utils/pipeline/own';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { peopleMarks } from '@/utils/pipeline/people/marks';
import { everySiteId } from '@/utils/pipeline/people/person';
import { comment } from '@/test/support/threads';

describe('names compared as the same person however the page spells them', () => {
  it.each([
    ['John', 'john'],
    ['J\u200Bohn', 'john'], // zero-width space
    ['Jo\u00ADhn', 'john'], // soft hyphen
    ['\u202EJohn', 'john'], // right-to-left override
    ['Jоhn', 'john'], // Cyrillic о
    ['ЈОНN', 'john'], // Cyrillic capitals Ј, О and Н (folded through lower case)
    ['Ｊｏｈｎ', 'john'], // full-width
    ['  John   Smith ', 'john smith'],
  ])('%j folds to %j', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it('mutes a user written with look-alike or invisible letters', () => {
    const authors = ['J\u200Bohn', 'Jоhn', 'ＪＯＨＮ', 'john', 'Johnny'];
    const forest = threadByQuotes(authors.map((author, i) => ({ ...comment(String(i), `x${i}`), author })));
    const rules = {
      site: 'https://a.example',
      mutes: { [everySiteId('John')]: 'John' },
      hideRepliesToMuted: false,
      you: null,
    };
    expect(Array.from(peopleMarks(forest.byId.values(), rules).muted).sort()).toEqual(['0', '1', '2', '3']);
  });

  it('isolates a name inside a sentence', () => {
    expect(isolate('\u202Eevil')).toBe('\u2068\u202Eevil\u2069');
  });
});

describe('records keyed by page text', () => {
  it('treat "__proto__", "constructor" and "toString" as ordinary keys', () => {
    const plain: Record<string, string> = JSON.parse('{"__proto__": "a"}');
    expect(own(plain, '__proto__')).toBe('a');
    expect(own(plain, 'constructor')).toBeUndefined();
    expect(own({}, 'toString')).toBeUndefined();
    const copy = ownCopy(plain);
    copy['constructor'] = 'b';
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.keys(copy)).toEqual(['__proto__', 'constructor']);
    const empty = nullRecord<string>();
    empty['__proto__'] = 'c';
    expect(own(empty, '__proto__')).toBe('c');
    expect(({} as Record<string, unknown>)['c']).toBeUndefined();
  });
});
