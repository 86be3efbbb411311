import type { TabStats } from '@/utils/platform/messages';
import { t } from '@/utils/platform/i18n';
import { count } from '@/components/shared/labels';

/** How many comments are shown and hidden, or why there is no view. */
function countsLine(stats: TabStats | null | undefined): string {
  if (stats === undefined) return t('checkingTab');
  if (stats === null) return t('noSectionTab');
  if (!stats.found) return stats.aside === 'unclear-tree' ? t('asideUnclearTree') : t('noSectionPage');
  if (!stats.enabled || !stats.total) return t('onPageViewOff', stats.total);
  return stats.hidden
    ? t('shownOfHidden', stats.shown, stats.total, stats.hidden)
    : t('shownOf', stats.shown, stats.total);
}

/** The discussion's shape: "137 comments in 4 levels, nesting from the site." */
function shapeLine(stats: TabStats | null | undefined): string | null {
  if (!stats?.found || !stats.enabled || !stats.levels || !stats.nesting) return null;
  const comments = count(stats.total, 'comments');
  if (stats.nesting === 'flat') return t('shapeFlat', comments);
  return t(stats.nesting === 'site' ? 'shapeSite' : 'shapeQuotes', comments, count(stats.levels, 'levels'));
}

/** What the tab shows: asking, no section (and why), how many comments are shown and hidden, their shape. */
export function PopupStatus({ stats }: { stats: TabStats | null | undefined }) {
  const shape = shapeLine(stats);
  return (
    <>
      <p class="tl-status" aria-live="polite">
        {countsLine(stats)}
        {stats?.found && stats.rated === false ? ` ${t('noRatingsTab')}` : ''}
      </p>
      {shape ? <p class="tl-shape">{shape}</p> : null}
    </>
  );
}
