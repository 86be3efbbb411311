import { onMessage } from './messages';
import type { ForumKnowledge } from '@/utils/pipeline/extract/adapter';
import { forumFor, isLoopback, siteFor } from '@/utils/pipeline/extract/sites/registry';

// Runs in the background: fetches one forum thread page for the content script. The extension's host
// permission lets it read a registered forum (sites/registry.ts) from an article page; only thread pages
// are fetched, without cookies, and bounded in size. Parsing happens in the content script (a service worker
// has no DOMParser).

const MAX_BYTES = 5_000_000;

/** A fetched page, or why there is none (the answer to 'threadlight:fetch-forum-page'). */
export type ForumPageResult = { ok: true; url: string; html: string } | { ok: false; status: number; error: string };

/** Test builds also serve forum threads from loopback. */
const LOOPBACK_ALLOWED = import.meta.env.TL_TEST_BUILD === '1';

/** What Threadlight knows of the forum whose thread this address is; null for any other address. */
export function forumOf(raw: string): ForumKnowledge | null {
  try {
    const url = new URL(raw);
    const loopback = LOOPBACK_ALLOWED && isLoopback(url) ? siteFor(url) : undefined;
    return (forumFor(url) ?? loopback)?.forum ?? null;
  } catch {
    return null;
  }
}

/** Only thread pages of a registered forum are ever fetched. */
export const isForumThreadUrl = (raw: string): boolean => forumOf(raw) !== null;

export async function fetchForumPage(url: string, fetchImpl: typeof fetch = fetch): Promise<ForumPageResult> {
  if (!isForumThreadUrl(url)) return { ok: false, status: 0, error: 'Not a forum thread address.' };
  try {
    const res = await fetchImpl(url, { credentials: 'omit', redirect: 'follow', headers: { accept: 'text/html' } });
    if (!res.ok) return { ok: false, status: res.status, error: `The forum answered ${res.status}.` };
    if (!isForumThreadUrl(res.url || url))
      return { ok: false, status: res.status, error: 'The forum redirected away from the thread.' };
    const html = await res.text();
    if (html.length > MAX_BYTES) return { ok: false, status: res.status, error: 'The page is too large.' };
    return { ok: true, url: res.url || url, html };
  } catch (err) {
    return {
      ok: false,
      status: 0,
      error: `Could not reach the forum (${err instanceof Error ? err.message : String(err)}).`,
    };
  }
}

export function listenForForumFetches(): void {
  onMessage('threadlight:fetch-forum-page', ({ url }) => fetchForumPage(url));
}
