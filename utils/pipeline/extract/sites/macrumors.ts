import type { LocatedSection, RawComment, SiteModule } from '@/utils/pipeline/extract/adapter';
import {
  articleQuotes,
  byClassPrefix,
  firstByClassPrefix,
  text,
  within,
  withUrls,
} from '@/utils/pipeline/extract/fields';
import { safeUrl } from '@/utils/pipeline/extract/safe-url';
import { locateBySignals } from '@/utils/pipeline/extract/signals';
import { isVoteLine } from '@/utils/pipeline/extract/votes';

// MacRumors article pages: "Top Rated Comments" under the article. Each markup era is one entry below,
// tried in order; when none matches, the visible-signals detector takes over (see signals.ts).

interface Era {
  name: string;
  section(doc: Document): Element | null;
  blocks(section: Element): Element[];
  read(block: Element, base: string): RawComment;
  /** The section's links to the whole discussion (the first one outside every comment is taken). */
  discussionLinks(section: Element): Element[];
}

const ERAS: Era[] = [
  {
    // 2017 (real/macrumors-2017-apple-pencil.html): div#comments > div.comment > div.comment_content.
    name: 'macrumors-2017',
    section: (doc) => {
      const section = doc.querySelector('#comments');
      const content = section?.querySelector('.comment_content')?.parentElement?.closest('.comment');
      return content && section!.contains(content) ? section : null;
    },
    blocks: (section) =>
      Array.from(section.querySelectorAll('.comment')).filter((b) => b.querySelector('.comment_content')),
    read: (block, base) => {
      const user = within(block, '.username', 'a') ?? block.querySelector('.username');
      const img = within(block, '.avatar', 'img');
      return withUrls(
        {
          author: text(user),
          timeText: text(block.querySelector('.date')),
          voteText: text(block.querySelector('.rating')) || null,
          body: block.querySelector('.content'),
        },
        base,
        {
          post: user?.getAttribute('href'),
          avatar: img?.getAttribute('data-src') ?? img?.getAttribute('src'),
          member: within(block, '.avatar', 'a[href*="/members/"]')?.getAttribute('href'),
        },
      );
    },
    discussionLinks: (section) => Array.from(section.querySelectorAll('a.view_all, a.view_more')),
  },
  {
    // 2022 (real/macrumors-2022-apple-pencil.html): CSS-module classes, hash suffix changes per build, so
    // match class prefixes only: comment--, username--, date--, content--, textRow--, avatar--.
    name: 'macrumors-2022',
    section: (doc) => {
      const section = doc.querySelector('#comments');
      return section && firstByClassPrefix(section, 'comment--') ? section : null;
    },
    blocks: (section) => byClassPrefix(section, 'comment--'),
    read: (block, base) => {
      const user = firstByClassPrefix(block, 'username--');
      const userLink = user?.querySelector('a') ?? null;
      const img = firstByClassPrefix(block, 'avatar--')?.querySelector('img') ?? block.querySelector('img');
      const rating = byClassPrefix(block, 'textRow--').find((row) => isVoteLine(row.textContent ?? ''));
      return withUrls(
        {
          author: text(userLink ?? user),
          timeText: text(firstByClassPrefix(block, 'date--')),
          voteText: rating ? text(rating) : null,
          body: firstByClassPrefix(block, 'content--'),
        },
        base,
        { post: userLink?.getAttribute('href'), avatar: img?.getAttribute('data-src') ?? img?.getAttribute('src') },
      );
    },
    discussionLinks: (section) =>
      Array.from(section.querySelectorAll('a[href]')).filter((a) =>
        /read all comments|view all/i.test(a.textContent ?? ''),
      ),
  },
];

/** Candidate sections: each markup era whose blocks are on the page, then the visible-signals detector. */
function* locateArticle(doc: Document, url: URL): Iterable<LocatedSection> {
  const base = url.href;
  for (const era of ERAS) {
    const root = era.section(doc);
    if (!root) continue;
    const blocks = era.blocks(root);
    if (blocks.length === 0) continue;
    const located: LocatedSection = {
      root,
      blocks,
      read: (b) => era.read(b, base),
      quotes: articleQuotes,
      base,
      heading: text(root.querySelector('h1, h2, h3, h4')) || 'Top Rated Comments',
      source: era.name,
      // A block with neither author nor body is not a comment we understand: let the next guess try.
      accept: (comments) => !comments.some((c) => !c.author && c.body.length === 0),
    };
    // A commenter's own "view all" link inside a comment is page text, never the discussion's address.
    const link = era.discussionLinks(root).find((a) => !blocks.some((b) => b.contains(a)));
    const url2 = safeUrl(link?.getAttribute('href'), base);
    if (url2) located.discussionUrl = url2;
    yield located;
  }
  const bySignals = locateBySignals(doc, base);
  if (bySignals) yield bySignals;
}

export const macrumorsArticles: SiteModule = {
  id: 'macrumors',
  hosts: ['www.macrumors.com', 'macrumors.com'],
  paths: '/*',
  adapter: { locate: locateArticle, holdSelector: '#comments' },
};
