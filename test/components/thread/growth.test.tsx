import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSectionView, type SectionView } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { ARTICLE_URL, fakeIntersections } from '@/test/support/helpers';
import type { Comment, CommentSection } from '@/utils/pipeline/model';
import { reasonOf } from '@/utils/pipeline/people/marks';
// @ts-expect-error plain JS helper shared with the benchmarks
import { articleHtml, syntheticDiscussion } from '../../../scripts/lib/synthetic.mjs';

// A discussion that only grows (posts arriving while watched, later pages loaded) keeps what the view drew:
// no comment's element is made again, and only the new post and the comments whose drawing changed are
// rendered again; any other new model (a filter) still draws every comment again.

// Every comment's item asks for its filter reason once per render: counting the asks counts the renders.
vi.mock('@/utils/pipeline/people/marks', async (actual) => {
  const real = await actual<typeof import('@/utils/pipeline/people/marks')>();
  return { ...real, reasonOf: vi.fn(real.reasonOf) };
});
const asks = vi.mocked(reasonOf);
const rendersOf = (id: string) => asks.mock.calls.filter(([asked]) => asked === id).length;

const tick = () => new Promise((r) => setTimeout(r, 0));
const items = () => Array.from(document.querySelectorAll<HTMLElement>('[data-threadlight="thread"] [role="treeitem"]'));
const prefs = (view: Partial<Prefs['view']>, filters: Partial<Prefs['filters']> = {}): Prefs => ({
  ...DEFAULT_PREFS,
  view: { ...DEFAULT_PREFS.view, ...view },
  filters: { ...DEFAULT_PREFS.filters, ...filters },
});

describe('a discussion that grows', () => {
  let io: ReturnType<typeof fakeIntersections>;
  let view: SectionView;
  let section: CommentSection;

  beforeEach(async () => {
    io = fakeIntersections();
    document.documentElement.innerHTML = '<head></head><body></body>';
    const html = articleHtml(syntheticDiscussion(30, { seed: 3 }));
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    document.body.replaceWith(document.importNode(parsed.body, true));
    section = findSection(document, ARTICLE_URL)!;
    view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
    view.update(prefs({ sort: 'oldest' }));
    for (let i = 0; i < 50 && items().length < 30; i++) await tick();
  });
  afterEach(() => {
    view.destroy();
    io.restore();
  });

  const grow = async (...more: Comment[]) => {
    section = { ...section, comments: [...section.comments, ...more] };
    await view.growSection(section);
    for (let i = 0; i < 10; i++) await tick();
  };
  const arrival = (id: string): Comment => ({
    ...section.comments.at(-1)!,
    id,
    index: section.comments.length,
    quotes: [],
    ownText: `${id} words`,
  });

  it('draws the new post and the thread it joined, makes no comment again, and leaves the other threads be', async () => {
    const before = new Map(items().map((el) => [el.dataset.commentId!, el]));
    const roots = items().filter((el) => el.getAttribute('aria-level') === '1');
    const joined = roots.at(-1)!.dataset.commentId!;
    const inJoined = new Set(
      [roots.at(-1)!, ...roots.at(-1)!.querySelectorAll<HTMLElement>('[role="treeitem"]')].map(
        (el) => el.dataset.commentId!,
      ),
    );
    asks.mockClear();
    await grow({ ...arrival('arrival-1'), parentHint: joined });
    expect(items()).toHaveLength(31);
    expect(items().filter((el) => before.get(el.dataset.commentId!) === el)).toHaveLength(30);
    expect(document.querySelector(`[data-comment-id="${joined}"] [data-comment-id="arrival-1"]`)).not.toBeNull();
    expect(rendersOf('arrival-1')).toBeGreaterThan(0);
    expect(rendersOf(joined)).toBe(3);
    // The other threads are not rendered again (their two asks: the view telling what changed).
    const others = items().filter((el) => !inJoined.has(el.dataset.commentId!) && el.dataset.commentId !== 'arrival-1');
    expect(others.length).toBeGreaterThan(20);
    for (const el of others) expect(rendersOf(el.dataset.commentId!), el.dataset.commentId).toBe(2);
  });

  it('a new thread at the end keeps every element, the others told only their new count', async () => {
    const before = new Map(items().map((el) => [el.dataset.commentId!, el]));
    await grow(arrival('arrival-2'));
    expect(items().filter((el) => before.get(el.dataset.commentId!) === el)).toHaveLength(30);
    const roots = items().filter((el) => el.getAttribute('aria-level') === '1');
    expect(roots.at(-1)!.dataset.commentId).toBe('arrival-2');
    expect(roots.every((el) => el.getAttribute('aria-setsize') === String(roots.length))).toBe(true);
  });

  it('marks what arrived new, the unread line before it, drawing only the comments whose marks changed', async () => {
    await grow(arrival('arrival-1'));
    const before = new Map(items().map((el) => [el.dataset.commentId!, el]));
    asks.mockClear();
    view.setFresh(new Set(['arrival-1']));
    for (let i = 0; i < 10; i++) await tick();
    const line = document.querySelector('[data-threadlight="unread-line"]');
    expect(line?.nextElementSibling?.getAttribute('data-comment-id')).toBe('arrival-1');
    expect(document.querySelector('[data-comment-id="arrival-1"]')!.hasAttribute('data-new')).toBe(true);
    expect(items().filter((el) => before.get(el.dataset.commentId!) === el)).toHaveLength(31);
    const others = items().filter((el) => el.dataset.commentId !== 'arrival-1');
    for (const el of others) expect(rendersOf(el.dataset.commentId!), el.dataset.commentId).toBe(2);
    expect(rendersOf('arrival-1')).toBe(3);
  });

  it('a filter changed after it grew draws every comment again', async () => {
    await grow(arrival('arrival-1'));
    asks.mockClear();
    view.update(prefs({ sort: 'oldest' }, { minRating: 1000 }));
    for (let i = 0; i < 10; i++) await tick();
    const ids = items().map((el) => el.dataset.commentId!);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(rendersOf(id), id).toBeGreaterThan(0);
  });
});
