// Insertion: from the picker's request to the text in the editor's MODEL, per editor technology.
// In Chromium with the built extension, on the editor fixtures served under mastodon.social with
// a strict CSP (the wasm2js engine): Draft.js, Lexical rich text, Quill and a React textarea. Per
// run: the composer emptied, the page set to watch its model (the editor's own API,
// window.__fixture.modelText, checked on every DOM mutation and every millisecond) before the
// request leaves, then `chrome.tabs.sendMessage(tab, {kind: 'insert_text', text})` from the
// extension's service worker; the figure is from the request sent to the model equal to the text,
// on the same clock (the trip from Node through the service worker included).
// Usage: node benches/browser/insert.mjs [EXT_DIR]   (after scripts/build.sh); RUNS=7 by default.
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../tests/e2e/lib/server.mjs';
import { launch, waitForBadge } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXT = resolve(process.argv[2] ?? join(ROOT, 'dist/chrome'));
const RUNS = Number(process.env.RUNS ?? 7);
const CASES = [
  { name: 'Draft.js', page: 'editors/draft_js.html', composer: '.public-DraftEditor-content' },
  { name: 'Lexical rich text', page: 'editors/lexical.html', composer: '.fx-lexical-rich [data-lexical-editor]' },
  { name: 'Quill', page: 'editors/quill.html', composer: '.ql-editor' },
  { name: 'React textarea', page: 'editors/text_field.html', composer: 'textarea.autosuggest-textarea__textarea' },
];
const sorted = (xs) => [...xs].sort((a, b) => a - b);

await buildFixtures();
const server = await startServer();
const browser = await launch({ port: server.port, extDir: EXT });
try {
  console.log(`# insertion, request → model (ms), ${RUNS} runs per technology, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (const c of CASES) {
    const page = await browser.context.newPage();
    await page.goto(`https://mastodon.social/${c.page}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__fixture?.ready);
    await page.locator(c.composer).first().focus();
    await waitForBadge(page, (b) => b.visible, { what: 'the badge' });
    await page.bringToFront();
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      await page.locator(c.composer).first().focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.waitForFunction((sel) => window.__fixture.modelText(sel).trim() === '', c.composer);
      const want = `Merci Chloé ${i} 🙏`;
      // the page watches its model from before the request leaves the extension
      const done = page.evaluate(
        ([sel, w]) =>
          new Promise((ok) => {
            const check = () => {
              if (window.__fixture.modelText(sel) === w) {
                ok(Date.now());
                return true;
              }
              return false;
            };
            const observer = new MutationObserver(() => check() && observer.disconnect());
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            const poll = () => check() || setTimeout(poll, 1);
            poll();
          }),
        [c.composer, want],
      );
      await page.waitForTimeout(20);
      const sentAt = Date.now();
      const r = await browser.worker.evaluate(async (msg) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.tabs.sendMessage(tab.id, { kind: 'insert_text', ...msg });
      }, { text: want });
      if (r?.ok !== true) throw new Error(`${c.name}: ${JSON.stringify(r)}`);
      runs.push((await done) - sentAt);
    }
    const s = sorted(runs);
    console.log(`${c.name}: median ${s[Math.floor(s.length / 2)]} ms (min ${s[0]}, max ${s.at(-1)})`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
