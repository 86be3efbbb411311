import type { BrandDef } from '@/utils/pipeline/highlight/brands';
import { SORT_MODES, type SortMode } from '@/utils/pipeline/arrange/order';
import { isRecord, nullRecord, own, ownCopy } from '@/utils/pipeline/own';
import { readMutes, readNotes, validatePeople, type Note, type PeoplePrefs } from './people-prefs';

// Preferences, one object per concern, each validated field by field: a stored value of the wrong shape
// falls back to that field's default and nothing else is lost (stored settings are untrusted input).
// Version 1 is the first schema; migrations.ts lifts it to the current version 3 (people known per site).

export const VIEWS = ['threaded', 'flat', 'original'] as const;
export type ViewMode = (typeof VIEWS)[number];

export interface ViewPrefs {
  /** Master switch. */
  enabled: boolean;
  /** Per-site switch by host without "www." ("macrumors.com": false turns it off there). */
  sites: Record<string, boolean>;
  view: ViewMode;
  sort: SortMode;
  /** On a return visit, threads that hold nothing new start collapsed. */
  collapseRead: boolean;
}

export interface FilterPrefs {
  minRating: number | null;
  /** Words or phrases (any case, whole words) and /regular expressions/. */
  mutedWords: string[];
  /** Muted people: person id (people/person.ts) → the name they were muted as. */
  mutedPeople: Record<string, string>;
  /** Direct replies to a muted person are placeholders too. */
  hideRepliesToMuted: boolean;
}

export interface BrandPrefs {
  highlight: boolean;
  /** Brand ids to highlight; empty means all. */
  only: string[];
  /** User-defined brands; one with a built-in id replaces that built-in. */
  custom: BrandDef[];
  /** Brand ids switched off. */
  disabled: string[];
  /** How mentions are drawn: a soft tint (default), an underline, or not at all (still marked for styles). */
  style: BrandStyle;
}

export const BRAND_STYLES = ['subtle', 'underline', 'off'] as const;
export type BrandStyle = (typeof BRAND_STYLES)[number];

export interface NotePrefs {
  /** The reader's notes on people, by person id: shown beside each of their comments on that site, or every site. */
  byPerson: Record<string, Note>;
}

export interface Prefs {
  view: ViewPrefs;
  filters: FilterPrefs;
  brands: BrandPrefs;
  notes: NotePrefs;
  people: PeoplePrefs;
}

export type Concern = keyof Prefs;
export const CONCERNS: Concern[] = ['view', 'filters', 'brands', 'notes', 'people'];
export const PREFS_VERSION = 3;

export const DEFAULT_PREFS: Prefs = {
  view: { enabled: true, sites: {}, view: 'threaded', sort: 'top', collapseRead: false },
  filters: { minRating: null, mutedWords: [], mutedPeople: {}, hideRepliesToMuted: false },
  brands: { highlight: true, only: [], custom: [], disabled: [], style: 'subtle' },
  notes: { byPerson: {} },
  people: { tags: {}, you: {} },
};

/** Bounds of what is kept; a write past one is refused with a message (prefs-ops.ts), never cut silently. */
export const LIMITS = {
  listItems: 500,
  itemChars: 200,
  hostChars: 253,
  brands: 200,
  aliases: 100,
  notes: 500,
  noteChars: 500,
  authorChars: 200,
};

type Obj = Record<string, unknown>;
const pick = <T>(v: unknown, ok: (x: unknown) => x is T, fallback: T): T => (ok(v) ? v : fallback);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);

/** A list of short strings; a wrong list falls back, wrong entries inside a good list are dropped. */
function strings(v: unknown, fallback: string[], max = LIMITS.itemChars): string[] {
  if (!Array.isArray(v)) return fallback;
  return v
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= max)
    .slice(0, LIMITS.listItems);
}

const BRAND_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const COLOR = /^#[0-9a-f]{6}$/i;

