// Length + tone alone, in the in-page engine, in headless Chromium: the two steps the content
// script's refresh runs on every input — the length count (`session::count`, in the session's
// snapshot) and the tone report (`tone::analyse` with the settings' `tone_settings`, in the tone
// feature) — without the composer read and the drawing around them (benches/browser/tone.mjs
// times the whole refresh).
//
// The engine is the in-page engine built as scripts/build.sh builds it (same cargo profile, flags,
// wasm-bindgen, wasm-opt, wasm2js and its patches), with one more export: the cargo feature
// `bench` adds `bench_length_tone` (src/web/api/bench.rs), which calls those two functions as the
// refresh calls them, N times in a row. Built into target/bench-inpage/pkg/ (the shipped build/
// and dist/ are left alone), as wasm and as wasm2js, and loaded in a plain page served with
// cross-origin isolation (performance.now() to 5 µs instead of 100 µs).
//
// Texts: the French and English replies of benches/tone.rs (the native benchmark), repeated and
// cut to 280 and 3,000 characters (code points), on X, answering a complaint (the courtesy
// checks run). Each engine warms up first (the tables built, the JIT's optimised tiers reached);
// then batches of N calls (N chosen for ≈ 10 ms a batch), the engines and texts interleaved;
// the figure is the median over batches of the time per call, by the page's clock and by the CPU
// time of the renderer's main thread (what the call costs when the machine is loaded). The last call's length, number of
// findings and score are printed, and compared with the command line's (`porte-voix tone --jsonl
// --platform x`, if target/debug or target/release has it): the same work, not a shortcut.
//
// Usage: node benches/browser/tone-core.mjs            (builds the engine, then measures)
//        BUILD=0 node benches/browser/tone-core.mjs    (measures the engine built before)
//        OUT=DIR node benches/browser/tone-core.mjs    (measures DIR/pkg: a build kept aside)
// BATCHES=n batches per engine and text (default 40); ENGINES=wasm (or wasm2js) runs one.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
// OUT=dir measures the engine built into dir/pkg before (an earlier build kept aside), no build
const OUT = resolve(process.env.OUT ?? join(ROOT, 'target/bench-inpage'));
const BATCHES = Number(process.env.BATCHES ?? 40);
const ENGINES = ['wasm', 'wasm2js'].filter((e) => (process.env.ENGINES ?? e) === e);

// benches/tone.rs's texts
const FR = "Bonjour Julie, merci pour votre message ! Nous sommes vraiment désolés pour ce retard de livraison 😔 Votre colis est bloqué au centre de tri, mais on s'en occupe. Écrivez-nous en MP avec votre numéro de commande : https://exemple.fr/aide #service @Julie ";
const EN = "Hi Sam, thanks for reaching out! We're SO sorry your order arrived damaged 😞 That's not the experience we want for you, but we'll make it right. Please DM us your order number and a photo, and we'll ship a replacement today: https://example.com/help #support ";
const REPLY = "Trois semaines que j'attends, c'est une honte tabarnak !!!";
const textOf = (base, n) => {
  let s = '';
  while ([...s].length < n) s += base;
  return [...s].slice(0, n).join('');
};
const TEXTS = [['fr', FR], ['en', EN]].flatMap(([lang, base]) => [280, 3000].map((n) => ({ lang, n, text: textOf(base, n) })));

