import { effectiveBrands } from '@/utils/pipeline/highlight/brands';
import { Toggle } from '@/components/shared/Toggle';
import { ChoiceSelect } from '@/components/shared/ChoiceSelect';
import { BRAND_STYLE_LABELS } from '@/components/shared/labels';
import { BrandRow } from './BrandRow';
import { NewBrandForm } from './NewBrandForm';
import type { Notice, SectionProps } from './types';

/** Highlighting on or off, the brand dictionary (built-ins and the reader's own), and a form for a new one. */
export function BrandSettings({ prefs, change, onNotice }: SectionProps & { onNotice(n: Notice): void }) {
  const brands = effectiveBrands(prefs.brands.custom, []);
  const allIds = brands.map((b) => b.id);
  return (
    <>
      <h2>Brands</h2>
      <Toggle
        label="Highlight brands"
        checked={prefs.brands.highlight}
        onToggle={(highlight) => change((p) => ({ ...p, brands: { ...p.brands, highlight } }))}
      />
      <ChoiceSelect
        label="Highlight style"
        id="tl-brand-style"
        value={prefs.brands.style}
        labels={BRAND_STYLE_LABELS}
        onChange={(style) => change((p) => ({ ...p, brands: { ...p.brands, style } }))}
      />
      <p>
        Aliases are comma-separated; start one with <code>=</code> to match its exact case, use <code>#</code> for a
        number (“Mi #”).
      </p>
      <table aria-label="Brand dictionary">
        <thead>
          <tr>
            <th>On</th>
            <th>Highlight</th>
            <th>Name</th>
            <th>Colour</th>
            <th>Aliases</th>
            <th>
              <span class="tl-sr-only">Actions</span>
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
