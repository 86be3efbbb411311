import type { LocatedSection, RawComment } from './adapter';
import { articleQuotes, postIdFromUrl, text, withUrls } from './fields';
import { safeUrl } from './safe-url';
import { isVoteLine } from './votes';

// Finds a "Top Rated Comments"-like section by what a reader sees, for markups we have never seen:
// a heading like "Top Rated Comments" or a "(View all)" / "Read All Comments" link, and repeated blocks
// that each carry one vote count ("Rating: N Votes" / "Score: N Votes"). Knows no class names.

const HEADING = /^\s*(top[- ]rated comments|top comments|comments)\s*$/i;
const DISCUSSION_LINK = /^\s*[[(]?\s*(view all|read all comments|view all comments)\s*[\])]?\s*$/i;
const TIME = /\b(ago|yesterday|today|just now)\b|\b\d{1,2}:\d{2}\s*[ap]m\b/i;

/** Deepest elements whose text is a vote count line. */
function voteElements(scope: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(scope.querySelectorAll('div, span, p, li, footer, section, td'))) {
    const t = el.textContent ?? '';
    if (t.length > 120 || !isVoteLine(t)) continue;
    if (Array.from(el.children).some((c) => isVoteLine(c.textContent ?? ''))) continue;
    out.push(el);
  }
  return out;
}

function commonAncestor(nodes: Element[]): Element | null {
  if (nodes.length === 0) return null;
  let anc: Element | null = nodes[0]!.parentElement;
  for (const n of nodes.slice(1)) while (anc && !anc.contains(n)) anc = anc.parentElement;
  return anc;
}

export function locateBySignals(doc: Document, base: string): LocatedSection | null {
  const body = doc.body;
  if (!body) return null;
  const votes = voteElements(body);
  if (votes.length === 0) return null;
  const heading = Array.from(body.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')).find((h) =>
    HEADING.test(h.textContent ?? ''),
  );
  const links = Array.from(body.querySelectorAll('a[href]')).filter((a) => DISCUSSION_LINK.test(a.textContent ?? ''));
  if (!heading && links.length === 0) return null;
  let root = commonAncestor(heading ? [heading, ...votes] : votes);
  if (!root) return null;
  // A single comment: its block is the root's child holding the vote; widen to the enclosing section.
  if (votes.length === 1 && !heading) root = root.parentElement ?? root;
  if (root === body || root === doc.documentElement) return null;

  // Each block is the highest ancestor of its vote line below the root that holds no other vote line.
  const count = new Map<Element, number>();
  for (const v of votes)
    for (let a: Element | null = v; a && a !== root; a = a.parentElement) count.set(a, (count.get(a) ?? 0) + 1);
  const voteOf = new Map<Element, Element>();
  for (const v of votes) {
    let b = v;
    while (b.parentElement && b.parentElement !== root && count.get(b.parentElement) === 1) b = b.parentElement;
    if (b === v) return null;
    voteOf.set(b, v);
  }
  // Never a link inside a comment (a commenter's own "view all"): that is page text, not the section's.
  const blocks = Array.from(voteOf.keys());
  const outside = links.filter((a) => !blocks.some((b) => b.contains(a)));
  const discussion = outside.find((a) => root!.contains(a)) ?? outside[0];
  const located: LocatedSection = {
    root,
    blocks,
    read: (block) => readBlock(block, voteOf.get(block)!, base),
    quotes: articleQuotes,
    base,
    heading: text(heading) || 'Top Rated Comments',
    source: 'signals',
    accept: (comments) => !comments.every((c) => c.body.length === 0),
  };
  const url = safeUrl(discussion?.getAttribute('href'), base);
  if (url) located.discussionUrl = url;
  return located;
}

function readBlock(block: Element, vote: Element, base: string): RawComment {
  const links = Array.from(block.querySelectorAll('a[href]')).filter((a) => !vote.contains(a));
  const post = links.find((a) => postIdFromUrl(a.getAttribute('href')));
  const named =
    Array.from(block.querySelectorAll('[class*="user" i], [class*="author" i], [class*="name" i]')).find(
      (el) => text(el) && !el.contains(vote) && !el.querySelector('img'),
    ) ?? links.find((a) => text(a) && !TIME.test(text(a)));
  const img = block.querySelector('img');
  const altName = /^(.*)\s+avatar$/i.exec(img?.getAttribute('alt') ?? '')?.[1];
  const time =
    block.querySelector('time') ??
    Array.from(block.querySelectorAll('*')).find(
      (el) => el.children.length === 0 && TIME.test(text(el)) && text(el).length < 60,
    ) ??
    null;
  // Last resort: the short label that sits beside the time, as a reader would read a byline.
  const byline = time?.parentElement
    ? Array.from(time.parentElement.children).find(
        (el) => el !== time && el.children.length === 0 && /^\S.{0,39}$/.test(text(el)) && !TIME.test(text(el)),
      )
    : undefined;
  const authorEl = named ?? byline;
  const author = text(authorEl) || altName || '';
  const skip = [vote, authorEl, time].filter((e): e is Element => !!e);
  let best: Element | null = null;
  let bestLen = -1;
  for (const el of Array.from(block.querySelectorAll('*'))) {
    if (skip.some((s) => el.contains(s) || s.contains(el))) continue;
    const len = (el.textContent ?? '').trim().length;
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  const raw: RawComment = { author, timeText: text(time), voteText: text(vote), body: best };
  const member = links.find((a) => /\/members\//.test(a.getAttribute('href') ?? ''));
  return withUrls(raw, base, {
    post: post?.getAttribute('href'),
    avatar: img?.getAttribute('data-src') ?? img?.getAttribute('src'),
    member: member?.getAttribute('href'),
  });
}
