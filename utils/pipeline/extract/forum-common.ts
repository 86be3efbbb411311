import { elementText, type QuoteRead } from './body';
import { text } from './fields';
import { safeUrl } from './safe-url';

// What forum engines share: post ids in the addresses that point at a post, "Name wrote:" citations, the
// element that holds all posts, and page numbers shown as "Page 2 of 5".

/** Addresses that name one post, in the spellings engines use. */
const POST_LINK = [
  /goto\/post\?id=(\d+)/,
  /[?&]p=(\d+)/,
  /#p(\d+)$/,
  /#post-?(\d+)$/,
  /\/posts?[-/](\d+)/,
  /#comment-(\d+)$/,
  /\/comment\/(\d+)/,
  /#Comment_(\d+)$/,
  /[?&]comment=(\d+)/,
  /#elComment_(\d+)$/,
  /[.#]msg(\d+)/,
  /[?&;]msg=(\d+)/,
  /[?&]pid=(\d+)/,
  /#pid(\d+)$/,
];

export function postIdInLink(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  for (const pattern of POST_LINK) {
    const id = pattern.exec(href)?.[1];
    if (id) return id;
  }
  return undefined;
}

/** The first link in `el` that names a post, and the post it names. */
export function firstPostLink(el: Element): string | undefined {
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    const id = postIdInLink(a.getAttribute('href'));
    if (id) return id;
  }
  return undefined;
}

const CITATION = [
  /^\s*(?:quote:\s*)?originally posted by:?\s*(.{1,60}?)\s*(?:view post|[↑»]|$)/i,
  /^\s*(?:quote from:\s*)?(.{1,60}?)\s+(?:wrote|said|posted|schrieb|a écrit)\s*:?/i,
  /^\s*quote from:\s*(.{1,60}?)(?:\s+on\s+.*)?$/i,
];

/** "dbenham wrote: ↑" → "dbenham". */
export function citationAuthor(cite: string): string | undefined {
  const t = cite.replace(/\s+/g, ' ').trim();
  for (const pattern of CITATION) {
    const name = pattern.exec(t)?.[1]?.trim();
    if (name) return name;
  }
  return undefined;
}

/**
 * A quote read from its block, its citation element and the content. A citation inside the content is its
 * source line only: left out of the quoted text and of what the view shows as quoted words.
 */
export function citedQuote(el: Element, cite: Element | null, content: Element = el): QuoteRead {
  const citeText = text(cite);
  const inside = cite && content.contains(cite) ? cite : null;
  const quote: QuoteRead = { text: elementText(content, inside), content, cite: inside };
  const author = citationAuthor(citeText);
  if (author) quote.sourceAuthor = author;
  const sourceId = cite ? firstPostLink(cite) : undefined;
  if (sourceId) quote.sourceId = sourceId;
  return quote;
}

/** The one element all posts sit in directly, or else their nearest common ancestor. */
export function postsRoot(posts: Element[]): Element | null {
  const first = posts[0]?.parentElement ?? null;
  if (!first || posts.every((p) => p.parentElement === first)) return first;
  let at: Element | null = first;
  while (at && !posts.every((p) => at!.contains(p))) at = at.parentElement;
  return at;
}

/** "Page 2 of 5" anywhere in the element's text. */
export function pageOfText(el: Element | null): { page: number; pages: number } | null {
  const m = /Page\s+(\d+)\s+of\s+(\d+)/i.exec(el?.textContent ?? '');
  return m ? { page: Number(m[1]), pages: Number(m[2]) } : null;
}

/** The digits of an id attribute ("p55573", "post_123", "elComment_9") when it has that prefix. */
export function idAfter(el: Element, prefix: string): string | undefined {
  const id = el.id;
  return id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length)) ? id.slice(prefix.length) : undefined;
}

/**
 * Where engines put their page links: phpBB, vBulletin 4, Invision, WordPress; vBulletin 3 and 5, XenForo;
 * Vanilla; WordPress's comment pages (a.page-numbers).
 */
const PAGER =
  '[class*="pagination" i], [class*="pagenav" i], [class*="pager" i], .page-numbers, .pagelinks, .pagesection';

/** Numbered links in the page's pagination. */
function pagerLinks(doc: Document, base: string): Map<number, string> {
  const byNumber = new Map<number, string>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const n = Number(text(a));
    if (!Number.isInteger(n) || n < 1 || n > 9999 || !a.closest(PAGER)) continue;
    const href = safeUrl(a.getAttribute('href'), base);
    if (href && !byNumber.has(n)) byNumber.set(n, href);
  }
  return byNumber;
}

/** From a link to page m, the address of any page n: a post offset (start=) or a page number in the path. */
function pageTemplate(m: number, href: string): ((n: number) => string) | null {
  const start = /([?&])start=(\d+)/.exec(href);
  if (start && m > 1 && Number(start[2]) % (m - 1) === 0) {
    const step = Number(start[2]) / (m - 1);
    return (n) => href.replace(/([?&])start=\d+/, `$1start=${(n - 1) * step}`);
  }
  // SMF: index.php?topic=<id>.<offset of the page's first post>
  const offset = /([?&;]topic=\d+\.)(\d+)/.exec(href);
  if (offset && m > 1 && Number(offset[2]) % (m - 1) === 0) {
    const step = Number(offset[2]) / (m - 1);
    return (n) => href.replace(/([?&;]topic=\d+\.)\d+/, `$1${(n - 1) * step}`);
  }
  const page = new RegExp(`(page[=/-]?|[-/]p)${m}(?!\\d)`, 'i').exec(href);
  if (!page) return null;
  const at = page.index + page[1]!.length;
  return (n) => href.slice(0, at) + n + href.slice(at + String(m).length);
}

/**
 * Every page of the thread, from the page's own pagination: pages it links to as they are, the others by the
 * pattern of one of them. Null when there is no second page (or its pattern cannot be read).
 */
export function threadPages(doc: Document, base: string): string[] | null {
  const links = pagerLinks(doc, base);
  const count = Math.max(0, ...links.keys());
  const sample = Array.from(links).find(([m]) => m > 1);
  const template = sample ? pageTemplate(sample[0], sample[1]) : null;
  if (count < 2 || !template) return null;
  return Array.from({ length: count }, (_, i) => links.get(i + 1) ?? template(i + 1));
}
