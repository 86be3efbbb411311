import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSectionView, type SectionView, type SectionViewOptions } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { acceptSyntheticEvents } from '@/components/thread/reader-event';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { withPeopleChange } from '@/utils/platform/people-prefs';
import { everySiteId } from '@/utils/pipeline/people/person';
import { ARTICLE_URL, fakeIntersections, fixtureHtml } from '@/test/support/helpers';
// @ts-expect-error plain JS helper shared with the benchmarks
import { articleHtml, syntheticDiscussion } from '../../../scripts/lib/synthetic.mjs';

// Reading aids in the DOM: quote previews, backlinks, search (also of comments not rendered), notes, folded
// quotes of the parent. The fixture: MacRumors 2017, ten comments; 25853840 quotes 25853795 (its parent).

const tick = () => new Promise((r) => setTimeout(r, 0));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (done: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await tick();
};
const prefsWith = (view: Partial<Prefs['view']> = {}, rest: Partial<Prefs> = {}): Prefs => ({
  ...DEFAULT_PREFS,
  ...rest,
  view: { ...DEFAULT_PREFS.view, ...view },
});
const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(sel: string) => Array.from(document.querySelectorAll<T>(sel));
const items = () => $$('[data-threadlight="thread"] [role="treeitem"]');
const item = (id: string) => $(`[role="treeitem"][data-comment-id="${id}"]`)!;
/** Inside a note or its editor (closed shadow roots in a browser, opened for these tests: Private.tsx). */
const inside = (host: Element | null) => host!.shadowRoot!;
const editor = (id: string) => inside(item(id).querySelector('.tl-note-editor'));
const noteText = (n: Element) => inside(n).textContent;

function load(html: string, options: Partial<SectionViewOptions> = {}) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  const section = findSection(document, ARTICLE_URL)!;
  return { section, view: createSectionView(section, { parts: viewParts, onViewPrefs: () => {}, ...options }) };
}

/** Types into the header's search box and lets the search settle. */
async function search(text: string) {
  const box = $<HTMLInputElement>('input[aria-label="Search comments"]')!;
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await wait(200);
  await tick();
  return box;
}
const key = (el: Element, name: string, init: KeyboardEventInit = {}) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, ...init }));

