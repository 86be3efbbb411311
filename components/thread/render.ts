import { h, render } from 'preact';
import type { ViewRenderer } from '@/utils/content/section-view';
import { createPlaceKeeper, type PlaceKeeper } from './keep-place';
import { ThreadView } from './ThreadView';
import { uiLocale } from '@/utils/platform/i18n';

const keepers = new WeakMap<HTMLElement, PlaceKeeper>();

/**
 * Draws the thread view into our host on the page, or empties it. Every draw keeps the reader where they
 * are (keep-place.ts): the full discussion arriving, its bar changing height, new-since marks, a preference
 * changed from the popup.
 */
export const renderThreadView: ViewRenderer = (host, input) => {
  let keeper = keepers.get(host);
  if (!keeper) keepers.set(host, (keeper = createPlaceKeeper(() => (host.isConnected ? host : null))));
  // The view speaks the UI's language, whatever the page's.
  if (input && !host.lang) host.lang = uiLocale();
  keeper.around(() => render(input ? h(ThreadView, input) : null, host));
};
