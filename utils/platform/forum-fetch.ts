import { t } from './i18n';
import { onMessage } from './messages';
import type { ForumKnowledge } from '@/utils/pipeline/extract/adapter';
import { forumFor, isBuiltIn, isLoopback, otherSiteForum, siteFor } from '@/utils/pipeline/extract/sites/registry';
import { fetchPageLimited, NO_COOKIES_HTML, type ForumPageResult } from './page-fetch';

// Runs in the background: fetches one page of a built-in forum thread (forums.macrumors.com) for a tab of that
// same built-in site, with the extension's host permission, without cookies, within the page limits
// (page-fetch.ts). No other tab can make it fetch anything: a forum on a site the reader enabled is fetched by
// the content script itself, from the page's own origin (same-origin-fetch.ts). Parsing happens in the
// content script (a service worker has no DOMParser).

export type { ForumPageResult };

/** Test builds also serve forum threads from loopback. */
const LOOPBACK_ALLOWED = import.meta.env.TL_TEST_BUILD === '1';

const parse = (raw: string | undefined): URL | null => {
  try {
    return raw ? new URL(raw) : null;
  } catch {
    return null;
  }
};

/**
 * What Threadlight knows of the forum whose thread this address is; null for any other address. `source`:
 * the engine a section was read with, for the threads of sites the reader added.
 */
export function forumOf(raw: string, source?: string): ForumKnowledge | null {
  const url = parse(raw);
  if (!url) return null;
  const loopback = LOOPBACK_ALLOWED && isLoopback(url) ? siteFor(url)?.forum : undefined;
  const other = source ? otherSiteForum(url, source) : undefined;
  return forumFor(url)?.forum ?? loopback ?? other ?? null;
}

/** Only thread pages of a registered forum, or of a forum engine on the asking page's own site, are fetched. */
export const isForumThreadUrl = (raw: string, source?: string): boolean => forumOf(raw, source) !== null;

/** A built-in forum's thread, asked for by a tab of a built-in site (or, in test builds, loopback by loopback). */
export function mayFetchFor(raw: string, from: string | undefined): boolean {
  const url = parse(raw);
  const tab = parse(from);
  if (!url || !tab || !isForumThreadUrl(raw)) return false;
  if (LOOPBACK_ALLOWED && isLoopback(url)) return isLoopback(tab);
  return forumFor(url) !== undefined && isBuiltIn(tab);
}

export async function fetchForumPage(
  url: string,
  from: string | undefined,
  options: { fetchImpl?: typeof fetch; signal?: AbortSignal } = {},
): Promise<ForumPageResult> {
  if (!mayFetchFor(url, from)) return { ok: false, status: 0, error: t('notThreadAddress') };
  return fetchPageLimited(url, { init: NO_COOKIES_HTML, ...options }, (finalUrl) => mayFetchFor(finalUrl, from));
}

/** Requests in flight, by tab and request id, so the content script's Cancel ends them. */
const inFlight = new Map<string, AbortController>();

export function listenForForumFetches(): void {
  onMessage('threadlight:fetch-forum-page', async ({ url, id }, sender) => {
    const key = `${sender.tab?.id ?? -1}:${id ?? ''}`;
    const controller = new AbortController();
    if (id) inFlight.set(key, controller);
    try {
      return await fetchForumPage(url, sender.tab?.url ?? sender.url, { signal: controller.signal });
    } finally {
      if (id) inFlight.delete(key);
    }
  });
  onMessage('threadlight:cancel-fetch', ({ id }, sender) => {
    inFlight.get(`${sender.tab?.id ?? -1}:${id}`)?.abort();
    return { ok: true };
  });
}
