import { threadViewParts } from '@/components/thread/parts';
import type { ViewParts } from '@/utils/content/view-parts';

/** The drawing code the injected view script offers (entrypoints/thread-view.ts), for DOM tests. */
export const viewParts: ViewParts = threadViewParts;
