// Estimates an epoch timestamp from the site's relative times, for Newest/Oldest sorting:
// "26 months ago", "3 hours ago at 11:46 am", "Yesterday at 9:02 PM", "Today at 1:00 am", "Jan 18, 2017",
// "a minute ago", "just now". Returns undefined when nothing can be read.

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  month: 2_629_800_000,
  year: 31_557_600_000,
};

function clock(text: string, base: Date): number | undefined {
  const m = /\bat\s+(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?/i.exec(text);
  if (!m) return undefined;
  let h = Number(m[1]) % 24;
  const min = Number(m[2]);
  const ampm = m[3]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  const d = new Date(base.getTime());
  d.setHours(h, min, 0, 0);
  return d.getTime();
}

export function estimateTimestamp(text: string, now: number = Date.now()): number | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  if (/^(just now|now|moments? ago)$/.test(t)) return now;
  const rel = /(\d+|an?|one)\s+(second|minute|hour|day|week|month|year)s?\s+ago/.exec(t);
  if (rel?.[1] && rel[2]) {
    const n = /^\d+$/.test(rel[1]) ? Number(rel[1]) : 1;
    const approx = now - n * (UNIT_MS[rel[2]] ?? 0);
    // "3 hours ago at 11:46 am": the clock time is exact; take it on the day nearest the offset.
    const exact = clock(t, new Date(approx));
    return exact === undefined ? approx : exact - Math.round((exact - approx) / UNIT_MS.day!) * UNIT_MS.day!;
  }
  if (/^(today|yesterday)\b/.test(t)) {
    const base = new Date(now - (t.startsWith('yesterday') ? UNIT_MS.day! : 0));
    return clock(t, base) ?? new Date(base).setHours(12, 0, 0, 0);
  }
  const abs = Date.parse(text.replace(/\bat\b/i, ''));
  return Number.isNaN(abs) ? undefined : abs;
}

/** A time the page gives only as a number (NodeBB's data-timestamp), as the reader's locale writes it. */
export function formatStamp(ms: number): string {
  try {
    return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  }
}

/** A platform's ISO time (app forums' data) as the reader's locale writes it, as the page shows it; else as given. */
export function formatIso(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatStamp(ms);
}
