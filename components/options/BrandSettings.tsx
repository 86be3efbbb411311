import { t } from '@/utils/platform/i18n';
import { effectiveBrands } from '@/utils/pipeline/highlight/brands';
import { Toggle } from '@/components/shared/Toggle';
import { ChoiceSelect } from '@/components/shared/ChoiceSelect';
import { brandStyleLabels } from '@/components/shared/labels';
import { BrandRow } from './BrandRow';
import { NewBrandForm } from './NewBrandForm';
import type { Notice, SectionProps } from './types';

/** Highlighting on or off, the brand dictionary (built-ins and the reader's own), and a form for a new one. */
export function BrandSettings({ prefs, change, onNotice }: SectionProps & { onNotice(n: Notice): void }) {
  const brands = effectiveBrands(prefs.brands.custom, []);
  const allIds = brands.map((b) => b.id);
  return (
    <>
      <h2>{t('brands')}</h2>
      <Toggle
        label={t('highlightBrands')}
        checked={prefs.brands.highlight}
        onToggle={(highlight) => change((p) => ({ ...p, brands: { ...p.brands, highlight } }))}
      />
      <ChoiceSelect
        label={t('highlightStyle')}
        id="tl-brand-style"
        value={prefs.brands.style}
        labels={brandStyleLabels()}
        onChange={(style) => change((p) => ({ ...p, brands: { ...p.brands, style } }))}
      />
      <p>{t('aliasesHelp')}</p>
      <table aria-label={t('brandDictionary')}>
        <thead>
          <tr>
            <th>{t('colOn')}</th>
            <th>{t('colHighlight')}</th>
            <th>{t('colName')}</th>
            <th>{t('colColour')}</th>
            <th>{t('colAliases')}</th>
            <th>
              <span class="tl-sr-only">{t('colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {brands.map((b) => (
            <BrandRow key={b.id} brand={b} allIds={allIds} prefs={prefs} change={change} />
          ))}
        </tbody>
      </table>
      <NewBrandForm change={change} onNotice={onNotice} />
    </>
  );
}
