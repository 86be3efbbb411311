import { t } from '@/utils/platform/i18n';
import { useState } from 'preact/hooks';
import { usePrefsState, type PrefsSink } from '@/components/shared/use-prefs-state';
import type { Prefs } from '@/utils/platform/prefs';
import { BrandSettings } from './BrandSettings';
import { DefaultSettings } from './DefaultSettings';
import { EnabledSites } from './EnabledSites';
import { FilterSettings } from './FilterSettings';
import { NoteSettings } from './NoteSettings';
import { PeopleSettings } from './PeopleSettings';
import { TransferSettings } from './TransferSettings';
import type { Notice } from './types';

export interface OptionsProps {
  /** What is stored now (follows storage). */
  stored: Prefs;
  /** Where changes go (prefs-writer.ts). */
  sink: PrefsSink;
  /** Storage problems to show (quota, newer version). */
  message?: string | null;
  /** Sites the reader enabled (granted origins), and removing one. */
  sites?: string[];
  onRemoveSite?(origin: string): void;
}

/** Full settings: filters, brand dictionary, defaults, sites, import / export, reset. */
export function Options({ stored, sink, message, sites = [], onRemoveSite = () => {} }: OptionsProps) {
  const [prefs, change] = usePrefsState(stored, sink);
  const [notice, setNotice] = useState<Notice>(null);
  return (
    <main class="tl-options">
      <h1>{t('settingsTitle')}</h1>
      {message ? (
        <p class="tl-warning" role="status">
          {message}
        </p>
      ) : null}
      <FilterSettings prefs={prefs} change={change} />
      <BrandSettings prefs={prefs} change={change} onNotice={setNotice} />
      <PeopleSettings prefs={prefs} change={change} />
      <NoteSettings prefs={prefs} change={change} />
      <DefaultSettings prefs={prefs} change={change} />
      <EnabledSites sites={sites} onRemove={onRemoveSite} />
      <TransferSettings prefs={prefs} change={change} write={(ops) => sink.write(ops)} onNotice={setNotice} />
      {notice ? (
        <p class={notice.error ? 'tl-error' : 'tl-status'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
    </main>
  );
}
