// Routes for a three-page XenForo thread (test/fixtures/xenforo) at its real path, with faults on demand, and
// the seed article linking to it by relative links (a loopback server stands in for both hosts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../../scripts/lib/paths.mjs';

export const THREAD_PATH = '/threads/huawei-xiaomi-att-verizon.2105432/';
export const LINKED_ARTICLE_PATH = '/forum-linked-relative.html';

export function forumRoutes({ failPage3Times = 1, page2DelayMs = 0 } = {}) {
  const page = (n) => readFileSync(join(FIXTURES, 'xenforo', `page-${n}.html`));
  let failures = failPage3Times;
  const requests = [];
  const html = (res, body) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  const routes = {
    // The seed page with its forum links made relative, so they lead to this server's thread.
    [LINKED_ARTICLE_PATH]: (_req, res) =>
      html(
        res,
        readFileSync(join(FIXTURES, 'macrumors-2017-huawei-xiaomi.html'), 'utf8').replaceAll(
          'href="https://forums.macrumors.com/threads/2105432"',
          'href="/threads/2105432"',
        ),
      ),
    // MacRumors links "(View all)" to /threads/<id>; the forum redirects to the slugged address.
    '/threads/2105432': (_req, res) => res.writeHead(301, { location: THREAD_PATH }).end(),
    '/threads/2105432/': (_req, res) => res.writeHead(301, { location: THREAD_PATH }).end(),
    [THREAD_PATH]: (req, res) => {
      requests.push(req.url);
      html(res, page(1));
    },
    [`${THREAD_PATH}page-2`]: (req, res) => {
      requests.push(req.url);
      setTimeout(() => html(res, page(2)), page2DelayMs);
    },
    [`${THREAD_PATH}page-3`]: (req, res) => {
      requests.push(req.url);
      if (failures > 0) {
        failures--;
        res.writeHead(500, { 'content-type': 'text/plain' }).end('server error');
      } else html(res, page(3));
    },
  };
  return { routes, requests, setPage2Delay: (ms) => (page2DelayMs = ms) };
}
