import { t } from '@/utils/platform/i18n';
import type { NotLoaded } from '@/utils/pipeline/model';
import { count } from '@/components/shared/labels';

// What the site has but the page does not hold keeps its place: "3 replies not loaded here · Open on the
// site". Never dropped, never fetched by us: the site's own link shows them.

function SiteLink({ url, tab }: { url: string | undefined; tab: 0 | -1 }) {
  if (!url) return null;
  return (
    <>
      {' · '}
      <a href={url} target="_blank" rel="noopener noreferrer" tabIndex={tab}>
        {t('openOnSite')}
      </a>
    </>
  );
}

/** Replies of a comment (or top-level comments, `what: 'comments'`) the page does not hold. */
export function NotLoadedLine(props: { more: NotLoaded; what: 'replies' | 'comments'; tab: 0 | -1 }) {
  const { more, what, tab } = props;
  const label =
    more.count !== null
      ? t('notLoadedCount', count(more.count, what))
      : t(what === 'replies' ? 'notLoadedReplies' : 'notLoadedComments');
  return (
    <p class="tl-not-loaded" data-not-loaded="" data-count={more.count ?? undefined}>
      {label}
      <SiteLink url={more.url} tab={tab} />
    </p>
  );
}

/** A comment whose place is all the page has (the site hides it below the reader's threshold). */
export function WithheldComment({ url, tab }: { url: string | undefined; tab: 0 | -1 }) {
  return (
    <div class="tl-placeholder tl-withheld">
      {t('notLoadedComment')}
      <SiteLink url={url} tab={tab} />
    </div>
  );
}
