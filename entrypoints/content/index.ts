import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startThreadlight } from '@/utils/content/app';
import { createViewPartsLoader } from '@/utils/content/view-parts';
import { sendMessage } from '@/utils/platform/messages';
import { contentMatches } from '@/utils/pipeline/extract/sites/registry';

// Every registered site (sites/registry.ts); test builds add loopback hosts in wxt.config.ts.
export default defineContentScript({
  matches: contentMatches(),
  runAt: 'document_idle',
  main(ctx) {
    const loadParts = createViewPartsLoader(() => sendMessage('threadlight:load-view', {}));
    void startThreadlight(ctx, document, location.href, loadParts).catch(() => undefined);
  },
});
