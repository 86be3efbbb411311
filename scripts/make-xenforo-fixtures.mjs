// Writes test/fixtures/xenforo/*.html: a three-page XenForo 2 thread built from the markup in
// forums.macrumors.com thread pages (article.message posts, bbCodeBlock--quote quotes with data-source, reactions, page nav),
// with quotes across pages, a nested quote, a hand-typed quote without a source and a post without reactions.
// The article page linking to it is test/fixtures/macrumors-2017-forum-linked.html.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/paths.mjs';

const THREAD = 'huawei-xiaomi-att-verizon.2105432';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// [id, author, memberId, unix time, reactions summary or '', body parts]; body parts: string | {quote: [id|'' , author, text]}
export const POSTS = [
  [25853790, 'reader_two', 1002, 1512747000, 'A, B and 8 others', ['LOL...good luck.']],
  [
    25853795,
    'reader_four',
    1004,
    1512747300,
    'C, D and 6 others',
    ['Yeah, no thanks. Hard pass on any Chinese smartphone maker.'],
  ],
  [
    25853802,
    'reader_three',
    1003,
    1512747600,
    'E, F and 8 others',
    [
      "It's the software, stupid!",
      "Nice hardware is nice, but I'd be willing to wager what actually keeps iPhone users on iPhones is iOS and the Apple ecosystem.",
    ],
  ],
  [
    25853811,
    'reader_one',
    1001,
    1512748000,
    'G, H and 10 others',
    [
      'It seems that Samsung and LG would be the primary targets. How many people really switch between iOS and Android anymore?',
    ],
  ],
  [
    25853840,
    'reader_five',
    1005,
    1512748500,
    'I and J',
    [
      { quote: [25853795, 'reader_four', 'Yeah, no thanks. Hard pass on any Chinese smartphone maker.'] },
      'Like the iPhone is manufactured in USA.',
    ],
  ],
  [
    25853860,
    'switcher',
    1011,
    1512749000,
    '',
    [
      "Both ecosystems are refined now. My point is that most people are heavily invested in one or the other. Most people don't want to have to download/buy all new apps, learn a different UI, buy new accessories in one fell swoop.",
    ],
  ],
  // page 2
  [
    25853901,
    'reader_seven',
    1007,
    1512750000,
    'K',
    ["They're both very good Chinese brands. My Mi 3 still works well after 3.5 years."],
  ],
  [25853950, 'reader_ten', 1010, 1512751000, 'L', ['Hmmm I hope they copy Apple in terms of their names too.']],
  [
    25854002,
    'reader_eight',
    1008,
    1512752000,
    'M, N and 1 other',
    [
      {
        quote: [
          25853802,
          'reader_three',
          "Nice hardware is nice, but I'd be willing to wager what actually keeps iPhone users on iPhones is iOS and the Apple ecosystem.",
        ],
      },
      'While this has been true in the past, I am starting to look at non-Apple hardware.',
    ],
  ],
  [
    25854077,
    'reader_nine',
    1009,
    1512753000,
    'O, P and 1 other',
    [
      { quote: [25853802, 'reader_three', "It's the software, stupid! Nice hardware is nice"] },
      'I think Android beats iPhone on both Software and Hardware.',
    ],
  ],
  [
    25854120,
    'reader_six',
    1006,
    1512754000,
    'Q, R, S and 1 other',
    [
      {
        quote: [
          25853860,
          'switcher',
          'Both ecosystems are refined now. My point is that most people are heavily invested in one or the other.',
        ],
      },
      'That makes no sense.',
    ],
  ],
  // page 3
  [
    25854200,
    'nested',
    1012,
    1512755000,
    'T',
    [
      {
        quote: [
          25854120,
          'reader_six',
          'That makes no sense.',
          { quote: [25853860, 'switcher', 'Both ecosystems are refined now.'] },
        ],
      },
      'It makes perfect sense to me.',
    ],
  ],
  [
    25854230,
    'handtyped',
    1013,
    1512756000,
    '',
    [{ quote: ['', 'somebody', 'Hard pass on any Chinese smartphone maker.'] }, 'Typed that quote by hand.'],
  ],
  [
    25854260,
    'latecomer',
    1014,
    1512757000,
    'U and 2 others',
    ['Late to this thread, but Verizon and AT&T will never sell these.'],
  ],
];
const PAGES = [POSTS.slice(0, 6), POSTS.slice(6, 11), POSTS.slice(11)];

