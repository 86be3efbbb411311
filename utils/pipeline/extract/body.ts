import type { BodyNode, Quote } from '@/utils/pipeline/model';
import { safeUrl } from './safe-url';
import { own } from '../own';
import { disclosureOf, isEngineControl } from './chrome';

// Turns a comment body element into BodyNode data. Whitelist only: anything not listed is reduced to its
// text or dropped, so hostile markup (scripts, handlers, frames, SVG) never survives extraction.

/** A quote as read: its data, the element holding its words, and its citation line when that is inside. */
export type QuoteRead = Quote & { content: Element; cite?: Element | null };

export interface QuoteReader {
  /** Is this element a quote block? */
  isQuote(el: Element): boolean;
  /** The quote's visible text, explicit source and the element holding its content. */
  read(el: Element): QuoteRead;
  /**
   * An element just before the quote that cites it (SMF's `div.quoteheader`, NodeBB's "@X said in …"
   * paragraph, a board's `cite` sibling): read with the quote by `read`, never shown as text of its own.
   */
  citationOf?(quote: Element): Element | null;
}

const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'TEMPLATE',
  'NOSCRIPT',
  'FORM',
  'INPUT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'LINK',
  'META',
  'BASE',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'DIALOG',
]);
const INLINE: Record<string, BodyNode['type']> = {
  EM: 'em',
  I: 'em',
  STRONG: 'strong',
  B: 'strong',
  U: 'u',
  S: 's',
  STRIKE: 's',
  DEL: 's',
  CODE: 'code',
  PRE: 'pre',
  UL: 'ul',
  OL: 'ol',
  LI: 'li',
  P: 'p',
  DIV: 'p',
  BLOCKQUOTE: 'p',
  SPAN: 'span',
};
/** Nesting beyond this is flattened to text: 100-level quote chains must not blow the stack. */
const MAX_DEPTH = 64;
/** Lazy-loading placeholders (2022 markup): the real image is in data-src. */
const PLACEHOLDER = /1x1\.trans\.gif|^data:/i;

export interface BodyResult {
  body: BodyNode[];
  quotes: Quote[];
}

export function extractBody(root: Element, base: string, quotes: QuoteReader): BodyResult {
  const found: Quote[] = [];
  const walk = (parent: Node, depth: number, inQuote: boolean, skip: Element | null = null): BodyNode[] => {
    const out: BodyNode[] = [];
    const above = parent.nodeType === 1 ? ((parent as Element).getAttribute('class') ?? '') : '';
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node === skip) continue;
      if (node.nodeType === 3) {
        const text = node.nodeValue ?? '';
        if (text) out.push({ type: 'text', text });
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (DROP.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
      const cls = el.getAttribute('class') ?? '';
      if (isEngineControl(tag, cls, above) || isCitation(el, quotes)) continue;
      if (depth >= MAX_DEPTH) {
        const text = el.textContent ?? '';
        if (text) out.push({ type: 'text', text });
        continue;
      }
      if (quotes.isQuote(el)) {
        out.push(quoteNode(el, depth, inQuote, state));
        continue;
      }
      const fold = disclosureOf(el, cls);
      if (fold) {
        const children = walk(fold.content, depth + 1, inQuote, fold.labelEl);
        out.push({ type: 'fold', kind: fold.kind, label: fold.label, children });
        continue;
      }
      if (tag === 'BR') out.push({ type: 'br' });
      else if (tag === 'A') {
        const href = safeUrl(el.getAttribute('href'), base);
        const children = walk(el, depth + 1, inQuote, skip);
        if (href) out.push({ type: 'link', href, children });
        else out.push(...children);
      } else if (tag === 'IMG') {
        const src = el.getAttribute('src');
        const lazy = el.getAttribute('data-src');
        const url = safeUrl(lazy && (!src || PLACEHOLDER.test(src)) ? lazy : src, base);
        if (url) out.push({ type: 'img', src: url, alt: (el.getAttribute('alt') ?? '').slice(0, 200) });
      } else {
        const type = own(INLINE, tag);
        const children = walk(el, depth + 1, inQuote, skip);
        if (type) out.push({ type, children } as BodyNode);
        else out.push(...children);
      }
    }
    return out;
  };
  const state: QuoteState = { found, inner: new Set(), quotes, walk };
  const body = tidyBreaks(walk(root, 0, false));
  return { body, quotes: found };
}

/**
 * The words a quote is matched by: for a quote of a quote, only those outside the inner quotes (its source is
 * the post whose own words it repeats), when there are any.
 */
