// "Rating: 12 Votes" (2017), "Score: 97 Votes (Like | Disagree)" (2022), "1 Vote", "1,234 Votes", "-3 Votes".
const VOTES = /(?:rating|score)\s*:?\s*([+\-\u2212]?\s*[\d][\d,.\u202F\u00A0 ]*)\s*votes?\b/i;
const BARE = /^\s*([+\-\u2212]?[\d][\d,.\u202F\u00A0]*)\s*votes?\b/i;

export interface ParsedVotes {
  votes: number;
  missing: boolean;
}

export function parseVotes(text: string | null | undefined): ParsedVotes {
  if (!text) return { votes: 0, missing: true };
  const m = VOTES.exec(text) ?? BARE.exec(text);
  if (!m?.[1]) return { votes: 0, missing: true };
  const raw = m[1].replace(/[\s,.\u202F\u00A0]/g, '').replace('\u2212', '-');
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || Math.abs(n) > 1e9) return { votes: 0, missing: true };
  return { votes: n, missing: false };
}

/** True when a piece of text looks like a vote count line: a visible signal of a comment block. */
export function isVoteLine(text: string): boolean {
  return VOTES.test(text) && text.length < 120;
}
