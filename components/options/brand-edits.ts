import type { BrandDef } from '@/utils/pipeline/highlight/brands';
import type { Prefs } from '@/utils/platform/prefs';

// Edits of the brand dictionary, as functions of the preferences (the settings page applies them in order).

const toggleIn = (list: string[], id: string, on: boolean) =>
  on ? Array.from(new Set([...list, id])) : list.filter((x) => x !== id);

/** A brand added or edited: it replaces a custom brand or built-in of the same id. */
export const withBrand =
  (b: BrandDef) =>
  (p: Prefs): Prefs => ({
    ...p,
    brands: { ...p.brands, custom: [...p.brands.custom.filter((c) => c.id !== b.id), b] },
  });

/** A custom brand deleted, or a built-in restored. */
export const withoutCustom =
  (id: string) =>
  (p: Prefs): Prefs => ({
    ...p,
    brands: { ...p.brands, custom: p.brands.custom.filter((c) => c.id !== id) },
  });

/** A brand switched on or off in the dictionary. */
export const withUse =
  (id: string, on: boolean) =>
  (p: Prefs): Prefs => ({
    ...p,
    brands: { ...p.brands, disabled: toggleIn(p.brands.disabled, id, !on) },
  });

/** A brand highlighted or not; `only` stays empty while every brand is highlighted. */
export const withHighlight =
  (id: string, on: boolean, allIds: string[]) =>
  (p: Prefs): Prefs => {
    const only = toggleIn(p.brands.only.length ? p.brands.only : allIds, id, on);
    return { ...p, brands: { ...p.brands, only: only.length === allIds.length ? [] : only } };
  };
