// Start-up of the in-page engine on the first focus, with the real extension: in Chromium with
// the built extension loaded, a fixture page of X (the Draft.js composer), the time from the
// composer's focus to the badge drawn (the content script imports the engine, compiles and
// instantiates it, reads the settings, counts and draws). Strict page CSP: the wasm2js engine;
// no CSP: the wasm engine. Each run starts a new browser with a new profile (a cold start: no
// compiled code cached), then measures a second page in the same browser (warm: what every later
// page of the session pays). Also times the engine's files alone in a plain page (import +
// compile/instantiate, no extension), to split the start-up.
// Usage: node benches/browser/startup.mjs [EXT_DIR]   (after scripts/build.sh; EXT_DIR defaults
// to dist/chrome, and may be another build's, to compare)
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, resolve } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXT = resolve(process.argv[2] ?? join(ROOT, 'dist/chrome'));
const PKG = join(EXT, 'pkg');
if (!existsSync(PKG)) {
  console.error(`${PKG} is missing: run scripts/build.sh first`);
  process.exit(2);
}
// this build's in-page engine: inpage.js (+ _bg.wasm, _wasm2js.js), or the single engine of
// builds before the split (porte_voix.js)
const NAME = existsSync(join(PKG, 'inpage.js')) ? 'inpage' : 'porte_voix';
const FILES = { js: `${NAME}.js`, wasm: `${NAME}_bg.wasm`, w2js: `${NAME}_wasm2js.js` };
const RUNS = Number(process.env.RUNS ?? 9);
const X_DRAFT = '[data-testid="tweetTextarea_0"]';

/** In the page: focus the composer, resolve with the ms until the badge host shows. */
async function firstFocus(page) {
  await page.locator(X_DRAFT).first().waitFor();
  return page.evaluate((sel) => new Promise((done) => {
    const shown = () => document.querySelector('porte-voix-badge[data-visible]');
    const t0 = performance.now();
    const mo = new MutationObserver(() => {
      if (shown()) {
        mo.disconnect();
        done(performance.now() - t0);
      }
    });
    mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    document.querySelector(sel).focus();
  }), X_DRAFT);
}

await buildFixtures();
const server = await startServer();
const times = { wasm: { cold: [], warm: [] }, wasm2js: { cold: [], warm: [] } };
for (let i = 0; i < RUNS; i++) {
  for (const [engine, csp] of [['wasm', 'none'], ['wasm2js', 'strict']]) {
    const browser = await launch({ port: server.port, extDir: EXT });
    try {
      for (const kind of ['cold', 'warm']) {
        const page = await browser.context.newPage();
        await page.goto(`https://x.com/compose/post?csp=${csp}`, { waitUntil: 'load' });
        await page.waitForTimeout(300); // the page settles, as a user reads before typing
        times[engine][kind].push(await firstFocus(page));
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
}
await server.close();

// The engine's files alone, in a plain page of a plain browser (new context each time: cold).
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const plain = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>startup</title>');
    return;
  }
  const file = join(PKG, path.replace('/pkg/', ''));
  if (!path.startsWith('/pkg/') || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => plain.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const load = { wasm: [], wasm2js: [] };
for (let i = 0; i < RUNS; i++) {
  for (const engine of ['wasm', 'wasm2js']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${plain.address().port}/`);
    load[engine].push(await page.evaluate(async ([e, f]) => {
      const t0 = performance.now();
      if (e === 'wasm') {
        const m = await import(`/pkg/${f.js}`);
        await m.default({ module_or_path: `/pkg/${f.wasm}` });
      } else {
        await import(`/pkg/${f.w2js}`);
      }
      return performance.now() - t0;
    }, [engine, FILES]));
    await context.close();
  }
}
const version = browser.version();
await browser.close();
plain.close();

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const ms = (a) => `${median(a).toFixed(1)} ms (${Math.min(...a).toFixed(0)}–${Math.max(...a).toFixed(0)})`;
const size = (f) => statSync(join(PKG, f)).size;
const gz = (f) => gzipSync(readFileSync(join(PKG, f)), { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`${EXT}: in-page engine ${NAME}; ${RUNS} runs, medians (min–max); Chromium ${version}; load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| engine | files | raw | gzip -9 | files alone: import + instantiate | first focus → badge, cold | same, warm |');
console.log('|---|---|---:|---:|---:|---:|---:|');
const row = (engine, files) => {
  const raw = files.reduce((n, f) => n + size(f), 0);
  const z = files.reduce((n, f) => n + gz(f), 0);
  console.log(`| ${engine} | ${files.join(' + ')} | ${kb(raw)} | ${kb(z)} | ${ms(load[engine])} | ${ms(times[engine].cold)} | ${ms(times[engine].warm)} |`);
};
row('wasm', [FILES.js, FILES.wasm]);
row('wasm2js', [FILES.w2js]);
console.log('\nevery file under pkg/:');
for (const f of readdirSync(PKG).sort()) console.log(`  ${f}: ${size(f)} B, gzip -9 ${gz(f)} B`);
