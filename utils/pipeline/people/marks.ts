import type { Comment } from '@/utils/pipeline/model';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { foldName } from '@/utils/pipeline/names';
import { EVERY_SITE, parsePersonId, personOf } from './person';
import type { FilterReason } from '@/utils/pipeline/arrange/filter';
import type { Counts } from '@/utils/pipeline/view-model';

// What the reader's people rules make of one discussion: whose comments are muted, which quotes are of a muted
// person, which comments answer one, which are the reader's own and which answer the reader. Marks, not a new
// model: muting or unmuting computes these sets again over the threaded comments (set lookups per comment)
// and the view draws from them; threading, sorting and filtering stay as they were.

export interface PeopleRules {
  /** The page's origin: entries of this site and of every site apply. */
  site: string;
  /** Muted people by id. */
  mutes: Readonly<Record<string, string>>;
  hideRepliesToMuted: boolean;
  /** The reader's name on this site, from the page (who is signed in) or settings; null when not known. */
  you: { name: string; url?: string } | null;
}

export interface PeopleMarks {
  muted: ReadonlySet<string>;
  /** Direct replies to a muted person, when the rules hide them (never muted ones themselves). */
  replyToMuted: ReadonlySet<string>;
  /** Per comment, the indexes of its quotes that are of a muted person. */
  mutedQuotes: ReadonlyMap<string, ReadonlySet<number>>;
  you: ReadonlySet<string>;
  /** Replies to the reader (children of their comments, comments quoting them), in page order. */
  replyToYou: readonly string[];
  /** The same, as a set (looked up per drawn comment). */
  replyToYouSet: ReadonlySet<string>;
}

export const NO_MARKS: PeopleMarks = {
  muted: new Set(),
  replyToMuted: new Set(),
  mutedQuotes: new Map(),
  you: new Set(),
  replyToYou: [],
  replyToYouSet: new Set(),
};

/** Who a set of entries names on one site: folded names and profile keys (a lookup per comment, no URL parsing unless needed). */
interface Who {
  names: Set<string>;
  profiles: Set<string>;
}

function whoOf(ids: Iterable<string>, site: string): Who {
  const who: Who = { names: new Set(), profiles: new Set() };
  for (const id of ids) {
    const p = parsePersonId(id);
    if (!p || (p.site !== site && p.site !== EVERY_SITE)) continue;
    if (p.key.startsWith('n:')) who.names.add(p.key.slice(2));
    else if (p.site === site) who.profiles.add(p.key);
  }
  return who;
}

const folded = new WeakMap<Comment, string>();
const foldedName = (c: Comment) => {
  let f = folded.get(c);
  if (f === undefined) folded.set(c, (f = foldName(c.author)));
  return f;
};

const profiles = new WeakMap<Comment, { site: string; key: string }>();
const profileOf = (c: Comment, site: string) => {
  let p = profiles.get(c);
  if (p?.site !== site) profiles.set(c, (p = { site, key: personOf(c.author, c.authorUrl, site).key }));
  return p.key;
};

/** Whether `who` names this comment's author. */
function names(who: Who, c: Comment, site: string): boolean {
  if (!c.author || c.withheld) return false;
  if (who.names.size && who.names.has(foldedName(c))) return true;
  return who.profiles.size > 0 && c.authorUrl !== undefined && who.profiles.has(profileOf(c, site));
}

/** The reader on this site: their name, and their profile where the page links it. */
function youOf(you: { name: string; url?: string }, site: string): Who {
  const profile = you.url ? personOf(you.name, you.url, site).key : null;
  return { names: new Set([foldName(you.name)]), profiles: new Set(profile?.startsWith('p:') ? [profile] : []) };
}

const namesQuoted = (who: Who, name: string | undefined) => !!name && who.names.has(foldName(name));

/** The marks for every comment of the forest (nodes in page order). */
export function peopleMarks(nodes: Iterable<ThreadNode>, rules: PeopleRules): PeopleMarks {
  const muteIds = Object.keys(rules.mutes);
  const you = rules.you;
  if (muteIds.length === 0 && !you) return NO_MARKS;
  const list = Array.from(nodes);
  const mutedWho = whoOf(muteIds, rules.site);
  const youWho = you ? youOf(you, rules.site) : null;
  const muted = new Set<string>();
  const mine = new Set<string>();
  for (const { comment: c } of list) {
    if (names(mutedWho, c, rules.site)) muted.add(c.id);
    if (youWho && names(youWho, c, rules.site)) mine.add(c.id);
  }
  const mutedQuotes = new Map<string, Set<number>>();
  const replyToMuted = new Set<string>();
  const replyToYou: string[] = [];
  for (const node of list) {
    const c = node.comment;
    const quoted = quotesOf(node, (source, named) => (source ? muted.has(source) : namesQuoted(mutedWho, named)));
    if (quoted.size) mutedQuotes.set(c.id, quoted);
    if (rules.hideRepliesToMuted && node.parentId && muted.has(node.parentId) && !muted.has(c.id))
      replyToMuted.add(c.id);
    if (youWho && !mine.has(c.id) && answers(node, mine, youWho)) replyToYou.push(c.id);
  }
  return { muted, replyToMuted, mutedQuotes, you: mine, replyToYou, replyToYouSet: new Set(replyToYou) };
}

/** Indexes of a comment's quotes whose source (a comment on the page, else the name its citation gives) passes `test`. */
function quotesOf(node: ThreadNode, test: (source: string | null, named: string | undefined) => boolean) {
  const out = new Set<number>();
  const { quotes } = node.comment;
  for (let i = 0; i < quotes.length; i++) {
    const link = node.links.find((l) => l.quote === i);
    if (test(link?.sourceId ?? null, quotes[i]!.sourceAuthor)) out.add(i);
  }
  return out;
}

/** A reply to the reader: under one of their comments, or quoting one (or a quote naming them). */
function answers(node: ThreadNode, mine: ReadonlySet<string>, youWho: Who): boolean {
  if (node.parentId && mine.has(node.parentId)) return true;
  if (node.links.some((l) => l.sourceId !== null && mine.has(l.sourceId))) return true;
  return node.comment.quotes.some((q) => namesQuoted(youWho, q.sourceAuthor));
}

type Reason = FilterReason;

/** Why a comment is a placeholder: a muted author first, then the filters' reason, then a reply to a muted person. */
export function reasonOf(id: string, reasons: ReadonlyMap<string, Reason>, marks: PeopleMarks): Reason | undefined {
  if (marks.muted.has(id)) return 'muted-user';
  return reasons.get(id) ?? (marks.replyToMuted.has(id) ? 'reply-to-muted' : undefined);
}

/** The model's counts with the people marks over them (each comment counted once, under its one reason). */
export function countsWithPeople(counts: Counts, reasons: ReadonlyMap<string, Reason>, marks: PeopleMarks): Counts {
  if (marks === NO_MARKS) return counts;
  const byReason = { ...counts.byReason };
  let hidden = counts.hidden;
  for (const id of marks.muted) {
    const was = reasons.get(id);
    if (was) byReason[was]--;
    else hidden++;
    byReason['muted-user']++;
  }
  for (const id of marks.replyToMuted)
    if (!reasons.has(id)) {
      hidden++;
      byReason['reply-to-muted']++;
    }
  return { ...counts, hidden, byReason, repliesToYou: marks.replyToYou.length };
}
