import { CONCERNS, PREFS_VERSION, validatePrefs, type Prefs } from './prefs';

// Import / export of all settings as one JSON file. An import is validated like stored data; a file that is
// not JSON, or not Threadlight's, is refused with a message and changes nothing.

export const SETTINGS_FILE_APP = 'threadlight';

export function exportSettings(prefs: Prefs): string {
  return JSON.stringify({ app: SETTINGS_FILE_APP, version: PREFS_VERSION, prefs }, null, 2);
}

export type ImportResult = { ok: true; prefs: Prefs } | { ok: false; error: string };

export function parseSettingsFile(text: string): ImportResult {
  if (text.length > 1_000_000) return { ok: false, error: 'This file is too large to be a Threadlight settings file.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      error: `This file is not valid JSON (${err instanceof Error ? err.message : 'parse error'}). Nothing was changed.`,
    };
  }
  const obj = data as { app?: unknown; version?: unknown; prefs?: unknown } | null;
  if (
    typeof obj !== 'object' ||
    obj === null ||
    obj.app !== SETTINGS_FILE_APP ||
    typeof obj.prefs !== 'object' ||
    obj.prefs === null
  ) {
    return {
      ok: false,
      error:
        'This is not a Threadlight settings file (export one from this page to see the format). Nothing was changed.',
    };
  }
  if (typeof obj.version === 'number' && obj.version > PREFS_VERSION) {
    return {
      ok: false,
      error: `This file comes from a newer Threadlight (settings v${obj.version}). Update the extension to import it. Nothing was changed.`,
    };
  }
  const prefs = obj.prefs as Record<string, unknown>;
  if (!CONCERNS.some((c) => c in prefs))
    return { ok: false, error: 'This settings file has no settings in it. Nothing was changed.' };
  return { ok: true, prefs: validatePrefs(prefs) };
}
