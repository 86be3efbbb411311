import { t } from '@/utils/platform/i18n';
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
    if (!id) return onNotice({ error: true, text: t('brandNeedsName') });
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
        {t('newBrand')} <input type="text" value={draft.label} onInput={set('label')} />
      </label>
      <label>
        {t('aliases')} <input type="text" value={draft.aliases} onInput={set('aliases')} />
      </label>
      <label>
        {t('colour')} <input type="color" value={draft.color} onInput={set('color')} />
      </label>
      <button type="submit">{t('addBrand')}</button>
    </form>
  );
}
