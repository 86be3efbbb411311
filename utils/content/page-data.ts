import type { PageData } from '@/utils/pipeline/extract/adapter';
import { wantedData } from '@/utils/pipeline/extract/find-section';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { fetchSameOrigin } from './same-origin-fetch';

// Platform JSON an app forum's page needs and does not hold (the topic the app navigated to): fetched once
// per address from the page's own origin with the reader's session, parsed, and kept for the page's data
// readers (the last few addresses). An answer that fails or is not JSON is kept as null: nothing is fetched in
// a loop, and the page is left as it was; it is asked again after the next navigation.

const KEEP = 8;

export interface PageDataStore {
  data: PageData;
  /** The address the page's discussion needs now and nobody fetched yet, if any. */
  missing(doc: Document, href: string): string | null;
  /** Fetches an address (once, however often asked) and keeps its JSON. */
  fetch(url: string): Promise<void>;
  /** A new address: failed answers may be asked again. */
  navigated(): void;
}

type Get = (url: string) => Promise<ForumPageResult>;

export function createPageData(
  origin: string,
  get: Get = (url) => fetchSameOrigin(url, origin, undefined, 'application/json'),
): PageDataStore {
  const answers = new Map<string, unknown>();
  const pending = new Map<string, Promise<void>>();
  const keep = (url: string, value: unknown) => {
    answers.delete(url);
    answers.set(url, value);
    while (answers.size > KEEP) answers.delete(answers.keys().next().value!);
  };
  const data: PageData = { get: (url) => answers.get(url) };
  const fetchOnce = async (url: string) => {
    const res = await get(url).catch(() => null);
    let value: unknown = null;
    try {
      if (res?.ok) value = JSON.parse(res.html);
    } catch {
      value = null;
    }
    keep(url, value ?? null);
  };
  return {
    data,
    missing: (doc, href) => wantedData(doc, href, data),
    fetch(url) {
      let running = pending.get(url);
      if (!running) {
        running = fetchOnce(url).finally(() => pending.delete(url));
        pending.set(url, running);
      }
      return running;
    },
    navigated() {
      for (const [url, value] of answers) if (value === null) answers.delete(url);
    },
  };
}
