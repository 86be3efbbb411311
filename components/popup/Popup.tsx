import { ChoiceSelect } from '@/components/shared/ChoiceSelect';
import { sortLabels, viewLabels } from '@/components/shared/labels';
import { Toggle } from '@/components/shared/Toggle';
import { usePrefsState, type PrefsSink } from '@/components/shared/use-prefs-state';
import type { TabStats, WatchInfo } from '@/utils/platform/messages';
import type { Watched } from '@/utils/platform/watched';
import { PopupWatching } from './WatchedList';
import { enabledOn, siteKey, withSite, withView, type Prefs } from '@/utils/platform/prefs';
import { PopupStatus } from './PopupStatus';
import { QuickFilters } from './QuickFilters';
import type { SiteAccess, SiteActions } from '@/utils/platform/popup-site';
import { SiteSwitch } from './SiteSwitch';
import { t } from '@/utils/platform/i18n';

export interface PopupProps {
  /** What is stored now (follows storage). */
  stored: Prefs;
  /** Host of the tab the popup acts on, or null when it is not a page Threadlight runs on. */
  hostname: string | null;
  /** Counts from the tab's content script; null when it has none, undefined while asking. */
  stats: TabStats | null | undefined;
  /** Where changes go (prefs-writer.ts, coalesced there). */
  sink: PrefsSink;
  onOpenOptions(): void;
  /** Problems reported by storage (quota, newer version), shown to the user. */
  message?: string | null;
  /** What the reader should know about where their data is (people kept on this device). */
  notice?: string | null;
  /** Whether the tab's site is built in, another site (enabled or not), or none; built in when left out. */
  access?: SiteAccess;
  actions?: SiteActions;
  /** Watching: the tab's discussion (null: none to watch) and the watched list. */
  watching?: PopupWatching;
}

export interface PopupWatching {
  info: WatchInfo | null;
  onToggle(): void;
  list: readonly Watched[];
  onOpen(url: string): void;
  onUnwatch(key: string): void;
}

/** On a site, the switch is that site's (and turning it on turns Threadlight on); elsewhere the master one. */
const switched = (site: string | null, on: boolean) => (p: Prefs) =>
  withView({
    enabled: site ? p.view.enabled || on : on,
    sites: site ? withSite(p.view.sites, site, on) : p.view.sites,
  })(p);

/** The toolbar popup: views and quick filters. Accessible names are promised in docs/contract.md. */
export function Popup(props: PopupProps) {
  const { stored, hostname, stats, sink, onOpenOptions, message, access, actions } = props;
  const [prefs, change] = usePrefsState(stored, sink);
  const site = hostname ? siteKey(hostname) : null;
  const enabled = hostname ? enabledOn(prefs.view, hostname) : prefs.view.enabled;
  const toggle = (on: boolean) => change(switched(site, on));
  const setView = (v: Partial<Prefs['view']>) => change(withView(v));
  return (
    <main class="tl-popup">
      <h1>Threadlight</h1>
      <PopupStatus stats={stats} />
      {access?.kind === 'other' && actions ? (
        <SiteSwitch access={access} actions={actions} />
      ) : (
        <Toggle id="tl-enabled" class="tl-row" label={t('enableOnThisSite')} checked={enabled} onToggle={toggle} />
      )}
      <ChoiceSelect
        id="tl-view"
        class="tl-row"
        label={t('view')}
        value={prefs.view.view}
        labels={viewLabels()}
        onChange={(view) => setView({ view })}
      />
      <ChoiceSelect
        id="tl-sort"
        class="tl-row"
        label={t('sort')}
        value={prefs.view.sort}
        labels={sortLabels()}
        onChange={(sort) => setView({ sort })}
      />
      <Toggle
        id="tl-highlight"
        class="tl-row"
        label={t('highlightBrands')}
        checked={prefs.brands.highlight}
        onToggle={(highlight) => change((p) => ({ ...p, brands: { ...p.brands, highlight } }))}
      />
      <QuickFilters filters={prefs.filters} change={change} />
      {props.watching ? <PopupWatching {...props.watching} /> : null}
      {message ? (
        <p class="tl-warning" role="status">
          {message}
        </p>
      ) : null}
      {props.notice ? <p class="tl-notice">{props.notice}</p> : null}
      <p>
        <button type="button" class="tl-linkish" onClick={onOpenOptions}>
          {t('moreOptions')}
        </button>
      </p>
    </main>
  );
}
