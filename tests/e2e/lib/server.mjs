// The fixture server: HTTPS on 127.0.0.1 with a throw-away self-signed certificate, answering for
// the networks' real host names (the browser maps them here), so the release manifest's match
// patterns apply unchanged. Each response carries the CSP the test asks for with `?csp=`: one of
// CSP below, or `site`, the policies of the network the host belongs to (lib/site-csp.mjs), with a
// fresh nonce put on the page's scripts where the policy has one.
import { createServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { siteCsp } from './site-csp.mjs';

const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
const SITES_DIR = join(ROOT, 'tests/fixtures/sites');
const ASSETS_DIR = join(ROOT, 'build/fixtures/_assets');

/** Host → fixture folder. `www.` and other subdomains resolve to the same folder. */
export const HOSTS = {
  'x.com': 'x',
  'twitter.com': 'x',
  'facebook.com': 'facebook',
  'instagram.com': 'instagram',
  'linkedin.com': 'linkedin',
  'mastodon.social': 'mastodon',
  'bsky.app': 'bluesky',
  'threads.net': 'threads',
  'threads.com': 'threads',
  'reddit.com': 'reddit',
  'youtube.com': 'youtube',
  'tiktok.com': 'tiktok',
  // a Mastodon instance the extension serves only once the user enables it
  'piaille.fr': 'mastodon',
  // not a network: a page where the extension must stay away
  'example.org': 'example',
  // not a network: a news article to capture into the backlog
  'journal.example': 'journal',
};

/** Page CSPs, as the real networks send them (strict) and the cases the loader must handle. */
export const CSP = {
  strict: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:",
  none: null,
  wasm: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  unsafeeval: "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'",
  defaultnone: "default-src 'none'; script-src 'self'; style-src 'self'",
  // strict, with frame lists like the networks' own (frame-src/child-src name only their hosts)
  frames:
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self' https://*.twimg.com https://www.youtube.com; child-src 'self' blob:",
  tt: "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'",
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function certificate(dir) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    const names = Object.keys(HOSTS).flatMap((h) => [`DNS:${h}`, `DNS:*.${h}`]).join(',');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-subj', '/CN=porte-voix-fixtures', '-addext', `subjectAltName=${names}`,
      '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export function folderForHost(host) {
  const h = host.replace(/:\d+$/, '').toLowerCase();
  for (const [name, folder] of Object.entries(HOSTS)) {
    if (h === name || h.endsWith(`.${name}`)) return folder;
  }
  return null;
}

function fileFor(folder, pathname) {
  if (pathname.startsWith('/_assets/')) return join(ASSETS_DIR, normalize(pathname.slice('/_assets/'.length)));
  let rel = normalize(decodeURIComponent(pathname));
  // the demo lives at /demo/ on any host
  if (rel === '/demo' || rel.startsWith('/demo/')) {
    folder = 'demo';
    rel = rel.slice('/demo'.length) || '/';
  }
  if (rel.endsWith('/')) rel = existsSync(join(SITES_DIR, folder, rel)) ? `${rel}index.html` : '/index.html';
  else if (!extname(rel) && existsSync(join(SITES_DIR, folder, `${rel}.json`))) rel += '.json'; // APIs
  else if (!extname(rel)) rel = '/index.html'; // SPA routes such as /home or /compose/post
  return join(SITES_DIR, folder, rel);
}

/** Starts the server on a random port; resolves to `{ port, close() }`. */
export async function startServer({ certDir = join(ROOT, 'build/e2e/cert') } = {}) {
  const server = createServer(certificate(certDir), (req, res) => {
    const url = new URL(req.url, 'https://fixture');
    const folder = folderForHost(req.headers.host ?? '');
    const csp = CSP[url.searchParams.get('csp') ?? 'strict'];
    let file = folder && fileFor(folder, url.pathname);
    if (folder === 'example' && !url.pathname.startsWith('/_assets/')) file = join(SITES_DIR, 'mastodon/plain.html');
    if (!file || !file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (extname(file) === '.json') headers['access-control-allow-origin'] = '*'; // as Mastodon's API
    let body = readFileSync(file);
    if (url.searchParams.get('csp') === 'site' && extname(file) === '.html') {
      const policies = siteCsp(req.headers.host ?? '') ?? [CSP.strict];
      const nonce = randomBytes(16).toString('base64');
      if (policies.some((p) => p.includes('{nonce}'))) {
        body = Buffer.from(body.toString('utf8').replace(/<script\b/g, `<script nonce="${nonce}"`));
      }
      headers['content-security-policy'] = policies.map((p) => p.replaceAll('{nonce}', nonce));
    } else if (csp && extname(file) === '.html') headers['content-security-policy'] = csp;
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { port, close: () => new Promise((ok) => server.close(ok)) };
}

/** Chromium's flag that sends every fixture host to the server. */
export function hostResolverRules(port) {
  const rules = Object.keys(HOSTS).flatMap((h) => [`MAP ${h} 127.0.0.1:${port}`, `MAP *.${h} 127.0.0.1:${port}`]);
  return `--host-resolver-rules=${rules.join(', ')}, EXCLUDE localhost`;
}
