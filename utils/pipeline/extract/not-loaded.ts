import type { NotLoaded } from '@/utils/pipeline/model';
import { safeUrl } from './safe-url';

// Comments a site has but the page does not hold: "load more comments (3 replies)", "continue this thread",
// a "More" page. Sites name them their own way; this reads the number and the link the same way for all.

/** "load more comments (1,204 replies)", "3 more replies", "Load 12 more" → the number; null without one. */
export function countIn(label: string): number | null {
  const digits = /\d[\d,.\u00a0\u202f']*/.exec(label)?.[0].replace(/[,.\u00a0\u202f']/g, '');
  const n = digits ? Number(digits) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A record of what is not loaded, its link checked (kept only when http or https). */
export function notLoaded(count: number | null, href: string | null | undefined, base: string): NotLoaded {
  const url = safeUrl(href, base);
  return url ? { count, url } : { count };
}

/** Two records for one place: the counts add up when both are known, the first link wins. */
export function joinNotLoaded(a: NotLoaded | undefined, b: NotLoaded): NotLoaded {
  if (!a) return b;
  const count = a.count !== null && b.count !== null ? a.count + b.count : null;
  const url = a.url ?? b.url;
  return url ? { count, url } : { count };
}
