import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { recordingSink } from '../../support/prefs-sink';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** The control a label names, as a screen reader or a test finds it. */
function byLabel(root: HTMLElement, name: string): HTMLInputElement | HTMLSelectElement {
  const label = Array.from(root.querySelectorAll('label')).find((l) => l.textContent!.trim() === name);
  if (!label) throw new Error(`no label "${name}"`);
  const target = label.htmlFor ? root.querySelector(`#${label.htmlFor}`) : label.querySelector('input, select');
  return target as HTMLInputElement;
}

function mount(
  hostname: string | null = 'www.macrumors.com',
  stats: Parameters<typeof Popup>[0]['stats'] = {
    found: true,
    enabled: true,
    total: 10,
    shown: 8,
    hidden: 2,
    source: 'macrumors-2017',
  },
) {
  const root = document.createElement('div');
  document.body.append(root);
  const { sink, changes } = recordingSink();
  render(<Popup stored={DEFAULT_PREFS} hostname={hostname} stats={stats} sink={sink} onOpenOptions={() => {}} />, root);
  return { root, changes };
}

describe('popup', () => {
  it('has every contract control, named exactly', () => {
    const { root } = mount();
    expect((byLabel(root, 'Enable on this site') as HTMLInputElement).type).toBe('checkbox');
    expect(Array.from((byLabel(root, 'View') as HTMLSelectElement).options).map((o) => o.text)).toEqual([
      'Threaded',
      'Flat',
      'Original',
    ]);
    expect(Array.from((byLabel(root, 'Sort') as HTMLSelectElement).options).map((o) => o.text)).toEqual([
      'Top rated',
      'Newest',
      'Oldest',
      'Page order',
    ]);
    expect((byLabel(root, 'Highlight brands') as HTMLInputElement).type).toBe('checkbox');
    expect((byLabel(root, 'Minimum rating') as HTMLInputElement).type).toBe('number');
    expect((byLabel(root, 'Muted words') as HTMLInputElement).type).toBe('text');
    expect(root.textContent).toContain('8 of 10 comments shown, 2 hidden by filters.');
  });

  it('saves each change as whole preferences', async () => {
    const { root, changes } = mount();
    const sort = byLabel(root, 'Sort') as HTMLSelectElement;
    sort.value = 'oldest';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
    const min = byLabel(root, 'Minimum rating') as HTMLInputElement;
    min.value = '5';
    min.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    const muted = byLabel(root, 'Muted words') as HTMLInputElement;
    muted.value = 'foo, /ba+r/i';
    muted.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    min.value = '';
    min.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    expect(changes.map((c) => [c.view.sort, c.filters.minRating, c.filters.mutedWords])).toEqual([
      ['oldest', null, []],
      ['oldest', 5, []],
      ['oldest', 5, ['foo', '/ba+r/i']],
      ['oldest', null, ['foo', '/ba+r/i']],
    ]);
  });

  it('turns Threadlight off for this site only', async () => {
    const { root, changes } = mount();
    const enable = byLabel(root, 'Enable on this site') as HTMLInputElement;
    enable.click();
    await tick();
    expect(changes.at(-1)!.view).toMatchObject({ enabled: true, sites: { 'macrumors.com': false } });
    expect(enable.checked).toBe(false);
    enable.click();
    await tick();
    expect(changes.at(-1)!.view.sites).toEqual({});
  });

  it('says when the tab has no comment section', () => {
    expect(mount(null, null).root.textContent).toContain('No comment section on this tab.');
    expect(
      mount('www.macrumors.com', { found: false, enabled: true, total: 0, shown: 0, hidden: 0, source: null }).root
        .textContent,
    ).toContain('No comment section found');
  });

  it('says how the discussion nests, and why nothing is shown when Threadlight stepped aside', () => {
    const base = { found: true, enabled: true, total: 137, shown: 137, hidden: 0, source: 'hackernews' };
    const shape = (s: Parameters<typeof mount>[1]) => mount('news.ycombinator.com', s).root.querySelector('.tl-shape');
    expect(shape({ ...base, levels: 4, nesting: 'site' })!.textContent).toBe(
      '137 comments in 4 levels, nesting from the site.',
    );
    expect(shape({ ...base, levels: 3, nesting: 'quotes' })!.textContent).toBe(
      '137 comments in 3 levels, nested by their quotes and replies.',
    );
    expect(shape({ ...base, levels: 1, nesting: 'flat' })!.textContent).toBe(
      '137 comments, none nested under another.',
    );
    expect(shape({ ...base, enabled: false, levels: 4, nesting: 'site' })).toBeNull();
    const aside = { found: false, enabled: true, total: 0, shown: 0, hidden: 0, source: null, aside: 'unclear-tree' };
    expect(mount('news.ycombinator.com', aside as never).root.textContent).toMatch(
      /stepped aside: the comments here look nested, but their tree could not be read/,
    );
  });

  it('on a site that is not built in, asks the browser for it, gives it back, or threads the page once', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const calls: string[] = [];
    let answer = true;
    const actions = {
      request: async (o: string[]) => (calls.push(`request ${o.join(' ')}`), answer),
      remove: async (o: string) => (calls.push(`remove ${o}`), true),
      threadOnce: async () => (calls.push('once'), true),
    };
    render(
      <Popup
        stored={DEFAULT_PREFS}
        hostname="forum.example.org"
        stats={null}
        sink={recordingSink().sink}
        onOpenOptions={() => {}}
        access={{ kind: 'other', origin: 'https://forum.example.org/*', granted: false, frames: [] }}
        actions={actions}
      />,
      root,
    );
    const enable = byLabel(root, 'Enable on this site') as HTMLInputElement;
    expect(enable.checked).toBe(false);
    const once = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Thread this page once')!;
    once.click();
    await tick();
    expect(calls).toEqual(['once']);
    answer = false;
    enable.click();
    // The request is made inside the click, before anything is awaited.
    expect(calls.at(-1)).toBe('request https://forum.example.org/*');
    await tick();
    expect(enable.checked).toBe(false);
    expect(root.textContent).toContain('did not get your permission');
    answer = true;
    enable.click();
    await tick();
    expect(enable.checked).toBe(true);
    expect(root.textContent).not.toContain('Thread this page once');
    enable.click();
    await tick();
    expect(calls.at(-1)).toBe('remove https://forum.example.org/*');
    expect(enable.checked).toBe(false);
  });

  it("a page that embeds Disqus: enabling the site asks for the frame's origin in the same request", async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const calls: string[] = [];
    const actions = {
      request: async (o: string[]) => (calls.push(`request ${o.join(' ')}`), true),
      remove: async (o: string) => (calls.push(`remove ${o}`), true),
      threadOnce: async () => true,
    };
    const show = (granted: boolean) =>
      render(
        <Popup
          stored={DEFAULT_PREFS}
          hostname="news.example.org"
          stats={null}
          sink={recordingSink().sink}
          onOpenOptions={() => {}}
          access={{ kind: 'other', origin: 'https://news.example.org/*', granted, frames: ['https://disqus.com/*'] }}
          actions={actions}
        />,
        root,
      );
    show(false);
    (byLabel(root, 'Enable on this site') as HTMLInputElement).click();
    expect(calls).toEqual(['request https://news.example.org/* https://disqus.com/*']);
    await tick();
    render(null, root);
    // Enabled before, its frame not yet: one button asks for the frame alone.
    show(true);
    const allow = Array.from(root.querySelectorAll('button')).find((b) => /comments frame/.test(b.textContent ?? ''))!;
    expect(allow.textContent).toBe('Also enable its comments frame (disqus.com)');
    allow.click();
    expect(calls.at(-1)).toBe('request https://disqus.com/*');
    await tick();
    expect(Array.from(root.querySelectorAll('button')).some((b) => /comments frame/.test(b.textContent ?? ''))).toBe(
      false,
    );
  });
});

describe("popup: where the reader's people data is", () => {
  it('says when notes, tags or mutes are kept partly on this device, as followPrefs reports it', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { followPrefs } = await import('@/utils/platform/followed-prefs');
    const { changePrefs } = await import('@/utils/platform/prefs-store');
    const { everySiteId } = await import('@/utils/pipeline/people/person');
    fakeBrowser.reset();
    const none = await followPrefs(() => {});
    expect(none.notice()).toBeNull();
    await changePrefs(
      Array.from({ length: 300 }, (_, i) => ({
        c: 'notes' as const,
        f: 'byPerson',
        op: 'put' as const,
        key: everySiteId(`p${i}`),
        value: { name: `p${i}`, text: 'a note long enough to fill the sync item' },
      })),
    );
    const some = await followPrefs(() => {});
    const root = document.createElement('div');
    document.body.append(root);
    const { sink } = recordingSink();
    render(
      <Popup
        stored={some.stored()}
        hostname={null}
        stats={null}
        sink={sink}
        notice={some.notice()}
        onOpenOptions={() => {}}
      />,
      root,
    );
    await tick();
    expect(root.querySelector('.tl-notice')!.textContent).toMatch(/kept on this device only/);
  });
});
