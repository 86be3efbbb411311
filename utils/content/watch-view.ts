import type { Comment } from '@/utils/pipeline/model';
import type { ForumPageResult } from '@/utils/platform/page-fetch';
import { t } from '@/utils/platform/i18n';
import { failedOp, type WatchOp } from '@/utils/platform/watch-ops';
import { checkDiscussion, type CheckDeps, type CheckResult, type PageReading } from '@/utils/platform/watch-check';
import { createPacer, createTitleCount } from './watch-pace';
import { decodeIds, keysOf, wasSeen } from '@/utils/platform/seen';
import type { Watched, WatchTarget } from '@/utils/platform/watched';

// "Watch this discussion" in an open view: whether it is watched (the stored list, followed live, so the
// popup's toggle shows here at once), and while it is, checks of the site (watch-check.ts): first within 30 s,
// then backing off to every 10 minutes while nothing changes, paused while the tab is hidden, stopped on an
// error with Retry. Posts neither shown nor known before are handed on as arrivals; the tab's title says how
// many the reader has not looked at yet ("(3) "), until they next press a key, click or scroll by hand.

/** What the content script knows of the discussion (it has the engines): watch-read.ts. */
export interface WatchKit extends WatchTarget {
  read(html: string, url: string): PageReading | Promise<PageReading>;
  /** A check of its own (a topic's: the posts it lists and the view lacks are loaded); else checkDiscussion. */
  checkPosts?(key: string, check: string, deps: WatchCheckDeps): Promise<CheckResult>;
}

/** What a check of its own is handed: whether a post is new to the reader, and the posts the view holds. */
export interface WatchCheckDeps extends CheckDeps {
  isNew(id: string): boolean;
  shown(): readonly Comment[];
}

export interface WatchUi {
  watched: boolean;
  toggle(): void;
  /** Why checking stopped (an error, a page that was not the discussion, gone); null while it runs. */
  stopped: string | null;
  retry(): void;
  /** Why the last toggle could not be kept (50 watched already). */
  problem: string | null;
  /** Posts that arrived while the view was open, and their ids (marked new, whatever the visit). */
  arrived: number;
  arrivedIds?: ReadonlySet<string>;
}

export interface WatcherDeps {
  doc: Document;
  fetchPage(url: string, signal?: AbortSignal): Promise<ForumPageResult>;
  send(change: WatchOp): Promise<{ ok: boolean; error?: string }>;
  /** The stored entry of this discussion, now and whenever it changes (unsubscribe returned). */
  follow(key: string, on: (entry: Watched | null) => void): () => void;
  /** Answers the popup's questions about this discussion (unsubscribe returned). */
  answer?(watcher: Pick<Watcher, 'info' | 'toggle'>): () => void;
}

export interface WatchHooks {
  /** The posts the view holds now. */
  shown(): readonly Comment[];
  arrived(comments: Comment[]): void;
  redraw(): void;
}

/**
 * Why a check that could not read the discussion stopped, in the reader's words, and what the background is
 * told (only that it is gone: an error here may be this tab's, and the background checks for itself).
 */
function stopping(key: string, result: Exclude<CheckResult, { status: 'ok' }>): [string, WatchOp | null] {
  const change = failedOp(key, result);
  if (change.status === 'gone') return [change.error, change];
  return [result.status === 'failed' ? t('watchStopped', change.error) : change.error, null];
}

/** One watcher's state and parts, shared by the functions below. */
interface Ctx {
  kit: WatchKit;
  deps: WatcherDeps;
  hooks: WatchHooks;
  s: { watched: boolean; stopped: string | null; problem: string | null; arrived: number };
  /** The page checked next; post keys known (seen.ts's form); whether the next check only learns. */
  at: { check: string; known: Set<string>; prime: boolean; running: AbortController | null };
  pacer: ReturnType<typeof createPacer>;
  titles: ReturnType<typeof createTitleCount>;
}

const idsOf = (c: Ctx) => c.hooks.shown().map((x) => x.id);
const send = (c: Ctx, change: WatchOp) => void c.deps.send(change).catch(() => 0);

/** Whether a post is new to the reader: neither shown nor known before (none is on a priming check). */
function newTo(c: Ctx): (id: string) => boolean {
  const shown = new Set(idsOf(c));
  return (id) => !c.at.prime && !shown.has(id) && !wasSeen(c.at.known, id);
}

