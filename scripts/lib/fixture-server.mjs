// A local server for fixture pages: HTTPS with a self-signed certificate (Chromium maps the real host names
// to it with --host-resolver-rules), or plain HTTP on loopback (Firefox test builds). Every request stays on
// this machine. Pages are served from test/fixtures; /__report collects JSON posted by the test harness.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { basename, join, normalize } from 'node:path';
import { FIXTURES, ROOT } from './paths.mjs';

function certificate() {
  const dir = join(ROOT, 'node_modules', '.cache', 'threadlight-cert');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '3650',
        '-subj',
        '/CN=www.macrumors.com',
        '-addext',
        'subjectAltName=DNS:www.macrumors.com,DNS:macrumors.com,DNS:forums.macrumors.com,IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Pages report what they saw with a POST to /__report (Firefox tests); waiters hear of each. */
function reportRoute(req, res, reports, waiters) {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' }).end();
    return;
  }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    try {
      reports.push(JSON.parse(body));
      for (const w of waiters.splice(0)) w();
    } catch {}
    res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });
}

/** A file under test/fixtures; article-like paths (/2017/12/08/<fixture>.html) serve their last segment. */
function serveFixture(url, res, options) {
  const rel = normalize(decodeURIComponent(url.pathname))
    .replace(/^(\.\.[/\\])+/, '')
    .replace(/^\/+/, '')
    .replace(/^fixtures\//, '');
  let file = join(FIXTURES, rel || 'index.html');
  if (!existsSync(file)) file = join(FIXTURES, basename(rel));
  if (!file.startsWith(FIXTURES) || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  let body = readFileSync(file);
  const ext = file.slice(file.lastIndexOf('.'));
  if (ext === '.html' && options.harness)
    body = Buffer.from(String(body).replace(/<\/body>/i, '<script src="/__harness.js"></script></body>'));
  res
    .writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(options.headers ?? {}),
    })
    .end(body);
}

/**
 * @param {{ https?: boolean, harness?: string, routes?: Record<string, (req, res) => void>, handle?: (req, res, url: URL) => boolean, headers?: Record<string,string> }} options
 *   harness: a script served at /__harness.js and injected into every fixture page (Firefox tests).
 *   routes: extra handlers by path (tests add pages that fail once, slow pages, CSP headers).
 *   handle: a handler asked first for every request (a whole app's addresses); it returns true when it answered.
 */
export async function startFixtureServer(options = {}) {
  const reports = [];
  const waiters = [];
  const handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (options.handle?.(req, res, url)) return;
    const route = options.routes?.[url.pathname];
    if (route) return route(req, res, url);
    if (url.pathname === '/__report' && ['POST', 'OPTIONS'].includes(req.method ?? ''))
      return reportRoute(req, res, reports, waiters);
    if (url.pathname === '/__harness.js' && options.harness) {
      res.writeHead(200, { 'content-type': TYPES['.js'] }).end(options.harness);
      return;
    }
    serveFixture(url, res, options);
  };
  const server = options.https ? createHttps(certificate(), handler) : createHttp(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    reports,
    /** Resolves with the first report that satisfies the predicate. */
    waitForReport(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`no matching report in ${timeoutMs} ms; got ${JSON.stringify(reports).slice(0, 2000)}`)),
          timeoutMs,
        );
        const check = () => {
          const hit = reports.find(predicate);
          if (hit) {
            clearTimeout(timer);
            resolve(hit);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
