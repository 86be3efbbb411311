import { describe, expect, it } from 'vitest';
import { findSection, whyNoSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import type { CommentSection } from '@/utils/pipeline/model';
import { fixtureDocument, parseDocument } from '@/test/support/helpers';

// A board no reader knows that draws its discussion as a tree keeps that tree (extract/nesting.ts): posts
// nested in posts, or posts indented by depth; where the evidence conflicts, no view at all.

const URL_OF = 'https://board.example.org/t/1';

/** Each comment's parent as a position in the section (ids differ between the two readings). */
function parentPositions(section: CommentSection): (number | null)[] {
  const at = new Map(section.comments.map((c, i) => [c.id, i]));
  const forest = threadByQuotes(section.comments);
  return section.comments.map((c) => {
    const parent = forest.byId.get(c.id)!.parentId;
    return parent === null ? null : at.get(parent)!;
  });
}

describe('nested posts on a board no reader knows', () => {
  useForOtherSites(anySite);
  it.each([
    ['lemmy-lemmy-ml-post-21018364-development-update-2024-10-04.html', 'article.comment-node', 22],
    ['slashdot-2025-stanford-cs-grads-degrees-no-longer-guarantee-jobs.html', 'li.comment', 87],
    ['oldreddit-r-aww-8dyrb3-ben-proud-of-learning-to-go-on-walks-2018.html', 'div.thing.comment', 197],
  ])('%s with its classes renamed: every post, each under the post the site draws it in', (file, posts, count) => {
    const site = findSection(fixtureDocument(`native/${file}`), URL_OF)!;
    const doc = fixtureDocument(`native/${file}`);
    for (const el of Array.from(doc.querySelectorAll(posts))) el.className = 'note';
    const section = findSection(doc, URL_OF)!;
    expect(section.source).toBe('forum-signals');
    expect(section.comments).toHaveLength(count);
    expect(parentPositions(section)).toEqual(parentPositions(site));
    expect(parentPositions(section).filter((p) => p !== null).length).toBeGreaterThan(10);
    // Words are the post's own, never its replies' (the site's reader gives what each one's own words are).
    const words = (c: { ownText: string }) => c.ownText.replace(/\s+/g, ' ').trim();
    const positions = parentPositions(site);
    for (const [i, c] of section.comments.entries())
      for (const [j, parent] of positions.entries())
        if (parent === i && words(site.comments[j]!).length > 30)
          expect(words(c), c.id).not.toContain(words(site.comments[j]!));
    const same = section.comments.filter((c, i) => words(c) === words(site.comments[i]!));
    // Bodies are found by signals here (the engine's own reader knows each site's words exactly): most match.
    expect(same.length).toBeGreaterThanOrEqual(count / 2);
  });

  it('leaves the page alone when nesting and depth marks disagree', () => {
    const doc = fixtureDocument('native/lemmy-lemmy-ml-post-21018364-development-update-2024-10-04.html');
    for (const el of Array.from(doc.querySelectorAll('article.comment-node'))) {
      el.className = 'note';
      el.setAttribute('data-depth', '0'); // every post says top level, the nesting says otherwise
    }
    for (const li of Array.from(doc.querySelectorAll('li.comment'))) li.setAttribute('data-depth', '0');
    expect(findSection(doc, URL_OF)).toBeNull();
  });
});

/** A board of sibling posts, each indented by its left margin (px) or a depth attribute. */
function board(posts: Array<{ indent: string; name: string; words: string }>): Document {
  const rows = posts.map(
    (p, i) =>
      `<div class="entry" id="e${100 + i}" ${p.indent}><a href="/member/${p.name}">${p.name}</a>` +
      `<div class="words">${p.words}</div></div>`,
  );
  return parseDocument(`<html><body><h1>Board</h1><main><section>${rows.join('')}</section></main></body></html>`);
}
const says = (n: number) => `This is what post number ${n} has to say about the matter at hand.`;

describe('indented posts on a board no reader knows', () => {
  useForOtherSites(anySite);
  it('each post goes under the nearest earlier post one level up, by left margin or depth attribute', () => {
    for (const unit of [(d: number) => `style="margin-left: ${d * 24}px"`, (d: number) => `data-depth="${d}"`]) {
      const depths = [0, 1, 2, 1, 0, 1, 1, 2];
      const doc = board(depths.map((d, i) => ({ indent: unit(d), name: `user${i % 3}`, words: says(i) })));
      const section = findSection(doc, URL_OF)!;
      expect(section.source).toBe('forum-signals');
      expect(parentPositions(section)).toEqual([null, 0, 1, 0, null, 4, 4, 6]);
    }
  });

  it('leaves the page alone when a level is skipped, the first post is a reply, or a post has no depth', () => {
    const cases = [
      [0, 2, 1],
      [1, 0, 0],
    ].map((depths) => depths.map((d) => `style="margin-left: ${d * 30}px"`));
    cases.push(['data-depth="0"', 'data-depth="1"', '', 'data-depth="1"']);
    for (const indents of cases) {
      const depthsDoc = board(indents.map((indent, i) => ({ indent, name: `user${i}`, words: says(i) })));
      expect(findSection(depthsDoc, URL_OF), indents.join()).toBeNull();
    }
  });

  it('reads a board whose posts carry no indentation as flat, as before', () => {
    const doc = board([0, 1, 2, 3].map((i) => ({ indent: '', name: `user${i}`, words: says(i) })));
    expect(parentPositions(findSection(doc, URL_OF)!)).toEqual([null, null, null, null]);
  });
});

describe('boards of their own that draw a tree (written from how such boards lay out, not captures)', () => {
  useForOtherSites(anySite);
  const parentsOf = (file: string) =>
    Object.fromEntries(findSection(fixtureDocument(file), URL_OF)!.comments.map((c) => [c.id, c.siteParent]));
  it('a reply list inside each post, threads narrower than three posts, an anonymous reply with its own reply', () => {
    expect(parentsOf('engines/board-nested.html')).toEqual({
      501: null,
      502: '501',
      503: '502',
      504: '502',
      505: '504',
      506: '501',
      507: null,
      508: '507',
    });
  });
  it('sibling rows indented by a left margin one step deeper than the post they answer', () => {
    expect(parentsOf('engines/board-indent.html')).toEqual({
      601: null,
      602: '601',
      603: '602',
      604: '601',
      605: null,
      606: '605',
      607: '606',
      608: '607',
    });
  });
});

describe('why the page was left as it was', () => {
  useForOtherSites(anySite);
  it('says the tree could not be read for certain where nesting evidence conflicts, and nothing otherwise', () => {
    const skipped = board([0, 2, 1].map((d, i) => ({ indent: `data-depth="${d}"`, name: `user${i}`, words: says(i) })));
    expect(findSection(skipped, URL_OF)).toBeNull();
    expect(whyNoSection(skipped, URL_OF)).toBe('unclear-tree');
    const hn = fixtureDocument('native/hackernews-item-16909056-tech-company-career-ladders-2018.html');
    expect(whyNoSection(hn, URL_OF)).toBeNull();
    hn.querySelector('tr.athing.comtr td.ind img')!.setAttribute('width', '80'); // the first row claims depth 2
    expect(findSection(hn, URL_OF)).toBeNull();
    expect(whyNoSection(hn, URL_OF)).toBe('unclear-tree');
    expect(whyNoSection(parseDocument('<html><body><p>No discussion.</p></body></html>'), URL_OF)).toBeNull();
  });
});
