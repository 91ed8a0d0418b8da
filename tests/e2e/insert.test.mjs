// End-to-end: inserting text into every editor technology's composer (src/web/content/insert.rs,
// src/web/editors/insert.rs), in Chromium with the built extension. The request is the one the
// template picker sends: `chrome.tabs.sendMessage(tab, {kind: 'insert_text', text, cursor?,
// trigger?})` from the extension (here its service worker). Each fixture page hosts the real
// library from npm; the proof is the editor's MODEL text read with the library's own API
// (window.__fixture.modelText), never the DOM: prefix + text + suffix exactly, for one line, several
// lines with a blank one, emoji and accents, in the middle of existing text, over a selection, over
// a typed trigger; Ctrl+Z gives back the text before; the caret lands at the cursor offset (a
// character typed right after goes there). Fixture pages are served with a strict CSP (the
// wasm2js engine) unless the case says `?csp=none` (real wasm).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './lib/server.mjs';
import { launch, waitForBadge, ROOT } from './lib/chromium.mjs';
import { t } from './lib/locales.mjs';
import { buildFixtures } from './build-fixtures.mjs';

const OUT = join(ROOT, 'build/e2e/screenshots');
mkdirSync(OUT, { recursive: true });

const MULTI = 'Bonjour Chloé ! 👋🏽\n\nMerci pour votre message, on regarde ça au plus vite.\nÀ bientôt, l’équipe 🇨🇦 « café » ✅';

const CASES = [
  { name: 'Draft.js', page: 'editors/draft_js.html', composer: '.public-DraftEditor-content' },
  { name: 'Lexical rich text', page: 'editors/lexical.html', composer: '.fx-lexical-rich [data-lexical-editor]' },
  { name: 'Lexical plain text', page: 'editors/lexical.html', composer: '.fx-lexical-plain [data-lexical-editor]' },
  // a real paste into TipTap merges a blank line into one paragraph break; execCommand keeps it
  { name: 'TipTap (ProseMirror)', page: 'editors/prosemirror.html', composer: '.fx-pm-extension .ProseMirror' },
  { name: 'Quill', page: 'editors/quill.html', composer: '.ql-editor' },
  { name: 'React textarea', page: 'editors/text_field.html', composer: 'textarea.autosuggest-textarea__textarea' },
  { name: 'plain textarea (real wasm)', page: 'plain.html?csp=none', composer: '#plain-textarea' },
  {
    name: 'bare contenteditable',
    page: 'editors/contenteditable.html',
    composer: '[contenteditable="true"]',
    // no model but its DOM, whose innerText doubles a blank line (<div><br></div>)
    model: (text) => text.replace(/\n+/g, '\n').replace(/\n$/, ''),
  },
];

let server;
let browser;

before(async () => {
  await buildFixtures();
  server = await startServer();
  browser = await launch({ port: server.port });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Sends the picker's request to the page's content script, from the extension's service worker. */
async function insert(page, request) {
  const url = page.url();
  return browser.worker.evaluate(
    async ([u, msg]) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((x) => x.url === u) ?? tabs.find((x) => x.active);
      return chrome.tabs.sendMessage(tab.id, { kind: 'insert_text', ...msg });
    },
    [url, request],
  );
}

async function open(c) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`https://mastodon.social/${c.page}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__fixture?.ready);
  await page.locator(c.composer).first().focus();
  // the core is loaded and follows the composer once the badge shows
  await waitForBadge(page, (b) => b.visible, { what: 'the badge' });
  return { page, errors };
}

const model = (page, c) => page.evaluate((sel) => window.__fixture.modelText(sel), c.composer);
const norm = (c, s) => (c.model ? c.model(s) : s);

async function clear(page, c) {
  await page.locator(c.composer).first().focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  // (the bare contenteditable draws a non-editable hint inside itself once empty)
  await page.waitForFunction(
    (sel) => window.__fixture.modelText(sel).trim() === '' || document.querySelector(`${sel} .fx-inside-hint`),
    c.composer,
  );
}

async function expectModel(page, c, want, what) {
  const end = Date.now() + 3000;
  let got;
  while (Date.now() < end) {
    got = norm(c, await model(page, c));
    if (got === norm(c, want)) return;
    await page.waitForTimeout(50);
  }
  assert.equal(got, norm(c, want), what);
}

for (const c of CASES) {
  test(`${c.name}: one line, several lines, middle, selection, trigger, undo, caret — in the model`, async () => {
    const { page, errors } = await open(c);
    try {
      // one line into the empty composer
      let r = await insert(page, { text: 'Merci Chloé ! 🙏' });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, 'Merci Chloé ! 🙏', 'one line');

      // several lines with a blank one, emoji and accents
      await clear(page, c);
      r = await insert(page, { text: MULTI });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, MULTI, 'several lines');

      // at the caret in the middle of existing text
      await clear(page, c);
      await page.keyboard.type('Avant après');
      for (let i = 0; i < 'après'.length; i++) await page.keyboard.press('ArrowLeft');
      await page.waitForTimeout(150);
      r = await insert(page, { text: 'milieu 👋🏽 ' });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, 'Avant milieu 👋🏽 après', 'in the middle');

      // over a selection
      await clear(page, c);
      await page.keyboard.type('Salut XXX !');
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
      await page.waitForTimeout(150);
      r = await insert(page, { text: 'Zoë' });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, 'Salut Zoë !', 'over the selection');

      // over a typed trigger
      await clear(page, c);
      await page.keyboard.type('Bonjour ;merci');
      r = await insert(page, { text: 'Merci beaucoup, Gaétan 🙏', trigger: ';merci' });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, 'Bonjour Merci beaucoup, Gaétan 🙏', 'over the trigger');

      // Ctrl+Z gives back the text before the insertion (editors merge edits made within 1 s)
      await clear(page, c);
      await page.keyboard.type('Bonjour ');
      await page.waitForTimeout(1200);
      r = await insert(page, { text: 'Chloé,\nà bientôt' });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, 'Bonjour Chloé,\nà bientôt', 'before undo');
      await page.keyboard.press('Control+Z');
      await expectModel(page, c, 'Bonjour ', 'undo');

      // the caret at the cursor offset: what is typed next goes there
      await clear(page, c);
      r = await insert(page, { text: 'Bonjour , à bientôt 👋🏽', cursor: 'Bonjour '.length });
      assert.deepEqual(r, { ok: true });
      await page.keyboard.type('Zoé');
      await expectModel(page, c, 'Bonjour Zoé, à bientôt 👋🏽', 'typed at the cursor offset');
      // and after the text without one
      await clear(page, c);
      await insert(page, { text: 'Merci 🙏' });
      await page.keyboard.type(' !');
      await expectModel(page, c, 'Merci 🙏 !', 'typed after the text');

      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}
