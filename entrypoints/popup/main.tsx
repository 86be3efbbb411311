import '@/components/shared/pages.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import type { TabStats } from '@/utils/platform/messages';
import { followPrefs } from '@/utils/platform/followed-prefs';
import { askTabStats, tabHost, targetTab } from '@/utils/platform/tabs';
import { siteAccessOf, siteActions } from '@/utils/platform/popup-site';
import { uiLocale } from '@/utils/platform/i18n';
import { followWatching } from '@/utils/platform/popup-watch';

document.documentElement.lang = uiLocale();

async function main() {
  const app = document.getElementById('app')!;
  let draw = () => {};
  const [prefs, tab] = await Promise.all([followPrefs(() => draw()), targetTab(location.search).catch(() => null)]);
  const access = await siteAccessOf(tab?.url, tab?.id);
  const actions = siteActions(tab?.id);
  let stats: TabStats | null | undefined = tab ? undefined : null;
  const watch = await followWatching(tab?.id, () => draw());
  const actionsOnWatched = { onToggle: () => void watch.toggle(), onOpen: watch.open, onUnwatch: watch.unwatch };
  draw = () =>
    render(
      <Popup
        stored={prefs.stored()}
        sink={prefs.writer}
        hostname={tabHost(tab)}
        stats={stats}
        message={prefs.message()}
        notice={prefs.notice()}
        access={access}
        actions={actions}
        watching={{ ...actionsOnWatched, info: watch.state.info, list: watch.state.list }}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />,
      app,
    );
  draw();
  // The tab's counts arrive after the first paint.
  if (tab) {
    stats = await askTabStats(tab.id);
    draw();
  }
}

void main();
