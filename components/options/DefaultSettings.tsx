import { ChoiceSelect } from '@/components/shared/ChoiceSelect';
import { SORT_LABELS, VIEW_LABELS } from '@/components/shared/labels';
import { Toggle } from '@/components/shared/Toggle';
import { siteKeys } from '@/utils/pipeline/extract/sites/registry';
import { withSite, withView, type Prefs } from '@/utils/platform/prefs';
import type { SectionProps } from './types';

/** Default view and sort, the master switch, and one switch per registered site. */
export function DefaultSettings({ prefs, change }: SectionProps) {
  const setView = (v: Partial<Prefs['view']>) => change(withView(v));
  return (
    <>
      <h2>Defaults and sites</h2>
      <ChoiceSelect
        label="Default view"
        value={prefs.view.view}
        labels={VIEW_LABELS}
        onChange={(view) => setView({ view })}
      />
      <ChoiceSelect
        label="Default sort"
        value={prefs.view.sort}
        labels={SORT_LABELS}
        onChange={(sort) => setView({ sort })}
      />
      <Toggle
        label="Threadlight on (all sites)"
        checked={prefs.view.enabled}
        onToggle={(enabled) => setView({ enabled })}
      />
      {siteKeys().map((site) => (
        <Toggle
          key={site}
          label={`On ${site}`}
          checked={prefs.view.sites[site] !== false}
          onToggle={(on) => change((p) => withView({ sites: withSite(p.view.sites, site, on) })(p))}
        />
      ))}
    </>
  );
}
