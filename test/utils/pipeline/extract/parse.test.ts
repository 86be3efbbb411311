import { describe, expect, it } from 'vitest';
import { parseVotes } from '@/utils/pipeline/extract/votes';
import { estimateTimestamp } from '@/utils/pipeline/extract/relative-time';

describe('parseVotes', () => {
  it.each([
    ['Rating: 12 Votes', 12, false],
    ['Score: 97 Votes (Like | Disagree)', 97, false],
    ['Score: 1 Vote (Like | Disagree)', 1, false],
    ['Rating: 1,234 Votes', 1234, false],
    ['Rating: -3 Votes', -3, false],
    ['Rating: \u22125 Votes', -5, false],
    ['Score:0 Votes', 0, false],
    ['2 Votes', 2, false],
    ['Rating: many Votes', 0, true],
    ['Rating:', 0, true],
    ['', 0, true],
    [null, 0, true],
    ['Rating: 99999999999999 Votes', 0, true],
  ])('%s → %i', (text, votes, missing) => {
    expect(parseVotes(text)).toEqual({ votes, missing });
  });
});

describe('estimateTimestamp', () => {
  const now = new Date('2026-03-10T15:00:00').getTime();
  const hour = 3_600_000;
  it.each([
    ['26 months ago', now - 26 * 2_629_800_000],
    ['a minute ago', now - 60_000],
    ['just now', now],
    ['3 hours ago', now - 3 * hour],
    ['3 hours ago at 11:46 am', new Date('2026-03-10T11:46:00').getTime()],
    ['2 hours ago at 12:12 pm', new Date('2026-03-10T12:12:00').getTime()],
    ['Yesterday at 9:02 PM', new Date('2026-03-09T21:02:00').getTime()],
    ['Today at 12:05 AM', new Date('2026-03-10T00:05:00').getTime()],
    ['Yesterday', new Date('2026-03-09T12:00:00').getTime()],
    ['Jan 18, 2017', new Date('Jan 18, 2017').getTime()],
  ])('%s', (text, expected) => {
    expect(estimateTimestamp(text, now)).toBe(expected);
  });
  it('takes "N hours ago at hh:mm" on the day nearest the offset, also when read hours later', () => {
    const early = new Date('2026-03-10T00:30:00').getTime();
    expect(estimateTimestamp('1 hour ago at 11:40 pm', early)).toBe(new Date('2026-03-09T23:40:00').getTime());
    // A page kept open (or a capture) read at 2 am: the offset points at midnight, the clock at noon before.
    const later = new Date('2026-03-10T02:00:00').getTime();
    expect(estimateTimestamp('2 hours ago at 12:02 pm', later)).toBe(new Date('2026-03-09T12:02:00').getTime());
    expect(estimateTimestamp('3 hours ago at 11:46 am', later)).toBe(new Date('2026-03-09T11:46:00').getTime());
  });
  it.each(['', 'sometime', 'ago'])('unreadable "%s" → undefined', (text) => {
    expect(estimateTimestamp(text, now)).toBeUndefined();
  });
});
