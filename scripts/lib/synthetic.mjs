// Deterministic synthetic discussions for benchmarks: realistic lengths, ~30% of comments quoting an earlier
// one (whole or an excerpt, sometimes lightly edited), brand mentions, 2017 article markup or XenForo posts.

const WORDS =
  'the a to and of is in it that for on with as this but not you be are have was they phone apple iphone samsung galaxy android google pixel huawei xiaomi battery screen price camera update ios software hardware would could really just think because people buy new old better worse year years design charge charging port headphone jack faster slower cheaper expensive'.split(
    ' ',
  );

export function rng(seed = 1) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticDiscussion(n, { seed = 7, quoteRate = 0.3 } = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sentence = () => {
    const len = 6 + Math.floor(random() * 14);
    const words = Array.from({ length: len }, () => pick(WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return words.join(' ') + '.';
  };
  const comments = [];
  for (let i = 0; i < n; i++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 5) }, sentence).join(' ');
    const c = {
      id: String(30000000 + i * 3),
      author: `user${Math.floor(random() * n)}`,
      votes: Math.floor(random() * 40),
      text,
      quote: null,
    };
    if (i > 0 && random() < quoteRate) {
      const source = comments[Math.floor(random() * i)];
      const words = source.text.split(' ');
      const from = random() < 0.5 ? 0 : Math.floor(random() * Math.max(1, words.length - 8));
      let excerpt = words.slice(from, from + 8 + Math.floor(random() * 20)).join(' ');
      if (random() < 0.2) excerpt = excerpt.replace(/\b(the|a|and)\b/, 'an');
      c.quote = { of: source.id, text: excerpt };
    }
    comments.push(c);
  }
  return comments;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function articleHtml(comments) {
  const blocks = comments.map(
    (c) =>
      `<div class="comment"> <div class="avatar"> <a href="https://forums.macrumors.com//members/${c.id}"><img src="/none.png" width="75" height="75" alt="Avatar"></a> </div> <div class="comment_content"> <div class="username"><a href="https://forums.macrumors.com/posts/${c.id}">${esc(c.author)}</a></div> <div class="date">3 hours ago</div> <div class="content">${c.quote ? `<p class="quote">${esc(c.quote.text)}</p> <br> <br> ` : ''}${esc(c.text)}</div> <div class="rating"><strong>Rating:</strong> ${c.votes} Votes</div> </div> </div>`,
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Synthetic article - Mac Rumors</title></head><body><div id="content"><h1>Synthetic article</h1><p>Body.</p></div><div id="commentsContainer"><div id="comments"><h2>Top Rated Comments</h2><a href="https://forums.macrumors.com/threads/1" class="view_all">(View all)</a>${blocks.join('\n')}<br>[ <a href="https://forums.macrumors.com/threads/1" class="view_more">Read All Comments</a> ]</div></div></body></html>`;
}

/** One XenForo 2 thread page holding every post, quotes with exact sources (data-source="post: N"). */
export function xenforoHtml(comments) {
  const posts = comments.map((c, i) => {
    const quote = c.quote
      ? `<blockquote data-attributes="member: 1" data-quote="someone" data-source="post: ${c.quote.of}" class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch"><div class="bbCodeBlock-title"><a href="/goto/post?id=${c.quote.of}" class="bbCodeBlock-sourceJump">someone said:</a></div><div class="bbCodeBlock-content"><div class="bbCodeBlock-expandContent js-expandContent">${esc(c.quote.text)}</div></div></blockquote>`
      : '';
    return `<article class="message message--post js-post" data-author="${esc(c.author)}" data-content="post-${c.id}" id="js-post-${c.id}"><div class="message-inner"><div class="message-cell message-cell--main"><header class="message-attribution"><ul class="message-attribution-main"><li><a href="/threads/bench.1/post-${c.id}"><time class="u-dt" datetime="2017-12-08T15:00:00+0000" data-timestamp="${1512745200 + i * 60}">Dec 8, 2017</time></a></li></ul></header><div class="message-content"><article class="message-body"><div class="bbWrapper">${quote}${esc(c.text)}</div></article></div>${c.votes ? `<footer class="message-footer"><div class="reactionsBar is-active"><a class="reactionsBar-link" href="/posts/${c.id}/reactions">A and ${c.votes} others</a></div></footer>` : ''}</div></div></article>`;
  });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bench thread | MacRumors Forums</title></head><body><div class="p-title"><h1 class="p-title-value">Bench thread</h1></div><div class="block-body js-replyNewMessageContainer">${posts.join('\n')}</div></body></html>`;
}

/**
 * A Hacker News item page holding every comment as a tree (rows with `td.ind[indent]`): each comment a reply
 * to the one before it, a sibling of it, or back at a shallower level, to depth 10; quotes as "> " lines.
 */
export function hackerNewsHtml(comments, { seed = 11 } = {}) {
  const random = rng(seed);
  let depth = 0;
  const rows = comments.map((c, i) => {
    const roll = random();
    depth = i === 0 ? 0 : roll < 0.45 ? Math.min(depth + 1, 10) : roll < 0.75 ? depth : Math.floor(random() * depth);
    const quote = c.quote ? `<p>&gt; ${esc(c.quote.text)}</p>` : '';
    return `<tr class="athing comtr" id="${c.id}"><td><table border="0"><tr><td class="ind" indent="${depth}"><img src="s.gif" height="1" width="${depth * 40}"></td><td class="votelinks"><center><a id="up_${c.id}" href="vote?id=${c.id}&amp;how=up"><div class="votearrow" title="upvote"></div></a></center></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead"><a href="user?id=${esc(c.author)}" class="hnuser">${esc(c.author)}</a> <span class="age" title="2024-05-01T10:00:00"><a href="item?id=${c.id}">3 hours ago</a></span></span></div><br><div class="comment"><div class="commtext c00">${esc(c.text)}${quote}</div><div class="reply"><p><font size="1"><u><a href="reply?id=${c.id}">reply</a></u></font></p></div></div></td></tr></table></td></tr>`;
  });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Synthetic discussion | Hacker News</title></head><body><center><table id="hnmain" border="0" cellpadding="0" cellspacing="0" width="85%" bgcolor="#f6f6ef"><tr><td><table class="fatitem"><tr class="athing submission" id="1"><td class="title"><span class="titleline"><a href="https://example.com/">Synthetic discussion</a></span></td></tr></table><br><table border="0" class="comment-tree">${rows.join('\n')}</table></td></tr></table></center></body></html>`;
}
