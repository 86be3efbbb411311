import { describe, expect, it } from 'vitest';
import {
  EVERY_SITE,
  everySiteId,
  lookupIds,
  parsePersonId,
  personId,
  personOf,
  profileKey,
} from '@/utils/pipeline/people/person';

// A person is known per site: origin plus profile address, else folded name; older name-only entries become
// the name on every site.

const SITE = 'https://forums.example.org';

describe('people, known per site', () => {
  it('keys a profile however the page spells its link', () => {
    const a = personOf('Jo', '/members/jo.12/', SITE);
    const b = personOf('jo', 'https://forums.example.org/members/jo.12#about', `${SITE}/threads/x.1/`);
    expect(a).toEqual({ site: SITE, key: 'p:/members/jo.12' });
    expect(personId(b)).toBe(personId(a));
    // phpBB: the user is in the query; the session id is not.
    const p1 = profileKey('/memberlist.php?mode=viewprofile&u=2&sid=5f3a', SITE);
    expect(p1).toBe(profileKey('/memberlist.php?u=2&mode=viewprofile', SITE));
    expect(p1).not.toBe(profileKey('/memberlist.php?mode=viewprofile&u=3', SITE));
    // MacRumors' article pages write the profile with a doubled slash.
    expect(profileKey('https://forums.macrumors.com//members/1001', SITE)).toBe(
      'https://forums.macrumors.com/members/1001',
    );
    // SMF separates its parameters with ";".
    expect(profileKey('/index.php?action=profile;u=5', SITE)).toBe('/index.php?action=profile&u=5');
    // A profile on another site (Disqus, a federated NodeBB user) keeps that site in its key.
    expect(profileKey('https://disqus.com/by/jo/', SITE)).toBe('https://disqus.com/by/jo');
  });

  it('keys by folded name where there is no profile, and never by a script address', () => {
    expect(personOf('John', undefined, SITE).key).toBe('n:john');
    expect(personOf('J\u043Ehn', undefined, SITE).key).toBe('n:john');
    expect(personOf('John', 'javascript:alert(1)', SITE).key).toBe('n:john');
  });

  it('tells namesakes on two sites apart, and finds entries kept for every site', () => {
    const here = lookupIds('John', '/u/john', SITE);
    const there = lookupIds('John', '/u/john', 'https://other.example.net');
    expect(here).toEqual([`${SITE} p:/u/john`, `${SITE} n:john`, `${EVERY_SITE} n:john`]);
    expect(here[0]).not.toBe(there[0]);
    expect(here[2]).toBe(there[2]);
    expect(everySiteId('JOHN')).toBe(`${EVERY_SITE} n:john`);
  });

  it('reads ids back, and refuses anything else as untrusted input', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'Mary Ann']) {
      const id = personId(personOf(name, undefined, SITE));
      expect(parsePersonId(id)).toEqual(personOf(name, undefined, SITE));
    }
    expect(parsePersonId(everySiteId('jo'))).toEqual({ site: EVERY_SITE, key: 'n:jo' });
    for (const bad of [
      null,
      42,
      '',
      'n:jo',
      ' n:jo',
      'javascript:x n:jo',
      `${SITE} x:jo`,
      `${SITE} n:`,
      'x'.repeat(2000),
    ])
      expect(parsePersonId(bad), String(bad).slice(0, 20)).toBeNull();
  });
});
