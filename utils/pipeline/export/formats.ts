import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { bodyText } from '@/utils/pipeline/extract/body';
import type { Steps } from '@/utils/pipeline/steps';

// The discussion as a file: what is loaded, as the tree the view draws, in Markdown (nested lists, quotes as
// block quotes), a self-contained HTML page (no script, no external request: text only, styles inline) or JSON
// (the model: ids, parents, authors, times, votes, text, quote links). Every comment is kept; the reader's
// filters are noted beside the ones they hide. Built in steps (steps.ts), so a long discussion never holds the
// page for long.

export const EXPORT_FORMATS = ['markdown', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportMeta {
  title: string;
  /** The page the discussion was read on. */
  url: string;
  /** When it was exported, ISO 8601. */
  exportedAt: string;
  /** Why the view hides some comments (by comment id: a reason in the reader's words); they are kept here. */
  hidden?: ReadonlyMap<string, string>;
}

export interface ExportRecord {
  id: string;
  parentId: string | null;
  depth: number;
  author: string;
  /** The time as the page shows it, and as ISO 8601 where it could be read. */
  time: string;
  isoTime: string | null;
  votes: number | null;
  /** The comment's own words (quotes apart). */
  text: string;
  quotes: Array<{ sourceId: string | null; author: string | null; text: string }>;
  url: string | null;
}

/** Comments after which a step pauses. */
const SLICE = 250;

/**
 * The tree as records, depth first in the order given (the view's). Nesting comes from each comment's parent,
 * so a flat view exports the tree too.
 */
export function* exportRecords(roots: readonly ThreadNode[]): Steps<ExportRecord[]> {
  const all: ThreadNode[] = [];
  const walk: ThreadNode[] = [...roots].reverse();
  while (walk.length) {
    const node = walk.pop()!;
    all.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) walk.push(node.children[i]!);
  }
  yield;
  const present = new Set(all.map((n) => n.comment.id));
  const children = new Map<string, ThreadNode[]>();
  const top: ThreadNode[] = [];
  for (const n of all) {
    if (n.parentId !== null && present.has(n.parentId)) {
      const list = children.get(n.parentId);
      if (list) list.push(n);
      else children.set(n.parentId, [n]);
    } else top.push(n);
  }
  const out: ExportRecord[] = [];
  const stack: Array<[ThreadNode, number]> = top.reverse().map((n) => [n, 0]);
  const seen = new Set<string>();
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (seen.has(node.comment.id)) continue;
    seen.add(node.comment.id);
    out.push(recordOf(node, depth));
    const kids = children.get(node.comment.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
    if (out.length % SLICE === 0) yield;
  }
  return out;
}

function recordOf(node: ThreadNode, depth: number): ExportRecord {
  const c = node.comment;
  return {
    id: c.id,
    parentId: node.parentId,
    depth,
    author: c.author,
    time: c.timeText,
    isoTime: c.timestamp !== undefined && Number.isFinite(c.timestamp) ? new Date(c.timestamp).toISOString() : null,
    votes: c.votesMissing ? null : c.votes,
    text: c.withheld ? '' : bodyText(c.body),
    quotes: c.quotes.map((q, i) => ({
      sourceId: node.links.find((l) => l.quote === i)?.sourceId ?? q.sourceId ?? null,
      author: q.sourceAuthor ?? null,
      text: q.text,
    })),
    url: c.postUrl ?? null,
  };
}

/** JSON: the model, one object per comment (what `Export discussion` promises in docs/contract.md). */
export function* toJson(meta: ExportMeta, records: readonly ExportRecord[]): Steps<string> {
  const parts: string[] = [];
  for (const r of records) {
    const { depth: _depth, ...rest } = r;
    const hidden = meta.hidden?.get(r.id);
    parts.push(JSON.stringify(hidden ? { ...rest, hiddenInView: hidden } : rest));
    if (parts.length % SLICE === 0) yield;
  }
  const head = JSON.stringify({ title: meta.title, url: meta.url, exportedAt: meta.exportedAt }).slice(0, -1);
  return `${head},"comments":[\n${parts.join(',\n')}\n]}\n`;
}

/** Markdown: nested list items, the quotes as block quotes inside them. */
export function* toMarkdown(meta: ExportMeta, records: readonly ExportRecord[]): Steps<string> {
  const lines = [`# ${oneLine(meta.title)}`, '', `From <${meta.url}>, exported ${meta.exportedAt}.`, ''];
  let n = 0;
  for (const r of records) {
    const pad = '  '.repeat(r.depth);
    const votes = r.votes === null ? '' : ` · ${r.votes} votes`;
    const hidden = meta.hidden?.get(r.id);
    lines.push(
      `${pad}- **${mdEscape(oneLine(r.author) || '—')}** · ${mdEscape(r.time)}${votes}${hidden ? ` _(${mdEscape(hidden)})_` : ''}`,
    );
    for (const q of r.quotes) for (const l of q.text.split('\n')) lines.push(`${pad}  > ${mdEscape(l)}`);
    for (const l of r.text.split('\n')) if (l.trim()) lines.push(`${pad}  ${mdEscape(l)}`);
    if (++n % SLICE === 0) yield;
  }
  return `${lines.join('\n')}\n`;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Characters Markdown would read as markup, escaped, and no raw HTML. */
const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

const PAGE_CSS =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em;color:#1d1f23;background:#fff}' +
  'ul{list-style:none;padding-left:1.2em;border-left:2px solid #d6dae0}body>ul{border:0;padding:0}' +
  'article{margin:.8em 0}header{font-size:.9em;color:#4a5260}blockquote{margin:.3em 0;padding:.3em .7em;' +
  'background:#eef2f6;border-left:3px solid #c3c9d1}.hidden>article{opacity:.75}p{margin:.3em 0;white-space:pre-wrap}';

/** HTML: one page, readable offline: text only (no image, link or script), the tree as nested lists. */
export function* toHtml(meta: ExportMeta, records: readonly ExportRecord[]): Steps<string> {
  const out: string[] = [
    `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(meta.title)}</title><style>${PAGE_CSS}</style></head><body>`,
    `<h1>${escapeHtml(meta.title)}</h1><p>From ${escapeHtml(meta.url)}, exported ${escapeHtml(meta.exportedAt)}.</p>`,
  ];
  let depth = -1;
  let n = 0;
  for (const r of records) {
    if (r.depth > depth) out.push('<ul>'.repeat(r.depth - depth));
    else out.push('</li>' + '</ul></li>'.repeat(depth - r.depth));
    depth = r.depth;
    out.push(itemHtml(r, meta.hidden?.get(r.id)));
    if (++n % SLICE === 0) yield;
  }
  if (depth >= 0) out.push('</li>' + '</ul></li>'.repeat(depth) + '</ul>');
  out.push('</body></html>\n');
  return out.join('');
}

function itemHtml(r: ExportRecord, hidden: string | undefined): string {
  const votes = r.votes === null ? '' : ` · ${r.votes} votes`;
  const note = hidden ? ` · <em>${escapeHtml(hidden)}</em>` : '';
  const quotes = r.quotes.map((q) => `<blockquote>${escapeHtml(q.text)}</blockquote>`).join('');
  const text = r.text ? `<p>${escapeHtml(r.text)}</p>` : '';
  return (
    `<li id="c-${escapeHtml(r.id)}"${hidden ? ' class="hidden"' : ''}><article><header><strong>` +
    `${escapeHtml(r.author || '—')}</strong> · ${escapeHtml(r.time)}${votes}${note}</header>${quotes}${text}</article>`
  );
}
