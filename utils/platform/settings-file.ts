import { t } from './i18n';
import { CONCERNS, PREFS_VERSION, validatePrefs, type Prefs } from './prefs';

// Import / export of all settings as one JSON file. An import is validated like stored data; a file that is
// not JSON, or not Threadlight's, is refused with a message and changes nothing.

export const SETTINGS_FILE_APP = 'threadlight';

export function exportSettings(prefs: Prefs): string {
  return JSON.stringify({ app: SETTINGS_FILE_APP, version: PREFS_VERSION, prefs }, null, 2);
}

export type ImportResult = { ok: true; prefs: Prefs } | { ok: false; error: string };

export function parseSettingsFile(text: string): ImportResult {
  if (text.length > 1_000_000) return { ok: false, error: t('fileTooLarge') };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      error: t('notJson', err instanceof Error ? err.message : t('parseError')),
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
      error: t('notSettingsFile'),
    };
  }
  if (typeof obj.version === 'number' && obj.version > PREFS_VERSION) {
    return {
      ok: false,
      error: t('newerFile', String(obj.version)),
    };
  }
  const prefs = obj.prefs as Record<string, unknown>;
  if (!CONCERNS.some((c) => c in prefs)) return { ok: false, error: t('emptySettingsFile') };
  return { ok: true, prefs: validatePrefs(prefs) };
}
