// The template library page at 5,000 templates, in headless Chromium with the built extension
// (the real page, its wasm engine, the background's IndexedDB):
// - search per keystroke: the page opened afresh RUNS times, "remboursemen" typed key by key
//   into its search box; each key's time is what the page records in `data-search-ms` (the
//   core's search and filters over the index, as the page runs them on `input`), the first key
//   of each fresh page reported apart;
// - rendering: the editor's live preview re-renders the template on every key typed in its text
//   (the preview text, then once per network with its length), a usual reply then a long one; the page adds up the time of each
//   `render_template` call (`data-render-ms`, `data-renders` on #preview), whose mean per call
//   is reported. Chromium coarsens `performance.now()` in a page that is not cross-origin
//   isolated (100 µs steps with jitter): a single render is below one step, so only the mean
//   over hundreds of calls is meaningful, and it is the figure given.
// - listing: the list as the page draws it when it opens (`data-list-ms` on #templates: the
//   core's filters and the rows put in the DOM, synchronous), and the same redraw triggered by an
//   `input` event on the empty search box (every template kept) timed in the page from the event
//   to the frame after it (requestAnimationFrame then a task: style, layout and paint included).
// Usage: node benches/browser/library.mjs [EXT_DIR]   (after scripts/build.sh); RUNS=7 by default.
// Exits with 1 when a median is over the issue's goal (list ≤ 300 ms, search ≤ 2 ms per key).
import { join, resolve } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXT = resolve(process.argv[2] ?? join(ROOT, 'dist/chrome'));
const N = Number(process.env.TEMPLATES ?? 5000);
const RUNS = Number(process.env.RUNS ?? 7);
const QUERY = 'remboursemen';
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const fmt = (x, d = 2) => x.toFixed(d);

