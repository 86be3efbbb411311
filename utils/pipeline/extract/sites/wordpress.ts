import { pagedEngine, pagesOf } from './paged-forum';
import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import { articleQuotes, childMatching, text, within } from '@/utils/pipeline/extract/fields';
import { idAfter, postIdInLink } from '@/utils/pipeline/extract/forum-common';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';

// WordPress comments: li.comment#comment-<id> (or article), author .comment-author (.fn), body
// .comment-content. Themes that thread nest replies in ol.children: a reply keeps that parent. Flat themes
// get quote threading, and an "@Name" that links to #comment-<id> nests exactly under that comment.

/** The comment a reply's leading "@Name" link points at. */
function atLink(body: Element | null): string | undefined {
  const first = body?.querySelector('a[href*="#comment-"]');
  if (!first || !text(first).startsWith('@')) return undefined;
  const before = (body?.textContent ?? '').split(first.textContent ?? '')[0] ?? '';
  return before.trim() === '' ? postIdInLink(first.getAttribute('href')) : undefined;
}

/**
 * The comment's words: `.comment-content`, its `.comment-text` where the theme puts the byline inside it
 * (scilogs), or the text box of themes with their own walker (`.commenttext`, cubadebate).
 */
function bodyOf(block: Element): Element | null {
  const content = block.querySelector('.comment-content');
  return (
    content?.querySelector('.comment-text') ??
    content ??
    block.querySelector('.comment-text') ??
    block.querySelector('.commenttext')
  );
}

/**
 * A parent the theme records besides nesting: `data-parent` (and its spellings) on the comment, or an "in
 * reply to" link to #comment-<id> in its byline.
 */
function recordedParent(block: Element): string | undefined {
  for (const name of ['data-parent', 'data-parent-id', 'data-parentid', 'data-comment-parent']) {
    const value = block.getAttribute(name);
    if (value && /^\d+$/.test(value) && value !== '0') return value;
  }
  const byline = block.querySelector('.in-reply-to, .comment-reply-to, .comment-parent');
  const link = byline?.querySelector('a[href]');
  return postIdInLink(link?.getAttribute('href'));
}

/** In a theme that threads: the comment whose reply list (`.children`) holds this one. */
function siteParentOf(block: Element): string | undefined {
  const parent = block.closest('.children')?.parentElement?.closest('li.comment, article.comment');
  return parent ? (idAfter(parent, 'comment-') ?? idAfter(parent, 'li-comment-')) : undefined;
}

function readComment(block: Element, base: string, threaded: boolean): RawComment {
  const author =
    block.querySelector('.comment-author-name') ??
    block.querySelector('.fn') ??
    block.querySelector('.comment-author') ??
    within(childMatching(block.querySelector('.commenttext'), 'cite'), 'strong');
  const link = author?.querySelector('a') ?? (author?.tagName === 'A' ? author : null);
  const time = block.querySelector('time');
  const body = bodyOf(block);
  const raw: RawComment = {
    author: text(author).replace(/\s+says:?$/i, ''),
    postId: idAfter(block, 'comment-'),
    timeText: text(time) || text(block.querySelector('.comment-metadata, .commentmetadata')),
    voteText: null,
    body,
  };
  const stamp = Date.parse(time?.getAttribute('datetime') ?? '');
  if (!Number.isNaN(stamp)) raw.timestamp = stamp;
  if (threaded) raw.siteParent = siteParentOf(block) ?? null;
  const parent = recordedParent(block) ?? atLink(body);
  if (parent && parent !== raw.postId) raw.parentId = parent;
  const authorUrl = safeUrl(link?.getAttribute('href'), base);
  if (authorUrl) raw.authorUrl = authorUrl;
  return raw;
}

function locate(doc: Document, url: URL): LocatedSection[] {
  const blocks = Array.from(doc.querySelectorAll('li.comment, article.comment')).filter(
    (b) => idAfter(b, 'comment-') && bodyOf(b),
  );
  const root = doc.querySelector('ol.comment-list') ?? doc.querySelector('.commentlist') ?? blocks[0]?.parentElement;
  if (!root || blocks.length === 0) return [];
  const threaded = !!root.querySelector('.children');
  return [
    {
      root,
      blocks,
      // A theme that threads draws its tree with reply lists (ol.children): that tree is kept.
      read: (b) => readComment(b, url.href, threaded),
      quotes: articleQuotes,
      base: url.href,
      heading:
        text(doc.querySelector('#comments .comments-title')) ||
        text(doc.querySelector('.comments-title')) ||
        'Comments',
      source: 'wordpress',
      ...pagesOf(doc, url),
    },
  ];
}

export const wordpress: SiteModule = pagedEngine('wordpress', locate);
