import { browser } from 'wxt/browser';
import { sendTabMessage, type TabStats } from './messages';

/** How long the popup waits for a tab's content script to answer: a page without one never does. */
const STATS_TIMEOUT_MS = 1500;

export interface TargetTab {
  id: number;
  url?: string;
}

/** The tab the popup acts on: the active one, or ?tab=<id> when it is opened as a page (pinned, tests). */
export async function targetTab(search: string): Promise<TargetTab | null> {
  const param = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(param) && param > 0) {
    const tab = await browser.tabs.get(param).catch(() => null);
    return tab?.id ? { id: tab.id, url: tab.url } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ? { id: tab.id, url: tab.url } : null;
}

/** The host of a tab's address, or null when it has none that parses. */
export function tabHost(tab: TargetTab | null): string | null {
  try {
    return tab?.url ? new URL(tab.url).hostname : null;
  } catch {
    return null;
  }
}

/** The tab's counts from its content script; null when it has none or does not answer in time. */
export function askTabStats(tabId: number): Promise<TabStats | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), STATS_TIMEOUT_MS));
  const reply = sendTabMessage(tabId, 'threadlight:stats', {}).catch(() => null);
  return Promise.race([reply, timeout]);
}