await buildFixtures();
const server = await startServer();
const browser = await launch({ port: server.port, extDir: EXT });
const url = (p) => `chrome-extension://${browser.extensionId}/${p}`;
try {
  const seeder = await browser.context.newPage();
  await seeder.goto(url('popup.html'));
  await seeder.waitForSelector('body[data-ready="true"]');
  const words = ['livraison', 'commande', 'remboursement', 'événement', 'fin de semaine', 'courriel', 'merci', 'désolé', 'horaires', 'emploi'];
  for (let start = 0; start < N; start += 500) {
    const items = [];
    for (let i = start; i < Math.min(N, start + 500); i++) {
      const w = words[i % words.length];
      items.push({ id: `perf.${i}`, body: { id: `perf.${i}`, title: `Réponse ${i} — ${w}`, body: `Bonjour {{prenom}}, au sujet de votre ${w} n° ${i} : merci de votre patience ! {{date:+2jo}}`, tags: [w], networks: [] } });
    }
    const answer = await seeder.evaluate(
      (m) => chrome.runtime.sendMessage(m),
      { protocol_version: 1, request_id: `seed-${start}`, body: { kind: 'templates_import', items } },
    );
    if (answer?.outcome?.written !== items.length) throw new Error(`seeding: ${JSON.stringify(answer).slice(0, 200)}`);
  }
  await seeder.close();

  const first = [];
  const later = [];
  const lists = [];
  const painted = [];
  const inDom = [];
  const perKey = [];
  const again = [];
  let renders = null;
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.context.newPage();
    await page.goto(url('library.html'));
    await page.waitForSelector('body[data-ready="true"]');
    // the list is drawn once the library is read: its count says N templates at least (and the
    // starter library)
    await page.waitForFunction(
      (n) => document.getElementById('templates')?.hasAttribute('data-list-ms') && Number(document.getElementById('list-count')?.textContent.match(/\d+/)?.[0] ?? 0) >= n,
      N,
      { timeout: 60000 },
    );
    lists.push(Number(await page.getAttribute('#templates', 'data-list-ms')));
    // the same list redrawn, from the event to the next frame painted
    painted.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const start = performance.now();
            document.getElementById('search').dispatchEvent(new Event('input', { bubbles: true }));
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          }),
      ),
    );
    inDom.push(await page.$$eval('#templates li', (l) => l.length));
    // a user reads the list before typing
    await page.waitForTimeout(300);
    await page.focus('#search');
    for (const [k, ch] of [...QUERY].entries()) {
      await page.keyboard.type(ch);
      const ms = Number(await page.getAttribute('#templates', 'data-search-ms'));
      (k === 0 ? first : later).push(ms);
      (perKey[k] ??= []).push(ms);
    }
    // the same query again in the same page: its first key is no longer the page's first search
    await page.fill('#search', '');
    await page.keyboard.type(QUERY[0]);
    again.push(Number(await page.getAttribute('#templates', 'data-search-ms')));
    if (run === RUNS - 1) {
      // rendering: type into the text of a template that uses names, dates and a fallback
      await page.click('#templates button.row-open');
      await page.waitForFunction(() => document.getElementById('tpl-body').value.length > 0);
      const totals = () => page.evaluate(() => {
        const p = document.getElementById('preview');
        return { ms: Number(p.dataset.renderMs ?? 0), n: Number(p.dataset.renders ?? 0) };
      });
      const typed = async (text) => {
        const before = await totals();
        await page.keyboard.type(text, { delay: 0 });
        const after = await totals();
        return { ms: after.ms - before.ms, n: after.n - before.n, length: (await page.inputValue('#tpl-body')).length };
      };
      await page.focus('#tpl-body');
      await page.keyboard.press('End');
      const part = ' Merci {{prenom|à vous}}, à {{heure}} le {{jour:+1j}} — {{marque|l’équipe}}.';
      // the page's first renders run first-tier wasm code: reported apart, then the same
      // sentence again (a usual reply), then a long one with it three times more
      renders = { 'first keys of the page': await typed(part) };
      await page.fill('#tpl-body', await page.inputValue('#tpl-body').then((v) => v.slice(0, v.length - part.length)));
      renders.usual = await typed(part);
      renders.long = await typed(part.repeat(3));
    }
    await page.close();
  }
  const all = [...first, ...later];
  console.log(`templates: ${N}; fresh page loads: ${RUNS}; query typed key by key: "${QUERY}"`);
  console.log(`list drawn (filter + DOM): median ${fmt(median(lists), 1)} ms, max ${fmt(Math.max(...lists), 1)} ms`);
  console.log(`list redrawn on input, to the next frame painted: median ${fmt(median(painted), 1)} ms, max ${fmt(Math.max(...painted), 1)} ms; rows in the DOM: ${Math.max(...inDom)}`);
  console.log(`search, first keystroke of a fresh page: median ${fmt(median(first))} ms, max ${fmt(Math.max(...first))} ms (${first.map((x) => fmt(x)).join(', ')})`);
  console.log(`search, later keystrokes: median ${fmt(median(later))} ms, max ${fmt(Math.max(...later))} ms`);
  console.log(`search per key (median over the loads): ${perKey.map((xs, k) => `${QUERY.slice(0, k + 1)} ${fmt(median(xs))}`).join(', ')}`);
  console.log(`search, first key typed again in the same page: median ${fmt(median(again))} ms, max ${fmt(Math.max(...again))} ms`);
  console.log(`search, every keystroke: ${all.filter((x) => x <= 2).length} of ${all.length} within 2 ms`);
  for (const [what, r] of Object.entries(renders ?? {})) {
    if (r.n > 0) console.log(`render_template in the live preview, ${what} template (up to ${r.length} characters): ${r.n} calls, mean ${fmt((r.ms * 1000) / r.n, 1)} µs per call`);
  }
  // the issue's goals: the list drawn within 300 ms, search within 2 ms per keystroke (median)
  const goals = [['list drawn', median(lists), 300], ['search, later keystrokes', median(later), 2]];
  for (const [what, got, goal] of goals) {
    if (got > goal) {
      console.log(`OVER GOAL: ${what} ${fmt(got, 1)} ms > ${goal} ms`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  await server.close();
}