function brand(v: unknown): BrandDef | null {
  if (!isRecord(v) || typeof v.id !== 'string' || !BRAND_ID.test(v.id)) return null;
  const label = typeof v.label === 'string' && v.label.trim() ? v.label.trim().slice(0, 60) : v.id;
  const color = typeof v.color === 'string' && COLOR.test(v.color) ? v.color : '#888888';
  return { id: v.id, label, color, aliases: strings(v.aliases, [], 60).slice(0, LIMITS.aliases) };
}

export function validateView(raw: unknown): ViewPrefs {
  const d = DEFAULT_PREFS.view;
  const v = isRecord(raw) ? raw : {};
  const sites = nullRecord<boolean>();
  if (isRecord(v.sites))
    for (const [host, on] of Object.entries(v.sites))
      if (typeof on === 'boolean' && host.length <= LIMITS.hostChars && /^[a-z0-9.-]+$/i.test(host))
        sites[host.toLowerCase()] = on;
  return {
    enabled: pick(v.enabled, isBool, d.enabled),
    sites,
    view: pick(v.view, oneOf(VIEWS), d.view),
    sort: pick(v.sort, oneOf(SORT_MODES), d.sort),
    collapseRead: pick(v.collapseRead, isBool, d.collapseRead),
  };
}

export function validateFilters(raw: unknown): FilterPrefs {
  const d = DEFAULT_PREFS.filters;
  const v = isRecord(raw) ? raw : {};
  const min = v.minRating;
  return {
    minRating:
      min === null
        ? null
        : typeof min === 'number' && Number.isFinite(min)
          ? Math.round(Math.max(-1e6, Math.min(1e6, min))) + 0 /* no -0 */
          : d.minRating,
    mutedWords: strings(v.mutedWords, [...d.mutedWords]),
    mutedPeople: readMutes(v.mutedPeople),
    hideRepliesToMuted: pick(v.hideRepliesToMuted, isBool, d.hideRepliesToMuted),
  };
}

export function validateBrands(raw: unknown): BrandPrefs {
  const d = DEFAULT_PREFS.brands;
  const v = isRecord(raw) ? raw : {};
  const ids = (x: unknown) => strings(x, []).filter((id) => BRAND_ID.test(id));
  return {
    highlight: pick(v.highlight, isBool, d.highlight),
    only: Array.isArray(v.only) ? ids(v.only) : [...d.only],
    custom: Array.isArray(v.custom)
      ? v.custom
          .map(brand)
          .filter((b): b is BrandDef => b !== null)
          .slice(0, LIMITS.brands)
      : [],
    disabled: Array.isArray(v.disabled) ? ids(v.disabled) : [...d.disabled],
    style: pick(v.style, oneOf(BRAND_STYLES), d.style),
  };
}

export function validateNotes(raw: unknown): NotePrefs {
  return { byPerson: readNotes(isRecord(raw) ? raw.byPerson : null) };
}

export function validatePrefs(raw: unknown): Prefs {
  const v = isRecord(raw) ? raw : {};
  return {
    view: validateView(v.view),
    filters: validateFilters(v.filters),
    brands: validateBrands(v.brands),
    notes: validateNotes(v.notes),
    people: validatePeople(v.people),
  };
}

/** "a, b ,,c" → ["a", "b", "c"]; a /regex/ containing commas stays whole. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\s*\/(?:\\.|[^/\\])+\/[a-z]*\s*(?=,|$)|[^,]+/g)) {
    const t = m[0].trim();
    if (t) out.push(t);
  }
  return out;
}

export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

export function enabledOn(prefs: ViewPrefs, hostname: string): boolean {
  return prefs.enabled && own(prefs.sites, siteKey(hostname)) !== false;
}

/** The preferences with some view preferences changed (an edit for usePrefsState's `change`). */
export const withView =
  (change: Partial<ViewPrefs>) =>
  (p: Prefs): Prefs => ({ ...p, view: { ...p.view, ...change } });

/** The sites map with one site switched: on removes its entry (the default), off records false. */
export function withSite(sites: Record<string, boolean>, site: string, on: boolean): Record<string, boolean> {
  const next = ownCopy(sites);
  if (on) delete next[site];
  else next[site] = false;
  return next;
}
