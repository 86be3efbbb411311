import { pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment } from '@/utils/pipeline/extract/adapter';
import { articleQuotes, childMatching, text, within, withUrls } from '@/utils/pipeline/extract/fields';
import { postsRoot } from '@/utils/pipeline/extract/forum-common';
import { countIn, joinNotLoaded, notLoaded } from '@/utils/pipeline/extract/not-loaded';
import type { NotLoaded } from '@/utils/pipeline/model';

// Old Reddit comment pages (built on oldreddit-r-aww-8dyrb3-…-2018.html): each comment is
// `div.thing.comment[data-fullname="t1_<id>"]`, its replies in its own `div.child > div.sitetable`, so its
// parent is the comment `div.thing` around the list it sits in. Its own parts are in its `div.entry` (a
// reply's entry is deeper): author `a.author` (or data-author), score `span.score.unvoted[title]`, time
// `time.live-timestamp`, words `.usertext-body .md`. Deleted comments keep their place (no author, no score).
// Replies the page does not hold are things of another type in the same list: "load more comments (N
// replies)" (`.morecomments`, a script link: the parent's permalink shows them) and "continue this thread"
// (`.deepthread`, a link of its own).

const idOf = (thing: Element) => /^t1_([a-z0-9]+)$/.exec(thing.getAttribute('data-fullname') ?? '')?.[1];

/** The stubs in one list of comments (`div.sitetable`): what the page does not hold there. */
export function stubsIn(list: Element | null, permalink: string | null, base: string): NotLoaded | undefined {
  let more: NotLoaded | undefined;
  for (const thing of Array.from(list?.children ?? [])) {
    if (!thing.classList.contains('thing') || thing.classList.contains('comment')) continue;
    const link = within(thing, '.morecomments, .deepthread', 'a');
    if (!link) continue;
    const href = /^javascript:/i.test(link.getAttribute('href') ?? '') ? permalink : link.getAttribute('href');
    more = joinNotLoaded(more, notLoaded(countIn(text(link)), href, base));
  }
  return more;
}

const repliesList = (block: Element) => childMatching(childMatching(block, '.child'), '.sitetable');

function readComment(block: Element, base: string): RawComment {
  const entry = childMatching(block, '.entry');
  const author = entry?.querySelector('a.author');
  const score = entry?.querySelector('span.score.unvoted');
  const time = entry?.querySelector('time.live-timestamp');
  const parent = block.parentElement?.closest('div.thing');
  const raw: RawComment = {
    author: text(author) || (block.getAttribute('data-author') ?? ''),
    postId: idOf(block),
    timeText: text(time),
    voteText: null,
    body: within(entry, '.usertext-body', '.md'),
    siteParent: parent ? (idOf(parent) ?? null) : null,
  };
  const more = stubsIn(repliesList(block), block.getAttribute('data-permalink'), base);
  if (more) raw.more = more;
  const votes = Number(score?.getAttribute('title'));
  if (score && Number.isInteger(votes)) raw.votes = votes;
  const stamp = Date.parse(time?.getAttribute('datetime') ?? '');
  if (!Number.isNaN(stamp)) raw.timestamp = stamp;
  return withUrls(raw, base, { member: author?.getAttribute('href') });
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const blocks = Array.from(doc.querySelectorAll('div.thing.comment')).filter((b) => idOf(b));
  const root = postsRoot(blocks);
  if (!root || !blocks[0]!.closest('.commentarea, .sitetable')) return [];
  const top = blocks[0]!.parentElement;
  const more = top?.classList.contains('sitetable') ? stubsIn(top, url.href, url.href) : undefined;
  return [
    {
      ...(more ? { more } : {}),
      root: root.closest('.nestedlisting') ?? root,
      blocks,
      read: (b) => readComment(b, url.href),
      quotes: articleQuotes,
      base: url.href,
      heading: text(doc.querySelector('a.title, h1')) || 'Comments',
      source: 'oldreddit',
    },
  ];
}

export const oldreddit = pagedEngine('oldreddit', locate);
