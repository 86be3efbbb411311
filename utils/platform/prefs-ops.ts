import { t, type MessageKey } from './i18n';
import { isRecord, own, ownCopy } from '@/utils/pipeline/own';
import {
  CONCERNS,
  LIMITS,
  validateBrands,
  validateFilters,
  validateNotes,
  validateView,
  type Concern,
  type Prefs,
} from './prefs';
import { PEOPLE_LIMITS, validatePeople } from './people-prefs';

// Changes to preferences as operations, not whole values. A surface (popup, settings, the view) edits its copy
// of the preferences; what it sends is the difference from what it started with: one field set, one list item
// added or removed, one map entry put or deleted. The single writer (prefs-store.ts) applies those operations
// over freshly read storage, so two surfaces that change different things never undo each other, and a
// surface that follows storage applies its own unsent operations over what arrives (they are idempotent).

/** How a field merges: a scalar is set whole; lists and maps per item; `keyed` lists (brands) per `id`. */
type FieldKind = 'scalar' | 'list' | 'map' | 'keyed';

const FIELDS: { [C in Concern]: Record<string, FieldKind> } = {
  view: { enabled: 'scalar', sites: 'map', view: 'scalar', sort: 'scalar', collapseRead: 'scalar' },
  filters: { minRating: 'scalar', mutedWords: 'list', mutedPeople: 'map', hideRepliesToMuted: 'scalar' },
  brands: { highlight: 'scalar', only: 'list', custom: 'keyed', disabled: 'list', style: 'scalar' },
  notes: { byPerson: 'map' },
  people: { tags: 'map', you: 'map' },
};

export const VALIDATE: { [C in Concern]: (raw: unknown) => Prefs[C] } = {
  view: validateView,
  filters: validateFilters,
  brands: validateBrands,
  notes: validateNotes,
  people: validatePeople,
};

export type PrefsOp =
  | { c: Concern; f: string; op: 'set'; value: unknown }
  | { c: Concern; f: string; op: 'add' | 'remove'; item: string }
  | { c: Concern; f: string; op: 'put'; key: string; value: unknown }
  | { c: Concern; f: string; op: 'delete'; key: string };

const OPS_BY_KIND: Record<FieldKind, string[]> = {
  scalar: ['set'],
  list: ['add', 'remove'],
  map: ['put', 'delete'],
  keyed: ['put', 'delete'],
};

type Obj = Record<string, unknown>;
const kindOf = (c: unknown, f: unknown): FieldKind | undefined =>
  typeof c === 'string' && (CONCERNS as string[]).includes(c) && typeof f === 'string'
    ? own(FIELDS[c as Concern], f)
    : undefined;