/** The in-page engine with the `bench` export, built as scripts/build.sh builds `inpage`. */
function build() {
  const env = { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${ROOT}/node_modules/.bin:${process.env.PATH}` };
  const run = (cmd, ...args) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...env, ...(cmd === 'cargo' ? { RUSTFLAGS: '-C target-feature=-reference-types' } : {}) } });
  const FEAT = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue'];
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  run('cargo', 'build', '--lib', '--profile', 'wasm', '--target', 'wasm32-unknown-unknown', '--target-dir', 'target/wasm-noref',
    '--no-default-features', '--features', 'inpage,bench');
  run('node', 'scripts/strip-section.mjs', 'target/wasm-noref/wasm32-unknown-unknown/wasm/porte_voix.wasm', `${OUT}/inpage.wasm`, 'target_features');
  run('wasm-bindgen', '--target', 'web', '--no-typescript', '--out-dir', `${OUT}/pkg`, `${OUT}/inpage.wasm`);
  run('wasm-opt', '--merge-similar-functions', '-Oz', ...FEAT, `${OUT}/pkg/inpage_bg.wasm`, '-o', `${OUT}/pkg/inpage_bg.wasm`);
  run('esbuild', `${OUT}/pkg/inpage.js`, '--format=esm', '--minify', '--charset=utf8', '--log-level=warning', '--allow-overwrite', `--outfile=${OUT}/pkg/inpage.js`);
  run('wasm-bindgen', '--target', 'bundler', '--no-typescript', '--out-dir', `${OUT}/pkg-js`, `${OUT}/inpage.wasm`);
  run('wasm-opt', ...FEAT, '--llvm-nontrapping-fptoint-lowering', `${OUT}/pkg/inpage_bg.wasm`, '-o', `${OUT}/pkg-js/lowered.wasm`);
  run('wasm2js', '-Oz', ...FEAT, `${OUT}/pkg-js/lowered.wasm`, '-o', `${OUT}/pkg-js/inpage_bg.wasm.js`);
  run('node', 'scripts/patch-wasm2js.mjs', `${OUT}/pkg-js`, 'inpage');
  run('esbuild', `${OUT}/pkg-js/inpage.js`, '--bundle', '--format=esm', '--minify', '--charset=utf8', '--log-level=warning', `--outfile=${OUT}/pkg/inpage_wasm2js.js`);
}

/** What the command line finds for the same texts: [findings, score] per text, or null. */
function cliReference() {
  const bin = ['release', 'debug'].map((p) => join(ROOT, 'target', p, 'porte-voix')).find(existsSync);
  if (!bin) return null;
  const input = TEXTS.map((t) => JSON.stringify({ text: t.text, reply_to: REPLY })).join('\n');
  const out = execFileSync(bin, ['tone', '--jsonl', '--platform', 'x'], { input, encoding: 'utf8' });
  return out.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.findings.length, r.score]);
}

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
function serve() {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = path === '/' ? null : join(OUT, 'pkg', path.replace(/^\/+/, ''));
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Content-Type': TYPES[(file ?? '.html').match(/\.\w+$/)?.[0]] ?? 'application/octet-stream',
    };
    if (!file) return res.writeHead(200, headers).end('<!doctype html><meta charset="utf-8"><title>tone-core</title>');
    if (!file.startsWith(join(OUT, 'pkg')) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, headers).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Page world: loads one engine, as the content script does, on `window.engine`. */
async function load(engine) {
  const m = await import(engine === 'wasm' ? '/inpage.js' : '/inpage_wasm2js.js');
  if (engine === 'wasm') await m.default({ module_or_path: '/inpage_bg.wasm' });
  window.engine = m;
  return crossOriginIsolated;
}

/** Page world: `n` calls; [milliseconds, last length, findings, score]. */
function batch([text, reply, n]) {
  const t0 = performance.now();
  const r = window.engine.bench_length_tone(text, 'x', reply, n);
  return [performance.now() - t0, ...r];
}

if (process.env.BUILD !== '0' && !process.env.OUT) build();
const gz = (f) => gzipSync(readFileSync(join(OUT, 'pkg', f)), { level: 9 }).length;
console.log(`engine: ${OUT}/pkg, wasm ${statSync(join(OUT, 'pkg/inpage_bg.wasm')).size} B (gzip with glue ${gz('inpage_bg.wasm') + gz('inpage.js')} B), `
  + `wasm2js ${statSync(join(OUT, 'pkg/inpage_wasm2js.js')).size} B (gzip ${gz('inpage_wasm2js.js')} B)`);
const reference = cliReference();
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}/`;
// one browser per engine: each page in a renderer of its own, whose main thread's CPU time
// (/proc/PID/task/PID/schedstat, in ns) is read around every batch besides the wall clock — on
// a loaded machine the wall clock counts the time the thread waited for a core
const browsers = [];
const pages = {};
const cpuOf = {};
for (const engine of ENGINES) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  browsers.push(browser);
  const page = await browser.newPage();
  await page.goto(base);
  if (!(await page.evaluate(load, engine))) throw new Error('the page is not cross-origin isolated');
  pages[engine] = page;
  pages[engine].cdp = await browser.newBrowserCDPSession();
  cpuOf[engine] = () => NaN;
}
/** The renderer that ran the engine (the one with the most CPU time after the warm-up): the
 * CPU milliseconds of its main thread (the process's first thread). */
async function mainThreadClock(engine) {
  const { processInfo } = await pages[engine].cdp.send('SystemInfo.getProcessInfo');
  const busiest = processInfo.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime)[0];
  const stat = busiest && `/proc/${busiest.id}/task/${busiest.id}/schedstat`;
  return stat && existsSync(stat) ? () => Number(readFileSync(stat, 'utf8').split(' ')[0]) / 1e6 : () => NaN;
}
const timed = async (engine, args) => {
  const c0 = cpuOf[engine]();
  const [ms, ...result] = await pages[engine].evaluate(batch, args);
  return { ms, cpu: cpuOf[engine]() - c0, result };
};
const load0 = loadavg()[0];
// warm-up: ≈ 2 s per engine and text; then N for ≈ 10 ms a batch
const per = {};
for (const engine of ENGINES) {
  for (const [i, t] of TEXTS.entries()) {
    let n = 1;
    let fastest = Infinity;
    const until = Date.now() + 2000;
    while (Date.now() < until) {
      const { ms } = await timed(engine, [t.text, REPLY, n]);
      fastest = Math.min(fastest, ms / n);
      if (ms < 10) n *= 2;
    }
    // from the fastest call seen: a batch slowed down by the machine's load does not shrink N
    per[`${engine} ${i}`] = { n: Math.max(1, Math.round(10 / fastest)), times: [], cpu: [], result: null };
  }
  cpuOf[engine] = await mainThreadClock(engine);
}
for (let b = 0; b < BATCHES; b++) {
  for (const engine of ENGINES) {
    for (const [i, t] of TEXTS.entries()) {
      const p = per[`${engine} ${i}`];
      const { ms, cpu, result } = await timed(engine, [t.text, REPLY, p.n]);
      p.times.push(ms / p.n);
      p.cpu.push(cpu / p.n);
      p.result = result;
    }
  }
}
for (const browser of browsers) await browser.close();
server.close();

