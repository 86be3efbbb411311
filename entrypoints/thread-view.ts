import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { threadViewParts } from '@/components/thread/parts';
import { offerViewParts } from '@/utils/content/view-parts';

// The drawing half of the content script, injected by the background when a discussion is found
// (utils/content/view-parts.ts explains the split), with what loads a whole discussion.
export default defineUnlistedScript(() => {
  offerViewParts(threadViewParts);
});
