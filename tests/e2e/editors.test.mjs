// End-to-end, one test per editor technology (src/web/editors/<technology>.rs): each fixture page
// hosts the real library from npm (tests/fixtures/editors/) on a host the extension serves
// (Mastodon: graphemes, limit 500, strict CSP: the wasm2js engine). The badge must count exactly
// the editor's MODEL text, read with the library's own API (window.__fixture.modelText): multi-line
// with a blank line, emoji (skin tones, ZWJ, flags), accents and French punctuation. An empty
// composer whose placeholder is drawn INSIDE the editable element must show 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './lib/server.mjs';
import { launch, waitForBadge, ROOT } from './lib/chromium.mjs';
import { buildFixtures } from './build-fixtures.mjs';

const OUT = join(ROOT, 'build/e2e/screenshots');
mkdirSync(OUT, { recursive: true });

/** Mastodon counts grapheme clusters (no links or mentions in these texts). */
const graphemes = (text) => [...new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(text)].length;

const LINES = [
  'Bonjour Chloé ! 👋🏽',
  '',
  'Merci pour ta question sur la livraison à Québec 🇨🇦',
  'À bientôt, l’équipe 👩🏽‍💻 « café » ✅',
];

/**
 * One composer per case. `inside`: runs in the page on the editable element and says whether
 * the placeholder is drawn inside it (so the case really tests skipping it).
 */
const CASES = [
  { tech: 'text_field', name: 'React textarea', composer: 'textarea.autosuggest-textarea__textarea' },
  { tech: 'draft_js', name: 'Draft.js', composer: '.public-DraftEditor-content' },
  { tech: 'lexical', name: 'Lexical rich text', composer: '.fx-lexical-rich [data-lexical-editor]' },
  { tech: 'lexical', name: 'Lexical plain text', composer: '.fx-lexical-plain [data-lexical-editor]' },
  {
    tech: 'prosemirror',
    name: 'TipTap, Placeholder extension',
    composer: '.fx-pm-extension .ProseMirror',
    inside: (el) => el.querySelector('p[data-placeholder].is-editor-empty') !== null,
  },
  {
    tech: 'prosemirror',
    name: 'ProseMirror, placeholder as a widget decoration',
    composer: '.fx-pm-widget .ProseMirror',
    inside: (el) => el.textContent.includes('Écrivez votre réponse'),
  },
  { tech: 'quill', name: 'Quill', composer: '.ql-editor', inside: (el) => el.classList.contains('ql-blank') },
  {
    tech: 'contenteditable',
    name: 'bare contenteditable, a non-editable hint inside',
    composer: '[contenteditable="true"]',
    inside: (el) => el.textContent.includes('Ajoutez un commentaire'),
    // no model but the DOM, whose innerText counts a blank line `<div><br></div>` twice
    // (a blank line is `<div><br></div>`): the typed lines are the reference, innerText only a
    // sanity check
    noModel: true,
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

for (const c of CASES) {
  test(`${c.tech} — ${c.name}: empty with its placeholder shows 0; the badge counts the model text`, async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(`https://mastodon.social/editors/${c.tech}.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__fixture?.ready);
      const field = page.locator(c.composer).first();
      await field.focus();
      if (c.inside) assert.ok(await field.evaluate(c.inside), 'the placeholder is drawn inside the editable element');
      let badge = await waitForBadge(page, (b) => b.visible && b.text === '0 / 500', { what: '0 / 500 on the empty composer' });
      assert.equal(badge.platform, 'mastodon');
      assert.equal(badge.engine, 'wasm2js', 'strict CSP: the JS engine');

      for (const [i, line] of LINES.entries()) {
        if (i > 0) await page.keyboard.press('Enter');
        if (i === 0) await page.keyboard.type(line);
        else if (line) await page.keyboard.insertText(line);
      }
      const typed = LINES.join('\n');
      const model = c.noModel ? typed : await page.evaluate((sel) => window.__fixture.modelText(sel), c.composer);
      assert.equal(model, typed, 'the editor holds what was typed');
      if (c.noModel) {
        const shown = await page.evaluate((sel) => window.__fixture.modelText(sel), c.composer);
        assert.equal(shown.replace(/\n+/g, '\n'), typed.replace(/\n+/g, '\n'), 'the DOM shows the typed lines');
      }
      const want = `${graphemes(model)} / 500`;
      badge = await waitForBadge(page, (b) => b.text === want, { what: want });
      assert.equal(badge.state, 'ok');
      if (c.tech === 'prosemirror' && c.composer.includes('widget')) {
        await page.screenshot({ path: join(OUT, 'editors-prosemirror.png') });
      }

      // emptied again: the placeholder comes back, the count goes back to 0
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      if (!c.noModel) {
        assert.equal(await page.evaluate((sel) => window.__fixture.modelText(sel), c.composer), '');
      }
      await waitForBadge(page, (b) => b.text === '0 / 500', { what: '0 / 500 once emptied' });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}
