import { describe, expect, it } from 'vitest';

// Extraction must stay linear in real browsers: Chromium answers an element-rooted querySelector whose
// selector has a combinator (`.username a`) by scanning candidates across the whole document, so one such
// call per comment block is quadratic over a long section (the happy-dom benchmark cannot see it). Every
// query made from a block or section uses simple selectors (chain them with `within`); only queries rooted at
// the document may combine. This test reads every extraction module and holds them to it.

const SOURCES = import.meta.glob<string>('/utils/pipeline/extract/**/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const CALL = /(\w+)(?:\?|!)?\.(querySelector(?:All)?|closest)\(\s*(['"`])((?:\\.|(?!\3).)*)\3/g;

/** Whether any selector of a selector list combines (descendant, child or sibling). */
function combines(list: string): boolean {
  const plain = list.replace(/\[[^\]]*\]/g, '[]').replace(/\([^)]*\)/g, '()');
  return plain.split(',').some((s) => /[\s>+~]/.test(s.trim()));
}

describe('selectors of extraction', () => {
  it('finds the modules and their queries', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(5);
    const all = Object.values(SOURCES).flatMap((src) => Array.from(src.matchAll(CALL)));
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(Object.keys(SOURCES))('%s: no combinator in a query not rooted at the document', (file) => {
    const bad = Array.from(SOURCES[file]!.matchAll(CALL))
      .filter(([, receiver, , , selector]) => receiver !== 'doc' && receiver !== 'document' && combines(selector!))
      .map(([call]) => call);
    expect(bad).toEqual([]);
  });

  it('tells combining selectors from simple ones', () => {
    expect(combines('.username a')).toBe(true);
    expect(combines('.a > .b')).toBe(true);
    expect(combines('.a, .b c')).toBe(true);
    expect(combines('a[href*="/members/ x"]')).toBe(false);
    expect(combines('article.message[data-content^="post-"], .b')).toBe(false);
    expect(combines('[class*="user" i]')).toBe(false);
  });
});
