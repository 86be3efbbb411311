import { Fragment, type ComponentChildren } from 'preact';
import { t } from '@/utils/platform/i18n';
import { pure } from './pure';
import { useContext } from 'preact/hooks';
import type { BodyNode, Quote } from '@/utils/pipeline/model';
import type { BrandMatcher, Segment } from '@/utils/pipeline/highlight/brands';
import type { QuoteLink } from '@/utils/pipeline/thread/thread-by-quotes';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';
import { hitRanges } from '@/utils/pipeline/arrange/search';
import { QuoteBlock } from './QuoteBlock';
import { TreeContext } from './tree-store';

interface Props {
  nodes: BodyNode[];
  /** The comment's quotes (their named authors, for quotes whose source is not on the page). */
  quotes?: Quote[];
  links: QuoteLink[];
  matcher: BrandMatcher | null;
  /** The comment this one sits under in the tree: a quote of it folds to one line (threaded view). */
  parentId: string | null;
  /** Indexes of quotes of a muted person: folded to a line that does not show their words. */
  mutedQuotes?: ReadonlySet<number> | undefined;
  /** Tab stop of the controls inside (0 in the comment that holds the tree's focus). */
  tab: 0 | -1;
  /** The folded search query whose hits are marked ('' for none). */
  query?: string;
}

/** Segments per matcher and text: re-rendering a comment (sort, filter changes) does not scan it again. */
const segmentCache = new WeakMap<BrandMatcher, Map<string, Segment[]>>();
function segmentsOf(matcher: BrandMatcher, text: string): Segment[] {
  let cache = segmentCache.get(matcher);
  if (!cache) segmentCache.set(matcher, (cache = new Map()));
  let segments = cache.get(text);
  if (!segments) cache.set(text, (segments = matcher.segments(text)));
  return segments;
}

/** An image that failed to load is hidden rather than shown as a broken icon. */
export function hideBroken(e: Event) {
  (e.currentTarget as HTMLElement).style.display = 'none';
}

/** Text with brand mentions wrapped in <mark data-brand> (a plain function, not a component: one less
 * instance per text node in long discussions). */
function branded(text: string, matcher: BrandMatcher | null): ComponentChildren {
  if (!matcher) return text;
  return segmentsOf(matcher, text).map((seg, i) =>
    seg.brand ? (
      <mark
        key={i}
        data-brand={seg.brand}
        class="tl-brand"
        style={{ '--tl-brand-color': matcher.colors.get(seg.brand) }}
      >
        {seg.text}
      </mark>
    ) : (
      seg.text
    ),
  );
}

/** Text with search hits in <mark data-search-hit> and brand mentions in <mark data-brand>. */
export function highlighted(text: string, matcher: BrandMatcher | null, query = ''): ComponentChildren {
  const hits = query ? hitRanges(text, query) : [];
  if (hits.length === 0) return branded(text, matcher);
  const out: ComponentChildren[] = [];
  let at = 0;
  hits.forEach(([from, to], i) => {
    if (from > at) out.push(<Fragment key={`t${i}`}>{branded(text.slice(at, from), matcher)}</Fragment>);
    out.push(
      <mark key={`h${i}`} class="tl-hit" data-search-hit="">
        {text.slice(from, to)}
      </mark>,
    );
    at = to;
  });
  if (at < text.length) out.push(<Fragment key="end">{branded(text.slice(at), matcher)}</Fragment>);
  return out;
}

const TAGS = new Set(['p', 'em', 'strong', 'u', 's', 'code', 'pre', 'ul', 'ol', 'li', 'span']);

/** Renders extracted body data with Preact elements only: no HTML strings, only http(s) URLs. */
export const CommentBody = pure(function CommentBody(props: Props) {
  const { nodes, quotes, links, matcher, parentId, tab, query, mutedQuotes } = props;
  const env = useContext(TreeContext)!;
  const render = (list: BodyNode[]): ComponentChildren =>
    list.map((n, i) => {
      switch (n.type) {
        case 'text':
          return <Fragment key={i}>{highlighted(n.text, matcher, query)}</Fragment>;
        case 'br':
          return <br key={i} />;
        case 'img': {
          const src = safeUrl(n.src, 'https://invalid.invalid/');
          return src ? <img key={i} src={src} alt={n.alt} loading="lazy" class="tl-img" onError={hideBroken} /> : null;
        }
        case 'link': {
          const href = safeUrl(n.href, 'https://invalid.invalid/');
          return href ? (
            <a key={i} href={href} target="_blank" rel="noopener noreferrer nofollow" tabIndex={tab}>
              {render(n.children)}
            </a>
          ) : (
            <span key={i}>{render(n.children)}</span>
          );
        }
        case 'quote':
          return (
            <QuoteBlock
              key={i}
              index={n.index}
              links={links}
              env={env}
              parentId={parentId}
              tab={tab}
              nodes={n.children}
              named={quotes?.[n.index]?.sourceAuthor}
              muted={mutedQuotes?.has(n.index) ?? false}
            >
              {render(n.children)}
            </QuoteBlock>
          );
        case 'fold':
          return (
            <details key={i} class="tl-fold" data-fold={n.kind}>
              <summary tabIndex={tab}>{n.label || t(n.kind === 'signature' ? 'foldSignature' : 'foldSpoiler')}</summary>
              {render(n.children)}
            </details>
          );
        default: {
          // p, em, strong, u, s, code, pre, ul, ol, li, span: the same element, its children rendered. Only
          // these (a cached body is stored data, read back as untrusted).
          if (!TAGS.has(n.type)) return null;
          const Tag = n.type;
          return <Tag key={i}>{render(n.children)}</Tag>;
        }
      }
    });
  return <div class="tl-body">{render(nodes)}</div>;
});
