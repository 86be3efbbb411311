import type { Quote } from '@/utils/pipeline/model';
import { elementText, type QuoteReader } from './body';
import type { RawComment } from './adapter';
import { safeUrl } from './safe-url';

// Field readers every adapter shares: text, class prefixes, post ids and the URLs of a comment.

const POST_ID = /\/posts\/(\d+)/;

export function postIdFromUrl(href: string | null | undefined): string | undefined {
  return href ? POST_ID.exec(href)?.[1] : undefined;
}

/** Where a comment's post, avatar and author link point, kept only when they are http(s); the post id too. */
export function withUrls(
  raw: RawComment,
  base: string,
  urls: { post?: string | null; avatar?: string | null; member?: string | null },
): RawComment {
  const postUrl = safeUrl(urls.post, base);
  if (postUrl) {
    raw.postUrl = postUrl;
    const id = postIdFromUrl(postUrl);
    if (id) raw.postId ??= id;
  }
  const avatarUrl = safeUrl(urls.avatar, base);
  if (avatarUrl) raw.avatarUrl = avatarUrl;
  const authorUrl = safeUrl(urls.member, base);
  if (authorUrl) raw.authorUrl = authorUrl;
  return raw;
}

/** Article-page quotes: `p.quote` (2017) or `blockquote`; no author, sometimes a /posts/N link. */
export const articleQuotes: QuoteReader = {
  isQuote: (el) => el.tagName === 'BLOCKQUOTE' || (el.tagName === 'P' && el.classList.contains('quote')),
  read: (el) => {
    const quote: Quote & { content: Element } = { text: elementText(el), content: el };
    const sourceId = postIdFromUrl(el.querySelector('a[href*="/posts/"]')?.getAttribute('href'));
    if (sourceId) quote.sourceId = sourceId;
    return quote;
  },
};

/**
 * The first element matching each selector in turn, each looked for inside the one before: `within(block,
 * '.username', 'a')` for `.username a`. Element-rooted queries with a descendant combinator cost Chromium a
 * scan of candidates across the whole document, per call (quadratic over a long section); simple selectors
 * scoped by the block only walk the block.
 */
export function within(el: Element | null | undefined, ...selectors: string[]): Element | null {
  let at: Element | null = el ?? null;
  for (const s of selectors) at = at?.querySelector(s) ?? null;
  return at;
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Elements under root having a class token that starts with prefix (CSS-module classes: `content--2GFZ`). */
export function byClassPrefix(root: ParentNode, prefix: string): Element[] {
  return Array.from(root.querySelectorAll(`[class*="${prefix}"]`)).filter((el) =>
    Array.from(el.classList).some((c) => c.startsWith(prefix)),
  );
}

export function firstByClassPrefix(root: ParentNode, prefix: string): Element | null {
  return byClassPrefix(root, prefix)[0] ?? null;
}

/** The first child element (not any descendant) matching a simple selector: `:scope > x` without a scan. */
export function childMatching(el: Element | null | undefined, selector: string): Element | null {
  if (!el) return null;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.matches(selector)) return c;
  return null;
}

/** A post number as pages show it ("#12", "12", "Post #12"), or undefined. */
export function postNumber(el: Element | null | undefined): number | undefined {
  const m = /^(?:[^#\d]{0,8}#)?\s*(\d{1,6})$/.exec(text(el));
  const n = m ? Number(m[1]) : NaN;
  return n > 0 ? n : undefined;
}

/**
 * In a tree of nested lists (an item holds its comment and a list of replies): the comment of the item that
 * holds this comment's item, or null at top level. `item` selects the items, `comment` a comment in one.
 */
export function listParent(comment: Element, item: string, block: string): Element | null {
  const own = comment.parentElement?.closest(item);
  const up = own?.parentElement?.closest(item);
  return up ? childMatching(up, block) : null;
}
