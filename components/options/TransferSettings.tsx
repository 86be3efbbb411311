import { t } from '@/utils/platform/i18n';
import { DEFAULT_PREFS, type Prefs } from '@/utils/platform/prefs';
import type { PrefsOp } from '@/utils/platform/prefs-ops';
import { exportSettings, parseSettingsFile } from '@/utils/platform/settings-file';
import type { Notice, SectionProps } from './types';

interface Props extends SectionProps {
  /** Sends operations as they are (an import's merge). */
  write(ops: PrefsOp[]): void;
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

/** Export to a JSON file, import one (merged into what is stored, validated like stored data), reset. */
export function TransferSettings({ prefs, change, write, onNotice }: Props) {
  const importFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const result = parseSettingsFile(await file.text());
    input.value = '';
    if (!result.ok) return onNotice({ error: true, text: result.error });
    write(result.ops);
    const text = [t('settingsImportedOf', result.imported.join(', ')), ...result.problems].join(' ');
    onNotice({ error: result.problems.length > 0, text });
  };
  const reset = () => {
    if (!confirm(t('confirmReset'))) return;
    change(() => structuredClone(DEFAULT_PREFS));
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
