// Per-keystroke cost of the length badge, as the product runs it: in Chromium with the built
// extension, typing into X's Draft.js composer (fixture page), one key at a time. The content
// script recounts once per animation frame (read the composer as the editor lays it out, count,
// draw the badge and the overflow mark); the page measures that frame callback between two of its
// own: one requested at keydown (before the content script's) and one requested after the
// content script's (from an input listener and a mutation observer created after its own). With
// the strict CSP the wasm2js engine runs, without CSP the wasm engine. For scale, the same frame
// also times twitter-text's parseTweet (X's official JS counter, alone: no DOM read, no drawing)
// on the composer's text; and a browser without the extension gives the measurement's own floor.
// The renderer's main-thread CPU time over the typing, per key (CDP Performance.getMetrics),
// less the same without the extension, is our whole cost per keystroke, whatever the load.
// Usage: node benches/browser/keystroke.mjs [EXT_DIR]   (after scripts/build.sh)
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, hostResolverRules } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXT = resolve(process.argv[2] ?? join(ROOT, 'dist/chrome'));
const OUT = join(ROOT, 'build/bench');
mkdirSync(OUT, { recursive: true });
const X_DRAFT = '[data-testid="tweetTextarea_0"]';
// a realistic reply: French and Québec French, emoji sequences, a link; typed to 280 and past it
const POST = 'Merci pour votre message, Chloé! Notre équipe de Montréal vous répond en moins de 24 h 🎉 '
  + 'Détails : https://www.lapresse.ca/actualites/2025-06-24/fete-nationale.php « C’est pas mal beau » '
  + '👨‍👩‍👧‍👦🇨🇦 On se voit au festival d’été de Québec, bonne journée à toute la gang! ☀️ ';
const TEXT = (POST + POST + POST).slice(0, 420);

await build({
  stdin: { contents: "globalThis.twttr = { txt: require('twitter-text') };", resolveDir: ROOT },
  bundle: true, minify: true, format: 'iife', outfile: join(OUT, 'twitter-text.js'), logLevel: 'warning',
});
const TWITTER_TEXT = readFileSync(join(OUT, 'twitter-text.js'), 'utf8');

/** Installs the page's measurement: one sample per key, `[refresh ms, parseTweet ms, length]`. */
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
      if (ts !== s.frame) return; // not the same frame: no sample
      const text = window.__fixture.modelText();
      const t0 = performance.now();
      const p = globalThis.twttr.txt.parseTweet(text);
      samples.push([b - s.a, performance.now() - t0, p.weightedLength]);
    });
  };
  window.addEventListener('input', after);
  new MutationObserver(after).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  window.__samples = samples;
}

async function typeAndMeasure(context, csp) {
  const page = await context.newPage();
  await page.goto(`https://x.com/compose/post?csp=${csp}`, { waitUntil: 'load' });
  await page.evaluate(TWITTER_TEXT);
  await page.locator(X_DRAFT).first().click();
  await page.waitForTimeout(1000); // the engine starts on the focus; measure typing only
  await page.evaluate(instrument);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const thread = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
  const before = await thread();
  for (const ch of TEXT) {
    await page.keyboard.type(ch);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  }
  const cpuPerKey = (await thread() - before) / TEXT.length;
  await cdp.detach();
  const samples = await page.evaluate(() => window.__samples);
  await page.close();
  return { samples, cpuPerKey };
}

await buildFixtures();
const server = await startServer();
const results = {};
const browser = await launch({ port: server.port, extDir: EXT });
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  for (const [engine, csp] of [['wasm', 'none'], ['wasm2js', 'strict']]) {
    const r = await typeAndMeasure(browser.context, csp);
    (results[engine] ??= { samples: [], cpu: [] }).samples.push(...r.samples);
    results[engine].cpu.push(r.cpuPerKey);
  }
}
await browser.close();
// the floor: the same measurement in a browser without the extension
const profile = mkdtempSync(join(tmpdir(), 'pv-bench-'));
const bare = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, ignoreHTTPSErrors: true,
  args: [hostResolverRules(server.port), '--ignore-certificate-errors', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const control = await typeAndMeasure(bare, 'none');
results['no extension'] = { samples: control.samples, cpu: [control.cpuPerKey] };
await bare.close();
rmSync(profile, { recursive: true, force: true });
await server.close();

const q = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];
const f = (n) => n.toFixed(2);
console.log(`${EXT}; ${TEXT.length} keys typed per round; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| engine | samples | refresh per key: median | p95 | at ≤ 280 | past 280 | parseTweet alone, median | main-thread CPU per key (page + editor + us) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [engine, { samples: s, cpu }] of Object.entries(results)) {
  const under = s.filter((x) => x[2] <= 280).map((x) => x[0]);
  const over = s.filter((x) => x[2] > 280).map((x) => x[0]);
  const all = s.map((x) => x[0]);
  console.log(`| ${engine} | ${s.length} | ${f(q(all, 0.5))} ms | ${f(q(all, 0.95))} ms | ${f(q(under, 0.5))} ms | ${over.length ? f(q(over, 0.5)) : '–'} ms | ${f(q(s.map((x) => x[1]), 0.5))} ms | ${f(q(cpu, 0.5))} ms |`);
}
