import '@/components/shared/pages.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import {
  createPrefsWriter,
  loadPrefs,
  saveMessage,
  saveThroughBackground,
  WRITE_INTERVAL_MS,
} from '@/utils/platform/storage';
import { STATS_MESSAGE, type TabStats } from '@/utils/content/app';

// The popup acts on the active tab; opened as a page of its own (pinned, or by tests) it takes ?tab=<id>.
async function targetTab(): Promise<{ id: number; url?: string } | null> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) {
    const tab = await browser.tabs.get(param).catch(() => null);
    return tab?.id ? { id: tab.id, url: tab.url } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ? { id: tab.id, url: tab.url } : null;
}

async function main() {
  const app = document.getElementById('app')!;
  const [prefs, tab] = await Promise.all([loadPrefs(), targetTab().catch(() => null)]);
  let hostname: string | null = null;
  try {
    if (tab?.url) hostname = new URL(tab.url).hostname;
  } catch {
    hostname = null;
  }
  let stats: TabStats | null | undefined = tab ? undefined : null;
  let message: string | null = null;
  const draw = () =>
    render(
      <Popup
        initial={prefs}
        hostname={hostname}
        stats={stats}
        message={message}
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
  // The tab's counts arrive after the first paint; a page without our content script never answers.
  if (tab) {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500));
    const reply = browser.tabs
      .sendMessage(tab.id, { type: STATS_MESSAGE })
      .catch(() => null) as Promise<TabStats | null>;
    stats = await Promise.race([reply, timeout]);
    draw();
  }
}

void main();
