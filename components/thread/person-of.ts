import type { Comment } from '@/utils/pipeline/model';
import { EVERY_SITE, lookupIds, nameKey, personId, personOf } from '@/utils/pipeline/people/person';
import { firstOwn, type Note, type Tag } from '@/utils/platform/people-prefs';
import { own } from '@/utils/pipeline/own';
import type { PeopleInput } from '@/utils/content/section-view';

// A comment's author as the reader's people entries know them: the ids looked up (this site's profile, this
// site's name, the name on every site), the note and tag found under the first that has one, the mutes that
// name them. Made only for comments that are drawn, cached per comment.

const cache = new WeakMap<Comment, { site: string; ids: string[] }>();

/** The ids an entry on this comment's author may be kept under, most specific first. */
export function idsOf(comment: Comment, site: string): string[] {
  let hit = cache.get(comment);
  if (hit?.site !== site) cache.set(comment, (hit = { site, ids: lookupIds(comment.author, comment.authorUrl, site) }));
  return hit.ids;
}

/** The id a new entry on this author is kept under: on this site (by profile, else name), or the name on every site. */
export const newIdOf = (comment: Comment, site: string, everySite: boolean): string =>
  everySite
    ? personId({ site: EVERY_SITE, key: nameKey(comment.author) })
    : personId(personOf(comment.author, comment.authorUrl, site));

export interface PersonEntries {
  note?: [string, Note];
  tag?: [string, Tag];
  /** Ids of the mutes that name them (all are removed by Unmute). */
  mutes: string[];
}

export function entriesOf(comment: Comment, people: PeopleInput): PersonEntries {
  if (!comment.author || !people.site) return { mutes: [] };
  const ids = idsOf(comment, people.site);
  const note = firstOwn(people.notes, ids);
  const tag = firstOwn(people.tags, ids);
  return {
    ...(note ? { note } : {}),
    ...(tag ? { tag } : {}),
    mutes: ids.filter((id) => own(people.mutes, id) !== undefined),
  };
}

/** Whether an id is kept for every site. */
export const isEverySite = (id: string) => id.startsWith(`${EVERY_SITE} `);
