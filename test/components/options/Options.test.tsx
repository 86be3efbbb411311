import { render } from 'preact';
import { everySiteId } from '@/utils/pipeline/people/person';
import { describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/options/Options';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { exportSettings } from '@/utils/platform/settings-file';
import { recordingSink } from '../../support/prefs-sink';

const tick = () => new Promise((r) => setTimeout(r, 10));

function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  const { sink, changes } = recordingSink();
  render(<Options stored={DEFAULT_PREFS} sink={sink} />, root);
  return { root, changes };
}

const textareaAfter = (root: HTMLElement, label: string) =>
  Array.from(root.querySelectorAll('label'))
    .find((l) => l.textContent!.startsWith(label))!
    .querySelector('textarea')!;

async function importFile(root: HTMLElement, content: string) {
  const input = root.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([content], 'settings.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await vi.waitFor(() => expect(root.querySelector('[role="alert"], [role="status"]')).not.toBeNull());
}

describe('options page', () => {
  it('edits muted words and users, and flags an invalid pattern', async () => {
    const { root, changes } = mount();
    const words = textareaAfter(root, 'Muted words');
    words.value = 'spam\n/[broken/, /ok/i';
    words.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    expect(changes.at(-1)!.filters.mutedWords).toEqual(['spam', '/[broken/', '/ok/i']);
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('/[broken/');
    const users = textareaAfter(root, 'Muted names on every site');
    users.value = 'troll\n  other  ';
    users.dispatchEvent(new Event('input', { bubbles: true }));
    expect(changes.at(-1)!.filters.mutedPeople).toEqual({
      [everySiteId('troll')]: 'troll',
      [everySiteId('other')]: 'other',
    });
  });

  it('adds, recolours, disables and restores brands', async () => {
    const { root, changes } = mount();
    const form = root.querySelector('form')!;
    const [name, aliases] = Array.from(form.querySelectorAll('input[type="text"]')) as HTMLInputElement[];
    name!.value = 'Fairphone';
    name!.dispatchEvent(new Event('input', { bubbles: true }));
    aliases!.value = 'Fairphone, FP#';
    aliases!.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await tick();
    expect(changes.at(-1)!.brands.custom).toEqual([
      { id: 'fairphone', label: 'Fairphone', color: '#7c3aed', aliases: ['Fairphone', 'FP#'] },
    ]);
    const color = root.querySelector('input[aria-label="Colour of Apple"]') as HTMLInputElement;
    color.value = '#112233';
    color.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    expect(changes.at(-1)!.brands.custom.find((b) => b.id === 'apple')!.color).toBe('#112233');
    (root.querySelector('input[aria-label="Use Samsung"]') as HTMLInputElement).click();
    await tick();
    expect(changes.at(-1)!.brands.disabled).toEqual(['samsung']);
    (root.querySelector('[data-brand-row="apple"] button') as HTMLButtonElement).click();
    await tick();
    expect(changes.at(-1)!.brands.custom.map((b) => b.id)).toEqual(['fairphone']);
  });

  it('imports a good file and refuses a malformed one without changing anything', async () => {
    const { root, changes } = mount();
    await importFile(root, '{ this is not json');
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/not valid JSON.*Nothing was changed/);
    expect(changes).toHaveLength(0);
    await importFile(
      root,
      exportSettings({ ...DEFAULT_PREFS, filters: { ...DEFAULT_PREFS.filters, minRating: 9, mutedWords: ['x'] } }),
    );
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]!.filters.minRating).toBe(9);
    expect(textareaAfter(root, 'Muted words').value).toBe('x');
  });

  it('lists the sites the reader enabled, each with a remove button', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const removed: string[] = [];
    render(
      <Options
        stored={DEFAULT_PREFS}
        sink={recordingSink().sink}
        sites={['https://forum.example.org/*', 'http://old.example.net/*']}
        onRemoveSite={(o) => removed.push(o)}
      />,
      root,
    );
    const items = Array.from(root.querySelectorAll('.tl-sites li')).map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(items).toEqual(['https://forum.example.org Remove', 'http://old.example.net Remove']);
    (root.querySelector('button[aria-label="Remove http://old.example.net"]') as HTMLButtonElement).click();
    expect(removed).toEqual(['http://old.example.net/*']);
  });
});

describe('options page: people', () => {
  const SITE_ID = 'https://forums.example.org p:/members/kim.4';
  const stored: Prefs = {
    ...DEFAULT_PREFS,
    filters: { ...DEFAULT_PREFS.filters, mutedPeople: { [SITE_ID]: 'kim', [everySiteId('troll')]: 'troll' } },
    people: { tags: { [SITE_ID]: { name: 'kim', label: 'mod', color: 'teal' } }, you: {} },
  };
  function mountWith(prefs: Prefs) {
    const root = document.createElement('div');
    document.body.append(root);
    const { sink, changes } = recordingSink(prefs);
    render(<Options stored={prefs} sink={sink} />, root);
    return { root, changes };
  }
  const button = (root: HTMLElement, name: string) =>
    Array.from(root.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

  it('lists people muted on a site and tags, each removable; names muted everywhere stay under Filters', async () => {
    const { root, changes } = mountWith(stored);
    expect(textareaAfter(root, 'Muted names on every site').value).toBe('troll');
    expect(root.textContent).toContain('forums.example.org');
    button(root, 'Unmute kim').click();
    await tick();
    expect(changes.at(-1)!.filters.mutedPeople).toEqual({ [everySiteId('troll')]: 'troll' });
    button(root, 'Remove tag of kim').click();
    await tick();
    expect(changes.at(-1)!.people.tags).toEqual({});
  });

  it('reads "site name" lines as the reader\'s name per site, dropping what is not an address', async () => {
    const { root, changes } = mountWith(stored);
    const you = textareaAfter(root, 'Your name on each site');
    you.value = 'https://forums.example.org/some/page Jane Doe\nnot-a-site Bob\nhttps://other.example  kim ';
    you.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    expect(changes.at(-1)!.people.you).toEqual({
      'https://forums.example.org': 'Jane Doe',
      'https://other.example': 'kim',
    });
    const hide = Array.from(root.querySelectorAll('label'))
      .find((l) => l.textContent!.includes('Hide replies to muted people'))!
      .querySelector('input')!;
    hide.click();
    await tick();
    expect(changes.at(-1)!.filters.hideRepliesToMuted).toBe(true);
  });
});
