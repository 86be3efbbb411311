import { t } from '@/utils/platform/i18n';
import { fetchPageLimited, originOf, type ForumPageResult } from '@/utils/platform/page-fetch';

// Pages of a forum on the site the reader enabled are fetched here, by the content script, as the page itself
// would fetch them: from the page's own origin and to it only, with the reader's session there, within the
// page limits. `mode: 'same-origin'` makes the browser refuse a redirect to any other origin *before* it is
// requested (the Fetch standard's HTTP-redirect fetch, step "same-origin"). A redirect cannot be followed by
// hand instead: with `redirect: 'manual'` browsers hide where it points (an opaque-redirect response).
// Firefox runs content scripts with the extension's principal; `content.fetch` is the page's own fetch.

type PageWindow = { fetch: typeof fetch };

function pageFetch(): typeof fetch {
  const page = import.meta.env.FIREFOX ? (globalThis as { content?: PageWindow }).content : undefined;
  return page?.fetch ? page.fetch.bind(page) : fetch;
}

/** One page of the thread (or the platform's JSON: `accept`), if it is on `origin` (the page's own); Cancel through `signal`. */
export function fetchSameOrigin(
  url: string,
  origin: string,
  signal?: AbortSignal,
  accept = 'text/html',
): Promise<ForumPageResult> {
  if (originOf(url) !== origin) return Promise.resolve({ ok: false, status: 0, error: t('notThreadAddress') });
  const init: RequestInit = {
    credentials: 'same-origin',
    mode: 'same-origin',
    redirect: 'follow',
    headers: { accept },
  };
  return fetchPageLimited(url, { init, signal, fetchImpl: pageFetch() }, (final) => originOf(final) === origin);
}

/** The page's own fetch of platform JSON (an app forum's): same origin, the reader's session. */
export const jsonFrom = (origin: string) => (url: string, signal?: AbortSignal) =>
  fetchSameOrigin(url, origin, signal, 'application/json');
