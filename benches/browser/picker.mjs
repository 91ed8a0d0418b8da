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
// ROUNDS=n search rounds per build (default 5), interleaved build by build; SEARCH_ONLY=1 skips
// the openings; PROFILE=1 adds a CPU profile of the frame during the search rounds (self time
// per function, per keystroke; the sampler slows what it samples, so its timings are apart).
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SEARCH_ONLY = process.env.SEARCH_ONLY === '1';
const PROFILE = process.env.PROFILE === '1';
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

const WORDS = ['l', 'li', 'liv', 'livr', 'livra', 'livrai', 'livrais', 'livraiso', 'livraison', 'livraison ', 'livraison c', 'livraison co', 'livraison com'];

/** Opens the picker for the search: its page, its frame, and (PROFILE=1) a CDP session on it. */
async function searchPicker(b) {
  const { page } = await openReply(b, REPLIES[0]);
  await page.bringToFront();
  await b.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab.id, { kind: 'open_picker' }, { frameId: 0 });
  });
  await frameShownAt(page);
  const frame = await (await page.waitForSelector(FRAME, { state: 'attached' })).contentFrame();
  let cdp = null;
  if (PROFILE) {
    cdp = await page.context().newCDPSession(frame);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  }
  return { page, frame, cdp, handler: [], painted: [], profiles: [] };
}

/** One round: the query typed letter by letter, each letter an `input` event, timed in the frame. */
async function searchRound(s) {
  await s.page.bringToFront();
  if (s.cdp) await s.cdp.send('Profiler.start');
  const out = await s.frame.evaluate(async (words) => {
    const q = document.getElementById('pk-q');
    const handler = [];
    const painted = [];
    const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    for (const word of words) {
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
    return { handler, painted, shown: document.querySelectorAll('#pk-list li').length };
  }, WORDS);
  if (s.cdp) s.profiles.push((await s.cdp.send('Profiler.stop')).profile);
  s.handler.push(...out.handler);
  s.painted.push(...out.painted);
}

/** The functions with the most self time in the rounds' CPU profiles (ms per keystroke). */
function topSelf(s, keys) {
  const self = new Map();
  for (const prof of s.profiles) {
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
    for (const [id, us] of dt) {
      const f = byId.get(id).callFrame;
      const name = f.functionName || `(${f.url.split('/').pop() || 'native'})`;
      self.set(name, (self.get(name) ?? 0) + us);
    }
  }
  return [...self].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 14)
    .map(([n, us]) => `${(us / 1000 / keys).toFixed(3)} ms  ${n}`);
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
for (const [engine, csp] of SEARCH_ONLY ? [] : ENGINES) {
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
  search[BUILDS[i]] = await searchPicker(b);
}
// the builds take turns, round by round
for (let round = 0; round < ROUNDS; round++) {
  for (const dir of BUILDS) await searchRound(search[dir]);
}
for (const dir of BUILDS) await search[dir].page.close();
for (const b of browsers) await b.close();
await server.close();

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (a) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * 0.95))];
console.log(`RUNS=${RUNS}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (!SEARCH_ONLY) {
  console.log('| build | in-page engine | first opening | warm: median (min–max) |');
  console.log('|---|---|---:|---:|');
  for (const dir of BUILDS) {
    for (const [engine] of ENGINES) {
      const r = visible[dir][engine];
      console.log(`| ${dir} | ${engine} | ${r.first[0]} ms | ${median(r.warm)} ms (${Math.min(...r.warm)}–${Math.max(...r.warm)}) |`);
    }
  }
}
console.log('| build | keystroke handler: median | p95 | max | to the next frame drawn: median | keystrokes |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const dir of BUILDS) {
  const s = search[dir];
  console.log(`| ${dir} | ${median(s.handler).toFixed(2)} ms | ${p95(s.handler).toFixed(2)} ms | ${Math.max(...s.handler).toFixed(2)} ms | ${median(s.painted).toFixed(2)} ms | ${s.handler.length} |`);
}
if (PROFILE) {
  for (const dir of BUILDS) {
    console.log(`\nself time per keystroke, ${dir} (profiled):`);
    for (const line of topSelf(search[dir], search[dir].handler.length)) console.log(`  ${line}`);
  }
}