/** Posts new to the reader arrive; everything read is known after. */
function learn(c: Ctx, result: Extract<CheckResult, { status: 'ok' }>) {
  const [isNew, priming] = [newTo(c), c.at.prime];
  const fresh = result.comments.filter((x) => isNew(x.id));
  for (const k of keysOf(result.ids)) c.at.known.add(k);
  [c.at.prime, c.at.check] = [false, result.check];
  send(c, { op: 'checked', key: c.kit.key, check: c.at.check, ids: result.ids, counts: false });
  // A check that only learnt is no quiet one: the first that looks for new posts still comes within 30 s.
  c.pacer.next(priming ? undefined : fresh.length > 0);
  if (!fresh.length) return;
  c.s.arrived += fresh.length;
  c.titles.add(fresh.length);
  c.hooks.arrived(fresh);
}

async function run(c: Ctx) {
  if (c.at.running || !c.s.watched) return;
  c.pacer.pause();
  const running = (c.at.running = new AbortController());
  const deps = {
    fetchPage: c.deps.fetchPage,
    read: c.kit.read,
    signal: running.signal,
    isNew: newTo(c),
    shown: c.hooks.shown,
  };
  const check = c.kit.checkPosts ?? checkDiscussion;
  const result = await check(c.kit.key, c.at.check, deps).catch((): CheckResult => ({
    status: 'failed',
    error: 'network',
    httpStatus: 0,
  }));
  c.at.running = null;
  if (running.signal.aborted || !c.s.watched) return;
  if (result.status === 'ok') return learn(c, result);
  const [why, change] = stopping(c.kit.key, result);
  c.s.stopped = why;
  if (change) send(c, change);
  c.hooks.redraw();
}

/** The stored entry came or went (this view's toggle, the popup's, another tab's). */
function followed(c: Ctx, entry: Watched | null) {
  const was = c.s.watched;
  c.s.watched = entry !== null;
  if (entry && !was) {
    if (!c.at.prime) c.at.known = decodeIds(entry.known);
    c.s.stopped = entry.status === 'gone' ? t('watchGone') : null;
    send(c, { op: 'opened', key: c.kit.key, ids: idsOf(c) });
    // Watched from a page that is not the thread's last: the first check, now, learns what is there already.
    if (c.at.prime) void run(c);
    else if (!c.s.stopped) c.pacer.next();
  }
  if (!entry && was) {
    [c.s.stopped, c.s.arrived] = [null, 0];
    c.pacer.pause();
    c.at.running?.abort();
    c.titles.clear();
  }
  if (was !== c.s.watched) c.hooks.redraw();
}

/** Watches or stops; answers whether it is watched now (the stored list follows, and with it the view). */
async function toggle(c: Ctx): Promise<boolean> {
  const { kit, s, at } = c;
  s.problem = null;
  if (s.watched) return !(await c.deps.send({ op: 'remove', key: kit.key }).catch(() => ({ ok: false }))).ok;
  const shown = idsOf(c);
  [at.known, at.prime] = [new Set(keysOf(shown)), at.check !== kit.url];
  const more = { ...(kit.source ? { source: kit.source } : {}), ...(kit.topic ? { topic: kit.topic } : {}) };
  const added = { op: 'add' as const, key: kit.key, url: kit.url, check: at.check, title: kit.title, ids: shown };
  const answer = await c.deps.send({ ...added, ...more }).catch(() => ({ ok: false, error: t('watchOffline') }));
  if (answer.ok) return true;
  [s.problem, at.prime] = [answer.error ?? null, false];
  c.hooks.redraw();
  return false;
}

export function createWatcher(kit: WatchKit, deps: WatcherDeps, hooks: WatchHooks) {
  const s: Ctx['s'] = { watched: false, stopped: null, problem: null, arrived: 0 };
  const at: Ctx['at'] = { check: kit.check, known: new Set<string>(), prime: false, running: null };
  const c: Ctx = {
    kit,
    deps,
    hooks,
    s,
    at,
    pacer: createPacer(deps.doc, () => void run(c)),
    titles: createTitleCount(deps.doc),
  };
  const unfollow = deps.follow(kit.key, (entry) => followed(c, entry));
  const info = (watched = s.watched) => ({ watched, title: kit.title, problem: s.problem });
  const toggled = async () => info(await toggle(c));
  const unanswer = deps.answer?.({ info: () => info(), toggle: toggled });
  return {
    ui: (): WatchUi => ({
      ...s,
      toggle: () => void toggle(c),
      retry: () => ((s.stopped = null), c.pacer.reset(), hooks.redraw(), void run(c)),
    }),
    /** For the popup: the discussion and whether it is watched. */
    info: () => info(),
    toggle: toggled,
    stop() {
      unanswer?.();
      at.running?.abort();
      unfollow();
      c.pacer.stop();
      c.titles.stop();
    },
  };
}

export type Watcher = ReturnType<typeof createWatcher>;
