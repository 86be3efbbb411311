import { t } from '@/utils/platform/i18n';
import { PreviewTrigger } from './QuotePreview';
import type { TreeEnv } from './tree-store';

/** How many backlinks show before "N more". */
const SHOWN = 8;

/** "Quoted by A, B": links to the comments quoting this one; each previews on hover and is followed on click. */
export function QuotedBy({ id, env, tab }: { id: string; env: TreeEnv; tab: 0 | -1 }) {
  const ids = env.quotedBy.get(id);
  if (!ids?.length) return null;
  const shown = ids.slice(0, SHOWN);
  return (
    <div class="tl-quoted-by" data-threadlight="quoted-by">
      {t('quotedBy')}{' '}
      {shown.map((other, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <PreviewTrigger key={other} id={other} onFollow={() => env.onJump(other)}>
            {(wire) => (
              <a
                href={`#tl-c-${other}`}
                class="tl-backlink"
                data-comment-ref={other}
                tabIndex={tab}
                {...wire}
                onClick={(e) => {
                  e.preventDefault();
                  wire.onClick(e);
                }}
              >
                {env.authorOf(other) || t('anonymous')}
              </a>
            )}
          </PreviewTrigger>
        </>
      ))}
      {ids.length > SHOWN ? <> {t('andMore', ids.length - SHOWN)}</> : null}
    </div>
  );
}
