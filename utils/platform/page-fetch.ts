import { t } from './i18n';

// One forum page fetched with limits: a time limit per page, a byte cap counted as the body streams in (a page
// that never ends is cut off at the cap, not buffered), and a signal that ends the wait at once (Cancel). Used
// by the background for built-in forums and by the content script for a forum on the page's own origin.

export const PAGE_TIMEOUT_MS = 20_000;
export const MAX_BYTES = 5_000_000;

/** How the background asks a site for a page: no cookies (nothing fetched as the reader), redirects followed. */
export const NO_COOKIES_HTML: RequestInit = {
  credentials: 'omit',
  redirect: 'follow',
  headers: { accept: 'text/html' },
};

/** The same for an app forum's JSON (a watched topic: watch-background.ts). */
export const NO_COOKIES_JSON: RequestInit = { ...NO_COOKIES_HTML, headers: { accept: 'application/json' } };

/** A fetched page, or why there is none (the answer to 'threadlight:fetch-forum-page'). */
export type ForumPageResult =
  | { ok: true; url: string; html: string }
  /** `retryAfter`: seconds the site asked to wait (429 / 503 with Retry-After in seconds). */
  | { ok: false; status: number; error: string; retryAfter?: number };

export interface PageFetchOptions {
  init: RequestInit;
  /** Ends the wait at once (the reader cancelled). */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

/** The origin of an address, or null when it does not parse. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

class TooLarge extends Error {}

/** The body as text, read chunk by chunk; throws TooLarge past `max` bytes and stops reading. */
async function readCapped(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw new TooLarge();
  const reader = res.body?.getReader();
  if (!reader) return res.text();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > max) {
      void reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** The signal that aborts on either the reader's cancel or the time limit, and how to stop the timer. */
function limits(signal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  const cancel = () => controller.abort(signal?.reason);
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  const done = () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  };
  return { signal: controller.signal, done };
}

/** A refusal, with the wait the site asked for when it says one in seconds. */
function failed(res: Response): ForumPageResult {
  const header = res.headers.get('retry-after')?.trim() ?? '';
  const wait = /^\d{1,6}$/.test(header) ? Number(header) : NaN;
  const answer = { ok: false as const, status: res.status, error: t('forumAnswered', String(res.status)) };
  return (res.status === 429 || res.status === 503) && Number.isInteger(wait) && wait >= 0
    ? { ...answer, retryAfter: wait }
    : answer;
}

/** Fetches one page within the limits; `check` may refuse the address the answer came from. */
export async function fetchPageLimited(
  url: string,
  options: PageFetchOptions,
  check: (finalUrl: string) => boolean | Promise<boolean> = () => true,
): Promise<ForumPageResult> {
  const { timeoutMs = PAGE_TIMEOUT_MS, maxBytes = MAX_BYTES, fetchImpl = fetch } = options;
  const limit = limits(options.signal, timeoutMs);
  try {
    const res = await fetchImpl(url, { ...options.init, signal: limit.signal });
    if (res.type === 'opaqueredirect') return { ok: false, status: 0, error: t('forumRedirected') };
    if (!res.ok) return failed(res);
    const finalUrl = res.url || url;
    if (!(await check(finalUrl))) return { ok: false, status: res.status, error: t('forumRedirected') };
    return { ok: true, url: finalUrl, html: await readCapped(res, maxBytes) };
  } catch (err) {
    if (err instanceof TooLarge) return { ok: false, status: 200, error: t('pageTooLarge') };
    if (limit.signal.aborted && !options.signal?.aborted)
      return { ok: false, status: 0, error: t('pageTimedOut', Math.round(timeoutMs / 1000)) };
    if (options.signal?.aborted) return { ok: false, status: 0, error: t('cancelled') };
    return { ok: false, status: 0, error: t('couldNotReach', err instanceof Error ? err.message : String(err)) };
  } finally {
    limit.done();
  }
}
