import { renderThreadView } from '@/components/thread/render';
import { createSectionModels } from '@/utils/content/section-models';
import type { ViewParts } from '@/utils/content/view-parts';

/** The drawing code the injected view script offers (entrypoints/thread-view.ts), for DOM tests. */
export const viewParts: ViewParts = { render: renderThreadView, models: createSectionModels };
