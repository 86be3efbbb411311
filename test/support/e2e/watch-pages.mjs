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

/**
 * For an extension context's `evaluate` (Chromium's service worker, a Firefox extension page): as if every
 * watched discussion's last check were an alarm period ago, then the background's watch alarm fires now.
 */
export async function fireWatchAlarm() {
  const api = globalThis.browser ?? globalThis.chrome;
  const all = (await api.storage.local.get('threadlight.watched'))['threadlight.watched'];
  for (const w of Object.values(all)) w.checked = 0;
  await api.storage.local.set({ 'threadlight.watched': all });
  await api.alarms.create('threadlight-watch', { when: Date.now() + 100 });
}
