import { useState } from 'preact/hooks';
import { usePrefsState } from '@/components/shared/use-prefs-state';
import type { Prefs, ViewMode } from '@/utils/platform/prefs';
import { enabledOn, siteKey, splitList } from '@/utils/platform/prefs';
import type { SortMode } from '@/utils/pipeline/arrange/order';
import type { TabStats } from '@/utils/platform/messages';
import { SORT_LABELS, VIEW_LABELS } from '@/components/thread/ThreadView';

export interface PopupProps {
  initial: Prefs;
  /** Host of the tab the popup acts on, or null when it is not a page Threadlight runs on. */
  hostname: string | null;
  /** Counts from the tab's content script; null when it has none, undefined while asking. */
  stats: TabStats | null | undefined;
  /** Saves a changed preference (debounced by the caller). */
  onChange(prefs: Prefs): void;
  onOpenOptions(): void;
  /** Problems reported by storage (quota, newer version), shown to the user. */
  message?: string | null;
}

/** The toolbar popup: views and quick filters. Accessible names are in shared/CONTRACT.md. */
export function Popup({ initial, hostname, stats, onChange, onOpenOptions, message }: PopupProps) {
  const [prefs, change] = usePrefsState(initial, onChange);
  const [muted, setMuted] = useState(initial.filters.mutedWords.join(', '));
  const [minRating, setMinRating] = useState(
    initial.filters.minRating === null ? '' : String(initial.filters.minRating),
  );
  const site = hostname ? siteKey(hostname) : null;
  const enabled = hostname ? enabledOn(prefs.view, hostname) : prefs.view.enabled;

  return (
    <main class="tl-popup">
      <h1>Threadlight</h1>
      <p class="tl-status" aria-live="polite">
        {stats === undefined
          ? 'Checking this tab…'
          : stats === null
            ? 'No comment section on this tab.'
            : !stats.found
              ? 'No comment section found on this page.'
              : stats.enabled && stats.total
                ? `${stats.shown} of ${stats.total} comments shown${stats.hidden ? `, ${stats.hidden} hidden by filters` : ''}.`
                : `${stats.total} comments on this page (view off).`}
      </p>
      <label class="tl-row">
        <input
          id="tl-enabled"
          type="checkbox"
          checked={enabled}
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            change((p) => {
              const sites = { ...p.view.sites };
              if (site) {
                if (on) delete sites[site];
                else sites[site] = false;
              }
              return { ...p, view: { ...p.view, enabled: site ? p.view.enabled || on : on, sites } };
            });
          }}
        />
        Enable on this site
      </label>
      <div class="tl-row">
        <label for="tl-view">View</label>
        <select
          id="tl-view"
          value={prefs.view.view}
          onChange={(e) =>
            change((p) => ({
              ...p,
              view: { ...p.view, view: (e.currentTarget as HTMLSelectElement).value as ViewMode },
            }))
          }
        >
          {(Object.keys(VIEW_LABELS) as ViewMode[]).map((v) => (
            <option key={v} value={v}>
              {VIEW_LABELS[v]}
            </option>
          ))}
        </select>
      </div>
      <div class="tl-row">
        <label for="tl-sort">Sort</label>
        <select
          id="tl-sort"
          value={prefs.view.sort}
          onChange={(e) =>
            change((p) => ({
              ...p,
              view: { ...p.view, sort: (e.currentTarget as HTMLSelectElement).value as SortMode },
            }))
          }
        >
          {(Object.keys(SORT_LABELS) as SortMode[]).map((m) => (
            <option key={m} value={m}>
              {SORT_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      <label class="tl-row">
        <input
          id="tl-highlight"
          type="checkbox"
          checked={prefs.brands.highlight}
          onChange={(e) =>
            change((p) => ({ ...p, brands: { ...p.brands, highlight: (e.currentTarget as HTMLInputElement).checked } }))
          }
        />
        Highlight brands
      </label>
      <div class="tl-row">
        <label for="tl-min-rating">Minimum rating</label>
        <input
          id="tl-min-rating"
          type="number"
          inputMode="numeric"
          step={1}
          placeholder="none"
          value={minRating}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value;
            setMinRating(text);
            const n = text.trim() === '' ? null : Number(text);
            if (n === null || Number.isFinite(n))
              change((p) => ({ ...p, filters: { ...p.filters, minRating: n === null ? null : Math.round(n) } }));
          }}
        />
      </div>
      <div class="tl-row tl-column">
        <label for="tl-muted">Muted words</label>
        <input
          id="tl-muted"
          type="text"
          placeholder="comma-separated, /regex/ allowed"
          value={muted}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value;
            setMuted(text);
            change((p) => ({ ...p, filters: { ...p.filters, mutedWords: splitList(text) } }));
          }}
        />
      </div>
      {message ? (
        <p class="tl-warning" role="status">
          {message}
        </p>
      ) : null}
      <p>
        <button type="button" class="tl-linkish" onClick={onOpenOptions}>
          More options: muted users, brands, import / export…
        </button>
      </p>
    </main>
  );
}
