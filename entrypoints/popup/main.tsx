import '@/components/shared/pages.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import type { TabStats } from '@/utils/platform/messages';
import { createPrefsWriter, saveThroughBackground, WRITE_INTERVAL_MS } from '@/utils/platform/prefs-writer';
import { loadPrefs, saveMessage } from '@/utils/platform/storage';
import { askTabStats, tabHost, targetTab } from '@/utils/platform/tabs';
import { siteAccessOf, siteActions } from '@/utils/platform/popup-site';
import { uiLocale } from '@/utils/platform/i18n';

document.documentElement.lang = uiLocale();

async function main() {
  const app = document.getElementById('app')!;
  const [prefs, tab] = await Promise.all([loadPrefs(), targetTab(location.search).catch(() => null)]);
  const access = await siteAccessOf(tab?.url);
  const actions = siteActions(tab?.id);
  let stats: TabStats | null | undefined = tab ? undefined : null;
  let message: string | null = null;
  const draw = () =>
    render(
      <Popup
        initial={prefs}
        hostname={tabHost(tab)}
        stats={stats}
        message={message}
        access={access}
        actions={actions}
        onChange={(next) => writer.write(next)}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />,
      app,
    );
  // The background writes (the popup may close at any moment); typing is still coalesced here.
  const writer = createPrefsWriter(
    (result) => {
      const next = saveMessage(result);
      if (next !== message) {
        message = next;
        draw();
      }
    },
    WRITE_INTERVAL_MS,
    saveThroughBackground,
  );
  // Pending changes are handed over before the popup closes.
  addEventListener('pagehide', () => void writer.flush());
  draw();
  // The tab's counts arrive after the first paint.
  if (tab) {
    stats = await askTabStats(tab.id);
    draw();
  }
}

void main();
