import { splitList, type Concern } from './prefs';
import { isRecord } from '@/utils/pipeline/own';
import { everySite } from './people-prefs';

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

// ---- Version 2 and its migrations to version 3: people known per site ----
// v2 filters: { ..., mutedUsers: string[] (names, compared on every site) }
// v2 notes:   { byAuthor: { [lower-cased name]: string } }
// Each name becomes that name on every site (people-prefs.ts everySite): nothing the reader kept is lost.

export function migrateFiltersV2(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const { mutedUsers, ...rest } = old;
  const names = Array.isArray(mutedUsers) ? mutedUsers.filter((n): n is string => typeof n === 'string') : [];
  return { ...rest, mutedPeople: everySite(names.map((n) => [n, n.trim()])), hideRepliesToMuted: false };
}

export function migrateNotesV2(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const { byAuthor, ...rest } = old;
  const entries = isRecord(byAuthor) ? Object.entries(byAuthor) : [];
  return { ...rest, byPerson: everySite(entries.map(([name, text]) => [name, { name: name.trim(), text }])) };
}

export const MIGRATIONS: { [K in Concern]: Record<number, (old: unknown) => unknown> } = {
  view: { 2: migrateViewV1 },
  filters: { 2: migrateFiltersV1, 3: migrateFiltersV2 },
  brands: { 2: migrateBrandsV1 },
  // Notes came with version 2: nothing older to lift.
  notes: { 3: migrateNotesV2 },
  // People came with version 3.
  people: {},
};
