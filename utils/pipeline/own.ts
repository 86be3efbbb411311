// Records keyed by page text (author names, hosts) are null-prototype objects read through own-property
// checks: "__proto__", "constructor" or "toString" are ordinary keys, never Object.prototype's members.

/** An empty record without a prototype. */
export const nullRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** The record's own value at `key`, never an inherited one. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A null-prototype copy of a record's own entries (a stored or messaged object, or a plain one). */
export function ownCopy<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out = nullRecord<T>();
  for (const key of Object.keys(record)) out[key] = record[key]!;
  return out;
}

/** A plain object as stored or messaged data (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
