// A Discourse forum served locally for the real-browser tests and the benchmark: topic pages (the shell of
// test/fixtures/apps/discourse-topic.html with the topic preloaded as Discourse does, and its app stand-in),
// `/t/<id>.json` and `/t/<id>/posts.json?post_ids[]=…` in the platform's shapes (test/support/discourse-topics.mjs),
// at the root or in a subfolder (`/forum`). Every JSON request is logged, with how many ran at once; a test may
// make the next answers fail (403, 429 with Retry-After, a page that is not JSON).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../../scripts/lib/paths.mjs';
import { makeTopic, postsJson, topicJson } from '../discourse-topics.mjs';

export const DISCOURSE_HOST = 'forum.quietnas.example';

export const TOPICS = new Map([
  [123, makeTopic(123, 120, 'Quiet NAS builds')],
  [456, makeTopic(456, 30, 'Fan curves for small cases')],
  [9000, makeTopic(9000, 2000, 'The long build log')],
  [9001, makeTopic(9001, 2000, 'The long build log, again')],
  [789, makeTopic(789, 8, 'Watched build')],
]);

/** A topic gains posts (the watching tests): it has `count` now. */
export const growTopic = (id, count) => TOPICS.set(id, makeTopic(id, count, TOPICS.get(id).title));

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The crawler copy in <noscript>, as the server writes it (its posts' words). */
const crawlerPosts = (json) =>
  json.post_stream.posts
    .map(
      (p) =>
        `<div id="post_${p.post_number}" class="topic-body crawler-post"><span class="creator" itemprop="author">` +
        `<a href="/u/${p.username}"><span itemprop="name">${p.username}</span></a></span>` +
        `<div class="post" itemprop="text">${p.cooked}</div></div>`,
    )
    .join('\n');

/** A topic's page as the forum serves it (`app`: with the app stand-in's script). */
export function topicPage(
  topic,
  { prefix = '', near = 1, app = true, origin = `https://${DISCOURSE_HOST}`, path = '/' } = {},
) {
  const json = topicJson(topic, near);
  const preloaded = JSON.stringify({ [`topic_${topic.id}`]: JSON.stringify(json), site: '{}' });
  const canonical = `${origin}${prefix}/t/${topic.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${topic.id}`;
  const fields = {
    TITLE: escapeText(topic.title),
    CANONICAL: escapeAttr(canonical),
    BASE_URL: escapeAttr(`${origin}${prefix}`),
    BASE_URI: escapeAttr(prefix),
    PATH: escapeAttr(path),
    PRELOADED: escapeAttr(preloaded),
    CRAWLER_POSTS: crawlerPosts(json),
    APP: app ? `<script src="${prefix}/assets/discourse-app.js"></script>` : '',
  };
  const template = readFileSync(join(FIXTURES, 'apps', 'discourse-topic.html'), 'utf8');
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key) => fields[key] ?? '');
}

/** The forum's request handler for startFixtureServer({ handle }), with its request log and failure switch. */
export function discourseForum() {
  const log = [];
  let running = 0;
  let mostAtOnce = 0;
  /** Answers the next JSON requests get instead of the data: { status, headers?, body? } each. */
  const failures = [];
  const json = (res, body) =>
    res
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      .end(JSON.stringify(body));

  function answerJson(req, res, topic, url, rest) {
    const ids = url.searchParams.getAll('post_ids[]').map(Number);
    log.push({ path: url.pathname, ids: ids.length, at: Date.now() });
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    setTimeout(() => {
      running--;
      const fail = failures.shift();
      if (fail)
        return res
          .writeHead(fail.status, fail.headers ?? { 'content-type': 'text/html' })
          .end(fail.body ?? '<p>No</p>');
      if (rest === '.json') return json(res, topicJson(topic));
      if (ids.length > 50) return res.writeHead(400).end('too many');
      json(res, postsJson(topic, ids));
    }, 15);
  }

  const handle = (req, res, url) => {
    const at =
      /^(\/forum)?(?:\/t\/(?:([^/]+)\/)?(\d+)(\.json|\/posts\.json|\/\d+)?\/?|\/assets\/discourse-app\.js)$/.exec(
        url.pathname,
      );
    if (!at) return false;
    if (url.pathname.endsWith('/assets/discourse-app.js')) {
      res
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(readFileSync(join(FIXTURES, 'apps', 'discourse-app.js')));
      return true;
    }
    const [, prefix = '', , id, rest] = at;
    const topic = TOPICS.get(Number(id));
    if (!topic) return (res.writeHead(404).end('not found'), true);
    if (rest === '.json' || rest === '/posts.json') return (answerJson(req, res, topic, url, rest), true);
    const near = rest ? Number(rest.slice(1)) : 1;
    const origin = `${req.socket.encrypted ? 'https' : 'http'}://${req.headers.host}`;
    const html = topicPage(topic, { prefix, near, app: !url.searchParams.has('noapp'), origin, path: url.pathname });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    return true;
  };
  return { handle, log, failures, mostAtOnce: () => mostAtOnce, reset: () => ((log.length = 0), (mostAtOnce = 0)) };
}
