// Start-up of the in-page engine on the first focus, with the real extension: in Chromium with
// the built extension loaded, a fixture page of X (the Draft.js composer), the time from the
// composer's focus to the badge drawn (the content script imports the engine, compiles and
// instantiates it, reads the settings, counts and draws). Strict page CSP: the wasm2js engine;
// no CSP: the wasm engine. Each run starts a new browser with a new profile (a cold start: no
// compiled code cached), then measures a second page in the same browser (warm: what every later
// page of the session pays). Also times the engine's files alone in a plain page (import +
// compile/instantiate, no extension), to split the start-up.
// Usage: node benches/browser/startup.mjs [EXT_DIR…]   (after scripts/build.sh; EXT_DIR defaults
// to dist/chrome; several builds are measured interleaved, run by run, so that the machine's
// drift falls on all alike: compare builds within one run)
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, resolve } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXTS = (process.argv.length > 2 ? process.argv.slice(2) : [join(ROOT, 'dist/chrome')]).map((d) => resolve(d));
/** A build's in-page engine files: inpage.* since the engines were split, porte_voix.* before. */
function engineOf(ext) {
  const pkg = join(ext, 'pkg');
  if (!existsSync(pkg)) {
    console.error(`${pkg} is missing: run scripts/build.sh first`);
    process.exit(2);
  }
  const name = existsSync(join(pkg, 'inpage.js')) ? 'inpage' : 'porte_voix';
  return { ext, pkg, name, js: `${name}.js`, wasm: `${name}_bg.wasm`, w2js: `${name}_wasm2js.js` };
}
const BUILDS = EXTS.map(engineOf);
const RUNS = Number(process.env.RUNS ?? 9);
const X_DRAFT = '[data-testid="tweetTextarea_0"]';

/** The renderer's CPU counters (CDP Performance.getMetrics), in ms. */
async function cpu(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { thread: m.ThreadTime * 1000, process: m.ProcessTime * 1000 };
}

/**
 * Focuses the composer; resolves with the ms until the badge host shows (wall clock, in the
 * page), and the CPU time the renderer spent meanwhile: its main thread, and all its threads
 * (wasm compiles off the main thread). CPU time stays meaningful on a loaded machine, where the
 * wall clock mostly measures the wait for a core.
 */
async function firstFocus(page) {
  await page.locator(X_DRAFT).first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await cpu(cdp);
  const wall = await page.evaluate((sel) => new Promise((done) => {
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
  const after = await cpu(cdp);
  await cdp.detach();
  return { wall, thread: after.thread - before.thread, process: after.process - before.process };
}

await buildFixtures();
const server = await startServer();
const times = BUILDS.map(() => Object.fromEntries(['wasm', 'wasm2js'].map((e) => [e, Object.fromEntries(['cold', 'warm'].flatMap((k) => ['wall', 'thread', 'process'].map((w) => [`${k}.${w}`, []])))])));
for (let i = 0; i < RUNS; i++) {
  for (const [b, build] of BUILDS.entries()) {
    for (const [engine, csp] of [['wasm', 'none'], ['wasm2js', 'strict']]) {
      const browser = await launch({ port: server.port, extDir: build.ext });
      try {
        for (const kind of ['cold', 'warm']) {
          const page = await browser.context.newPage();
          await page.goto(`https://x.com/compose/post?csp=${csp}`, { waitUntil: 'load' });
          await page.waitForTimeout(300); // the page settles, as a user reads before typing
          const r = await firstFocus(page);
          for (const w of ['wall', 'thread', 'process']) times[b][engine][`${kind}.${w}`].push(r[w]);
          await page.close();
        }
      } finally {
        await browser.close();
      }
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
  const m = path.match(/^\/(\d+)\/pkg\/([\w.]+)$/);
  const file = m && join(BUILDS[Number(m[1])]?.pkg ?? '/nonexistent', m[2]);
  if (!file || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => plain.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const load = BUILDS.map(() => ({ wasm: [], wasm2js: [] }));
for (let i = 0; i < RUNS; i++) {
  for (const [b, build] of BUILDS.entries()) {
    for (const engine of ['wasm', 'wasm2js']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${plain.address().port}/`);
      load[b][engine].push(await page.evaluate(async ([e, base, f]) => {
        const t0 = performance.now();
        if (e === 'wasm') {
          const m = await import(`${base}/${f.js}`);
          await m.default({ module_or_path: `${base}/${f.wasm}` });
        } else {
          await import(`${base}/${f.w2js}`);
        }
        return performance.now() - t0;
      }, [engine, `/${b}/pkg`, { js: build.js, wasm: build.wasm, w2js: build.w2js }]));
      await context.close();
    }
  }
}
const version = browser.version();
await browser.close();
plain.close();

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const ms = (a) => `${median(a).toFixed(1)} ms (${Math.min(...a).toFixed(0)}–${Math.max(...a).toFixed(0)})`;
const size = (pkg, f) => statSync(join(pkg, f)).size;
const gz = (pkg, f) => gzipSync(readFileSync(join(pkg, f)), { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`${RUNS} runs, medians (min–max); Chromium ${version}; load average now ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| build | engine | files | raw | gzip -9 | files alone: import + instantiate | first focus → badge, cold | CPU: main thread / renderer | warm | CPU: main thread / renderer |');
console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [b, build] of BUILDS.entries()) {
  const row = (engine, files) => {
    const raw = files.reduce((n, f) => n + size(build.pkg, f), 0);
    const z = files.reduce((n, f) => n + gz(build.pkg, f), 0);
    const t = times[b][engine];
    const c = (k) => `${median(t[`${k}.thread`]).toFixed(0)} / ${median(t[`${k}.process`]).toFixed(0)} ms`;
    console.log(`| ${build.ext} | ${engine} | ${files.join(' + ')} | ${kb(raw)} | ${kb(z)} | ${ms(load[b][engine])} | ${ms(t['cold.wall'])} | ${c('cold')} | ${ms(t['warm.wall'])} | ${c('warm')} |`);
  };
  row('wasm', [build.js, build.wasm]);
  row('wasm2js', [build.w2js]);
}
for (const build of BUILDS) {
  console.log(`\n${build.pkg}:`);
  for (const f of readdirSync(build.pkg).sort()) console.log(`  ${f}: ${size(build.pkg, f)} B, gzip -9 ${gz(build.pkg, f)} B`);
}
