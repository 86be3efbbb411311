import type { ExportPayload } from '@/utils/platform/messages';
import type { ExportRecord } from '@/utils/pipeline/export/formats';
import { isRecord } from '@/utils/pipeline/own';

// What the export page was handed, checked like any input: a record of the wrong shape is dropped alone,
// strings are strings (page text goes into the files only escaped: export/formats.ts).

const MAX_RECORDS = 200_000;
const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown) => (str(v) ? v : null);

function quoteOf(q: unknown): ExportRecord['quotes'][number] | null {
  if (!isRecord(q) || !str(q.text)) return null;
  return { sourceId: strOrNull(q.sourceId), author: strOrNull(q.author), text: q.text };
}

function recordOf(r: unknown): ExportRecord | null {
  if (!isRecord(r) || !str(r.id) || !str(r.author) || !str(r.time) || !str(r.text)) return null;
  const depth = typeof r.depth === 'number' && Number.isInteger(r.depth) && r.depth >= 0 ? Math.min(r.depth, 500) : 0;
  const quotes = Array.isArray(r.quotes) ? r.quotes.map(quoteOf).filter((q) => q !== null) : [];
  return {
    id: r.id,
    parentId: strOrNull(r.parentId),
    depth,
    author: r.author,
    time: r.time,
    isoTime: strOrNull(r.isoTime),
    votes: typeof r.votes === 'number' && Number.isFinite(r.votes) ? r.votes : null,
    text: r.text,
    quotes,
    url: strOrNull(r.url),
  };
}

export function cleanPayload(raw: unknown): ExportPayload | null {
  if (!isRecord(raw) || !str(raw.title) || !str(raw.url) || !Array.isArray(raw.records)) return null;
  const records = raw.records
    .slice(0, MAX_RECORDS)
    .map(recordOf)
    .filter((r) => r !== null);
  const hidden = (Array.isArray(raw.hidden) ? raw.hidden : []).filter(
    (h): h is [string, string] => Array.isArray(h) && str(h[0]) && str(h[1]),
  );
  return { title: raw.title.slice(0, 300), url: raw.url.slice(0, 2000), records, hidden };
}
