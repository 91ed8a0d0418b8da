// Per-keystroke cost of length + tone as the product runs it: in Chromium with the built
// extension, in X's Draft.js composer (fixture page). The content script refreshes once per
// animation frame: read the composer, count, analyse the tone, draw the badge, the tone pill and
// its underlines. The page times that frame callback between one of its own frames requested at
// keydown and one requested after the content script's (as benches/browser/keystroke.mjs does),
// for a text of 280 characters and one of 3,000 (pasted, then 20 keys typed at its end). The
// figure is the whole refresh (DOM reads and drawing included): an upper bound of length + tone.
// The page's clock is coarse (0.1 ms without cross-origin isolation): medians over many keys.
// The engine's own share, over the same keys: V8's CPU profiler (CDP, sampling every 20 µs) runs
// while they are typed, and the samples whose running function is the engine's code (the wasm
// module, or the wasm2js module) are its time — the length count, the tone analysis and the
// Rust side of reading the composer and drawing; the DOM work the engine asks for is not in it.
// That time divided by the keys is what length + tone cost per keystroke at most, on the path the
// product runs (the content script's refresh on input), not a separate entry point.
// With TOP=N, the N functions of the engine with the most own time per key are listed too (their
// names need a build whose wasm keeps its name section: `wasm-opt -g`, see BENCHMARKS.md).
// Strict CSP → the wasm2js engine, no CSP → the wasm engine; ENGINES=wasm (or wasm2js) runs one.
// Usage: node benches/browser/tone.mjs [EXT_DIR]   (after scripts/build.sh)
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXT = resolve(process.argv[2] ?? join(ROOT, 'dist/chrome'));
const X_DRAFT = '[data-testid="tweetTextarea_0"]';
const FR = 'Bonjour Julie, merci pour votre message ! Nous sommes vraiment désolés pour ce retard de livraison 😔 '
  + 'Votre colis est bloqué au centre de tri, mais on s’en occupe. Écrivez-nous en MP avec votre numéro de commande : '
  + 'https://exemple.fr/aide #service @Julie C’est VRAIMENT pas notre faute, tabarnak!!! ';
const textOf = (n) => { let s = ''; while (s.length < n) s += FR; return s.slice(0, n); };

function instrument() {
  const samples = [];
  let current = null;
  window.addEventListener('keydown', () => {
    const s = { frame: null, a: 0 };
    current = s;
    requestAnimationFrame((ts) => { s.frame = ts; s.a = performance.now(); });
  }, true);
  const after = () => {
    const s = current;
    if (!s || s.requested) return;
    s.requested = true;
    requestAnimationFrame((ts) => {
      const b = performance.now();
      if (ts === s.frame) samples.push(b - s.a);
    });
  };
  window.addEventListener('input', after);
  new MutationObserver(after).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  window.__samples = samples;
}

async function measure(context, csp, size) {
  const page = await context.newPage();
  await page.goto(`https://x.com/compose/post?csp=${csp}`, { waitUntil: 'load' });
  await page.locator(X_DRAFT).first().click();
  await page.waitForTimeout(1000);
  const text = textOf(size);
  const typed = size <= 280 ? text : text.slice(-20);
  if (size > 280) await page.keyboard.insertText(text.slice(0, -20));
  await page.waitForTimeout(300);
  await page.evaluate(instrument);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 20 });
  const key = async (ch) => {
    await page.keyboard.type(ch);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  };
  // the first key pays the engine's first use (tables built once): profiled from the second on
  await key(typed[0]);
  await cdp.send('Profiler.start');
  for (const ch of typed.slice(1)) await key(ch);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const samples = await page.evaluate(() => window.__samples);
  await page.close();
  const { total, byFunction } = engineTime(profile);
  return { samples, engine: total / (typed.length - 1), byFunction, keys: typed.length - 1 };
}

/** Milliseconds of `profile` whose running function is the in-page engine's code, in all and by function. */
function engineTime(profile) {
  const ours = new Map(profile.nodes
    .filter((n) => /inpage_bg\.wasm|inpage_wasm2js\.js|^wasm:\/\//.test(n.callFrame.url))
    .map((n) => [n.id, n.callFrame.functionName]));
  let us = 0;
  const byFunction = new Map();
  profile.samples.forEach((id, i) => {
    if (!ours.has(id)) return;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    us += dt;
    byFunction.set(ours.get(id), (byFunction.get(ours.get(id)) ?? 0) + dt / 1000);
  });
  return { total: us / 1000, byFunction };
}

await buildFixtures();
const server = await startServer();
const browser = await launch({ port: server.port, extDir: EXT });
const q = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];
console.log(`${EXT}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| engine | text | keys | refresh per key (length + tone + drawing): median | p95 | engine code per key (CPU profile) |');
console.log('|---|---:|---:|---:|---:|---:|');
const engines = [['wasm', 'none'], ['wasm2js', 'strict']].filter(([e]) => (process.env.ENGINES ?? e) === e);
const tops = [];
for (const [engine, csp] of engines) {
  for (const size of [280, 3000]) {
    const s = [];
    const own = [];
    const byFunction = new Map();
    let keys = 0;
    for (let round = 0; round < Number(process.env.ROUNDS ?? 2); round++) {
      const r = await measure(browser.context, csp, size);
      s.push(...r.samples);
      own.push(r.engine);
      keys += r.keys;
      for (const [f, ms] of r.byFunction) byFunction.set(f, (byFunction.get(f) ?? 0) + ms);
    }
    const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 0));
    if (top.length) tops.push([`${engine}, ${size} characters`, top.map(([f, ms]) => `${(ms / keys * 1000).toFixed(1)} µs ${f}`)]);
    const ownMs = own.reduce((a, b) => a + b, 0) / own.length;
    const fmt = ownMs < 1 ? `${(ownMs * 1000).toFixed(0)} µs` : `${ownMs.toFixed(2)} ms`;
    console.log(`| ${engine} | ${size} | ${s.length} | ${q(s, 0.5).toFixed(2)} ms | ${q(s, 0.95).toFixed(2)} ms | ${fmt} |`);
  }
}
for (const [what, lines] of tops) console.log(`\nown time per key by function (${what}):\n${lines.join('\n')}`);
await browser.close();
await server.close();
