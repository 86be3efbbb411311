// A forum thread that gains posts while it is watched, for the watching tests: a XenForo 2 page served with as
// many posts as the test says (`grow`), the same first ones each time; and how often it was asked for.
import { syntheticDiscussion, xenforoHtml } from '../../../scripts/lib/synthetic.mjs';

export function growingThread(start = 6) {
  let shown = start;
  let requests = 0;
  const all = syntheticDiscussion(40, { quoteRate: 0.4, seed: 21 });
  const route = (_req, res) => {
    requests++;
    const html = xenforoHtml(all.slice(0, shown)).replace('Bench thread', 'Watched thread');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  };
  return {
    route,
    grow: (n) => (shown = n),
    idOf: (i) => all[i].id,
    requests: () => requests,
  };
}
