import { foldName } from '@/utils/pipeline/names';

// A person is known per site: the site's origin plus the author's profile address where the page links one,
// else their name as compared (names.ts foldName). Notes, tags and mutes are kept by a person's id; one the
// reader applies to every site is kept under the site EVERY_SITE, which is also what the older name-only
// entries become (nothing is lost: a name on every site is what they meant). Ids are plain strings, looked up
// in Maps and null-prototype records: "__proto__" is a name like any other.

export interface Person {
  /** The site's origin ("https://forums.example.org"), or EVERY_SITE. */
  site: string;
  /** "p:" and the profile address (path and identifying query on the site; the whole address elsewhere), or "n:" and the folded name. */
  key: string;
}

/** The site of entries that apply on every site. */
export const EVERY_SITE = '*';

/** Query parameters that say who someone is not, but which session or campaign brought the link. */
const NOISE = /^(?:sid|s|phpsessid|sessionid|session|utm_[a-z]+|ref|from|fbclid|gclid)$/i;

/** A profile address as a key: the same person however the page spells the link (session ids, "/" at the end or twice, "#"). */
export function profileKey(authorUrl: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(authorUrl, origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // SMF separates its parameters with ";": read them as "&".
  const params = new URLSearchParams(url.search.replace(/;/g, '&'));
  const kept = Array.from(params)
    .filter(([name]) => !NOISE.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  // MacRumors' article pages link "//members/1001": repeated slashes are one.
  const path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '') || '/';
  const where = url.origin === originOf(origin) ? '' : url.origin;
  return `${where}${path}${query}`;
}

const originOf = (address: string) => {
  try {
    return new URL(address).origin;
  } catch {
    return address;
  }
};

/** The person who wrote a comment on a site: by their profile address where there is one, else by name. */
export function personOf(author: string, authorUrl: string | undefined, site: string): Person {
  const origin = originOf(site);
  const profile = authorUrl ? profileKey(authorUrl, origin) : null;
  return { site: origin, key: profile ? `p:${profile}` : nameKey(author) };
}

/** A name as a person's key: compared, not as written. */
export const nameKey = (name: string): string => `n:${foldName(name)}`;

/** A person as one string (storage keys, Map keys). */
export const personId = (p: Person): string => `${p.site} ${p.key}`;

/** The person an id names; null when it is not one (stored values are untrusted). */
export function parsePersonId(id: unknown): Person | null {
  if (typeof id !== 'string' || id.length > 1200) return null;
  const at = id.indexOf(' ');
  if (at <= 0) return null;
  const site = id.slice(0, at);
  const key = id.slice(at + 1);
  const siteOk = site === EVERY_SITE || /^https?:\/\/[^\s/]+$/.test(site);
  return siteOk && /^[pn]:\S/.test(key) ? { site, key } : null;
}

/**
 * The ids an entry about this comment's author may be kept under, most specific first: this site's profile,
 * this site's name, the name on every site. (A note kept by name on a site also finds the person there when
 * their profile is linked; one kept by profile never finds a namesake.)
 */
export function lookupIds(author: string, authorUrl: string | undefined, site: string): string[] {
  const person = personOf(author, authorUrl, site);
  const byName = nameKey(author);
  const ids = [personId(person)];
  if (person.key !== byName) ids.push(personId({ site: person.site, key: byName }));
  ids.push(personId({ site: EVERY_SITE, key: byName }));
  return ids;
}

/** An older entry kept by a bare name: the same name on every site. */
export const everySiteId = (name: string): string => personId({ site: EVERY_SITE, key: nameKey(name) });
