import { renderThreadView } from './render';
import { createSectionModels } from '@/utils/content/section-models';
import { createDiscussionController } from '@/utils/content/discussion-controller';
import { createTopicController } from '@/utils/content/topic-controller';
import type { ViewParts } from '@/utils/content/view-parts';
import { signedIn } from '@/utils/pipeline/extract/signed-in';

/** What the injected view script offers (entrypoints/thread-view.ts; DOM tests use the same). */
export const threadViewParts: ViewParts = {
  render: renderThreadView,
  models: createSectionModels,
  signedIn,
  // A section read from an app forum's data loads its topic from that data; any other, forum pages.
  discussion: (section, onChange, forum) =>
    section.topic ? createTopicController(section, onChange) : createDiscussionController(section, onChange, { forum }),
};
