import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { onMessage } from '@/utils/platform/messages';
import { readWatchedPage } from '@/utils/content/watch-read';

// Chromium's offscreen document (watch-offscreen.ts): reads a page the background fetched for a watched
// discussion, with the same engines the content scripts use; answers with the key, the ids and the last page.
useForOtherSites(anySite);
onMessage('threadlight:read-page', async ({ html, url }) => {
  const { key, ids, last } = await readWatchedPage(html, url);
  return { key, ids, last };
});
