import type { PageDataStore } from './page-data';

// What only the script for sites the reader enables carries: app forums' platform data for the page
// (page-data.ts). The built-in sites' script runs without it, so none of its code is in it. (Whole-topic
// loads come with the view's parts: view-parts.ts.)

export interface AppForumKit {
  pageData(origin: string): PageDataStore;
}

let kit: AppForumKit | null = null;

/** Set by the sites' content script before it runs on a page. */
export function useAppForums(next: AppForumKit): void {
  kit = next;
}

/** A page without platform data: nothing missing, nothing fetched. */
const NO_DATA: PageDataStore = {
  data: { get: () => undefined },
  missing: () => null,
  fetch: () => Promise.resolve(),
  navigated: () => undefined,
};

export const pageDataFor = (origin: string): PageDataStore => kit?.pageData(origin) ?? NO_DATA;
