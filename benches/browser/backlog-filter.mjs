// The backlog list's filters at scale, in Chromium with the built extension: 50,000 items in
// IndexedDB (one record per item, seeded by backlog-seed.mjs as for backlog.mjs), then, for a state
// filter, a tag filter and a date range:
// - while the backlog is still loading (the filter set right after the first render): the time
//   from the filter's event to the list showing the whole answer (`#count` says the right
//   number and the rows in view are drawn with their records), whether the whole backlog had
//   arrived by then, and the page's own figures when it records them (`data-filter-ms`: the
//   index read, `data-filter-read-ms`: how many records it read);
// - once the whole backlog is in the page: the filter's event → the list redrawn (median of 5).
// Usage: [RUNS=3] [ITEMS=50000] [ONLY=tag] node benches/browser/backlog-filter.mjs [EXT_DIR]   (after scripts/build.sh)
// RUNS: page loads per filter (the first load of the first filter is cold); ONLY: the filters whose
// name contains it.
import { join, resolve } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';
import { WORDS, state, day, seedBacklog } from './backlog-seed.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXT = resolve(process.argv[2] ?? join(ROOT, 'dist/chrome'));
const N = Number(process.env.ITEMS ?? 50000);
const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


// each filter: the field, its value, and how many of the seeded items it shows
const count = (keep) => Array.from({ length: N }, (_, k) => k).filter(keep).length;
const FILTERS = [
  { name: 'state = draft', id: '#filter-state', value: 'draft', event: 'change', expect: count((k) => state(k) === 'draft') },
  { name: 'tag = quebec', id: '#filter-tag', value: 'quebec', event: 'input', expect: count((k) => WORDS[k % 10] === 'Québec') },
  { name: 'planned 5–11 Dec', id: '#filter-from', value: '2026-12-05', event: 'change', also: ['#filter-to', '2026-12-11'], expect: count((k) => day(k) !== null && day(k) >= 5 && day(k) <= 11) },
];

const CHOSEN = FILTERS.filter((f) => f.name.includes(process.env.ONLY ?? ''));

await buildFixtures();
const server = await startServer();
const browser = await launch({ port: server.port, extDir: EXT });
const url = (p) => `chrome-extension://${browser.extensionId}/${p}`;
try {
  const page = await browser.context.newPage();
  await page.goto(url('popup.html'));
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => chrome.runtime.sendMessage({ protocol_version: 1, request_id: 'warm', body: { kind: 'store_list', collection: 'backlog' } }));
  const seeded = (await seedBacklog(page, N)).idb;
  console.log(`seeded ${N} items in ${seeded.toFixed(0)} ms`);

  // sets a filter in the page, then waits (polling each frame) until #count shows `expect`
  const apply = (f) => new Promise((done) => {
    const t0 = performance.now();
    const set = (id, value, event) => {
      const e = document.querySelector(id);
      e.value = value;
      e.dispatchEvent(new Event(event));
    };
    if (f.also) set(f.also[0], f.also[1], 'change');
    set(f.id, f.value, f.event);
    // the count whole and the rows in view drawn with their records (none still a placeholder)
    const right = () => new RegExp(`(^|\\D)${f.expect}(\\D|$)`).test(document.querySelector('#count').textContent)
      && document.querySelector('#rows-list li') !== null && !document.querySelector('#rows-list [aria-busy="true"]');
    const sync = performance.now() - t0;
    const check = () => {
      if (right()) {
        done({ ms: performance.now() - t0, sync, loaded: document.body.dataset.loaded === 'true', ...document.body.dataset });
      } else if (performance.now() - t0 > 120000) {
        done({ ms: NaN, sync, loaded: false });
      } else {
        requestAnimationFrame(check);
      }
    };
    if (right()) done({ ms: sync, sync, loaded: document.body.dataset.loaded === 'true', ...document.body.dataset });
    else requestAnimationFrame(check);
  });

  const backlog = await browser.context.newPage();
  for (const f of CHOSEN) {
    const loading = [];
    for (let k = 0; k < RUNS; k++) {
      await backlog.goto(url('backlog.html'));
      await backlog.waitForSelector('body[data-painted-ms]', { timeout: 60000 });
      loading.push(await backlog.evaluate(apply, f));
    }
    // once whole: from the default list, the filter set again (the model's own search)
    await backlog.waitForSelector('body[data-loaded="true"]', { timeout: 120000 });
    const whole = [];
    for (let k = 0; k < 5; k++) {
      await backlog.evaluate((f) => {
        for (const [id, v, e] of [[f.id, '', f.event], ...(f.also ? [[f.also[0], '', 'change']] : [])]) {
          const x = document.querySelector(id);
          x.value = v;
          x.dispatchEvent(new Event(e));
        }
      }, f);
      whole.push((await backlog.evaluate(apply, f)).ms);
    }
    console.log(`${f.name} (${f.expect} items):`);
    console.log(`  while loading: ${loading.map((r) => `${r.ms.toFixed(0)} ms${r.loaded ? ' (after the whole backlog)' : ''}${r.filterMs ? ` [index read ${r.filterMs} ms, ${r.filterReadMs} records${r.filterIdbMs ? `: choosing ${r.filterPlanMs}, IndexedDB ${r.filterIdbMs}, model ${r.filterModelMs}` : ''}]` : ''}`).join(', ')}`);
    console.log(`  once whole: median ${median(whole).toFixed(1)} ms, max ${Math.max(...whole).toFixed(1)} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
