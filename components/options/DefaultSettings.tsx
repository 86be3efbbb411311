import { t } from '@/utils/platform/i18n';
import { ChoiceSelect } from '@/components/shared/ChoiceSelect';
import { sortLabels, viewLabels } from '@/components/shared/labels';
import { Toggle } from '@/components/shared/Toggle';
import { siteKeys } from '@/utils/pipeline/extract/sites/registry';
import { withSite, withView, type Prefs } from '@/utils/platform/prefs';
import { own } from '@/utils/pipeline/own';
import type { SectionProps } from './types';

/** Default view and sort, the master switch, and one switch per registered site. */
export function DefaultSettings({ prefs, change }: SectionProps) {
  const setView = (v: Partial<Prefs['view']>) => change(withView(v));
  return (
    <>
      <h2>{t('defaultsAndSites')}</h2>
      <ChoiceSelect
        label={t('defaultView')}
        value={prefs.view.view}
        labels={viewLabels()}
        onChange={(view) => setView({ view })}
      />
      <ChoiceSelect
        label={t('defaultSort')}
        value={prefs.view.sort}
        labels={sortLabels()}
        onChange={(sort) => setView({ sort })}
      />
      <Toggle
        label={t('collapseRead')}
        checked={prefs.view.collapseRead}
        onToggle={(collapseRead) => setView({ collapseRead })}
      />
      <Toggle label={t('onAllSites')} checked={prefs.view.enabled} onToggle={(enabled) => setView({ enabled })} />
      {siteKeys().map((site) => (
        <Toggle
          key={site}
          label={t('onSite', site)}
          checked={own(prefs.view.sites, site) !== false}
          onToggle={(on) => change((p) => withView({ sites: withSite(p.view.sites, site, on) })(p))}
        />
      ))}
    </>
  );
}
