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
import { launch, waitForBadge, forgetWasmRefusals, ROOT } from './lib/chromium.mjs';
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
  // (mastodon.social is served strict by the other cases: the real-wasm case forgets its refusal)
  if (c.page.includes('csp=none')) await forgetWasmRefusals(browser.worker);
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`https://mastodon.social/${c.page}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__fixture?.ready);
  await page.locator(c.composer).first().focus();
  // the core is loaded and follows the composer once the badge shows
  const wasm = c.page.includes('csp=none');
  await waitForBadge(page, (b) => b.visible && b.engine === (wasm ? 'wasm' : 'wasm2js'), { what: 'the badge' });
  return { page, errors };
}

/** Clicks the fixture's send button next to the composer (enabled once its model has text). */
async function send(page, c) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    for (let box = el.parentElement; box; box = box.parentElement) {
      const b = box.querySelector('[data-fixture-send]');
      if (b) return !b.disabled;
    }
    return false;
  }, c.composer);
  return page.evaluate((sel) => {
    window.__sent = undefined;
    const el = document.querySelector(sel);
    for (let box = el.parentElement; box; box = box.parentElement) {
      const b = box.querySelector('[data-fixture-send]');
      if (b) {
        b.click();
        break;
      }
    }
    return window.__sent;
  }, c.composer);
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
      // the fixture's send button posts the editor's model: exactly the text inserted
      assert.equal(norm(c, await send(page, c)), norm(c, MULTI), 'what the send button posts');

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

function findNode(node, name) {
  if (node.nodeName === name) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, name);
    if (found) return found;
  }
  return null;
}

/** Runs `fn` (a function source) on the insertion notice's box, inside its closed shadow root. */
async function onNotice(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const host = findNode(root, 'PORTE-VOIX-INSERT-NOTICE');
    const shadow = host?.shadowRoots?.[0];
    const box = shadow && findNode(shadow, 'DIV');
    if (!box) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: box.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: fn,
    });
    return { ...result.value, shadowRootType: shadow.shadowRootType };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

const readNotice = (page) =>
  onNotice(
    page,
    `function () {
      const host = this.getRootNode().host;
      const r = this.getBoundingClientRect();
      return { visible: host.hasAttribute('data-visible') && r.width > 0, code: host.dataset.code,
        role: this.getAttribute('role'), text: this.querySelector('.text').textContent,
        button: this.querySelector('button').textContent, background: getComputedStyle(this).backgroundColor,
        rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }`,
  );

async function waitForNotice(page, predicate, what) {
  const end = Date.now() + 5000;
  let last = null;
  while (Date.now() < end) {
    last = await readNotice(page);
    if (last && predicate(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}; last notice: ${JSON.stringify(last)}`);
}

test('an editor that swallows programmatic input: the text is copied, a notice asks for Ctrl+V, which works', async () => {
  const c = { page: 'insert/stubborn.html', composer: '[data-fixture="stubborn"]:not(.fx-late)' };
  await browser.context.grantPermissions(['clipboard-read'], { origin: 'https://mastodon.social' });
  const { page, errors } = await open(c);
  try {
    // the request follows a key press, as a typed trigger's Tab or the picker's Enter does: the
    // page has the user activation the clipboard asks for
    await page.keyboard.type('Bonjour ');
    const text = 'Merci Chloé ! 👋🏽\nÀ bientôt';
    const r = await insert(page, { text });
    assert.deepEqual(r, { ok: false, code: 'insert.copied' });
    assert.equal((await model(page, c)).trim(), 'Bonjour', 'nothing went in');
    const notice = await waitForNotice(page, (n) => n.visible, 'the clipboard notice');
    assert.equal(notice.text, t('error_insert_copied'));
    assert.equal(notice.role, 'status');
    assert.equal(notice.button, t('error_dismiss'));
    assert.equal(notice.shadowRootType, 'closed');
    // next to the composer: just below it, left-aligned with it
    const box = await page.locator(c.composer).boundingBox();
    assert.ok(Math.abs(notice.rect.y - (box.y + box.height + 8)) < 2, `below the composer: ${JSON.stringify([notice.rect, box])}`);
    assert.ok(Math.abs(notice.rect.x - box.x) < 2);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
    await page.screenshot({ path: join(OUT, 'insert-notice-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await readNotice(page);
    assert.notEqual(dark.background, notice.background, 'dark mode has its own colours');
    await page.screenshot({ path: join(OUT, 'insert-notice-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    // the user's Ctrl+V (a trusted paste) goes in
    await page.locator(c.composer).focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+V');
    await page.waitForFunction((sel) => window.__fixture.modelText(sel).includes('À bientôt'), c.composer);
    assert.equal((await model(page, c)).replace(/\n+/g, '\n').trim(), `Bonjour ${text}`);
    // dismissed with its button
    await onNotice(page, 'function () { this.querySelector("button").click(); return {}; }');
    assert.equal((await readNotice(page)).visible, false);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('verified insertion: the send button enabled, no notice; a send button that stays disabled is reported', async () => {
  const c = { page: 'insert/send.html', composer: '.fx-ok textarea' };
  const { page, errors } = await open(c);
  try {
    let r = await insert(page, { text: 'Merci Zoé 🙏' });
    assert.deepEqual(r, { ok: true });
    await page.waitForTimeout(900);
    const quiet = await readNotice(page);
    assert.ok(!quiet?.visible, `no notice when the send button is enabled: ${JSON.stringify(quiet)}`);
    assert.equal(await send(page, c), 'Merci Zoé 🙏');

    await page.locator('.fx-stuck textarea').focus();
    r = await insert(page, { text: 'Bonne journée !' });
    assert.deepEqual(r, { ok: true }, 'the text itself went in');
    assert.equal(await model(page, { composer: '.fx-stuck textarea' }), 'Bonne journée !');
    const notice = await waitForNotice(page, (n) => n.visible, 'the send-disabled notice');
    assert.equal(notice.code, 'insert.send_disabled');
    assert.equal(notice.text, t('error_insert_send_disabled'));
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

// the time from the request to the text in the model, per technology: benches/browser/insert.mjs

test('text lost when the editor re-renders after the insertion is reported next to the composer', async () => {
  const c = { page: 'insert/stubborn.html', composer: '.fx-late' };
  const { page, errors } = await open(c);
  try {
    const r = await insert(page, { text: 'Merci Zoé 🙏' });
    assert.deepEqual(r, { ok: true }, 'the text was in when read back');
    const notice = await waitForNotice(page, (n) => n.visible, 'the re-render notice');
    assert.equal(notice.code, 'insert.reverted');
    assert.equal(notice.text, t('error_insert_reverted'));
    assert.equal((await model(page, c)).trim(), '', 'the editor did lose it');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
