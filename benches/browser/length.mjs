// In-browser benchmark: our X count (wasm, and the wasm2js fallback) against twitter-text's JS
// parseTweet, on the same 10,000-post corpus, in one headless Chromium run.
// Usage: node benches/browser/length.mjs   (after scripts/build.sh)
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const OUT = join(ROOT, 'build/bench');
mkdirSync(OUT, { recursive: true });
if (!existsSync(join(ROOT, 'build/pkg/porte_voix_bg.wasm'))) {
  console.error('build/pkg is missing: run scripts/build.sh first');
  process.exit(2);
}

const corpus = JSON.parse(
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'corpus'], { cwd: ROOT, maxBuffer: 64 << 20 }).toString(),
);
await build({
  stdin: { contents: "globalThis.twttr = { txt: require('twitter-text') };", resolveDir: ROOT },
  bundle: true, minify: true, format: 'iife', outfile: join(OUT, 'twitter-text.js'), logLevel: 'warning',
});

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const file = path === '/' ? join(ROOT, 'benches/browser/page.html')
    : path === '/bench/page.mjs' ? join(ROOT, 'benches/browser/page.mjs')
      : path.startsWith('/bench/') ? join(OUT, path.slice(7))
        : path.startsWith('/pkg/') ? join(ROOT, 'build/pkg', path.slice(5)) : null;
  if (!file || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();
page.on('pageerror', (e) => console.error(e));
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => document.getElementById('status').textContent === 'ready');

const rounds = Number(process.env.ROUNDS ?? 7);
const result = await page.evaluate(([posts, r]) => globalThis.bench(posts, r), [corpus, rounds]);
// one 280-character post, timed alone (many repetitions)
const post280 = corpus.find((p) => [...p].length >= 270 && [...p].length <= 280 && /https?:/.test(p) && /\p{Extended_Pictographic}/u.test(p)) ?? corpus[0];
const single = await page.evaluate(([p, n]) => globalThis.bench(Array(n).fill(p), 5).out, [post280, 20000]);
await browser.close();
server.close();

const per = (ms, n) => (ms * 1000) / n;
const chars = corpus.reduce((a, p) => a + p.length, 0) / corpus.length;
const rows = Object.entries(result.out).map(([k, v]) => ({ engine: k, usPerPost: per(v.medianMs, corpus.length), usPer280: per(single[k].medianMs, 20000) }));
const tt = rows.find((r) => r.engine === 'twitter-text');
console.log(`corpus: ${corpus.length} posts, mean ${chars.toFixed(0)} UTF-16 units; ${rounds} rounds, medians; Chromium ${browser.version()}`);
console.log('| engine | µs per post (corpus) | µs per 280-char post | twitter-text time ÷ ours |');
console.log('|---|---:|---:|---:|');
for (const r of rows) {
  const ratio = r.engine === 'twitter-text' ? '1.00' : (tt.usPerPost / r.usPerPost).toFixed(2);
  console.log(`| ${r.engine} | ${r.usPerPost.toFixed(2)} | ${r.usPer280.toFixed(2)} | ${ratio} |`);
}
console.log(`posts where our weighted length differs from twitter-text: ${result.disagreementCount}; wasm vs wasm2js differences: ${result.w2jsDisagree}`);
for (const d of result.disagreements.slice(0, 5)) console.log('  e.g.', JSON.stringify(d));
writeFileSync(join(OUT, 'length.json'), JSON.stringify({ rows, result, post280 }, null, 2));
