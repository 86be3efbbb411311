import { pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment } from '@/utils/pipeline/extract/adapter';
import { articleQuotes, listParent, text, withUrls } from '@/utils/pipeline/extract/fields';
import { postsRoot } from '@/utils/pipeline/extract/forum-common';

// Lobsters story pages (built on lobsters-dwip3v-rust-project-goals-for-2024.html): each comment is
// `div.comment#c_<shortid>` inside `li.comments_subtree`, its replies in that item's `ol.comments`; the whole
// list sits in one more `li.comments_subtree#story_comments` that holds no comment. Score in `a.upvoter`,
// author the byline's `/~name` link with text, time `time[data-at-unix]`, words `.comment_text`.

const SHORT_ID = /^c_([a-z0-9]+)$/;

function readComment(block: Element, base: string): RawComment {
  const byline = block.querySelector('.byline');
  const author = Array.from(byline?.querySelectorAll('a[href^="/~"]') ?? []).find((a) => text(a));
  const time = byline?.querySelector('time');
  const parent = listParent(block, 'li.comments_subtree', 'div.comment');
  const unix = Number(time?.getAttribute('data-at-unix'));
  const raw: RawComment = {
    author: text(author),
    postId: SHORT_ID.exec(block.id)?.[1],
    timeText: text(time),
    voteText: null,
    votes: Number(text(block.querySelector('a.upvoter'))) || 0,
    body: block.querySelector('.comment_text'),
    siteParent: parent ? (SHORT_ID.exec(parent.id)?.[1] ?? null) : null,
  };
  if (unix > 0) raw.timestamp = unix * 1000;
  return withUrls(raw, base, { member: author?.getAttribute('href') });
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const blocks = Array.from(doc.querySelectorAll('div.comment[data-shortid]')).filter((b) => SHORT_ID.test(b.id));
  const root = postsRoot(blocks);
  if (!root || !blocks[0]!.closest('li.comments_subtree')) return [];
  return [
    {
      root: root.closest('ol.comments') ?? root,
      blocks,
      read: (b) => readComment(b, url.href),
      quotes: articleQuotes,
      base: url.href,
      heading: text(doc.querySelector('.story .link a, h1')) || 'Comments',
      source: 'lobsters',
    },
  ];
}

export const lobsters = pagedEngine('lobsters', locate);