describe('quote previews and backlinks', () => {
  let view: SectionView;
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body></body>';
    view = load(fixtureHtml('macrumors-2017-huawei-xiaomi.html')).view;
  });
  afterEach(() => view.destroy());

  it('folds a quote of the parent to one line that opens on request', async () => {
    view.update(prefsWith());
    await tick();
    const quote = item('25853840').querySelector('blockquote')!;
    expect(quote.dataset.quoteOf).toBe('25853795');
    expect(quote.hasAttribute('data-folded')).toBe(true);
    const fold = quote.querySelector<HTMLButtonElement>('.tl-quote-fold')!;
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    expect(fold.textContent).toMatch(/^Quote of the comment above: “.+”$/);
    fold.click();
    await tick();
    const open = item('25853840').querySelector('blockquote')!;
    expect(open.hasAttribute('data-folded')).toBe(false);
    expect(open.querySelector('.tl-quote-source button')).not.toBeNull();
    // The flat view has no parent above: nothing folds.
    view.update(prefsWith({ view: 'flat' }));
    await tick();
    expect($$('blockquote[data-folded]')).toHaveLength(0);
  });

  it('previews the quoted comment on focus, with its byline and text, and Escape closes it', async () => {
    view.update(prefsWith({ view: 'flat' }));
    await tick();
    const source = item('25853840').querySelector<HTMLButtonElement>('.tl-quote-source button')!;
    source.focus();
    await tick();
    const tip = $('[role="tooltip"][data-threadlight="preview"]')!;
    expect(tip).not.toBeNull();
    expect(source.getAttribute('aria-describedby')).toBe(tip.id);
    expect(tip.dataset.previewOf).toBe('25853795');
    const quoted = item('25853795').querySelector('.tl-body')!.textContent!;
    expect(tip.querySelector('.tl-body')!.textContent).toBe(quoted);
    // Drawn in the layer over the view, not inside the comment: the comment's box does not change.
    expect(item('25853840').contains(tip)).toBe(false);
    key(source, 'Escape');
    await tick();
    expect($('[data-threadlight="preview"]')).toBeNull();
  });

  it('previews one step further: a quote inside a preview previews its own source', async () => {
    view.update(prefsWith({ view: 'flat' }));
    await tick();
    // The backlink on 25853795 previews 25853840, which quotes 25853795 in turn.
    const backlink = $<HTMLAnchorElement>(`${'[data-comment-id="25853795"]'} a[data-comment-ref="25853840"]`)!;
    backlink.focus();
    await tick();
    const outer = $('[data-threadlight="preview"][data-preview-of="25853840"]')!;
    expect(outer).not.toBeNull();
    const inner = outer.querySelector<HTMLButtonElement>('.tl-quote-source button')!;
    inner.dispatchEvent(new MouseEvent('mouseenter'));
    await wait(200);
    expect($('[data-threadlight="preview"][data-preview-of="25853795"]')).not.toBeNull();
    expect($$('[data-threadlight="preview"]')).toHaveLength(2);
  });

  it('opens on a first tap and follows on the second (touch)', async () => {
    view.update(prefsWith({ view: 'flat' }));
    await tick();
    const source = item('25853840').querySelector<HTMLButtonElement>('.tl-quote-source button')!;
    source.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true }));
    source.click();
    await tick();
    expect($('[data-threadlight="preview"]')).not.toBeNull();
    expect(document.activeElement?.getAttribute('data-comment-id')).not.toBe('25853795');
    source.click();
    await tick();
    await tick();
    expect($('[data-threadlight="preview"]')).toBeNull();
    expect(document.activeElement?.getAttribute('data-comment-id')).toBe('25853795');
  });

  it('lists who quoted a comment; following a backlink shows and focuses that comment', async () => {
    view.update(prefsWith({}));
    await tick();
    const backlinks = item('25853795').querySelector(':scope > .tl-comment [data-threadlight="quoted-by"]')!;
    const refs = Array.from(backlinks.querySelectorAll<HTMLAnchorElement>('a[data-comment-ref]'));
    expect(refs.map((a) => a.dataset.commentRef)).toEqual(['25853840']);
    // Collapsed, the quoting reply is not rendered; the backlink still takes the reader there.
    item('25853795').querySelector<HTMLButtonElement>('.tl-toggle')!.click();
    await until(() => !$('[data-comment-id="25853840"]'));
    expect($('[data-comment-id="25853840"]')).toBeNull();
    $<HTMLAnchorElement>('[data-comment-ref="25853840"]')!.click();
    await until(() => document.activeElement === $('[data-comment-id="25853840"]'));
    expect(document.activeElement).toBe(item('25853840'));
    // A comment nobody quoted has no backlinks.
    expect(item('25853840').querySelector('[data-threadlight="quoted-by"]')).toBeNull();
  });
});

