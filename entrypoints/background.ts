import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listenForForumFetches } from '@/utils/platform/forum-fetch';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { listenForPrefsWrites } from '@/utils/platform/prefs-store';
import { migrateStoredPrefs } from '@/utils/platform/prefs-migrate';
import { listenForViewLoads } from '@/utils/platform/view-script';
import { sweepDiscussions } from '@/utils/platform/cache-budget';
import { listenForSiteAccess, syncRegistrations } from '@/utils/platform/site-access';
import { listenForWatching } from '@/utils/platform/watch-background';
import { pageReader } from '@/utils/platform/watch-offscreen';
import { readWatchedPage } from '@/utils/content/watch-read';
import { listenForExports } from '@/utils/platform/export-handoff';

export default defineBackground(() => {
  // Forum threads on sites the reader added: the engines' pagination (forum-fetch.ts).
  useForOtherSites(anySite);
  // On update, stored preferences are migrated in place; defaults are never written over user values.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void migrateStoredPrefs();
  });
  // Forum pages for "Load full discussion".
  listenForForumFetches();
  // The popup's changes: written here, so closing the popup right after a change loses nothing.
  listenForPrefsWrites();
  // The view's drawing code, run in a tab's content-script world when it found a discussion.
  listenForViewLoads();
  // Sites the reader enabled: the content script registered for exactly the granted origins.
  listenForSiteAccess();
  void syncRegistrations();
  // Discussions the reader watches: the list's one writer, the badge, the checks every 15 minutes.
  listenForWatching(pageReader(readWatchedPage));
  // "Export discussion": the export page, opened beside the tab with what the view exported.
  listenForExports();
  // Loaded discussions that expired while the browser was closed leave storage (cache-budget.ts).
  void sweepDiscussions().catch(() => undefined);
});