/** Whether an operation that arrived (a message, a batch) has a known field, a fitting kind and its operands. */
export function isPrefsOp(v: unknown): v is PrefsOp {
  if (!isRecord(v)) return false;
  const kind = kindOf(v.c, v.f);
  if (!kind || typeof v.op !== 'string' || !OPS_BY_KIND[kind].includes(v.op)) return false;
  if (v.op === 'add' || v.op === 'remove') return typeof v.item === 'string';
  if (v.op === 'put' || v.op === 'delete') return typeof v.key === 'string' && (v.op === 'delete' || 'value' in v);
  return 'value' in v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const idOf = (v: unknown) => (isRecord(v) && typeof v.id === 'string' ? v.id : '');

/** The operations that turn `base` into `next`, field by field. */
export function diffPrefs(base: Prefs, next: Prefs): PrefsOp[] {
  const ops: PrefsOp[] = [];
  for (const c of CONCERNS)
    for (const [f, kind] of Object.entries(FIELDS[c])) {
      const a = (base[c] as unknown as Obj)[f];
      const b = (next[c] as unknown as Obj)[f];
      if (same(a, b)) continue;
      ops.push(...diffField(c, f, kind, a, b));
    }
  return ops;
}

function diffField(c: Concern, f: string, kind: FieldKind, a: unknown, b: unknown): PrefsOp[] {
  if (kind === 'scalar') return [{ c, f, op: 'set', value: b }];
  if (kind === 'list') {
    const before = new Set(a as string[]);
    const after = new Set(b as string[]);
    const removed = [...before].filter((x) => !after.has(x));
    const added = [...after].filter((x) => !before.has(x));
    return [
      ...removed.map((item): PrefsOp => ({ c, f, op: 'remove', item })),
      ...added.map((item): PrefsOp => ({ c, f, op: 'add', item })),
    ];
  }
  const entries = (v: unknown): Array<[string, unknown]> =>
    kind === 'keyed' ? (v as unknown[]).map((x) => [idOf(x), x]) : Object.entries(v as Obj);
  const before = new Map(entries(a));
  const after = new Map(entries(b));
  const ops: PrefsOp[] = [];
  for (const key of before.keys()) if (!after.has(key)) ops.push({ c, f, op: 'delete', key });
  for (const [key, value] of after) if (!same(before.get(key), value)) ops.push({ c, f, op: 'put', key, value });
  return ops;
}

/** The last operation on each target: what a batch of edits amounts to (operations are idempotent). */
export function compactOps(ops: readonly PrefsOp[]): PrefsOp[] {
  const last = new Map<string, PrefsOp>();
  for (const op of ops) {
    const target = 'item' in op ? op.item : 'key' in op ? op.key : '';
    const id = `${op.c}\u0000${op.f}\u0000${op.op === 'set' ? '' : target}`;
    last.delete(id);
    last.set(id, op);
  }
  return Array.from(last.values());
}

export interface Applied {
  prefs: Prefs;
  /** Concerns an operation changed. */
  touched: Set<Concern>;
  /** Why operations were refused (a limit reached), in the reader's language. */
  refused: string[];
}

/** `ops` applied over `prefs`: each checked against the limits and validated, a bad one left out alone. */
export function applyOps(prefs: Prefs, ops: readonly PrefsOp[]): Applied {
  const out: Prefs = { ...prefs };
  const touched = new Set<Concern>();
  const refused = new Set<string>();
  for (const op of ops) {
    if (!isPrefsOp(op)) continue;
    const concern = out[op.c] as unknown as Obj;
    const problem = limitProblem(op, concern[op.f]);
    if (problem) {
      refused.add(problem);
      continue;
    }
    const draft = { ...concern, [op.f]: applyOne(op, concern[op.f]) };
    const valid = VALIDATE[op.c](draft) as unknown as Obj;
    // A value the schema does not accept would fall back to the default: leave the field as it was instead.
    if (op.op === 'set' && !same(valid[op.f], op.value)) continue;
    if (same(valid[op.f], concern[op.f])) continue;
    (out as unknown as Obj)[op.c] = valid;
    touched.add(op.c);
  }
  return { prefs: out, touched, refused: Array.from(refused) };
}

function applyOne(op: PrefsOp, field: unknown): unknown {
  switch (op.op) {
    case 'set':
      return op.value;
    case 'add':
      return (field as string[]).includes(op.item) ? field : [...(field as string[]), op.item];
    case 'remove':
      return (field as string[]).filter((x) => x !== op.item);
    case 'put':
    case 'delete':
      return Array.isArray(field) ? applyKeyed(op, field) : applyMap(op, field as Obj);
  }
}

function applyMap(op: PrefsOp & { key: string }, field: Obj): Obj {
  const next = ownCopy(field);
  if (op.op === 'put') next[op.key] = (op as { value: unknown }).value;
  else delete next[op.key];
  return next;
}

function applyKeyed(op: PrefsOp & { key: string }, field: unknown[]): unknown[] {
  const rest = field.filter((x) => idOf(x) !== op.key);
  if (op.op === 'delete') return rest;
  const value = (op as { value: unknown }).value;
  const at = field.findIndex((x) => idOf(x) === op.key);
  return at < 0 ? [...field, value] : field.map((x, i) => (i === at ? value : x));
}

const MAP_LIMITS: Record<string, { count: number; keyChars: number; full: MessageKey }> = {
  'notes.byPerson': { count: PEOPLE_LIMITS.notes, keyChars: PEOPLE_LIMITS.idChars, full: 'notesFull' },
  'people.tags': { count: PEOPLE_LIMITS.tags, keyChars: PEOPLE_LIMITS.idChars, full: 'tagsFull' },
  'filters.mutedPeople': { count: PEOPLE_LIMITS.mutes, keyChars: PEOPLE_LIMITS.idChars, full: 'mutesFull' },
  'people.you': { count: PEOPLE_LIMITS.sites, keyChars: PEOPLE_LIMITS.siteChars, full: 'listFull' },
  'view.sites': { count: LIMITS.listItems, keyChars: LIMITS.hostChars, full: 'listFull' },
};

/** Why an operation would pass a limit (the message), or null. Limits refuse, they never push an entry out. */
function limitProblem(op: PrefsOp, field: unknown): string | null {
  if (op.op === 'add') {
    if (op.item.trim().length > LIMITS.itemChars) return t('itemTooLong', String(LIMITS.itemChars));
    const list = field as string[];
    return !list.includes(op.item) && list.length >= LIMITS.listItems ? t('listFull', String(LIMITS.listItems)) : null;
  }
  if (op.op !== 'put') return null;
  if (Array.isArray(field))
    return !field.some((x) => idOf(x) === op.key) && field.length >= LIMITS.brands
      ? t('listFull', String(LIMITS.brands))
      : null;
  const limit = MAP_LIMITS[`${op.c}.${op.f}`];
  if (!limit) return null;
  if (op.key.length > limit.keyChars) return t('nameTooLong', String(limit.keyChars));
  // An entry about a person carries their name: one too long would be dropped when read back.
  const name = isRecord(op.value) ? op.value.name : op.value;
  if (typeof name === 'string' && name.trim().length > PEOPLE_LIMITS.nameChars)
    return t('nameTooLong', String(PEOPLE_LIMITS.nameChars));
  const has = own(field as Obj, op.key) !== undefined;
  return !has && Object.keys(field as Obj).length >= limit.count ? t(limit.full, String(limit.count)) : null;
}

/** Operations that make stored preferences hold what an imported concern holds: fields set, entries merged. */
export function importOps(c: Concern, value: Prefs[Concern]): PrefsOp[] {
  const ops: PrefsOp[] = [];
  for (const [f, kind] of fieldsOf(c)) {
    const v = (value as unknown as Obj)[f];
    if (kind === 'scalar') ops.push({ c, f, op: 'set', value: v });
    else if (kind === 'list') for (const item of v as string[]) ops.push({ c, f, op: 'add', item });
    else if (kind === 'map')
      for (const [key, x] of Object.entries(v as Obj)) ops.push({ c, f, op: 'put', key, value: x });
    else for (const x of v as unknown[]) ops.push({ c, f, op: 'put', key: idOf(x), value: x });
  }
  return ops;
}

/** The fields of one concern, by kind (for merging the two storage areas). */
export const fieldsOf = (c: Concern) => Object.entries(FIELDS[c]) as Array<[string, FieldKind]>;
