import { isRecord, nullRecord, own } from '@/utils/pipeline/own';
import { t } from './i18n';
import type { CheckResult } from './watch-check';
import { cleanTopicRef } from './topic-check';
import {
  cleanWatched,
  MAX_WATCHED,
  withKnown,
  unknownIds,
  type WatchedStore,
  type WatchStatus,
  type WatchTarget,
} from './watched';

// Changes to the watched discussions, as data: made by the view, the popup and the background's own checks,
// applied one at a time by the background (watch-background.ts), each by this one pure function.

export type WatchOp =
  | ({ op: 'add'; ids: string[] } & WatchTarget)
  | { op: 'remove'; key: string }
  /** The reader has the discussion open: nothing of it is new to them. */
  | { op: 'opened'; key: string; ids: string[] }
  /** A check's result: posts read on the checked pages (`counts`: whether the unknown ones are new to the reader). */
  | { op: 'checked'; key: string; check: string; ids: string[]; counts: boolean }
  | { op: 'failed'; key: string; status: Exclude<WatchStatus, 'ok'>; error: string };

const MAX_IDS_PER_OP = 5000;
const str = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const ids = (v: unknown) => Array.isArray(v) && v.length <= MAX_IDS_PER_OP && v.every((id) => str(id, 200));

/** Shape check of an op as it arrives in a message (hostile like any input). */
export function isWatchOp(v: unknown): v is WatchOp {
  if (!isRecord(v) || !str(v.key, 300)) return false;
  switch (v.op) {
    case 'add':
      return (
        str(v.url) &&
        str(v.check) &&
        typeof v.title === 'string' &&
        ids(v.ids) &&
        (v.topic === undefined || cleanTopicRef(v.topic) !== null)
      );
    case 'remove':
      return true;
    case 'opened':
      return ids(v.ids);
    case 'checked':
      return str(v.check) && ids(v.ids) && typeof v.counts === 'boolean';
    case 'failed':
      return (v.status === 'gone' || v.status === 'failed') && typeof v.error === 'string';
    default:
      return false;
  }
}

/** The change a check that could not read the discussion makes, with why in the reader's words. */
export function failedOp(key: string, result: Exclude<CheckResult, { status: 'ok' }>) {
  if (result.status === 'gone') return { op: 'failed', key, status: 'gone', error: t('watchGone') } as const;
  const error =
    result.status === 'not-discussion'
      ? t('watchNotIt')
      : result.error === 'http'
        ? t('forumAnswered', String(result.httpStatus))
        : t('watchOffline');
  return { op: 'failed', key, status: 'failed', error } as const;
}

export type WatchOpResult = { store: WatchedStore; error: string | null };

/** The store with one change applied (a new object; the one given is not touched). */
export function applyWatchOp(before: WatchedStore, op: WatchOp, now: number): WatchOpResult {
  const store = Object.assign(nullRecord<WatchedStore[string]>(), before);
  const entry = own(store, op.key);
  if (op.op === 'add') {
    if (!entry && Object.keys(store).length >= MAX_WATCHED)
      return { store: before, error: t('watchLimit', MAX_WATCHED) };
    const source = op.source ? { source: op.source } : {};
    const topic = op.topic ? { topic: op.topic } : {};
    const fields = { key: op.key, url: op.url, check: op.check, title: op.title.slice(0, 300), ...source, ...topic };
    const known = withKnown(entry?.known ?? '', op.ids);
    store[op.key] = { ...fields, known, fresh: 0, status: 'ok', added: entry?.added ?? now, checked: now };
    return { store: cleanWatched(store), error: null };
  }
  if (!entry) return { store: before, error: null };
  if (op.op === 'remove') delete store[op.key];
  else if (op.op === 'opened') store[op.key] = { ...entry, known: withKnown(entry.known, op.ids), fresh: 0 };
  else if (op.op === 'checked') {
    const arrived = op.counts ? unknownIds(entry.known, op.ids).length : 0;
    const known = withKnown(entry.known, op.ids);
    const { error: _gone, ...rest } = entry;
    store[op.key] = { ...rest, check: op.check, known, fresh: entry.fresh + arrived, status: 'ok', checked: now };
  } else store[op.key] = { ...entry, status: op.status, error: op.error.slice(0, 300), checked: now };
  return { store, error: null };
}
