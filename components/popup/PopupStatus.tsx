import type { TabStats } from '@/utils/platform/messages';
import { t } from '@/utils/platform/i18n';

/** What the tab shows: asking, no section, or how many comments are shown and hidden. */
export function PopupStatus({ stats }: { stats: TabStats | null | undefined }) {
  const text =
    stats === undefined
      ? t('checkingTab')
      : stats === null
        ? t('noSectionTab')
        : !stats.found
          ? t('noSectionPage')
          : stats.enabled && stats.total
            ? stats.hidden
              ? t('shownOfHidden', stats.shown, stats.total, stats.hidden)
              : t('shownOf', stats.shown, stats.total)
            : t('onPageViewOff', stats.total);
  return (
    <p class="tl-status" aria-live="polite">
      {text}
      {stats?.found && stats.rated === false ? ` ${t('noRatingsTab')}` : ''}
    </p>
  );
}
