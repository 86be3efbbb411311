import { h, render } from 'preact';
import type { ViewRenderer } from '@/utils/content/section-view';
import { ThreadView } from './ThreadView';

/** Draws the thread view into our host on the page, or empties it. */
export const renderThreadView: ViewRenderer = (host, input) => render(input ? h(ThreadView, input) : null, host);
