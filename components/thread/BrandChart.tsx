import { t } from '@/utils/platform/i18n';
import { useState } from 'preact/hooks';
import type { BrandStat } from '@/utils/pipeline/highlight/brands';
import { count } from '@/components/shared/labels';

interface Props {
  stats: BrandStat[];
  focus: string[];
  onFocus(ids: string[]): void;
  /** Whether the page rates its comments: votes are only counted where it does. */
  rated?: boolean;
}

/** Rows shown before "more": the chart stays a few lines above the comments. */
const COMPACT = 4;

/**
 * Mentions per brand in this discussion, and votes on those comments; each row is a button that focuses the
 * thread on that brand (a second press clears it). Plain HTML, so every row is a real tab stop.
 */
export function BrandChart({ stats, focus, onFocus, rated = true }: Props) {
  const [all, setAll] = useState(false);
  if (stats.length === 0) return null;
  const max = Math.max(...stats.map((s) => s.mentions));
  const shown = all ? stats : stats.slice(0, COMPACT);
  return (
    <figure class="tl-chart">
      <figcaption id="tl-chart-caption">{focus.length ? t('chartCaptionFocused') : t('chartCaption')}</figcaption>
      <ul aria-labelledby="tl-chart-caption">
        {shown.map((s) => {
          const active = focus.includes(s.id);
          const toggle = () => onFocus(active ? focus.filter((f) => f !== s.id) : [...focus, s.id]);
          return (
            <li key={s.id}>
              <button
                type="button"
                class={`tl-chart-row${active ? ' tl-active' : ''}`}
                data-brand={s.id}
                aria-pressed={active}
                title={t('mentionsIn', count(s.mentions, 'mentions'), count(s.comments, 'comments'))}
                onClick={toggle}
              >
                <span class="tl-chart-label">{s.label}</span>{' '}
                <span class="tl-chart-bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(2, (s.mentions / max) * 100)}%`, background: s.color }} />
                </span>{' '}
                <span class="tl-chart-value">
                  {count(s.mentions, 'mentions')}
                  {rated ? <> · {count(s.votes, 'votes')}</> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {stats.length > COMPACT ? (
        <button type="button" class="tl-linkish" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('fewerBrands') : t('allBrands', stats.length)}
        </button>
      ) : null}
    </figure>
  );
}
