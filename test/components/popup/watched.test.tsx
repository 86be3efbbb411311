import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Popup, type PopupWatching } from '@/components/popup/Popup';
import { DEFAULT_PREFS } from '@/utils/platform/prefs';
import { applyWatchOp } from '@/utils/platform/watch-ops';
import { recordingSink } from '../../support/prefs-sink';

// The popup's watching: "Watch this discussion" where the tab has a view, and "Watched discussions" with
// their new posts, each opened by a click and unwatched by its own button.

const entry = (key: string, patch = {}) => ({
  ...applyWatchOp(
    {},
    {
      op: 'add',
      key,
      url: `https://f.example/${key}`,
      check: `https://f.example/${key}`,
      title: `Thread ${key}`,
      ids: [],
    },
    1,
  ).store[key]!,
  ...patch,
});

function mount(watching: PopupWatching) {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <Popup
      stored={DEFAULT_PREFS}
      hostname="forums.example"
      stats={null}
      sink={recordingSink().sink}
      onOpenOptions={() => {}}
      watching={watching}
    />,
    root,
  );
  return root;
}

describe('popup: watched discussions', () => {
  it('lists them with their new posts, opens one, unwatches one; toggles the tab’s discussion', () => {
    const actions = { onToggle: vi.fn(), onOpen: vi.fn(), onUnwatch: vi.fn() };
    const list = [entry('a', { fresh: 3 }), entry('b', { status: 'gone' }), entry('c')];
    const root = mount({ ...actions, info: { watched: true, title: 'Thread a' }, list });
    const region = root.querySelector('section[aria-labelledby]')!;
    expect(root.querySelector(`#${region.getAttribute('aria-labelledby')}`)!.textContent).toBe('Watched discussions');
    const items = Array.from(region.querySelectorAll('li'));
    expect(items.map((li) => li.querySelector('.tl-watched-state')!.textContent)).toEqual([
      '3 new',
      'This discussion is gone: the site says it no longer exists.',
      '',
    ]);
    items[0]!.querySelector('a')!.click();
    expect(actions.onOpen).toHaveBeenCalledWith('https://f.example/a');
    const unwatch = items[2]!.querySelector('button')!;
    expect(unwatch.getAttribute('aria-label')).toBe('Unwatch Thread c');
    unwatch.click();
    expect(actions.onUnwatch).toHaveBeenCalledWith('c');
    const toggle = root.querySelector<HTMLInputElement>('#tl-watch')!;
    expect(toggle.closest('label')!.textContent!.trim()).toBe('Watch this discussion');
    expect(toggle.checked).toBe(true);
    toggle.click();
    expect(actions.onToggle).toHaveBeenCalled();
  });

  it('offers no toggle where the tab has no view, and says when nothing is watched', () => {
    const root = mount({ onToggle: vi.fn(), onOpen: vi.fn(), onUnwatch: vi.fn(), info: null, list: [] });
    expect(root.querySelector('#tl-watch')).toBeNull();
    expect(root.querySelector('.tl-watched p')!.textContent).toMatch(/You watch no discussion yet/);
  });
});
