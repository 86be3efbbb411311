import { t } from '@/utils/platform/i18n';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import { exportSettings, parseSettingsFile } from '@/utils/platform/settings-file';
import type { Notice } from './types';

interface Props {
  prefs: Prefs;
  /** Replaces every setting (import, reset). */
  setAll(prefs: Prefs): void;
  onNotice(n: Notice): void;
}

function download(prefs: Prefs) {
  const url = URL.createObjectURL(new Blob([exportSettings(prefs)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'threadlight-settings.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Export to a JSON file, import one (validated like stored data), reset to defaults. */
export function TransferSettings({ prefs, setAll, onNotice }: Props) {
  const importFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const result = parseSettingsFile(await file.text());
    if (!result.ok) return onNotice({ error: true, text: result.error });
    setAll(result.prefs);
    onNotice({ error: false, text: t('settingsImported') });
  };
  const reset = () => {
    if (!confirm(t('confirmReset'))) return;
    setAll(structuredClone(DEFAULT_PREFS));
    onNotice({ error: false, text: t('settingsReset') });
  };
  return (
    <>
      <h2>{t('importExportReset')}</h2>
      <div class="tl-actions">
        <button type="button" onClick={() => download(prefs)}>
          {t('exportSettings')}
        </button>
        <label>
          {t('importSettings')} <input type="file" accept="application/json,.json" onChange={importFile} />
        </label>
        <button type="button" onClick={reset}>
          {t('resetDefaults')}
        </button>
      </div>
    </>
  );
}
