import { t } from './i18n';
import { onMessage } from './messages';
import type { ForumKnowledge } from '@/utils/pipeline/extract/adapter';
import { browser } from 'wxt/browser';
import { forumFor, isLoopback, otherSiteForum, siteFor } from '@/utils/pipeline/extract/sites/registry';
import { originPattern } from './site-access';

// Runs in the background: fetches one forum thread page for the content script. The extension's host
// permission lets it read a registered forum (sites/registry.ts) from an article page; only thread pages
// are fetched, without cookies, and bounded in size. Parsing happens in the content script (a service worker
// has no DOMParser).

const MAX_BYTES = 5_000_000;

/** A fetched page, or why there is none (the answer to 'threadlight:fetch-forum-page'). */
export type ForumPageResult = { ok: true; url: string; html: string } | { ok: false; status: number; error: string };

/** Test builds also serve forum threads from loopback. */
const LOOPBACK_ALLOWED = import.meta.env.TL_TEST_BUILD === '1';

/**
 * What Threadlight knows of the forum whose thread this address is; null for any other address. `source`:
 * the engine a section was read with, for the threads of sites the reader added.
 */
export function forumOf(raw: string, source?: string): ForumKnowledge | null {
  try {
    const url = new URL(raw);
    const loopback = LOOPBACK_ALLOWED && isLoopback(url) ? siteFor(url)?.forum : undefined;
    const other = source ? otherSiteForum(url, source) : undefined;
    return forumFor(url)?.forum ?? loopback ?? other ?? null;
  } catch {
    return null;
  }
}

/** Only thread pages of a registered forum, or of a forum engine on the asking page's own site, are fetched. */
export const isForumThreadUrl = (raw: string, source?: string): boolean => forumOf(raw, source) !== null;

/** Where a fetch may go: a built-in forum, or a thread on the asking page's own origin, which the reader granted. */
export interface FetchScope {
  source?: string;
  /** The address of the page that asks (the sender's tab). */
  from?: string;
}

async function allowed(url: string, scope: FetchScope): Promise<boolean> {
  if (isForumThreadUrl(url)) return true;
  if (!scope.source || !scope.from || !isForumThreadUrl(url, scope.source)) return false;
  const origin = originPattern(url);
  if (!origin || origin !== originPattern(scope.from)) return false;
  return browser.permissions.contains({ origins: [origin] }).catch(() => false);
}

export async function fetchForumPage(
  url: string,
  fetchImpl: typeof fetch = fetch,
  scope: FetchScope = {},
): Promise<ForumPageResult> {
  if (!(await allowed(url, scope))) return { ok: false, status: 0, error: t('notThreadAddress') };
  try {
    const res = await fetchImpl(url, { credentials: 'omit', redirect: 'follow', headers: { accept: 'text/html' } });
    if (!res.ok) return { ok: false, status: res.status, error: t('forumAnswered', String(res.status)) };
    if (!(await allowed(res.url || url, scope))) return { ok: false, status: res.status, error: t('forumRedirected') };
    const html = await res.text();
    if (html.length > MAX_BYTES) return { ok: false, status: res.status, error: t('pageTooLarge') };
    return { ok: true, url: res.url || url, html };
  } catch (err) {
    return {
      ok: false,
      status: 0,
      error: t('couldNotReach', err instanceof Error ? err.message : String(err)),
    };
  }
}

export function listenForForumFetches(): void {
  onMessage('threadlight:fetch-forum-page', ({ url, source }, sender) =>
    fetchForumPage(url, fetch, { source, from: sender.tab?.url ?? sender.url }),
  );
}
