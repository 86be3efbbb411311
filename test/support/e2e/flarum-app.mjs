// A Flarum forum served locally for the real-browser tests: discussion pages (the shell of
// test/fixtures/apps/flarum-discussion.html with the payload Flarum preloads, and its app stand-in),
// `/api/discussions/<id>` and `/api/posts?filter[id]=…` in the platform's JSON:API shapes
// (test/support/flarum-discussions.mjs). Every API request is logged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../../scripts/lib/paths.mjs';
import { discussionDocument, makeDiscussion, payload, postsDocument } from '../flarum-discussions.mjs';

export const FLARUM_HOST = 'discuss.printing.example';

export const DISCUSSIONS = new Map([
  [314, makeDiscussion(314, 90, 'Stringing with PETG')],
  [315, makeDiscussion(315, 12, 'Bed levelling')],
]);

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A discussion's page as the forum serves it (`app`: with the app stand-in's script). */
export function discussionPage(
  discussion,
  { origin = `https://${FLARUM_HOST}`, prefix = '', near = 1, app = true } = {},
) {
  const data = payload(discussion, { origin, prefix, near });
  const first = data.apiDocument.included.filter((r) => r.type === 'posts' && r.attributes.contentHtml);
  const fields = {
    TITLE: escapeText(discussion.title),
    CANONICAL: `${origin}${prefix}/d/${discussion.id}`,
    BASE_URL: `${origin}${prefix}`,
    CRAWLER_POSTS: first
      .map((p) => `<article><div class="Post-body">${p.attributes.contentHtml}</div></article><hr>`)
      .join('\n'),
    // As Laravel's @json writes it: no "</" that could end the script element.
    PAYLOAD: JSON.stringify(data).replace(/</g, '\\u003c'),
    APP: app ? `<script src="${prefix}/assets/flarum-app.js"></script>` : '',
  };
  const template = readFileSync(join(FIXTURES, 'apps', 'flarum-discussion.html'), 'utf8');
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key) => fields[key] ?? '');
}

/** The forum's request handler for startFixtureServer({ handle }), with its request log. */
export function flarumForum() {
  const log = [];
  const json = (res, body) =>
    res
      .writeHead(200, { 'content-type': 'application/vnd.api+json', 'cache-control': 'no-store' })
      .end(JSON.stringify(body));
  const handle = (req, res, url) => {
    if (url.pathname === '/assets/flarum-app.js') {
      res
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(readFileSync(join(FIXTURES, 'apps', 'flarum-app.js')));
      return true;
    }
    const api = /^\/api\/(discussions\/(\d+)|posts)$/.exec(url.pathname);
    if (api) {
      const ids = (url.searchParams.get('filter[id]') ?? '').split(',').filter(Boolean);
      log.push({ path: url.pathname, ids: ids.length });
      const discussion = api[2] ? DISCUSSIONS.get(Number(api[2])) : DISCUSSIONS.get(Math.floor(Number(ids[0]) / 1000));
      if (!discussion) return (res.writeHead(404).end('{}'), true);
      if (ids.length > 50) return (res.writeHead(400).end('{}'), true);
      json(res, api[2] ? discussionDocument(discussion) : postsDocument(discussion, ids));
      return true;
    }
    const page = /^\/d\/(\d+)(?:-[^/]*)?(?:\/(\d+))?$/.exec(url.pathname);
    const discussion = page && DISCUSSIONS.get(Number(page[1]));
    if (!discussion) return false;
    const origin = `${req.socket.encrypted ? 'https' : 'http'}://${req.headers.host}`;
    const html = discussionPage(discussion, {
      origin,
      near: Number(page[2] ?? 1),
      app: !url.searchParams.has('noapp'),
    });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    return true;
  };
  return { handle, log, reset: () => (log.length = 0) };
}
