import { t } from '@/utils/platform/i18n';
import { DEFAULT_BRANDS, type BrandDef } from '@/utils/pipeline/highlight/brands';
import { splitList } from '@/utils/platform/prefs';
import { withBrand, withHighlight, withoutCustom, withUse } from './brand-edits';
import type { SectionProps } from './types';

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
const checked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

/** One brand of the dictionary: on, highlighted, name, colour, aliases, and Restore / Delete. */
export function BrandRow({ brand: b, allIds, prefs, change }: SectionProps & { brand: BrandDef; allIds: string[] }) {
  const builtIn = DEFAULT_BRANDS.some((d) => d.id === b.id);
  const customized = prefs.brands.custom.some((c) => c.id === b.id);
  const edit = (next: BrandDef) => change(withBrand(next));
  return (
    <tr data-brand-row={b.id}>
      <td>
        <input
          type="checkbox"
          aria-label={t('useBrand', b.label)}
          checked={!prefs.brands.disabled.includes(b.id)}
          onChange={(e) => change(withUse(b.id, checked(e)))}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('highlightBrand', b.label)}
          checked={prefs.brands.only.length === 0 || prefs.brands.only.includes(b.id)}
          onChange={(e) => change(withHighlight(b.id, checked(e), allIds))}
        />
      </td>
      <td>
        <input
          type="text"
          aria-label={t('nameOf', b.id)}
          value={b.label}
          onChange={(e) => edit({ ...b, label: value(e) })}
        />
      </td>
      <td>
        <input
          type="color"
          aria-label={t('colourOf', b.label)}
          value={b.color}
          onChange={(e) => edit({ ...b, color: value(e) })}
        />
      </td>
      <td>
        <input
          type="text"
          aria-label={t('aliasesOf', b.label)}
          value={b.aliases.join(', ')}
          onChange={(e) => edit({ ...b, aliases: splitList(value(e)) })}
        />
      </td>
      <td>
        {customized ? (
          <button type="button" class="tl-linkish" onClick={() => change(withoutCustom(b.id))}>
            {builtIn ? t('restore') : t('delete')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
