// End-to-end insertion in Firefox ESR (puppeteer-core over WebDriver BiDi, as firefox.test.mjs):
// Firefox drops the DataTransfer of events built in a content script, so paste and beforeinput go
// through the page-world helper (extension/insert-main.js), and its execCommand('insertText') turns
// line breaks into <br>. The request comes from an extension page (the options page stands in for
// the picker's frame) with browser.tabs.sendMessage; the proof is the editor's MODEL text (read
// with the library's API): Draft.js, Lexical and a textarea, one line, several lines with a blank
// one, over a typed trigger; Ctrl+Z gives back the text before; the caret lands at the cursor offset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer, HOSTS } from './lib/server.mjs';
import { ROOT } from './lib/chromium.mjs';
import { buildFixtures } from './build-fixtures.mjs';

const ADDON_ID = 'porte-voix@porte-voix.org';
const ADDON_UUID = '5d0c1e0e-7a43-4d6a-9a55-2b1f4c3e8a02';
const MULTI = 'Bonjour Chloé ! 👋🏽\n\nMerci pour votre message.\nÀ bientôt, l’équipe 🇨🇦';

const CASES = [
  { name: 'Draft.js', page: 'editors/draft_js.html', composer: '.public-DraftEditor-content' },
  { name: 'Lexical', page: 'editors/lexical.html', composer: '.fx-lexical-rich [data-lexical-editor]' },
  { name: 'textarea', page: 'plain.html', composer: '#plain-textarea' },
];

let server;
let browser;
let options;

before(async () => {
  await buildFixtures();
  server = await startServer();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'intl.locale.requested': 'fr',
      'network.dns.localDomains': Object.keys(HOSTS).flatMap((h) => [h, `www.${h}`]).join(','),
      'network.proxy.type': 0,
    },
  });
  await browser.installExtension(join(ROOT, 'dist/firefox'));
  options = await browser.newPage();
  options.goto(`moz-extension://${ADDON_UUID}/options.html`, { timeout: 10000 }).catch(() => {});
  await options.waitForFunction(() => document.body?.dataset.ready === 'true', { timeout: 20000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Sends the picker's request from an extension page to the fixture's tab. */
async function insert(page, request) {
  const url = page.url();
  return options.evaluate(
    async (u, msg) => {
      const tabs = await browser.tabs.query({});
      const tab = tabs.find((x) => x.url === u) ?? tabs.find((x) => x.active);
      return browser.tabs.sendMessage(tab.id, { kind: 'insert_text', ...msg });
    },
    url,
    request,
  );
}

const model = (page, c) => page.evaluate((sel) => window.__fixture.modelText(sel), c.composer);

async function expectModel(page, c, want, what) {
  const end = Date.now() + 3000;
  let got;
  while (Date.now() < end) {
    got = await model(page, c);
    if (got === want) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  assert.equal(got, want, what);
}

async function clear(page, c) {
  await page.focus(c.composer);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.waitForFunction((sel) => window.__fixture.modelText(sel) === '', {}, c.composer);
}

for (const c of CASES) {
  test(`Firefox — ${c.name}: one line, several lines, over a trigger, undo, caret — in the model`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(`https://mastodon.social:${server.port}/${c.page}`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__fixture?.ready, { timeout: 20000 });
      await page.bringToFront();
      await page.focus(c.composer);
      await page.waitForFunction(
        () => document.querySelector('porte-voix-badge')?.hasAttribute('data-visible'),
        { timeout: 20000 },
      );

      let r = await insert(page, { text: 'Merci Chloé ! 🙏' });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, 'Merci Chloé ! 🙏', 'one line');

      await clear(page, c);
      r = await insert(page, { text: MULTI });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, MULTI, 'several lines');

      await clear(page, c);
      await page.keyboard.type('Bonjour ;merci');
      r = await insert(page, { text: 'Merci beaucoup, Gaétan 🙏', trigger: ';merci' });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, 'Bonjour Merci beaucoup, Gaétan 🙏', 'over the trigger');

      // Ctrl+Z gives back the text before (editors merge edits made within 1 s)
      await clear(page, c);
      await page.keyboard.type('Bonjour ');
      await new Promise((ok) => setTimeout(ok, 1200));
      r = await insert(page, { text: 'Chloé,\nà bientôt' });
      assert.deepEqual(r, { ok: true });
      await expectModel(page, c, 'Bonjour Chloé,\nà bientôt', 'before undo');
      await page.keyboard.down('Control');
      await page.keyboard.press('z');
      await page.keyboard.up('Control');
      await expectModel(page, c, 'Bonjour ', 'undo');

      // the caret at the cursor offset
      await clear(page, c);
      r = await insert(page, { text: 'Bonjour , à bientôt 👋🏽', cursor: 'Bonjour '.length });
      assert.deepEqual(r, { ok: true });
      await page.keyboard.type('Zoé');
      await expectModel(page, c, 'Bonjour Zoé, à bientôt 👋🏽', 'typed at the cursor offset');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}
