import { useState } from 'preact/hooks';
import type { ViewModel } from '@/utils/pipeline/view-model';
import { t } from '@/utils/platform/i18n';
import { reasonText } from '@/components/shared/labels';
import { exportRecords } from '@/utils/pipeline/export/formats';
import { nextTask, runInTasks } from '@/utils/pipeline/steps';
import { sendMessage } from '@/utils/platform/messages';
import { readerOnly } from './reader-event';
import { bareTitle } from '@/utils/content/watch-pace';

// "Export discussion": the loaded discussion as records (export/formats.ts), made on tasks of their own, handed
// to the background, which opens the export page (entrypoints/export) where the reader saves it as Markdown, a
// web page or JSON. The file is saved by that extension page, not this tab: a download started from a content
// script ends its context in Firefox.

/** The records and what the view hides (each reason in the reader's words; the comments are kept). */
async function recordsOf(model: ViewModel) {
  const records = await runInTasks(exportRecords(model.roots), nextTask);
  const hidden: Array<[string, string]> = Array.from(model.reasons, ([id, r]) => [id, reasonText(r)]);
  return { records, hidden };
}

export function ExportButton({ model, heading }: { model: ViewModel; heading: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { records, hidden } = await recordsOf(model);
      const title = bareTitle(document.title) || heading;
      await sendMessage('threadlight:export-open', { title, url: location.href, records, hidden });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="tl-linkish tl-export" aria-busy={busy} onClick={readerOnly(() => void run())}>
      {t('exportDiscussion')}
    </button>
  );
}
