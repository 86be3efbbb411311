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
    onNotice({ error: false, text: 'Settings imported.' });
  };
  const reset = () => {
    if (!confirm('Reset every Threadlight setting to its default?')) return;
    setAll(structuredClone(DEFAULT_PREFS));
    onNotice({ error: false, text: 'Settings reset to defaults.' });
  };
  return (
    <>
      <h2>Import, export, reset</h2>
      <div class="tl-actions">
        <button type="button" onClick={() => download(prefs)}>
          Export settings
        </button>
        <label>
          Import settings <input type="file" accept="application/json,.json" onChange={importFile} />
        </label>
        <button type="button" onClick={reset}>
          Reset to defaults
        </button>
      </div>
    </>
  );
}
