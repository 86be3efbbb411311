import { browser } from 'wxt/browser';

// Runs in the background: fetches one forum thread page for the content script. The extension's host
// permission lets it read forums.macrumors.com from an article page on www.macrumors.com; only thread pages
// are fetched, without cookies, and bounded in size. Parsing happens in the content script (a service worker
// has no DOMParser).

export const FETCH_FORUM_PAGE = 'threadlight:fetch-forum-page';
const MAX_BYTES = 5_000_000;

export type ForumPageResult = { ok: true; url: string; html: string } | { ok: false; status: number; error: string };

/** Test builds also serve forum threads from loopback. */
const LOOPBACK_ALLOWED = import.meta.env.TL_TEST_BUILD === '1';

export function isForumThreadUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    const host = url.hostname === 'forums.macrumors.com' && url.protocol === 'https:';
    const loopback = LOOPBACK_ALLOWED && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
    return (host || loopback) && url.pathname.startsWith('/threads/');
  } catch {
    return false;
  }
}

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
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: unknown; url?: unknown } | null;
    if (m?.type !== FETCH_FORUM_PAGE || typeof m.url !== 'string') return undefined;
    return fetchForumPage(m.url);
  });
}
