import { createPrefsWriter, type PrefsWriter } from './prefs-writer';
import { loadPrefs, peopleKeptOnDevice, saveMessage, watchPrefs, type SaveResult } from './storage';
import { t } from './i18n';
import type { Prefs } from './prefs';

// A surface's preferences (popup, settings page): what is stored now, followed through storage.onChanged, and
// a writer for its own changes. `draw` is called whenever either changes; what a write could not keep is
// handed to it as a message, so the reader sees it where they made the change.

export interface FollowedPrefs {
  stored(): Prefs;
  writer: PrefsWriter;
  message(): string | null;
  /** "Some of your notes, tags or muted people … kept on this device only", while that is so. */
  notice(): string | null;
}

export async function followPrefs(draw: () => void): Promise<FollowedPrefs> {
  let stored = await loadPrefs();
  let message: string | null = null;
  let onDevice = await peopleKeptOnDevice().catch(() => false);
  const refresh = async () => {
    stored = await loadPrefs();
    onDevice = await peopleKeptOnDevice().catch(() => onDevice);
    writer.settle();
    draw();
  };
  const writer = createPrefsWriter((result: SaveResult | Error) => {
    message = saveMessage(result);
    void refresh();
  });
  watchPrefs(stored, (next) => {
    stored = next;
    writer.settle();
    void peopleKeptOnDevice()
      .catch(() => onDevice)
      .then((now) => {
        onDevice = now;
        draw();
      });
  });
  // Pending changes are handed over before the page goes away (the background outlives it).
  addEventListener('pagehide', () => void writer.flush());
  return {
    stored: () => stored,
    writer,
    message: () => message,
    notice: () => (onDevice ? t('keptOnDevice') : null),
  };
}
