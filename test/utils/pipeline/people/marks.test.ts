import { describe, expect, it } from 'vitest';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { countsWithPeople, NO_MARKS, peopleMarks, reasonOf, type PeopleRules } from '@/utils/pipeline/people/marks';
import { everySiteId, personId } from '@/utils/pipeline/people/person';
import { FILTER_REASONS, type FilterReason } from '@/utils/pipeline/arrange/filter';
import { comment } from '@/test/support/threads';

// People marks over a discussion: mutes reach the quotes of a muted person and (by choice) the replies to them;
// the reader's own comments and the replies to them are found; nothing is marked for another site's entries.

const SITE = 'https://forums.example.org';
const OTHER = 'https://other.example';

// 1 by troll; 2 quotes 1 exactly (by id) and sits under it; 3 quotes 1 by its text; 4 answers 2 (siteParent);
// 5 by "me"; 6 quotes 5; 7 under 5; 8 quotes someone named in the citation only ("Troll said:").
const comments = [
  comment('1', 'Batteries are a scam and everybody knows it', [], { author: 'Troll', authorUrl: '/members/troll.9/' }),
  comment('2', 'No they are not', [{ text: 'Batteries are a scam and everybody knows it', sourceId: '1' }], {
    siteParent: '1',
  }),
  comment('3', 'Agreed with the reply', [{ text: 'Batteries are a scam and everybody knows it' }]),
  comment('4', 'Me too', [], { siteParent: '2' }),
  comment('5', 'I measured the cells myself last week', [], { author: 'Me', authorUrl: '/members/me.1/' }),
  comment('6', 'Thanks for measuring', [{ text: 'I measured the cells myself last week' }]),
  comment('7', 'Which meter?', [], { siteParent: '5' }),
  comment('8', 'Old news', [{ text: 'something the page does not hold', sourceAuthor: 'troll' }]),
];
const forest = threadByQuotes(comments);
const nodes = () => forest.byId.values();
const rules = (over: Partial<PeopleRules> = {}): PeopleRules => ({
  site: SITE,
  mutes: {},
  hideRepliesToMuted: false,
  you: null,
  ...over,
});
const trollOnSite = personId({ site: SITE, key: 'p:/members/troll.9' });

describe('people marks', () => {
  it('nothing to mark: no work, no marks', () => {
    expect(peopleMarks(nodes(), rules())).toBe(NO_MARKS);
  });

  it('mutes by profile on this site, and folds every quote of the muted person, by id, by text or by name', () => {
    const marks = peopleMarks(nodes(), rules({ mutes: { [trollOnSite]: 'Troll' } }));
    expect([...marks.muted]).toEqual(['1']);
    expect(marks.mutedQuotes.get('2')).toEqual(new Set([0]));
    expect(marks.mutedQuotes.get('3')).toEqual(new Set([0]));
    // A quote whose citation names a person muted by profile only: the name is not that person here.
    expect(marks.mutedQuotes.has('8')).toBe(false);
    // By name (on every site): the citation's name counts too.
    const byName = peopleMarks(nodes(), rules({ mutes: { [everySiteId('TROLL')]: 'TROLL' } }));
    expect(byName.mutedQuotes.get('8')).toEqual(new Set([0]));
    expect(byName.replyToMuted.size).toBe(0);
  });

  it('hides direct replies to a muted person when asked, never their replies in turn', () => {
    const marks = peopleMarks(nodes(), rules({ mutes: { [trollOnSite]: 'Troll' }, hideRepliesToMuted: true }));
    const replies = [...marks.replyToMuted].sort();
    expect(replies).toContain('2');
    expect(replies).not.toContain('4');
    for (const id of replies) expect(forest.byId.get(id)!.parentId).toBe('1');
  });

  it("another site's entries and other people's namesakes are left alone", () => {
    const elsewhere = personId({ site: OTHER, key: 'n:troll' });
    expect(peopleMarks(nodes(), rules({ mutes: { [elsewhere]: 'Troll' } })).muted.size).toBe(0);
    // The same name with another profile on this site is another person.
    const otherProfile = personId({ site: SITE, key: 'p:/members/troll.10' });
    expect(peopleMarks(nodes(), rules({ mutes: { [otherProfile]: 'Troll' } })).muted.size).toBe(0);
  });

  it('finds the reader and the replies to them: children and quotes, in page order', () => {
    const marks = peopleMarks(nodes(), rules({ you: { name: 'me', url: '/members/me.1/' } }));
    expect([...marks.you]).toEqual(['5']);
    expect(marks.replyToYou).toEqual(['6', '7']);
    // A name alone finds them too.
    expect(peopleMarks(nodes(), rules({ you: { name: 'ME' } })).replyToYou).toEqual(['6', '7']);
  });

  it('gives each comment one reason and counts it once', () => {
    const marks = peopleMarks(nodes(), rules({ mutes: { [trollOnSite]: 'Troll' }, hideRepliesToMuted: true }));
    const reasons = new Map<string, FilterReason>([
      ['1', 'rating'],
      ['2', 'muted-word'],
    ]);
    expect(reasonOf('1', reasons, marks)).toBe('muted-user');
    expect(reasonOf('2', reasons, marks)).toBe('muted-word');
    const zero = Object.fromEntries(FILTER_REASONS.map((r) => [r, 0])) as Record<FilterReason, number>;
    const counts = countsWithPeople(
      { total: 8, hidden: 2, byReason: { ...zero, rating: 1, 'muted-word': 1 } },
      reasons,
      marks,
    );
    expect(counts.byReason['muted-user']).toBe(1);
    expect(counts.byReason.rating).toBe(0);
    expect(counts.byReason['muted-word']).toBe(1);
    expect(counts.byReason['reply-to-muted']).toBe(marks.replyToMuted.size - 1);
    expect(counts.hidden).toBe(1 + marks.replyToMuted.size);
  });

  it('treats "__proto__" and "constructor" as names', () => {
    const odd = threadByQuotes([
      comment('1', 'a', [], { author: '__proto__' }),
      comment('2', 'b', [], { author: 'constructor' }),
    ]);
    const marks = peopleMarks(odd.byId.values(), rules({ mutes: { [everySiteId('__proto__')]: '__proto__' } }));
    expect([...marks.muted]).toEqual(['1']);
  });
});
