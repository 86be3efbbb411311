import '../content/style.css';
import '../content/aids.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOnPage } from '@/utils/content/start';
import { frameOf } from '@/utils/content/frame';
import { useAppForums } from '@/utils/content/app-forums';
import { createPageData } from '@/utils/content/page-data';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';

// The content script for sites the reader enabled: registered at run time for exactly the granted origins
// (utils/platform/site-access.ts), never in the manifest. It carries every engine adapter, which the
// built-in sites' script does without, and app forums' platform data (utils/content/page-data.ts).
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_start',
  main(ctx) {
    const frame = frameOf(document, location.href);
    if (frame === null) return;
    useForOtherSites(anySite);
    useAppForums({ pageData: createPageData });
    runOnPage(ctx, document, location.href, frame);
  },
});
