import { browser } from 'wxt/browser';
import { sendMessage, sendTabMessage, type WatchInfo } from './messages';
import { WATCHED_KEY, watchedList, type Watched } from './watched';

// The popup's part in watching: the tab's discussion (asked of its view: only a view knows how its pages are
// read), the watched list (followed in storage), and the actions on them.

export interface PopupWatch {
  info: WatchInfo | null;
  list: Watched[];
}

export async function followWatching(tabId: number | undefined, draw: (state: PopupWatch) => void) {
  const state: PopupWatch = {
    info: null,
    list: watchedList((await browser.storage.local.get(WATCHED_KEY))[WATCHED_KEY]),
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(WATCHED_KEY in changes)) return;
    state.list = watchedList(changes[WATCHED_KEY]!.newValue);
    draw(state);
  });
  const ask = async () => {
    if (tabId === undefined) return;
    state.info = await sendTabMessage(tabId, 'threadlight:watch-info', {}).catch(() => null);
    draw(state);
  };
  void ask();
  return {
    state,
    async toggle() {
      if (tabId === undefined) return;
      state.info = await sendTabMessage(tabId, 'threadlight:watch-toggle', {}).catch(() => state.info);
      draw(state);
    },
    open: (url: string) => void browser.tabs.create({ url }).then(() => window.close()),
    unwatch: (key: string) => void sendMessage('threadlight:watch', { change: { op: 'remove', key } }).catch(() => 0),
  };
}
