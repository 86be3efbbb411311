import './style.css';
import './aids.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOnPage } from '@/utils/content/start';
import { contentMatches } from '@/utils/pipeline/extract/sites/registry';

// Every built-in site (sites/registry.ts; test builds add loopback hosts in wxt.config.ts). Sites the reader
// enables get the same script through a dynamic registration (utils/platform/site-access.ts). It starts at
// document_start so a known section can be held out of sight while the parser builds it.
export default defineContentScript({
  matches: contentMatches(),
  runAt: 'document_start',
  main(ctx) {
    runOnPage(ctx, document, location.href);
  },
});
