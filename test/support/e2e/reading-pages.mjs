// A discussion that grows between visits, for the reading-session tests: 14 comments on the first visit, 16
// on every later one (the same first 14, two new), served as a MacRumors article.
import { articleHtml, syntheticDiscussion } from '../../../scripts/lib/synthetic.mjs';

export function growingArticle() {
  let visits = 0;
  const first = articleHtml(syntheticDiscussion(14, { quoteRate: 0 }));
  const later = articleHtml(syntheticDiscussion(16, { quoteRate: 0 }));
  const route = (_req, res) => {
    visits++;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(visits === 1 ? first : later);
  };
  const newIds = syntheticDiscussion(16, { quoteRate: 0 })
    .slice(14)
    .map((c) => c.id);
  return { route, newIds, reset: () => (visits = 0) };
}