describe('search over the whole discussion', () => {
  let io: ReturnType<typeof fakeIntersections>;
  let view: SectionView;
  beforeEach(() => {
    io = fakeIntersections();
    document.documentElement.innerHTML = '<head></head><body></body>';
  });
  afterEach(() => {
    view.destroy();
    io.restore();
  });

  it('keeps matches and their ancestors, marks hits, counts, and clears with Escape', async () => {
    ({ view } = load(fixtureHtml('macrumors-2017-huawei-xiaomi.html')));
    view.update(prefsWith());
    await tick();
    const all = items().length;
    const box = await search('XIAOMI');
    const matches = $$('[data-search-match]');
    expect(matches.length).toBeGreaterThan(0);
    expect(items().length).toBeLessThan(all);
    for (const el of matches) expect(el.textContent!.toLowerCase()).toContain('xiaomi');
    for (const el of $$('[data-search-context]')) expect(el.querySelector('[data-search-match]')).not.toBeNull();
    for (const el of items())
      expect(el.hasAttribute('data-search-match') || el.hasAttribute('data-search-context')).toBe(true);
    expect($$('mark[data-search-hit]').every((m) => m.textContent!.toLowerCase() === 'xiaomi')).toBe(true);
    expect($('.tl-search-count')!.textContent).toBe(`${matches.length} ${matches.length === 1 ? 'match' : 'matches'}`);
    key(box, 'Escape');
    await wait(50);
    expect(items()).toHaveLength(all);
    expect($$('[data-search-match], mark[data-search-hit]')).toHaveLength(0);
  });

  it('finds comments that are not rendered and brings them with Enter / Shift+Enter', async () => {
    const comments = syntheticDiscussion(400, { quoteRate: 0 });
    comments[397].text = 'A late remark about Señor Müller and his phone.';
    comments[12].text = 'Early: muller said so.';
    ({ view } = load(articleHtml(comments)));
    view.update(prefsWith({ view: 'flat', sort: 'page' }));
    await tick();
    expect($(`[data-comment-id="${comments[397].id}"]`)).toBeNull();
    const box = await search('MULLER');
    await until(() => $$('[data-search-match]').length === 2);
    expect($$('[data-search-match]').map((el) => el.dataset.commentId)).toEqual([comments[12].id, comments[397].id]);
    expect($$('mark[data-search-hit]').map((m) => m.textContent)).toEqual(['muller', 'Müller']);
    key(box, 'Enter');
    await until(() => $('.tl-search-count')!.textContent === '1 of 2 matches');
    key(box, 'Enter', { shiftKey: true });
    await until(() => $('.tl-search-count')!.textContent === '2 of 2 matches');
    expect(document.activeElement).toBe(box);
  });

  it('finds what is in the model but not yet rendered in a long discussion', async () => {
    const comments = syntheticDiscussion(400, { quoteRate: 0 });
    comments[350].author = 'zebra_writer';
    ({ view } = load(articleHtml(comments)));
    view.update(prefsWith({ view: 'flat', sort: 'page' }));
    await tick();
    expect($(`[data-comment-id="${comments[350].id}"]`)).toBeNull();
    await search('Zebra_Writer');
    await until(() => items().length === 1);
    expect(items().map((el) => el.dataset.commentId)).toEqual([comments[350].id]);
  });

  it('"by:<name>" keeps one person\'s comments, not those that only mention the name', async () => {
    const comments = syntheticDiscussion(60, { quoteRate: 0 });
    for (const i of [7, 33]) comments[i].author = 'Zoë Writer';
    comments[20].text = 'I agree with zoe writer on this.';
    ({ view } = load(articleHtml(comments)));
    view.update(prefsWith({ view: 'flat', sort: 'page' }));
    await tick();
    await search('by:zoe writer');
    await until(() => $$('[data-search-match]').length === 2);
    expect($$('[data-search-match]').map((el) => el.dataset.commentId)).toEqual([comments[7].id, comments[33].id]);
    expect($('.tl-search-count')!.textContent).toMatch(/2 matches/);
  });
});

