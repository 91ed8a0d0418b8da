// Start-up cost of the content script's core, per engine: time from the dynamic import to a
// ready module (import + compile/instantiate), in a fresh page each time, headless Chromium.
// Usage: node benches/browser/startup.mjs   (after scripts/build.sh)
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, resolve } from 'node:path';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const PKG = join(ROOT, 'build/pkg');
if (!existsSync(join(PKG, 'porte_voix_bg.wasm'))) {
  console.error('build/pkg is missing: run scripts/build.sh first');
  process.exit(2);
}
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const PAGE = '<!doctype html><meta charset="utf-8"><title>startup</title><p>startup</p>';
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
    return;
  }
  const file = join(PKG, path.replace('/pkg/', ''));
  if (!path.startsWith('/pkg/') || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const runs = Number(process.env.RUNS ?? 7);
const results = { wasm: [], wasm2js: [] };
for (let i = 0; i < runs; i++) {
  for (const engine of ['wasm', 'wasm2js']) {
    const context = await browser.newContext(); // fresh cache every time: a cold start
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const ms = await page.evaluate(async (e) => {
      const t0 = performance.now();
      if (e === 'wasm') {
        const m = await import('/pkg/porte_voix.js');
        await m.default({ module_or_path: '/pkg/porte_voix_bg.wasm' });
        m.count('Bonjour', 'x');
      } else {
        const m = await import('/pkg/porte_voix_wasm2js.js');
        m.count('Bonjour', 'x');
      }
      return performance.now() - t0;
    }, engine);
    results[engine].push(ms);
    await context.close();
  }
}
await browser.close();
server.close();

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const size = (f) => statSync(join(PKG, f)).size;
const gz = (f) => gzipSync(readFileSync(join(PKG, f)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`cold start of the core in a fresh page, ${runs} runs, medians; Chromium ${browser.version()}`);
console.log('| engine | files | size (gzip -9) | start-up, median | min – max |');
console.log('|---|---|---:|---:|---:|');
const wasmBytes = size('porte_voix_bg.wasm') + size('porte_voix.js');
const wasmGz = gz('porte_voix_bg.wasm') + gz('porte_voix.js');
console.log(`| wasm | porte_voix.js + porte_voix_bg.wasm | ${kb(wasmBytes)} (${kb(wasmGz)}) | ${median(results.wasm).toFixed(1)} ms | ${Math.min(...results.wasm).toFixed(1)} – ${Math.max(...results.wasm).toFixed(1)} ms |`);
console.log(`| wasm2js | porte_voix_wasm2js.js | ${kb(size('porte_voix_wasm2js.js'))} (${kb(gz('porte_voix_wasm2js.js'))}) | ${median(results.wasm2js).toFixed(1)} ms | ${Math.min(...results.wasm2js).toFixed(1)} – ${Math.max(...results.wasm2js).toFixed(1)} ms |`);
