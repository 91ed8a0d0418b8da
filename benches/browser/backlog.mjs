// The backlog at scale, in Chromium with the built extension: 50,000 items in IndexedDB (one
// record per item, written straight into the database the background opens: backlog-seed.mjs),
// then
// - a capture end to end (an extension page's message → the background → the core → the
//   IndexedDB transaction committed → the answer), median of 30;
// - the backlog page's first render (navigation start → the frame that paints the first rows,
//   wasm start included: the page draws the items changed last at once and records that frame
//   in `body[data-painted-ms]`), and the time until the whole backlog is in the page
//   (`body[data-loaded]`, read in batches after the first render);
// - a search in the backlog page once it is whole (typing into its search field: the core's
//   search over the folded index, and the list redrawn), median of 20: ten queries, each typed
//   as its first three letters (a fresh search) then whole (searched within the first result);
// - the calendar shown right after the first render, while the rest is loading (its days are read
//   through the date index): navigation → the first planned item on it;
// - the JSON backup export (click → the file offered; the page's own figure: the file's parts
//   written, progress shown);
// and the same capture and first read with the backlog kept as one array in storage.local
// (what many extensions do): read the array, look for the page, append, write it all back.
// Usage: [RUNS=3] [ITEMS=50000] node benches/browser/backlog.mjs [EXT_DIR]   (after scripts/build.sh)
// RUNS: how many page loads (the first one cold).
import { join, resolve } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';
import { seedBacklog } from './backlog-seed.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXT = resolve(process.argv[2] ?? join(ROOT, 'dist/chrome'));
const N = Number(process.env.ITEMS ?? 50000);
const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await buildFixtures();
const server = await startServer();
const browser = await launch({ port: server.port, extDir: EXT });
const url = (p) => `chrome-extension://${browser.extensionId}/${p}`;
try {
  const page = await browser.context.newPage();
  await page.goto(url('popup.html'));
  await page.waitForSelector('body[data-ready="true"]');
  // make sure the background created the database, then fill it
  await page.evaluate(() => chrome.runtime.sendMessage({ protocol_version: 1, request_id: 'warm', body: { kind: 'store_list', collection: 'backlog' } }));
  const seeded = await seedBacklog(page, N, { local: true });
  console.log(`seeded ${N} items (${(seeded.bytes / 1e6).toFixed(1)} MB of JSON): IndexedDB ${seeded.idb.toFixed(0)} ms`);
  if (seeded.refused) console.log(`storage.local refused all ${N} items (${seeded.refused}); it holds ${seeded.kept}`);
  console.log(`storage.local: ${seeded.kept} items written in ${seeded.local?.toFixed(0)} ms`);

  const captures = await page.evaluate(async () => {
    const out = [];
    for (let k = 0; k < 30; k++) {
      const t0 = performance.now();
      const a = await chrome.runtime.sendMessage({ protocol_version: 1, request_id: `bench-${k}-${Math.random()}`, body: { kind: 'capture', candidates: { page_url: `https://journal.example/new/${k}?utm_source=x`, title: `Nouveau ${k}` } } });
      if (a.kind !== 'captured') throw new Error(JSON.stringify(a));
      out.push(performance.now() - t0);
    }
    return out;
  });
  const local = await page.evaluate(async () => {
    const out = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const { backlog_array: items } = await chrome.storage.local.get('backlog_array');
      const u = `https://journal.example/local/${k}`;
      if (!items.some((i) => i.source?.canonical === u)) items.push({ id: `local-${k}`, title: `Local ${k}`, source: { canonical: u } });
      await chrome.storage.local.set({ backlog_array: items });
      out.push(performance.now() - t0);
    }
    const t1 = performance.now();
    const { backlog_array: all } = await chrome.storage.local.get('backlog_array');
    const read = performance.now() - t1;
    const t2 = performance.now();
    const found = all.filter((i) => `${i.title} ${i.note ?? ''}`.toLowerCase().includes('québec')).length;
    return { out, read, search: performance.now() - t2, found };
  });

  const backlog = await browser.context.newPage();
  const renders = [];
  const wholes = [];
  const steps = [];
  for (let k = 0; k < RUNS; k++) {
    await backlog.goto(url('backlog.html'));
    await backlog.waitForSelector('body[data-ready="true"]');
    const seen = await backlog.evaluate(() => performance.now());
    // the frame that painted the first rows, as the page records it (data-painted-ms); an
    // earlier version records nothing: then when the bench saw it ready
    const painted = await backlog.waitForSelector('body[data-painted-ms]', { timeout: 5000 }).then(() => backlog.getAttribute('body', 'data-painted-ms'), () => null);
    renders.push(painted === null ? seen : Number(painted));
    // an earlier version read everything before its first render and sets no data-loaded
    const whole = await backlog.waitForSelector('body[data-loaded="true"]', { timeout: 120000 }).then(() => true, () => false);
    wholes.push(whole ? await backlog.evaluate(() => performance.now()) : renders.at(-1));
    const rows = await backlog.locator('#rows-list li').count();
    if (rows === 0) throw new Error('the list is empty');
    steps.push(await backlog.evaluate(() => ({ ...document.body.dataset })));
  }
  // the calendar asked for while the rest is loading
  await backlog.goto(url('backlog.html'));
  await backlog.waitForSelector('body[data-painted-ms]');
  await backlog.click('#show-calendar');
  await backlog.waitForSelector('#calendar button[data-id]', { timeout: 120000 });
  const calendar = await backlog.evaluate(() => ({ at: performance.now(), loaded: document.body.dataset.loaded === 'true' }));
  await backlog.waitForSelector('body[data-loaded="true"]', { timeout: 120000 });
  await backlog.click('#show-list');
  const shown = await backlog.textContent('#count');
  const searches = await backlog.evaluate(() => {
    const input = document.querySelector('#search');
    const out = [];
    const fresh = [];
    const narrowed = [];
    for (const q of ['québec', 'velo', 'bibli', 'théâtre 12', 'festival', 'n° 4999', 'climat', 'marche', 'cafe', 'xyz']) {
      for (const [k, step] of [q.slice(0, 3), q].entries()) {
        const t0 = performance.now();
        input.value = step;
        input.dispatchEvent(new Event('input'));
        const ms = performance.now() - t0;
        out.push(ms);
        (k === 0 ? fresh : narrowed).push(ms);
      }
    }
    return { out, fresh, narrowed };
  });
  await backlog.click('#show-transfer');
  const t0 = Date.now();
  const [download] = await Promise.all([backlog.waitForEvent('download'), backlog.click('#export-json')]);
  await download.path();
  const exportMs = Date.now() - t0;
  const exportPage = await backlog.getAttribute('body', 'data-export-ms');

  console.log(`items: ${N}`);
  console.log(`capture end to end (IndexedDB, one record per item): median ${median(captures).toFixed(1)} ms, max ${Math.max(...captures).toFixed(1)} ms`);
  console.log(`capture end to end (one array of ${seeded.kept} items in storage.local): median ${median(local.out).toFixed(1)} ms, max ${Math.max(...local.out).toFixed(1)} ms`);
  console.log(`storage.local: read the whole array ${local.read.toFixed(0)} ms; a JS substring search over it ${local.search.toFixed(1)} ms`);
  console.log(`search in the backlog page (core search + list redraw): median ${median(searches.out).toFixed(1)} ms, max ${Math.max(...searches.out).toFixed(1)} ms; first three letters ${median(searches.fresh).toFixed(1)} ms, typing on ${median(searches.narrowed).toFixed(1)} ms`);
  console.log(`backlog page first render (navigation → first rows painted): ${renders.map((r) => r.toFixed(0)).join(', ')} ms`);
  console.log(`backlog page whole (navigation → every item in the page): ${wholes.map((r) => r.toFixed(0)).join(', ')} ms; ${shown}`);
  // what the page recorded of its own steps (data-*-ms on its body), when it does
  for (const [k, d] of steps.entries()) {
    const figures = Object.entries(d).filter(([name]) => name.endsWith('Ms')).map(([name, v]) => `${name.replace(/Ms$/, '')} ${v}`);
    if (figures.length) console.log(`  render ${k + 1}: ${figures.join(', ')} ms`);
  }
  console.log(`calendar shown after the first render: first planned item at ${calendar.at.toFixed(0)} ms, ${calendar.loaded ? 'after' : 'before'} the whole backlog`);
  console.log(`JSON export (click → file): ${exportMs} ms${exportPage ? `; the file's parts written in ${exportPage} ms` : ''}`);
} finally {
  await browser.close();
  await server.close();
}
