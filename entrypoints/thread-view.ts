import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { renderThreadView } from '@/components/thread/render';
import { createSectionModels } from '@/utils/content/section-models';
import { offerViewParts } from '@/utils/content/view-parts';

// The drawing half of the content script, injected by the background when a discussion is found
// (utils/content/view-parts.ts explains the split).
export default defineUnlistedScript(() => {
  offerViewParts({ render: renderThreadView, models: createSectionModels });
});