function matchedWords(quote: Quote, children: BodyNode[], inner: ReadonlySet<BodyNode>): Quote {
  const outside = (nodes: BodyNode[]): BodyNode[] =>
    nodes
      .filter((n) => !inner.has(n))
      .map((n) => ('children' in n && n.type !== 'quote' ? ({ ...n, children: outside(n.children) } as BodyNode) : n));
  const outer = bodyText(outside(children));
  if (outer && outer.length < quote.text.length) quote.text = outer;
  return quote;
}

type Walk = (parent: Node, depth: number, inQuote: boolean, skip?: Element | null) => BodyNode[];

interface QuoteState {
  /** The comment's quotes so far. */
  found: Quote[];
  /** Blocks made of quotes inside quotes (innerQuote), to leave out of the outer quote's matched words. */
  inner: Set<BodyNode>;
  quotes: QuoteReader;
  walk: Walk;
}

/** A quote of the comment (its index into the comment's quotes), or a quote inside one (a block). */
function quoteNode(el: Element, depth: number, inQuote: boolean, state: QuoteState): BodyNode {
  const { found, inner, quotes, walk } = state;
  if (inQuote) {
    const block = innerQuote(el, quotes, walk, depth);
    inner.add(block);
    return block;
  }
  const { content, cite, ...quote } = quotes.read(el);
  const before = inner.size;
  const children = walk(content, depth + 1, true, cite ?? null);
  const index = found.push(inner.size > before ? matchedWords(quote, children, inner) : quote) - 1;
  return { type: 'quote', index, children };
}

/** A quote inside a quote: a block led by its source's name, its citation line not repeated as text. */
function innerQuote(el: Element, quotes: QuoteReader, walk: Walk, depth: number): BodyNode {
  const { content, cite, sourceAuthor } = quotes.read(el);
  const children = walk(content, depth + 1, true, cite ?? null);
  if (sourceAuthor) children.unshift({ type: 'em', children: [{ type: 'text', text: sourceAuthor }] }, { type: 'br' });
  return { type: 'p', children };
}

/** Is `el` the citation of the quote that follows it (QuoteReader.citationOf)? */
function isCitation(el: Element, quotes: QuoteReader): boolean {
  if (!quotes.citationOf) return false;
  let next = el.nextElementSibling;
  while (next && DROP.has(next.tagName.toUpperCase())) next = next.nextElementSibling;
  return !!next && quotes.isQuote(next) && quotes.citationOf(next) === el;
}

const isBlank = (n: BodyNode) => n.type === 'br' || (n.type === 'text' && !n.text.trim());

/**
 * Line breaks that only separate a quote from the reply (the site writes `<p class="quote">…</p> <br> <br>`),
 * or lead or trail the body, are layout the view does itself; runs of more than two breaks become two.
 */
export function tidyBreaks(nodes: BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  let breaks = 0;
  for (const n of nodes) {
    if (isBlank(n)) {
      const prev = out[out.length - 1];
      if (!prev || prev.type === 'quote') continue;
      if (n.type === 'br' && ++breaks > 2) continue;
      out.push(n);
      continue;
    }
    if (n.type === 'quote') while (out.length && isBlank(out[out.length - 1]!)) out.pop();
    breaks = 0;
    out.push(n);
  }
  while (out.length && isBlank(out[out.length - 1]!)) out.pop();
  return out;
}

const BLOCK = new Set(['p', 'pre', 'ul', 'ol', 'li', 'quote', 'fold']);

/** Plain text of body nodes; quotes are skipped unless asked for. Line breaks become "\n". */
export function bodyText(nodes: BodyNode[], withQuotes = false): string {
  let out = '';
  const walk = (list: BodyNode[]) => {
    for (const n of list) {
      if (n.type === 'text') out += n.text;
      else if (n.type === 'br') out += '\n';
      else if (n.type === 'img') continue;
      else if (n.type === 'quote' && !withQuotes) out += '\n';
      else if (n.type === 'fold' && n.kind === 'signature') out += '\n';
      else {
        if (BLOCK.has(n.type)) out += '\n';
        walk(n.children);
        if (BLOCK.has(n.type)) out += '\n';
      }
    }
  };
  walk(nodes);
  return out
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
}

/** Text of an element with <br> and block ends as line breaks (for quotes). */
export function elementText(el: Element, skip: Element | null = null): string {
  const parts: string[] = [];
  const walk = (node: Element, depth: number) => {
    const above = node.getAttribute('class') ?? '';
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c === skip) continue;
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (DROP.has(tag)) continue;
        if (isEngineControl(tag, (c as Element).getAttribute('class') ?? '', above)) continue;
        if (tag === 'BR') parts.push('\n');
        else if (depth > MAX_DEPTH) parts.push(c.textContent ?? '');
        else {
          walk(c as Element, depth + 1);
          if (tag === 'P' || tag === 'DIV' || tag === 'LI') parts.push('\n');
        }
      }
    }
  };
  walk(el, 0);
  return parts
    .join('')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
}