const q = (a, x) => [...a].sort((u, v) => u - v)[Math.min(a.length - 1, Math.floor(a.length * x))];
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(3)} ms`);
console.log(`load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}; ${BATCHES} batches per row, ${new Date().toISOString()}`);
console.log('| engine | text | calls per batch | wall clock per call: median (p10 – p90) | main thread CPU per call: median (p10 – p90) | wasm2js / wasm (CPU medians) | length, findings, score |');
console.log('|---|---|---:|---:|---:|---:|---|');
let mismatch = false;
const spread = (a) => `${fmt(q(a, 0.5))} (${fmt(q(a, 0.1))} – ${fmt(q(a, 0.9))})`;
for (const engine of ENGINES) {
  for (const [i, t] of TEXTS.entries()) {
    const p = per[`${engine} ${i}`];
    const w = per[`wasm ${i}`];
    const ratio = engine === 'wasm2js' && w ? `${(q(p.cpu, 0.5) / q(w.cpu, 0.5)).toFixed(2)}×` : '';
    const [length, findings, score] = p.result;
    if (reference && (reference[i][0] !== findings || reference[i][1] !== score)) mismatch = true;
    console.log(`| ${engine} | ${t.lang}, ${t.n} | ${p.n} | ${spread(p.times)} | ${spread(p.cpu)} | ${ratio} | ${length}, ${findings}, ${score} |`);
  }
}
if (reference) console.log(mismatch ? `the command line differs: ${JSON.stringify(reference)}` : 'findings and scores: as the command line gives them');
else console.log('(no porte-voix binary under target/: results not compared with the command line)');
process.exitCode = mismatch ? 1 : 0;
