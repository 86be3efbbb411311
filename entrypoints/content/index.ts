import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startThreadlight } from '@/utils/content/app';
import { holdSection } from '@/utils/content/hold';
import { createViewPartsLoader } from '@/utils/content/view-parts';
import { sendMessage } from '@/utils/platform/messages';
import { contentMatches, siteFor } from '@/utils/pipeline/extract/sites/registry';

// Every registered site (sites/registry.ts); test builds add loopback hosts in wxt.config.ts. It starts at
// document_start so that a known section is held out of sight while the parser builds it (content/hold.ts);
// the app itself waits for the parsed document.
export default defineContentScript({
  matches: contentMatches(),
  runAt: 'document_start',
  main(ctx) {
    const selector = siteFor(new URL(location.href))?.adapter.holdSelector;
    const release = selector && document.visibilityState !== 'hidden' ? holdSection(ctx, document, selector) : null;
    const loadParts = createViewPartsLoader(() => sendMessage('threadlight:load-view', {}));
    void startThreadlight(ctx, document, location.href, loadParts)
      .catch(() => undefined)
      .finally(() => release?.());
  },
});
