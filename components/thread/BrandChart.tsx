import type { BrandStat } from '@/utils/pipeline/highlight/brands';

interface Props {
  stats: BrandStat[];
  focus: string[];
  onFocus(ids: string[]): void;
}

const ROW = 22;
const LABEL = 92;
const BAR = 160;

/** Mentions per brand in this discussion, and votes on those comments; a click focuses the thread on it. */
export function BrandChart({ stats, focus, onFocus }: Props) {
  if (stats.length === 0) return null;
  const max = Math.max(...stats.map((s) => s.mentions));
  const shown = stats.slice(0, 12);
  return (
    <figure class="tl-chart">
      <figcaption>
        Brands in this discussion{focus.length ? ' (click again to clear the focus)' : ' (click one to focus)'}
      </figcaption>
      <svg
        role="list"
        aria-label="Brand mentions"
        width={LABEL + BAR + 150}
        height={shown.length * ROW}
        viewBox={`0 0 ${LABEL + BAR + 150} ${shown.length * ROW}`}
      >
        {shown.map((s, i) => {
          const active = focus.includes(s.id);
          const toggle = () => onFocus(active ? focus.filter((f) => f !== s.id) : [...focus, s.id]);
          return (
            <g
              key={s.id}
              role="button"
              tabIndex={0}
              aria-pressed={active}
              aria-label={`${s.label}: ${s.mentions} mentions in ${s.comments} comments, ${s.votes} votes`}
              data-brand={s.id}
              class={`tl-chart-row${active ? ' tl-active' : ''}`}
              transform={`translate(0 ${i * ROW})`}
              onClick={toggle}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  toggle();
                }
              }}
            >
              <rect class="tl-chart-hit" x={0} y={0} width={LABEL + BAR + 150} height={ROW} />
              <text x={0} y={15} class="tl-chart-label">
                {s.label}
              </text>
              <rect
                x={LABEL}
                y={4}
                width={Math.max(2, (s.mentions / max) * BAR)}
                height={ROW - 8}
                rx={3}
                fill={s.color}
              />
              <text x={LABEL + BAR + 8} y={15} class="tl-chart-value">
                {s.mentions} · {s.votes} votes
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
