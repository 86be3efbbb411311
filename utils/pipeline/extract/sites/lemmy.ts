import { pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment } from '@/utils/pipeline/extract/adapter';
import { articleQuotes, listParent, text, withUrls } from '@/utils/pipeline/extract/fields';
import { idAfter, postsRoot } from '@/utils/pipeline/extract/forum-common';

// Lemmy post pages, server-rendered by lemmy-ui (built on lemmy-lemmy-ml-post-21018364-…-2024-10-04.html):
// each comment is `article.comment-node#comment-<id>` in `li.comment`, its replies in that item's
// `ul.comments`. Author `a.person-listing` (its name span; federated users carry their instance beside it),
// score the "N Upvotes" label, time `.moment-time`, words `.comment-content`.

function readComment(block: Element, base: string): RawComment {
  const person = block.querySelector('a.person-listing');
  const score = block.querySelector('[aria-label$="Upvotes"], [aria-label$="Upvote"]');
  const parent = listParent(block, 'li.comment', 'article');
  const raw: RawComment = {
    author: text(person?.querySelector('span')) || text(person),
    postId: idAfter(block, 'comment-'),
    timeText: text(block.querySelector('.moment-time')),
    voteText: null,
    body: block.querySelector('.comment-content'),
    siteParent: parent ? (idAfter(parent, 'comment-') ?? null) : null,
  };
  const votes = Number(/^(-?\d+)/.exec(score?.getAttribute('aria-label') ?? '')?.[1]);
  if (Number.isInteger(votes)) raw.votes = votes;
  return withUrls(raw, base, { member: person?.getAttribute('href') });
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const blocks = Array.from(doc.querySelectorAll('article.comment-node')).filter((b) => idAfter(b, 'comment-'));
  const root = postsRoot(blocks);
  if (!root || !blocks[0]!.closest('li.comment')) return [];
  return [
    {
      root: root.closest('.comments') ?? root,
      blocks,
      read: (b) => readComment(b, url.href),
      quotes: articleQuotes,
      base: url.href,
      heading: text(doc.querySelector('h1, .post-title')) || 'Comments',
      source: 'lemmy',
    },
  ];
}

export const lemmy = pagedEngine('lemmy', locate);
