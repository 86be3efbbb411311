import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startThreadlight } from '@/utils/content/app';

// Article pages and forum threads (shared/CONTRACT.md); test builds add loopback hosts in wxt.config.ts.
export default defineContentScript({
  matches: ['https://www.macrumors.com/*', 'https://macrumors.com/*', 'https://forums.macrumors.com/threads/*'],
  runAt: 'document_idle',
  main(ctx) {
    void startThreadlight(ctx, document, location.href).catch(() => undefined);
  },
});
