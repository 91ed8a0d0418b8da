// What the first focus spends its time on: a CPU profile of the page (CDP Profiler, 50 µs
// sampling) from the composer's focus() to the badge shown, with the real extension on X's
// fixture page, one new browser per run. Prints, per engine, the self time by function (summed
// over the runs, then divided by the number of runs) and the main thread's CPU time.
// Usage: RUNS=3 node benches/browser/startup-profile.mjs [EXT_DIR]   (after scripts/build.sh)
import { resolve, join } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXT = resolve(process.argv[2] ?? join(ROOT, 'dist/chrome'));
const RUNS = Number(process.env.RUNS ?? 3);
const TOP = Number(process.env.TOP ?? 25);
const X_DRAFT = '[data-testid="tweetTextarea_0"]';

await buildFixtures();
const server = await startServer();
for (const [engine, csp] of [['wasm', 'none'], ['wasm2js', 'strict']]) {
  const self = new Map();
  const incl = new Map();
  let total = 0;
  let walls = [];
  let threads = [];
  for (let i = 0; i < RUNS; i++) {
    const browser = await launch({ port: server.port, extDir: EXT });
    try {
      const page = await browser.context.newPage();
      await page.goto(`https://x.com/compose/post?csp=${csp}`, { waitUntil: 'load' });
      await page.locator(X_DRAFT).first().waitFor();
      await page.waitForTimeout(300);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      const m0 = await cdp.send('Performance.getMetrics');
      await cdp.send('Profiler.start');
      const wall = await page.evaluate((sel) => new Promise((done) => {
        const t0 = performance.now();
        const mo = new MutationObserver(() => {
          if (document.querySelector('porte-voix-badge[data-visible]')) {
            mo.disconnect();
            done(performance.now() - t0);
          }
        });
        mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
        document.querySelector(sel).focus();
      }), X_DRAFT);
      const { profile } = await cdp.send('Profiler.stop');
      const m1 = await cdp.send('Performance.getMetrics');
      const tt = (m) => m.metrics.find((x) => x.name === 'ThreadTime').value * 1000;
      walls.push(wall);
      threads.push(tt(m1) - tt(m0));
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const dt = new Map();
      profile.samples.forEach((id, k) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000));
      // inclusive time of the functions whose name matches INCL (a regular expression)
      if (process.env.INCL) {
        const re = new RegExp(process.env.INCL);
        const parent = new Map();
        for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
        for (const [id, ms] of dt) {
          const seen = new Set();
          for (let p = id; p !== undefined; p = parent.get(p)) {
            const name = byId.get(p).callFrame.functionName;
            if (re.test(name) && !seen.has(name)) {
              seen.add(name);
              incl.set(name, (incl.get(name) ?? 0) + ms);
            }
          }
        }
      }
      for (const [id, ms] of dt) {
        const n = byId.get(id);
        const f = n.callFrame;
        const file = f.url ? f.url.split('/').pop() : '';
        const key = `${f.functionName || '(anonymous)'} ${file}${f.url ? `:${f.lineNumber}` : ''}`;
        self.set(key, (self.get(key) ?? 0) + ms);
        if (f.functionName !== '(idle)' && f.functionName !== '(program)') total += ms;
      }
    } finally {
      await browser.close();
    }
  }
  console.log(`\n${engine}: wall ${walls.map((w) => w.toFixed(1)).join(', ')} ms; main-thread CPU ${threads.map((w) => w.toFixed(1)).join(', ')} ms; JS samples (not idle/program) ${(total / RUNS).toFixed(1)} ms per run`);
  for (const [k, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  incl ${(ms / RUNS).toFixed(2).padStart(7)} ms  ${k}`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(ms / RUNS).toFixed(2).padStart(7)} ms  ${k}`);
}
await server.close();
