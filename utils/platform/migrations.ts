import { splitList, type Concern } from './prefs';
import { isRecord } from '@/utils/pipeline/own';

// Stored preferences of older schema versions, lifted to the current one by WXT's storage.defineItem.

type Obj = Record<string, unknown>;

// ---- Version 1 (the first schema) and its migrations to version 2 ----
// v1 view:    { enabled: boolean, mode: 'tree' | 'list' | 'off', sort: 'votes' | 'new' | 'old' | 'page' }
// v1 filters: { minRating: string | number, muted: string (comma-separated words) }
// v1 brands:  { highlight: boolean, enabled: string[] (brand ids to highlight) }

export function migrateViewV1(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const view = ({ tree: 'threaded', list: 'flat', off: 'original' } as Obj)[String(old.mode)];
  const sort = ({ votes: 'top', new: 'newest', old: 'oldest', page: 'page' } as Obj)[String(old.sort)];
  return { enabled: old.enabled, sites: {}, view, sort };
}

export function migrateFiltersV1(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const min =
    typeof old.minRating === 'string' ? (old.minRating.trim() === '' ? null : Number(old.minRating)) : old.minRating;
  const muted = typeof old.muted === 'string' ? splitList(old.muted) : [];
  return { minRating: Number.isFinite(min) ? min : null, mutedWords: muted, mutedUsers: [] };
}

export function migrateBrandsV1(old: unknown): unknown {
  if (!isRecord(old)) return old;
  return { highlight: old.highlight, only: Array.isArray(old.enabled) ? old.enabled : [], custom: [], disabled: [] };
}

export const MIGRATIONS: { [K in Concern]: Record<number, (old: unknown) => unknown> } = {
  view: { 2: migrateViewV1 },
  filters: { 2: migrateFiltersV1 },
  brands: { 2: migrateBrandsV1 },
  // Notes came with version 2: nothing older to lift.
  notes: {},
};
