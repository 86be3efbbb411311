import { useState } from 'preact/hooks';
import { splitList } from '@/utils/platform/prefs';
import { withBrand } from './brand-edits';
import type { Notice, SectionProps } from './types';

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** Adds a brand of the reader's own: name, aliases (the name when none) and colour. */
export function NewBrandForm({ change, onNotice }: Pick<SectionProps, 'change'> & { onNotice(n: Notice): void }) {
  const [draft, setDraft] = useState({ label: '', aliases: '', color: '#7c3aed' });
  const set = (field: keyof typeof draft) => (e: Event) => {
    const v = value(e);
    setDraft((d) => ({ ...d, [field]: v }));
  };
  const add = (e: Event) => {
    e.preventDefault();
    const id = draft.label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 32);
    if (!id) return onNotice({ error: true, text: 'A brand needs a name with letters or digits.' });
    change(
      withBrand({
        id,
        label: draft.label.trim(),
        color: draft.color,
        aliases: splitList(draft.aliases || draft.label),
      }),
    );
    setDraft({ label: '', aliases: '', color: draft.color });
  };
  return (
    <form class="tl-actions" onSubmit={add}>
      <label>
        New brand <input type="text" value={draft.label} onInput={set('label')} />
      </label>
      <label>
        Aliases <input type="text" value={draft.aliases} onInput={set('aliases')} />
      </label>
      <label>
        Colour <input type="color" value={draft.color} onInput={set('color')} />
      </label>
      <button type="submit">Add brand</button>
    </form>
  );
}
