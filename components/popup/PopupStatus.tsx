import type { TabStats } from '@/utils/platform/messages';

/** What the tab shows: asking, no section, or how many comments are shown and hidden. */
export function PopupStatus({ stats }: { stats: TabStats | null | undefined }) {
  const text =
    stats === undefined
      ? 'Checking this tab…'
      : stats === null
        ? 'No comment section on this tab.'
        : !stats.found
          ? 'No comment section found on this page.'
          : stats.enabled && stats.total
            ? `${stats.shown} of ${stats.total} comments shown${stats.hidden ? `, ${stats.hidden} hidden by filters` : ''}.`
            : `${stats.total} comments on this page (view off).`;
  return (
    <p class="tl-status" aria-live="polite">
      {text}
    </p>
  );
}
