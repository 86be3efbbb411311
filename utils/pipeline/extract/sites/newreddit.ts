import { pagedEngine } from './paged-forum';
import type { LocatedSection, RawComment } from '@/utils/pipeline/extract/adapter';
import { articleQuotes, childMatching, text, withUrls } from '@/utils/pipeline/extract/fields';
import { postsRoot } from '@/utils/pipeline/extract/forum-common';
import { countIn, joinNotLoaded, notLoaded } from '@/utils/pipeline/extract/not-loaded';
import type { NotLoaded } from '@/utils/pipeline/model';

// New Reddit, the shreddit app (2023–; SITES.md: no raw capture has comments, so built from its elements'
// attributes, which its own components read and which outlive its styling): each comment is a
// `shreddit-comment` custom element with `thingid`, `parentid`, `depth`, `author`, `score`, `permalink`,
// `created`; its words are in its light DOM (`[slot="comment"]`, the `<thingid>-…-rtjson-content` element;
// the shadow root only places slots), its replies are `shreddit-comment` children. The parent is
// `parentid` (else the comment around it); where the two disagree the page is left alone. Replies not yet
// loaded are a `faceplate-partial` child saying "N more replies"; more top-level comments, one after the
// tree. Comments arrive as the reader scrolls and the app navigates in-page: the app's watchers re-read.

const isComment = (el: Element) => el.tagName === 'SHREDDIT-COMMENT';
const thingOf = (el: Element) => /^t1_([a-z0-9]+)$/.exec(el.getAttribute('thingid') ?? '')?.[1];
const MORE = /more (?:replies|comments)|weitere|更多/i;

/** "N more replies" children of one comment, or of the tree: not loaded here, linked to `permalink`. */
function stubsOf(holder: Element, permalink: string | null, base: string): NotLoaded | undefined {
  let more: NotLoaded | undefined;
  for (let el = holder.firstElementChild; el; el = el.nextElementSibling) {
    if (isComment(el) || !/^FACEPLATE-PARTIAL$|^A$/.test(el.tagName) || !MORE.test(text(el))) continue;
    const href = el.tagName === 'A' ? el.getAttribute('href') : permalink;
    more = joinNotLoaded(more, notLoaded(countIn(text(el)), href, base));
  }
  return more;
}

/** The comment's parent: `parentid` when it names a comment, the comment around it otherwise. */
function parentOf(el: Element): string | null | false {
  const around = el.parentElement?.closest('shreddit-comment');
  const aroundId = around ? (thingOf(around) ?? null) : null;
  const named = /^t1_([a-z0-9]+)$/.exec(el.getAttribute('parentid') ?? '')?.[1];
  if (named === undefined) return aroundId;
  return aroundId === null || aroundId === named ? named : false;
}

function readComment(el: Element, base: string): RawComment {
  const author = el.getAttribute('author') ?? '';
  const permalink = el.getAttribute('permalink');
  const body =
    childMatching(el, '[slot="comment"]') ??
    el.querySelector(`[id="${el.getAttribute('thingid')}-comment-rtjson-content"]`);
  const stamp = Date.parse(
    el.getAttribute('created') ?? el.querySelector('faceplate-timeago')?.getAttribute('ts') ?? '',
  );
  const raw: RawComment = {
    author,
    postId: thingOf(el),
    timeText: text(el.querySelector('faceplate-timeago')),
    voteText: null,
    body,
    siteParent: parentOf(el) || null,
  };
  const score = Number(el.getAttribute('score'));
  if (el.hasAttribute('score') && Number.isInteger(score)) raw.votes = score;
  if (!Number.isNaN(stamp)) raw.timestamp = stamp;
  const more = stubsOf(el, permalink, base);
  if (more) raw.more = more;
  const member = author && !/^\[.*\]$/.test(author) ? `/user/${encodeURIComponent(author)}/` : null;
  return withUrls(raw, base, { member, post: permalink });
}

const commentsOf = (doc: Document) => Array.from(doc.getElementsByTagName('shreddit-comment')).filter(thingOf);

/** Whether some comment's `parentid` names another comment than the one it sits in (then no view). */
const shredditConflict = (doc: Document): boolean => commentsOf(doc).some((el) => parentOf(el) === false);

function locate(doc: Document, url: URL): LocatedSection[] {
  const blocks = commentsOf(doc);
  const root = postsRoot(blocks);
  if (!root || shredditConflict(doc)) return [];
  const tree = blocks[0]!.closest('shreddit-comment-tree') ?? root;
  const more = tree.parentElement
    ? (stubsOf(tree.parentElement, url.href, url.href) ?? stubsOf(tree, url.href, url.href))
    : undefined;
  return [
    {
      ...(more ? { more } : {}),
      root: tree,
      blocks,
      read: (el) => readComment(el, url.href),
      quotes: articleQuotes,
      base: url.href,
      heading: text(doc.querySelector('shreddit-post h1, h1')) || doc.title || 'Reddit',
      source: 'newreddit',
    },
  ];
}

export const newreddit = pagedEngine('newreddit', locate, (doc) => (shredditConflict(doc) ? 'unclear-tree' : null));
