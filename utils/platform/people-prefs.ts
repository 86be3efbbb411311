import { isRecord, nullRecord, own, ownCopy } from '@/utils/pipeline/own';
import { everySiteId, parsePersonId } from '@/utils/pipeline/people/person';

// What the reader keeps about people, by person id (utils/pipeline/people/person.ts: a site and a profile or a
// name): notes, tags and mutes, and the reader's own name per site. Every entry carries the name it was made
// with, so settings can list it; each is validated alone and a bad one is dropped alone. Ids and names are
// plain strings in null-prototype records: "__proto__" or "constructor" are people like any other.

export const PEOPLE_LIMITS = {
  notes: 500,
  tags: 500,
  mutes: 1000,
  sites: 500,
  nameChars: 200,
  noteChars: 500,
  labelChars: 24,
  idChars: 1200,
  siteChars: 300,
};

/** Tag colours: each a pair of shades drawn for light and dark pages (contrast checked), never a free colour. */
export const TAG_COLORS = ['gray', 'red', 'orange', 'green', 'teal', 'blue', 'purple', 'pink'] as const;
export type TagColor = (typeof TAG_COLORS)[number];

export interface Note {
  name: string;
  text: string;
}

export interface Tag {
  name: string;
  label: string;
  color: TagColor;
}

export interface PeoplePrefs {
  /** Tags by person id. */
  tags: Record<string, Tag>;
  /** The reader's own name by site origin, set in settings (where the page does not say who is signed in). */
  you: Record<string, string>;
}

const text = (v: unknown, max: number): string | null => {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t && t.length <= max ? t : null;
};

const nameOf = (v: unknown) => text(v, PEOPLE_LIMITS.nameChars);

/** Entries of a stored map whose key is a person id, each checked by `read`, at most `limit` of them. */
function byPerson<T>(raw: unknown, limit: number, read: (v: unknown) => T | null): Record<string, T> {
  const out = nullRecord<T>();
  if (!isRecord(raw)) return out;
  let n = 0;
  for (const [id, v] of Object.entries(raw)) {
    if (n >= limit) break;
    if (!parsePersonId(id)) continue;
    const entry = read(v);
    if (entry === null) continue;
    out[id] = entry;
    n++;
  }
  return out;
}

export function readNote(v: unknown): Note | null {
  if (!isRecord(v)) return null;
  const name = nameOf(v.name);
  const t = typeof v.text === 'string' ? v.text.trim().slice(0, PEOPLE_LIMITS.noteChars) : '';
  return name && t ? { name, text: t } : null;
}

export function readTag(v: unknown): Tag | null {
  if (!isRecord(v)) return null;
  const name = nameOf(v.name);
  const label = text(v.label, PEOPLE_LIMITS.labelChars);
  const color = (TAG_COLORS as readonly unknown[]).includes(v.color) ? (v.color as TagColor) : 'gray';
  return name && label ? { name, label, color } : null;
}

/** Muted people: id → the name they were muted as. */
export const readMutes = (raw: unknown) => byPerson(raw, PEOPLE_LIMITS.mutes, nameOf);
export const readNotes = (raw: unknown) => byPerson(raw, PEOPLE_LIMITS.notes, readNote);

const SITE = /^https?:\/\/[^\s/]+$/;

export function validatePeople(raw: unknown): PeoplePrefs {
  const v = isRecord(raw) ? raw : {};
  const you = nullRecord<string>();
  if (isRecord(v.you))
    for (const [site, name] of Object.entries(v.you).slice(0, PEOPLE_LIMITS.sites)) {
      const n = nameOf(name);
      if (n && site.length <= PEOPLE_LIMITS.siteChars && SITE.test(site)) you[site.toLowerCase()] = n;
    }
  return { tags: byPerson(v.tags, PEOPLE_LIMITS.tags, readTag), you };
}

/** Names kept before people were known per site: each the same name on every site. */
export function everySite<T>(names: Iterable<[string, T]>): Record<string, T> {
  const out = nullRecord<T>();
  for (const [name, v] of names) {
    const n = nameOf(name);
    if (n) out[everySiteId(n)] = v;
  }
  return out;
}

/** The first of `ids` (most specific first, person.ts lookupIds) that `map` holds. */
export function firstOwn<T>(map: Readonly<Record<string, T>>, ids: readonly string[]): [string, T] | undefined {
  for (const id of ids) {
    const v = own(map, id);
    if (v !== undefined) return [id, v];
  }
  return undefined;
}

/** A copy of `map` with `id` set to `value`, or removed (null). */
export function withEntry<T>(map: Readonly<Record<string, T>>, id: string, value: T | null): Record<string, T> {
  const next = ownCopy(map);
  if (value === null) delete next[id];
  else next[id] = value;
  return next;
}

/** What the reader changes about a person from a comment (the view sends it; the content app stores it). */
export type PeopleChange =
  | { kind: 'mute'; id: string; name: string }
  | { kind: 'unmute'; ids: string[] }
  /** Empty text removes the note. */
  | { kind: 'note'; id: string; name: string; text: string }
  /** An empty label removes the tag. */
  | { kind: 'tag'; id: string; name: string; label: string; color: TagColor };

interface PeopleFields {
  filters: { mutedPeople: Record<string, string> };
  notes: { byPerson: Record<string, Note> };
  people: { tags: Record<string, Tag> };
}

/** The preferences with one change about a person applied (an edit for the prefs link; validated when stored). */
export function withPeopleChange<P extends PeopleFields>(p: P, change: PeopleChange): P {
  switch (change.kind) {
    case 'mute':
      return { ...p, filters: { ...p.filters, mutedPeople: withEntry(p.filters.mutedPeople, change.id, change.name) } };
    case 'unmute': {
      let mutes: Record<string, string> = p.filters.mutedPeople;
      for (const id of change.ids) mutes = withEntry<string>(mutes, id, null);
      return { ...p, filters: { ...p.filters, mutedPeople: mutes } };
    }
    case 'note': {
      const text = change.text.trim().slice(0, PEOPLE_LIMITS.noteChars);
      const entry = text ? { name: change.name, text } : null;
      return { ...p, notes: { ...p.notes, byPerson: withEntry(p.notes.byPerson, change.id, entry) } };
    }
    case 'tag': {
      const label = change.label.trim().slice(0, PEOPLE_LIMITS.labelChars);
      const entry = label ? { name: change.name, label, color: change.color } : null;
      return { ...p, people: { ...p.people, tags: withEntry(p.people.tags, change.id, entry) } };
    }
  }
}
