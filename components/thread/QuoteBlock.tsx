import { t } from '@/utils/platform/i18n';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { BodyNode } from '@/utils/pipeline/model';
import { bodyText } from '@/utils/pipeline/extract/body';
import type { QuoteLink } from '@/utils/pipeline/thread/thread-by-quotes';
import { PreviewTrigger } from './QuotePreview';
import type { TreeEnv } from './tree-store';
import { Named } from '@/components/shared/Named';

interface Props {
  index: number;
  links: QuoteLink[];
  env: TreeEnv;
  /** The comment the quoting one sits under: a quote of it is folded, the parent being right above. */
  parentId: string | null;
  tab: 0 | -1;
  /** The quote's own content, for the one-line summary of a folded quote. */
  nodes: BodyNode[];
  /** The author the quote's citation names ("Allan wrote:"), shown where its post is not on the page. */
  named?: string | undefined;
  /** A quote of a muted person: one line that does not show their words until the reader asks. */
  muted?: boolean;
  children: ComponentChildren;
}

const SUMMARY_CHARS = 90;

/** The quote in one line, without the ">" marks of a plain-text quote (Hacker News, mail). */
const summary = (nodes: BodyNode[]) => {
  const text = bodyText(nodes)
    .replace(/\s+/g, ' ')
    .replace(/^(?:\s*>)+\s*/, '');
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS).trimEnd()}…` : text;
};

function matchTitle(link: QuoteLink | undefined) {
  return link?.method === 'exact' ? t('matchedById') : t('matchedByText', Math.round((link?.confidence ?? 0) * 100));
}

interface SourceProps {
  source: string;
  link?: QuoteLink | undefined;
  env: TreeEnv;
  tab: 0 | -1;
  named?: string | undefined;
}

/** The quote's source: the quoted comment (previewed on hover or focus, followed on click), or a note. */
function QuoteSource({ source, link, env, tab, named }: SourceProps) {
  if (!source)
    return (
      <span>
        {named ? <Named k="quoteOfNotShown" name={named} /> : t('quoteNotShown')}
        {env.discussionUrl ? (
          <>
            {' · '}
            <a href={env.discussionUrl} target="_blank" rel="noopener noreferrer" tabIndex={tab}>
              {t('viewAll')}
            </a>
          </>
        ) : null}
      </span>
    );
  return (
    <PreviewTrigger id={source} onFollow={() => env.onJump(source)}>
      {(wire) => (
        <button type="button" class="tl-linkish" tabIndex={tab} title={matchTitle(link)} {...wire}>
          ↪ {env.authorOf(source) ?? t('quotedComment')}
        </button>
      )}
    </PreviewTrigger>
  );
}

/** A quote of a muted person, folded to one line; a click shows it (and folds it again). */
function MutedQuote(props: Props) {
  const [open, setOpen] = useState(false);
  const toggle = (
    <button type="button" class="tl-linkish" tabIndex={props.tab} aria-expanded={open} onClick={() => setOpen(!open)}>
      {open ? t('hideMutedQuote') : t('mutedQuote')}
    </button>
  );
  if (!open)
    return (
      <blockquote class="tl-quote" data-muted-quote="" data-folded="">
        {toggle}
      </blockquote>
    );
  return <ShownQuote {...props} toggle={toggle} />;
}

/** A quote in a comment: folded where it is of a muted person, else shown (ShownQuote). */
export const QuoteBlock = (props: Props) => (props.muted ? <MutedQuote {...props} /> : <ShownQuote {...props} />);

/** A quote shown: its source, then its text; a quote of the parent shown right above is one line. */
function ShownQuote(props: Props & { toggle?: ComponentChildren }) {
  const { index, links, env, parentId, tab, nodes, named, children } = props;
  const link = links.find((l) => l.quote === index);
  const source = link?.sourceId ?? '';
  const foldable = !props.toggle && env.threaded && source !== '' && source === parentId;
  const [folded, setFolded] = useState(true);
  const fold = foldable ? (
    <button
      type="button"
      class="tl-linkish tl-quote-fold"
      tabIndex={tab}
      aria-expanded={!folded}
      onClick={() => setFolded(!folded)}
    >
      {folded ? t('quoteAbove', summary(nodes)) : t('foldQuote')}
    </button>
  ) : null;
  if (foldable && folded)
    return (
      <blockquote class="tl-quote" data-quote-of={source} data-link={link?.method ?? 'none'} data-folded="">
        {fold}
      </blockquote>
    );
  return (
    <blockquote
      class="tl-quote"
      data-quote-of={source}
      data-link={link?.method ?? 'none'}
      data-muted-quote={props.toggle ? '' : undefined}
    >
      <div class="tl-quote-source">
        <QuoteSource source={source} link={link} env={env} tab={tab} named={named} />
        {fold ? <> · {fold}</> : null}
        {props.toggle ? <> · {props.toggle}</> : null}
      </div>
      {children}
    </blockquote>
  );
}
