// End-to-end: typed triggers (src/web/content/features/triggers.rs) in Firefox ESR with the built
// add-on (puppeteer-core over WebDriver BiDi, lib/firefox.mjs), on the X (Draft.js), Facebook
// (Lexical) and Mastodon (textarea) reply fixtures under the networks' host names with their strict
// CSP and frame lists. There the insertion goes through the page-world helper
// (extension/insert-main.js: Firefox drops the DataTransfer of events a content script builds).
// As triggers.test.mjs in Chromium: `;merci` then Tab in the reply composer; the text the fixture's
// send button records (the editor's MODEL) equals what the background renders for the commenter
// shown on the page; several lines with emoji and the caret at {{curseur}}; Ctrl+Z at once; a word that is
// not a trigger keeps Tab's default (the focus moves on).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { firefoxSuite } from './lib/firefox.mjs';
import {
  FIREFOX_REPLIES, seedFirefox, expectedFrom, openReplyFirefox, model, expectModel, send, clear, undo,
  composerFocused, sleep,
} from './lib/replies-firefox.mjs';

const suite = firefoxSuite();
let ext;
let uiLang;
// (after firefoxSuite()'s own hook, which starts the browser: the root's hooks do not wait for
// one another)
let seeded;
const ready = () => {
  seeded ??= seedFirefox(suite).then((s) => ({ ext, uiLang } = s));
  return seeded;
};

after(async () => {
  await ext?.close().catch(() => {});
});

for (const c of FIREFOX_REPLIES) {
  test(`Firefox — ${c.name}: ;merci + Tab, several lines, caret, undo — in the model`, async () => {
    await ready();
    const { page, errors } = await openReplyFirefox(suite, c);
    try {
      const merci = await expectedFrom(ext, c, ';merci', uiLang);
      if (c.firstName) assert.ok(merci.text.includes(c.firstName), `${merci.text} names ${c.firstName}`);
      else {
        // no first name to tell (a name like markup): the fallback, never the raw name
        assert.ok(!merci.text.includes('<img'), merci.text);
        assert.ok(!merci.text.includes(c.author), `${merci.text} does not use ${c.author} as a first name`);
      }

      await page.keyboard.type(';merci');
      await sleep(100);
      await page.keyboard.press('Tab');
      await expectModel(page, c, merci.text, 'the rendered template replaced the trigger');
      // read back again ~200 ms later before it counts as done
      await sleep(400);
      assert.ok(await composerFocused(page, c), 'the focus stayed in the composer (Tab’s default prevented)');
      assert.equal(await send(page, c), merci.text, 'what the send button posts');

      // several lines, emoji, the caret at {{curseur}}
      await clear(page, c);
      const multi = await expectedFrom(ext, c, ';multi', uiLang);
      await page.keyboard.type(';multi');
      await page.keyboard.press('Tab');
      await expectModel(page, c, multi.text, 'several lines');
      await sleep(400);
      await page.keyboard.type(' Merci');
      const at = multi.text.slice(0, multi.cursor ?? multi.text.length);
      assert.ok(multi.text.slice(at.length).startsWith('\nÀ bientôt'), 'the cursor is where {{curseur}} was');
      await expectModel(page, c, `${at} Merci${multi.text.slice(at.length)}`, 'typed at {{curseur}}');

      // Ctrl+Z gives back the text before (the trigger as typed)
      await clear(page, c);
      await page.keyboard.type('Bonjour ;merci');
      await sleep(1200);
      await page.keyboard.press('Tab');
      await expectModel(page, c, `Bonjour ${merci.text}`, 'before undo');
      // at once: the text before the insertion comes back and stays (not inserted again)
      await undo(page);
      await expectModel(page, c, 'Bonjour ;merci', 'undone at once', 1000);
      await sleep(400);
      assert.equal(await model(page, c), 'Bonjour ;merci', 'still undone 400 ms later');

      // the full name and handle as written, even when they look like markup
      await clear(page, c);
      const nom = await expectedFrom(ext, c, ';nom', uiLang);
      await page.keyboard.type(';nom');
      await page.keyboard.press('Tab');
      await expectModel(page, c, nom.text, 'full name and handle');
      assert.deepEqual(errors, []);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'no element made from the name');
    } finally {
      await page.close();
    }
  });
}

test('Firefox: Tab after a word that is not a trigger keeps its default', async () => {
  await ready();
  const c = FIREFOX_REPLIES.at(-1);
  const { page, errors } = await openReplyFirefox(suite, c);
  try {
    await page.keyboard.type('merci;merci');
    await page.keyboard.press('Tab');
    await sleep(400);
    assert.equal(await model(page, c), 'merci;merci', 'no trigger inside a word');
    assert.ok(!(await composerFocused(page, c)), 'Tab moved the focus');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
