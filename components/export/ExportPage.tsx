import { useState } from 'preact/hooks';
import type { ExportPayload } from '@/utils/platform/messages';
import { t } from '@/utils/platform/i18n';
import { toHtml, toJson, toMarkdown, type ExportFormat, type ExportMeta } from '@/utils/pipeline/export/formats';
import { nextTask, runInTasks, type Steps } from '@/utils/pipeline/steps';
import { cleanPayload } from './clean-payload';

// The export page: the discussion a view handed over (hostile like any input: cleanPayload), saved as
// Markdown, a web page or JSON with a download link made here. Each file is built on tasks of its own.

const FILES: Record<ExportFormat, { ext: string; type: string; label: () => string }> = {
  markdown: { ext: 'md', type: 'text/markdown', label: () => t('exportMarkdown') },
  html: { ext: 'html', type: 'text/html', label: () => t('exportHtml') },
  json: { ext: 'json', type: 'application/json', label: () => t('exportJson') },
};

const BUILD: Record<ExportFormat, (meta: ExportMeta, records: ExportPayload['records']) => Steps<string>> = {
  markdown: toMarkdown,
  html: toHtml,
  json: toJson,
};

/** A file name from the title: letters, digits and dashes, at most 80. */
export const fileName = (title: string, ext: string) =>
  `${
    title
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'discussion'
  }.${ext}`;

async function save(payload: ExportPayload, format: ExportFormat) {
  const meta: ExportMeta = {
    title: payload.title,
    url: payload.url,
    exportedAt: new Date().toISOString(),
    hidden: new Map(payload.hidden),
  };
  const text = await runInTasks(BUILD[format](meta, payload.records), nextTask);
  const file = FILES[format];
  const href = URL.createObjectURL(new Blob([text], { type: `${file.type};charset=utf-8` }));
  const a = Object.assign(document.createElement('a'), { href, download: fileName(payload.title, file.ext) });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

export function ExportPage({ payload: raw }: { payload: unknown }) {
  const [payload] = useState(() => cleanPayload(raw));
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  if (!payload) return <p>{t('exportGone')}</p>;
  document.title = t('exportTitle', payload.title);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    await save(payload, format).finally(() => setBusy(null));
  };
  return (
    <>
      <h1>{t('exportTitle', payload.title)}</h1>
      <p>{payload.url}</p>
      <p>{t('exportCount', payload.records.length)}</p>
      <p class="tl-export-actions">
        {(Object.keys(FILES) as ExportFormat[]).map((format) => (
          <button key={format} type="button" aria-busy={busy === format} onClick={() => void run(format)}>
            {FILES[format].label()}
          </button>
        ))}
      </p>
    </>
  );
}
