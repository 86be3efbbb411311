import { browser } from 'wxt/browser';
import { renderThreadView } from './render';
import { createSectionModels } from '@/utils/content/section-models';
import { createDiscussionController } from '@/utils/content/discussion-controller';
import { createTopicController } from '@/utils/content/topic-controller';
import type { ViewParts } from '@/utils/content/view-parts';
import { signedIn } from '@/utils/pipeline/extract/signed-in';
import { withWatching } from '@/utils/content/watch-arrivals';
import type { WatcherDeps } from '@/utils/content/watch-view';
import { fetchSameOrigin, jsonFrom } from '@/utils/content/same-origin-fetch';
import { topicWatchKit } from '@/utils/content/watch-topic';
import { onMessage, sendMessage } from '@/utils/platform/messages';
import { cleanWatched, WATCHED_KEY } from '@/utils/platform/watched';
import { own } from '@/utils/pipeline/own';

/** The stored entry of one watched discussion, now and on every change of the list. */
const follow: WatcherDeps['follow'] = (key, on) => {
  const read = (value: unknown) => on(own(cleanWatched(value), key) ?? null);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) =>
    area === 'local' && WATCHED_KEY in changes && read(changes[WATCHED_KEY]!.newValue);
  browser.storage.onChanged.addListener(listener);
  void browser.storage.local.get(WATCHED_KEY).then(
    (got) => read(got[WATCHED_KEY]),
    () => undefined,
  );
  return () => browser.storage.onChanged.removeListener(listener);
};

/** How a view in this tab watches: the page's own origin, the background's one writer, the popup's questions. */
const watcherDeps = (origin: string): WatcherDeps => ({
  doc: document,
  fetchPage: (url, signal) => fetchSameOrigin(url, origin, signal),
  send: (change) => sendMessage('threadlight:watch', { change }),
  follow,
  answer(watcher) {
    const stopInfo = onMessage('threadlight:watch-info', () => watcher.info());
    const stopToggle = onMessage('threadlight:watch-toggle', () => watcher.toggle());
    return () => (stopInfo(), stopToggle());
  },
});

/** What the injected view script offers (entrypoints/thread-view.ts; DOM tests use the same). */
export const threadViewParts: ViewParts = {
  render: renderThreadView,
  models: createSectionModels,
  signedIn,
  // A section read from an app forum's data loads its topic from that data, and is watched through it; any
  // other loads forum pages, and is watched through the pages the content script can read.
  discussion(section, onChange, forum, watch) {
    const { topic } = section;
    const make = (changed: typeof onChange) =>
      topic ? createTopicController(section, changed) : createDiscussionController(section, changed, { forum });
    if (!watch) return make(onChange);
    const origin = new URL(watch.url).origin;
    const kit = topic ? topicWatchKit(watch, topic, jsonFrom(origin)) : watch;
    return withWatching(section, make, onChange, kit, watcherDeps(origin));
  },
};