function quoteHtml([source, author, text, inner]) {
  const src = source ? `post: ${source}` : '';
  const jump = source
    ? `<a href="/goto/post?id=${source}" class="bbCodeBlock-sourceJump" data-xf-click="attribution" data-content-selector="#post-${source}">${esc(author)} said:</a>`
    : `${esc(author)} said:`;
  return `<blockquote data-attributes="member: 1" data-quote="${esc(author)}" data-source="${src}" class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch">
  <div class="bbCodeBlock-title">${jump}</div>
  <div class="bbCodeBlock-content"><div class="bbCodeBlock-expandContent js-expandContent">${inner ? quoteHtml(inner.quote) : ''}${esc(text)}</div><div class="bbCodeBlock-expandLink js-expandLink"><a role="button" tabindex="0">Click to expand...</a></div></div>
</blockquote>`;
}

function postHtml([id, author, member, time, reactions, parts], position) {
  const body = parts.map((p) => (typeof p === 'string' ? `${esc(p)}<br />` : quoteHtml(p.quote))).join('\n');
  return `<article class="message message--post js-post js-inlineModContainer" data-author="${esc(author)}" data-content="post-${id}" id="js-post-${id}">
  <span class="u-anchorTarget" id="post-${id}"></span>
  <div class="message-inner">
    <div class="message-cell message-cell--user"><section class="message-user"><div class="message-avatar"><div class="message-avatar-wrapper"><a href="/members/${author}.${member}/" class="avatar avatar--m" data-user-id="${member}"><img src="/data/avatars/m/${member}.jpg" alt="${esc(author)}" class="avatar-u${member}-m" width="96" height="96" loading="lazy" /></a></div></div>
      <div class="message-userDetails"><h4 class="message-name"><a href="/members/${author}.${member}/" class="username" data-user-id="${member}">${esc(author)}</a></h4></div></section></div>
    <div class="message-cell message-cell--main"><div class="message-main js-quickEditTarget">
      <header class="message-attribution message-attribution--split">
        <ul class="message-attribution-main listInline"><li class="u-concealed"><a href="/threads/${THREAD}/post-${id}" rel="nofollow"><time class="u-dt" dir="auto" datetime="${new Date(time * 1000).toISOString()}" data-timestamp="${time}">${new Date(time * 1000).toUTCString().slice(5, 16)}</time></a></li></ul>
        <ul class="message-attribution-opposite message-attribution-opposite--list"><li><a href="/threads/${THREAD}/post-${id}" rel="nofollow">#${position}</a></li></ul>
      </header>
      <div class="message-content js-messageContent"><div class="message-userContent lbContainer js-lbContainer" data-lb-id="post-${id}">
        <article class="message-body js-selectToQuote"><div class="bbWrapper">${body}</div></article>
      </div></div>
      <footer class="message-footer">${reactions ? `<div class="reactionsBar js-reactionsList is-active"><ul class="reactionSummary"><li><span class="reaction reaction--small reaction--1"></span></li></ul><span class="u-srOnly">Reactions:</span><a class="reactionsBar-link" href="/posts/${id}/reactions">${esc(reactions)}</a></div>` : ''}</footer>
    </div></div>
  </div>
</article>`;
}

function pageNav(page) {
  const pages = [1, 2, 3]
    .map(
      (n) =>
        `<li class="pageNav-page${n === page ? ' pageNav-page--current' : ''}"><a href="/threads/${THREAD}/${n === 1 ? '' : `page-${n}`}">${n}</a></li>`,
    )
    .join('');
  const next =
    page < 3 ? `<a href="/threads/${THREAD}/page-${page + 1}" class="pageNav-jump pageNav-jump--next">Next</a>` : '';
  return `<nav class="pageNavWrapper"><div class="pageNav"><ul class="pageNav-main">${pages}</ul>${next}</div></nav>`;
}

const dir = join(ROOT, 'test', 'fixtures', 'xenforo');
mkdirSync(dir, { recursive: true });
let position = 1;
PAGES.forEach((posts, i) => {
  const html = `<!-- source: generated by scripts/make-xenforo-fixtures.mjs from the XenForo 2 markup of forums.macrumors.com threads -->
<!DOCTYPE html>
<html lang="en-US" dir="LTR" data-app="public" data-template="thread_view"><head><meta charset="utf-8" />
<title>Huawei and Xiaomi Could Get Major Boost in United States | Page ${i + 1} | MacRumors Forums</title></head>
<body data-template="thread_view"><div class="p-body"><div class="p-title"><h1 class="p-title-value">Huawei and Xiaomi Could Get Major Boost in United States With AT&amp;T and Verizon Sales Partnerships</h1></div>
${pageNav(i + 1)}
<div class="block block--messages"><div class="block-container lbContainer"><div class="block-body js-replyNewMessageContainer">
${posts.map((p) => postHtml(p, position++)).join('\n')}
</div></div></div>
${pageNav(i + 1)}
</div></body></html>
`;
  writeFileSync(join(dir, `page-${i + 1}.html`), html);
});
console.log(`wrote ${PAGES.length} pages to ${dir}`);
