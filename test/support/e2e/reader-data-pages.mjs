// Pages for the reader's-data suites (Chromium and Firefox): a forum page that never ends, an article whose
// commenters are named like Object.prototype's members, and the seed article with an element whose id was a
// global name of ours.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../../scripts/lib/paths.mjs';
import { articleHtml, syntheticDiscussion } from '../../../scripts/lib/synthetic.mjs';

export const html = (body) => (_req, res) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);

/** A route whose body never ends (64 KiB every 5 ms until the client goes away); requests go in `seen`. */
export const endless = (seen) => (req, res) => {
  seen.push(`${req.headers.host}${req.url}`);
  res.writeHead(200, { 'content-type': 'text/html' });
  res.write('<html><body>');
  const timer = setInterval(() => res.write(`<p>${'x'.repeat(65_536)}</p>`), 5);
  const stop = () => clearInterval(timer);
  req.on('close', stop);
  setTimeout(() => (stop(), res.end()), 60_000);
};

/** Five comments whose first four authors are "__proto__", "constructor", "toString", "hasOwnProperty". */
export function protoAuthors() {
  const comments = syntheticDiscussion(5, { quoteRate: 0 });
  ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].forEach((name, i) => (comments[i].author = name));
  return { comments, page: articleHtml(comments) };
}

const seedHtml = () => readFileSync(join(FIXTURES, 'macrumors-2017-huawei-xiaomi.html'), 'utf8');
/** The seed article with <div id="__threadlightViewParts">, which once switched Threadlight off in Chromium. */
export const clobberPage = () => seedHtml().replace('<body', '<div id="__threadlightViewParts"></div><body');

/** The real phpBB capture (page 2 of 3), whose pagination the routes answer. */
export const phpbbPage = () => readFileSync(join(FIXTURES, 'real', 'phpbb-dostips.html'), 'utf8');

/**
 * The routes both suites serve (`prefix` before the article pages' paths): the `__proto__` article, the
 * clobbering page, a phpBB topic whose first page redirects to another origin (`scheme`://evil.example) and
 * one whose first page never ends. Forum requests are recorded in `seen`.
 */
export function readerDataRoutes({ seen, scheme, prefix = '', proto }) {
  const record = (req) => seen.push(`${req.headers.host}${req.url}`);
  return {
    [`${prefix}/proto-names.html`]: html(proto.page),
    [`${prefix}/clobber.html`]: html(clobberPage()),
    '/real/viewtopicdf43.html': (req, res) => {
      record(req);
      res.writeHead(302, { location: `${scheme}://evil.example/threads/1` }).end();
    },
    '/threads/1': (req, res) => (record(req), res.writeHead(200).end('moved')),
    '/endless/viewtopicdf43.html': endless(seen),
    '/endless/phpbb-dostips.html': html(phpbbPage()),
  };
}
