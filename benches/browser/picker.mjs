// The template picker, as the product runs it, in Chromium with the built extension.
//
// 1. Visible after the shortcut (warm background): on X's reply fixture (Draft.js) with the strict
//    CSP (wasm2js in-page engine) and without CSP (wasm), the composer focused; what the background
//    does on the keyboard command (tabs.sendMessage `open_picker` to the tab) is stamped in the
//    service worker, and the frame stamps the first animation frame where it is shown with its
//    result list drawn and the focus in its search box (polled per frame, in the frame). Esc
//    closes it between runs. The first opening of each page is given apart ("first").
// 2. Search per keystroke over 5,000 templates: in the open picker, a query typed letter by letter
//    ("livraison com"), each letter an `input` event; the time of its handler (what runs on the
//    keystroke: search and result list), then the time until the next frame has been drawn (the
//    preview, rendered once per frame, included).
// Usage: node benches/browser/picker.mjs [EXT_DIR...]   (after scripts/build.sh; several builds are
// measured interleaved). RUNS=n openings per page and engine (default 9).
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';
import { seed, STARTER, EXTRA } from '../../tests/e2e/lib/library.mjs';
import { REPLIES, openReply } from '../../tests/e2e/lib/replies.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const BUILDS = process.argv.slice(2).length ? process.argv.slice(2).map((d) => resolve(d)) : [join(ROOT, 'dist/chrome')];
const RUNS = Number(process.env.RUNS ?? 9);
const ENGINES = [['wasm2js', 'frames'], ['wasm', 'none']];
const FRAME = 'iframe[data-porte-voix="picker"]';

/** Frame world: resolves to Date.now() at the first frame where the picker is ready for keys. */
const shownAt = () =>
  new Promise((done) => {
    const poll = () => {
      const ready = document.body.dataset.ready === 'true'
        && document.hasFocus()
        && document.activeElement?.id === 'pk-q'
        && document.querySelector('#pk-list li')
        && document.body.dataset.shown !== 'false';
      if (ready) done(Date.now());
      else requestAnimationFrame(poll);
    };
    poll();
  });

/** The frame's stamp (a frame created on the shortcut may still be navigating to its page). */
async function frameShownAt(page) {
  for (let attempt = 0; ; attempt++) {
    const frame = await (await page.waitForSelector(FRAME, { state: 'attached' })).contentFrame();
    try {
      await frame.waitForLoadState('domcontentloaded');
      return await frame.evaluate(shownAt);
    } catch (err) {
      if (attempt >= 5) throw err; // destroyed by a navigation: ask the new document
    }
  }
}

async function open(b, page) {
  await page.bringToFront();
  // the service worker stamps the command, then does what the background does on it
  const t0 = b.worker.evaluate(async () => {
    const t = Date.now();
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab.id, { kind: 'open_picker' }, { frameId: 0 });
    return t;
  });
  const t1 = await frameShownAt(page);
  await page.waitForSelector(FRAME, { state: 'visible' });
  const ms = t1 - (await t0);
  await page.keyboard.press('Escape');
  await page.waitForFunction((sel) => {
    const f = document.querySelector(sel);
    return !f || getComputedStyle(f).visibility === 'hidden' || getComputedStyle(f).display === 'none';
  }, FRAME);
  await page.waitForTimeout(150);
  return ms;
}

async function searchTimes(b) {
  const { page } = await openReply(b, REPLIES[0]);
  await page.bringToFront();
  await b.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab.id, { kind: 'open_picker' }, { frameId: 0 });
  });
  await frameShownAt(page);
  const frame = await (await page.waitForSelector(FRAME, { state: 'attached' })).contentFrame();
  const out = await frame.evaluate(async () => {
    const q = document.getElementById('pk-q');
    const handler = [];
    const painted = [];
    const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    for (let round = 0; round < 5; round++) {
      for (const word of ['l', 'li', 'liv', 'livr', 'livra', 'livrai', 'livrais', 'livraiso', 'livraison', 'livraison ', 'livraison c', 'livraison co', 'livraison com']) {
        await nextFrame();
        q.value = word;
        const t0 = performance.now();
        q.dispatchEvent(new Event('input'));
        handler.push(performance.now() - t0);
        await nextFrame();
        painted.push(performance.now() - t0);
      }
      q.value = '';
      q.dispatchEvent(new Event('input'));
    }
    return { handler, painted, shown: document.querySelectorAll('#pk-list li').length };
  });
  await page.close();
  return out;
}

await buildFixtures();
const server = await startServer();
const browsers = [];
for (const dir of BUILDS) {
  const b = await launch({ port: server.port, extDir: dir });
  await seed(b);
  browsers.push(b);
}
const visible = {}; // build → engine → { first: [], warm: [] }
for (const [engine, csp] of ENGINES) {
  const c = { ...REPLIES[0], url: REPLIES[0].url.replace('csp=frames', `csp=${csp}`) };
  const pages = [];
  for (const [i, b] of browsers.entries()) {
    const { page } = await openReply(b, c);
    pages.push(page);
    const r = ((visible[BUILDS[i]] ??= {})[engine] ??= { first: [], warm: [] });
    r.first.push(await open(b, page));
  }
  for (let run = 0; run < RUNS; run++) {
    for (const [i, b] of browsers.entries()) {
      visible[BUILDS[i]][engine].warm.push(await open(b, pages[i]));
    }
  }
  for (const p of pages) await p.close();
}
// 5,000 templates for the search
const many = [];
for (let i = 0; i < 5000 - STARTER.length - EXTRA.length; i++) {
  const base = STARTER[i % STARTER.length];
  many.push({ ...base, id: `bulk.${i}`, title: `${base.title} ${i}`, trigger: null });
}
const search = {};
for (const [i, b] of browsers.entries()) {
  await seed(b, many);
  search[BUILDS[i]] = await searchTimes(b);
}
for (const b of browsers) await b.close();
await server.close();

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (a) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * 0.95))];
console.log(`RUNS=${RUNS}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| build | in-page engine | first opening | warm: median (min–max) |');
console.log('|---|---|---:|---:|');
for (const dir of BUILDS) {
  for (const [engine] of ENGINES) {
    const r = visible[dir][engine];
    console.log(`| ${dir} | ${engine} | ${r.first[0]} ms | ${median(r.warm)} ms (${Math.min(...r.warm)}–${Math.max(...r.warm)}) |`);
  }
}
console.log('| build | keystroke handler: median | p95 | max | to the next frame drawn: median | results shown |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const dir of BUILDS) {
  const s = search[dir];
  console.log(`| ${dir} | ${median(s.handler).toFixed(2)} ms | ${p95(s.handler).toFixed(2)} ms | ${Math.max(...s.handler).toFixed(2)} ms | ${median(s.painted).toFixed(2)} ms | ${s.shown} |`);
}