describe('notes on people', () => {
  let view: SectionView;
  afterEach(() => view.destroy());

  it('saves a note from a comment and shows it beside every comment by that author', async () => {
    document.documentElement.innerHTML = '<head></head><body></body>';
    const comments = syntheticDiscussion(12, { quoteRate: 0 });
    for (const i of [2, 5, 9]) comments[i].author = 'Repeat Poster';
    let prefs = prefsWith({ view: 'flat', sort: 'page' });
    const saved: Array<[string, string]> = [];
    // The same person: one profile (the avatar's link) on all three.
    let html = articleHtml(comments);
    for (const i of [2, 5, 9]) html = html.replace(`/members/${comments[i].id}"`, '/members/repeat-poster.7"');
    ({ view } = load(html, {
      onPeople: (change) => {
        if (change.kind === 'note') saved.push([change.name, change.text]);
        prefs = withPeopleChange(prefs, change);
        view.update(prefs);
      },
    }));
    view.update(prefs);
    await tick();
    const button = item(comments[5].id).querySelector<HTMLButtonElement>('button[aria-label="Note on Repeat Poster"]')!;
    expect(button).not.toBeNull();
    button.click();
    await tick();
    const area = editor(comments[5].id).querySelector<HTMLTextAreaElement>('textarea')!;
    expect(editor(comments[5].id).activeElement).toBe(area);
    area.value = 'Knows batteries';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    area.form!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await tick();
    expect(saved).toEqual([['Repeat Poster', 'Knows batteries']]);
    const notes = $$('[data-threadlight="note"]');
    expect(notes.map((n) => n.closest<HTMLElement>('[role="treeitem"]')!.dataset.commentId)).toEqual(
      [2, 5, 9].map((i) => comments[i].id),
    );
    expect(notes.every((n) => noteText(n) === 'Knows batteries')).toBe(true);
    // In the page's DOM the note's element holds no text of its own.
    expect(notes.every((n) => n.textContent === '')).toBe(true);
    // Keys typed in the editor stay there (j is not "next comment").
    item(comments[2].id).querySelector<HTMLButtonElement>('button[aria-label="Note on Repeat Poster"]')!.click();
    await tick();
    const again = editor(comments[2].id).querySelector<HTMLTextAreaElement>('textarea')!;
    expect(again.value).toBe('Knows batteries');
    key(again, 'j');
    expect(editor(comments[2].id).activeElement).toBe(again);
    editor(comments[2].id).querySelector<HTMLButtonElement>('.actions button:last-child')!.click();
    await tick();
    expect(saved.at(-1)).toEqual(['Repeat Poster', '']);
    expect($$('[data-threadlight="note"]')).toHaveLength(0);
  });

  it('treats authors named "__proto__", "constructor" or "toString" as people like any other', async () => {
    document.documentElement.innerHTML = '<head></head><body></body>';
    const comments = syntheticDiscussion(6, { quoteRate: 0 });
    ['__proto__', 'constructor', 'toString', 'valueOf'].forEach((name, i) => (comments[i].author = name));
    // The reader has a note on "constructor" only (stored as a plain object, as storage hands it back).
    const notes = JSON.parse(
      `{"byPerson": {"${everySiteId('constructor')}": {"name": "constructor", "text": "a real note"}}}`,
    ) as Prefs['notes'];
    ({ view } = load(articleHtml(comments), { onPeople: () => {} }));
    view.update({ ...prefsWith({ view: 'flat', sort: 'page' }), notes });
    await tick();
    const shown = $$('[data-threadlight="note"]');
    expect(shown.map(noteText)).toEqual(['a real note']);
    expect(shown[0]!.closest<HTMLElement>('[role="treeitem"]')!.dataset.commentId).toBe(comments[1].id);
    // No phantom note on "__proto__", and the editor of one starts empty, not "[object Object]".
    item(comments[0].id).querySelector<HTMLButtonElement>('button[aria-label="Note on __proto__"]')!.click();
    await tick();
    expect(editor(comments[0].id).querySelector<HTMLTextAreaElement>('textarea')!.value).toBe('');
    // Drawing them added nothing to Object.prototype in this world.
    const blank = {} as Record<string, unknown>;
    expect(['__k', '__e', '__c', '__', '__b', '__v'].filter((k) => k in blank)).toEqual([]);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it("ignores a page script's synthetic clicks on what saves or fetches", async () => {
    document.documentElement.innerHTML = '<head></head><body></body>';
    const comments = syntheticDiscussion(4, { quoteRate: 0 });
    const saved: string[] = [];
    const changes: unknown[] = [];
    ({ view } = load(articleHtml(comments), {
      onPeople: (change) => saved.push(change.kind),
      onViewPrefs: (change) => changes.push(change),
    }));
    view.update(prefsWith({ view: 'flat', sort: 'page' }));
    await tick();
    acceptSyntheticEvents(false);
    try {
      const first = item(comments[0].id);
      first.querySelector<HTMLButtonElement>('button[aria-label^="Note on"]')!.click(); // opening is harmless
      await tick();
      const form = editor(comments[0].id);
      form.querySelector<HTMLTextAreaElement>('textarea')!.value = 'planted by the page';
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      form.querySelector('form')!.requestSubmit();
      $$<HTMLButtonElement>('.tl-segmented button').forEach((b) => b.click());
      const sort = $<HTMLSelectElement>('.tl-header select')!;
      sort.value = 'newest';
      sort.dispatchEvent(new Event('change', { bubbles: true }));
      await tick();
      expect(saved).toEqual([]);
      expect(changes).toEqual([]);
    } finally {
      acceptSyntheticEvents(true);
    }
  });
});
