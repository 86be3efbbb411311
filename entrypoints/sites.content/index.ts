import '../content/style.css';
import '../content/aids.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOnPage } from '@/utils/content/start';
import { frameOf } from '@/utils/content/frame';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';

// The content script for sites the reader enabled: registered at run time for exactly the granted origins
// (utils/platform/site-access.ts), never in the manifest. It carries every engine adapter, which the
// built-in sites' script does without.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_start',
  main(ctx) {
    const frame = frameOf(document, location.href);
    if (frame === null) return;
    useForOtherSites(anySite);
    runOnPage(ctx, document, location.href, frame);
  },
});
