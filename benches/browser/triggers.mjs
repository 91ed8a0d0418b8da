// Typed trigger: Tab → the rendered template in the editor's MODEL, as the product runs it. In
// Chromium with the built extension, on the reply fixtures (X Draft.js, Facebook Lexical,
// LinkedIn Quill, Bluesky TipTap, Mastodon textarea), with the strict CSP (wasm2js engine) and
// without CSP (wasm engine). Per run: type `;merci`, let the page settle, press Tab; the page
// itself stamps the Tab keydown (a window capture listener, before the content script's) and the
// first moment the editor's model (read with the editor's own API, window.__fixture.modelText)
// equals the rendered template, checked on every DOM mutation and every millisecond. Between
// runs the composer is emptied. The first insertion of each page is a warm-up (not counted).
// Usage: node benches/browser/triggers.mjs [EXT_DIR...]   (after scripts/build.sh; several
// builds are measured interleaved, run by run). RUNS=n runs per page and engine (default 7).
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';
import { seed, extensionPage } from '../../tests/e2e/lib/library.mjs';
import { REPLIES, openReply, clear, expected } from '../../tests/e2e/lib/replies.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const BUILDS = process.argv.slice(2).length ? process.argv.slice(2).map((d) => resolve(d)) : [join(ROOT, 'dist/chrome')];
const RUNS = Number(process.env.RUNS ?? 7);
const ENGINES = [['wasm2js', 'frames'], ['wasm', 'none']];

/** Page world: `window.__tabToModel` resolves to ms from the Tab keydown to the model equal to `want`. */
function arm(args) {
  const [sel, want] = args;
  window.__tabToModel = new Promise((done, fail) => {
    let t0 = null;
    let timer = null;
    let observer = null;
    const check = () => {
      if (t0 === null) return;
      if (window.__fixture.modelText(sel) === want) {
        const ms = performance.now() - t0;
        clearInterval(timer);
        observer.disconnect();
        done(ms);
      }
    };
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Tab') t0 = performance.now();
    }, { capture: true, once: true });
    observer = new MutationObserver(check);
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    timer = setInterval(check, 1);
    setTimeout(() => fail(new Error(`model never became ${JSON.stringify(want)}: ${JSON.stringify(window.__fixture.modelText(sel))}`)), 5000);
  });
}

async function once(page, c, want) {
  await clear(page, c);
  await page.keyboard.type(';merci');
  await page.waitForTimeout(300); // typing settled (the editors' own selection sync included)
  await page.evaluate(arm, [c.composer, want]);
  await page.keyboard.press('Tab');
  return page.evaluate(() => window.__tabToModel);
}

await buildFixtures();
const server = await startServer();
const browsers = [];
for (const dir of BUILDS) {
  const b = await launch({ port: server.port, extDir: dir });
  await seed(b);
  const p = await extensionPage(b);
  b.uiLang = await p.evaluate(() => chrome.i18n.getMessage('ext_locale'));
  await p.close();
  browsers.push(b);
}
const results = {}; // build → engine → editor → [ms]
for (const [engine, csp] of ENGINES) {
  for (const base of REPLIES) {
    const c = { ...base, url: base.url.replace('csp=frames', `csp=${csp}`) };
    const opened = [];
    for (const b of browsers) {
      const { page } = await openReply(b, c);
      const want = (await expected(b, c, ';merci', b.uiLang)).text;
      await once(page, c, want); // warm-up
      opened.push({ page, want });
    }
    for (let run = 0; run < RUNS; run++) {
      for (const [i, dir] of BUILDS.entries()) {
        const ms = await once(opened[i].page, c, opened[i].want);
        ((results[dir] ??= {})[engine] ??= {})[c.name.split(',')[0]] ??= [];
        results[dir][engine][c.name.split(',')[0]].push(ms);
      }
    }
    for (const o of opened) await o.page.close();
  }
}
for (const b of browsers) await b.close();
await server.close();

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (n) => n.toFixed(1);
console.log(`RUNS=${RUNS}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ms from Tab to the text in the model, median (min–max)`);
console.log(`| build | engine | ${REPLIES.map((c) => c.name.split(',')[0]).join(' | ')} | all |`);
console.log(`|---|---|${REPLIES.map(() => '---:|').join('')}---:|`);
for (const dir of BUILDS) {
  for (const [engine] of ENGINES) {
    const per = results[dir][engine];
    const all = Object.values(per).flat();
    const cell = (a) => `${f(median(a))} (${f(Math.min(...a))}–${f(Math.max(...a))})`;
    console.log(`| ${dir} | ${engine} | ${Object.values(per).map(cell).join(' | ')} | ${f(median(all))} |`);
  }
}
