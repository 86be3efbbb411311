import { t } from './i18n';
import { CONCERNS, PREFS_VERSION, type Concern, type Prefs } from './prefs';
import { fieldsOf, importOps, VALIDATE, type PrefsOp } from './prefs-ops';
import { isRecord, own } from '@/utils/pipeline/own';
import { lifted } from './storage';

// Import / export of all settings as one JSON file. An import is hostile input: it changes only the concerns
// the file holds, and within them only the fields it holds (merged: notes, lists and sites entry by entry),
// refuses a concern whose fields have the wrong types, says what it dropped, and accepts only a version this
// build knows (an older one lifted to it). A file that is not JSON, or not Threadlight's, changes nothing.

export const SETTINGS_FILE_APP = 'threadlight';

export function exportSettings(prefs: Prefs): string {
  return JSON.stringify({ app: SETTINGS_FILE_APP, version: PREFS_VERSION, prefs }, null, 2);
}

export type ImportResult =
  { ok: true; ops: PrefsOp[]; imported: Concern[]; problems: string[] } | { ok: false; error: string };

type Obj = Record<string, unknown>;

function readJson(text: string): { ok: true; data: unknown } | { ok: false; error: string } {
  if (text.length > 1_000_000) return { ok: false, error: t('fileTooLarge') };
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: t('notJson', err instanceof Error ? err.message : t('parseError')) };
  }
}

/** How many entries a list or map field holds. */
const countOf = (v: unknown) => (Array.isArray(v) ? v.length : isRecord(v) ? Object.keys(v).length : 0);

/** Whether every field the concern holds has the type its kind needs (values inside are checked later). */
function wellTyped(c: Concern, raw: Obj): boolean {
  return fieldsOf(c).every(([f, kind]) => {
    if (!Object.prototype.hasOwnProperty.call(raw, f)) return true;
    const v = raw[f];
    if (kind === 'list' || kind === 'keyed') return Array.isArray(v);
    if (kind === 'map') return isRecord(v);
    const valid = (VALIDATE[c](raw) as unknown as Obj)[f];
    return JSON.stringify(valid) === JSON.stringify(v);
  });
}

/** One concern of the file: its operations (only for the fields present), and what was dropped from it. */
function readConcern(c: Concern, raw: Obj, problems: string[]): PrefsOp[] {
  const valid = VALIDATE[c](raw);
  for (const [f, kind] of fieldsOf(c)) {
    if (kind === 'scalar' || !Object.prototype.hasOwnProperty.call(raw, f)) continue;
    const before = countOf(raw[f]);
    const after = countOf((valid as unknown as Obj)[f]);
    if (after < before) problems.push(t('importDropped', before - after, before, `${c}.${f}`));
  }
  return importOps(c, valid).filter((op) => Object.prototype.hasOwnProperty.call(raw, op.f));
}

export function parseSettingsFile(text: string): ImportResult {
  const json = readJson(text);
  if (!json.ok) return json;
  const obj = json.data;
  if (!isRecord(obj) || obj.app !== SETTINGS_FILE_APP || !isRecord(obj.prefs))
    return { ok: false, error: t('notSettingsFile') };
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, error: t('badFileVersion', String(version)) };
  if (version > PREFS_VERSION) return { ok: false, error: t('newerFile', String(version)) };
  const problems: string[] = [];
  const imported: Concern[] = [];
  const ops: PrefsOp[] = [];
  for (const c of CONCERNS) {
    const given = own(obj.prefs, c);
    if (given === undefined) continue;
    // A file an older version saved is read as that version's schema, lifted to this one (names kept as
    // people on every site, migrations.ts).
    const raw = isRecord(given) ? lifted(c, given, version) : given;
    if (!isRecord(raw) || !wellTyped(c, raw)) {
      problems.push(t('importRefusedConcern', c));
      continue;
    }
    ops.push(...readConcern(c, raw, problems));
    imported.push(c);
  }
  if (!imported.length && !problems.length) return { ok: false, error: t('emptySettingsFile') };
  if (!imported.length) return { ok: false, error: problems.join(' ') };
  return { ok: true, ops, imported, problems };
}
