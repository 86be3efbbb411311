import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSectionView, type SectionView } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { withPeopleChange, type PeopleChange } from '@/utils/platform/people-prefs';
import { ARTICLE_URL, fixtureHtml } from '@/test/support/helpers';
import type { CommentSection } from '@/utils/pipeline/model';
import type { SignedIn } from '@/utils/pipeline/extract/signed-in';

// People in the view: mute and unmute from a comment, quotes of a muted person folded, replies to them hidden
// by choice, only one person's posts, tags, the reader's own comments and the replies to them (r / Shift+R).
// The fixture: MacRumors 2017, ten comments; 25853840 quotes 25853795, its parent.

const tick = () => new Promise((r) => setTimeout(r, 0));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(sel: string) => Array.from(document.querySelectorAll<T>(sel));
const item = (id: string) => $(`[role="treeitem"][data-comment-id="${id}"]`)!;
const view$ = () => $('[data-threadlight="thread"]')!;
const key = (el: Element, name: string, init: KeyboardEventInit = {}) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, ...init }));

let view: SectionView;
let section: CommentSection;
let prefs: Prefs;
const changes: PeopleChange[] = [];

function load(you: SignedIn | null = null, start: Partial<Prefs['filters']> = {}) {
  const parsed = new DOMParser().parseFromString(fixtureHtml('macrumors-2017-huawei-xiaomi.html'), 'text/html');
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  section = findSection(document, ARTICLE_URL)!;
  prefs = { ...DEFAULT_PREFS, filters: { ...DEFAULT_PREFS.filters, ...start } };
  changes.length = 0;
  view = createSectionView(section, {
    parts: viewParts,
    onViewPrefs: () => {},
    site: 'https://www.macrumors.com',
    you: () => you,
    onPeople: (change) => {
      changes.push(change);
      prefs = withPeopleChange(prefs, change);
      view.update(prefs);
    },
  });
  view.update(prefs);
}
const byId = (id: string) => section.comments.find((c) => c.id === id)!;
const menuOf = async (id: string) => {
  const author = byId(id).author;
  item(id).querySelector<HTMLButtonElement>(`button[aria-label="More for ${author}"]`)!.click();
  await tick();
  return item(id).querySelector<HTMLElement>('.tl-person-menu')!;
};
const button = (root: Element, text: RegExp) =>
  Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => text.test(b.textContent ?? ''))!;

describe('people in the view', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body></body>';
  });
  afterEach(() => view.destroy());

  it('mutes from a comment: their comments are placeholders and none of their words are left in the view', async () => {
    load();
    await tick();
    const muted = byId('25853795');
    const words = muted.ownText.split(/[.!?]/)[0]!.trim();
    expect(view$().textContent).toContain(words);
    button(await menuOf('25853795'), /^Mute /).click();
    await tick();
    expect(changes[0]).toMatchObject({ kind: 'mute', name: muted.author });
    for (const c of section.comments.filter((x) => x.author === muted.author))
      expect(item(c.id).dataset.filtered).toBe('muted-user');
    // The reply that quotes them: its quote folds to a line that does not show their words.
    const quote = item('25853840').querySelector<HTMLElement>('blockquote[data-muted-quote]')!;
    expect(quote.textContent).toBe('Quote of a muted person');
    expect(view$().textContent).not.toContain(words);
    expect($('.tl-count')!.textContent).toMatch(/hidden \(.*from a muted user/);
    // A click shows the quote; another folds it again.
    quote.querySelector('button')!.click();
    await tick();
    expect(item('25853840').querySelector('blockquote[data-muted-quote]')!.textContent).toContain(words.slice(0, 20));
    // Unmute from the placeholder.
    button(item('25853795'), /^Unmute /).click();
    await tick();
    expect(item('25853795').dataset.filtered).toBeUndefined();
    expect(prefs.filters.mutedPeople).toEqual({});
  });

  it('hides direct replies to a muted person when the reader chose so, and counts them', async () => {
    load(null, { hideRepliesToMuted: true });
    await tick();
    button(await menuOf('25853795'), /^Mute /).click();
    await tick();
    expect(item('25853840').dataset.filtered).toBe('reply-to-muted');
    expect($('.tl-count')!.textContent).toMatch(/a reply to a muted person/);
    expect(view.counts()!.byReason['reply-to-muted']).toBeGreaterThan(0);
  });

  it('shows only posts by one person, with what they answer as context, and clearing brings the tree back', async () => {
    load();
    await tick();
    const author = byId('25853840').author;
    button(await menuOf('25853840'), /^Only posts by /).click();
    await wait(200);
    await tick();
    const box = $<HTMLInputElement>('input[aria-label="Search comments"]')!;
    expect(box.value).toBe(`by:${author}`);
    const matches = $$('[data-search-match]').map((el) => el.dataset.commentId);
    expect(matches).toContain('25853840');
    for (const id of matches) expect(byId(id!).author).toBe(author);
    expect($$('[data-search-context]').map((el) => el.dataset.commentId)).toContain('25853795');
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await wait(50);
    expect($$('[role="treeitem"]')).toHaveLength(section.comments.length);
  });

  it('tags a person from the note editor and shows the tag beside each of their comments', async () => {
    load();
    await tick();
    const author = byId('25853795').author;
    item('25853795').querySelector<HTMLButtonElement>(`button[aria-label="Note on ${author}"]`)!.click();
    await tick();
    const form = item('25853795').querySelector('.tl-note-editor')!.shadowRoot!;
    const label = form.querySelector<HTMLInputElement>('input[type="text"]')!;
    label.value = 'battery nerd';
    label.dispatchEvent(new Event('input', { bubbles: true }));
    const color = form.querySelector<HTMLSelectElement>('select')!;
    color.value = 'green';
    color.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await tick();
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'tag', label: 'battery nerd', color: 'green', name: author }),
    ]);
    const tags = $$('[data-threadlight="tag"]');
    expect(tags.length).toBe(section.comments.filter((c) => c.author === author).length);
    expect(tags[0]!.textContent).toBe('battery nerd');
    expect(tags[0]!.dataset.tagColor).toBe('green');
  });

  it("marks the reader's comments and the replies to them, counts them, and r / Shift+R move between them", async () => {
    const me = byId('25853795');
    load({ name: me.author });
    await tick();
    expect(item('25853795').hasAttribute('data-you')).toBe(true);
    const replies = $$('[data-reply-to-you]').map((el) => el.dataset.commentId);
    expect(replies).toContain('25853840');
    expect($('.tl-count')!.textContent).toContain(`${replies.length} replies to you`);
    const first = $$('[role="treeitem"]')[0]!;
    first.focus();
    key(first, 'r');
    await wait(20);
    expect(document.activeElement?.getAttribute('data-comment-id')).toBe(replies[0]);
    key(document.activeElement!, 'R');
    await wait(20);
    expect(document.activeElement?.getAttribute('data-comment-id')).toBe(replies[0]);
  });
});
