import { Fragment, type ComponentChildren } from 'preact';
import { pure } from './pure';
import { useContext } from 'preact/hooks';
import type { BodyNode } from '@/utils/pipeline/model';
import type { BrandMatcher, Segment } from '@/utils/pipeline/highlight/brands';
import type { QuoteLink } from '@/utils/pipeline/thread/thread-by-quotes';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';
import { TreeContext, type TreeEnv } from './tree-store';

interface Props {
  nodes: BodyNode[];
  links: QuoteLink[];
  matcher: BrandMatcher | null;
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
export function highlighted(text: string, matcher: BrandMatcher | null): ComponentChildren {
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

/** Renders extracted body data with Preact elements only: no HTML strings, only http(s) URLs. */
export const CommentBody = pure(function CommentBody({ nodes, links, matcher }: Props) {
  const env = useContext(TreeContext)!;
  const render = (list: BodyNode[]): ComponentChildren =>
    list.map((n, i) => {
      switch (n.type) {
        case 'text':
          return <Fragment key={i}>{highlighted(n.text, matcher)}</Fragment>;
        case 'br':
          return <br key={i} />;
        case 'img': {
          const src = safeUrl(n.src, 'https://invalid.invalid/');
          return src ? <img key={i} src={src} alt={n.alt} loading="lazy" class="tl-img" onError={hideBroken} /> : null;
        }
        case 'link': {
          const href = safeUrl(n.href, 'https://invalid.invalid/');
          return href ? (
            <a key={i} href={href} target="_blank" rel="noopener noreferrer nofollow">
              {render(n.children)}
            </a>
          ) : (
            <span key={i}>{render(n.children)}</span>
          );
        }
        case 'quote':
          return (
            <QuoteBlock key={i} index={n.index} links={links} env={env}>
              {render(n.children)}
            </QuoteBlock>
          );
        case 'p':
          return <p key={i}>{render(n.children)}</p>;
        case 'em':
          return <em key={i}>{render(n.children)}</em>;
        case 'strong':
          return <strong key={i}>{render(n.children)}</strong>;
        case 'u':
          return <u key={i}>{render(n.children)}</u>;
        case 's':
          return <s key={i}>{render(n.children)}</s>;
        case 'code':
          return <code key={i}>{render(n.children)}</code>;
        case 'pre':
          return <pre key={i}>{render(n.children)}</pre>;
        case 'ul':
          return <ul key={i}>{render(n.children)}</ul>;
        case 'ol':
          return <ol key={i}>{render(n.children)}</ol>;
        case 'li':
          return <li key={i}>{render(n.children)}</li>;
        default:
          return <span key={i}>{render(n.children)}</span>;
      }
    });
  return <div class="tl-body">{render(nodes)}</div>;
});

function QuoteBlock({
  index,
  links,
  env,
  children,
}: {
  index: number;
  links: QuoteLink[];
  env: TreeEnv;
  children: ComponentChildren;
}) {
  const link = links.find((l) => l.quote === index);
  const source = link?.sourceId ?? '';
  const author = source ? env.authorOf(source) : undefined;
  return (
    <blockquote class="tl-quote" data-quote-of={source} data-link={link?.method ?? 'none'}>
      <div class="tl-quote-source">
        {source ? (
          <button
            type="button"
            class="tl-linkish"
            onClick={() => env.onJump(source)}
            title={`Matched ${link?.method === 'exact' ? 'by post id' : `by text, ${Math.round((link?.confidence ?? 0) * 100)}% confident`}`}
          >
            ↪ {author ?? 'Quoted comment'}
          </button>
        ) : (
          <span>
            Quoted comment not shown here
            {env.discussionUrl ? (
              <>
                {' · '}
                <a href={env.discussionUrl} target="_blank" rel="noopener noreferrer">
                  (View all)
                </a>
              </>
            ) : null}
          </span>
        )}
      </div>
      {children}
    </blockquote>
  );
}
