import { storage } from 'wxt/utils/storage';
import { MIGRATIONS } from './migrations';
import { CONCERNS, PREFS_VERSION } from './prefs';
import { prefsKey } from './storage';

// The background lifts stored preferences of an older schema to the current one, in storage, on update, with
// WXT's versioned items. Readers (storage.ts) lift what they read in memory, so they never need this code.

/** Runs migrations on every stored item (background, on update). Never writes defaults over user values. */
export async function migrateStoredPrefs(): Promise<void> {
  const items = (['sync', 'local'] as const).flatMap((area) =>
    CONCERNS.map((c) =>
      storage.defineItem<unknown, { v: number }>(`${area}:${prefsKey(c)}`, {
        version: PREFS_VERSION,
        migrations: MIGRATIONS[c],
      }),
    ),
  );
  await Promise.all(items.map((item) => item.migrate().catch(() => undefined)));
}
