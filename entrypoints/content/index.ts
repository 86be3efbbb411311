import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { renderThreadView } from '@/components/thread/render';
import { startThreadlight } from '@/utils/content/app';
import { contentMatches } from '@/utils/pipeline/extract/sites/registry';

// Every registered site (sites/registry.ts); test builds add loopback hosts in wxt.config.ts.
export default defineContentScript({
  matches: contentMatches(),
  runAt: 'document_idle',
  main(ctx) {
    void startThreadlight(ctx, document, location.href, renderThreadView).catch(() => undefined);
  },
});
