// End-to-end: typed triggers (src/web/content/features/triggers.rs) in Chromium with the built
// extension, on reply fixtures served under the networks' host names with a strict CSP (no
// 'wasm-unsafe-eval': the wasm2js engine) and frame lists like the real sites'. The library is
// seeded through the background's own store requests (the starter library and two test
// templates). For each network: type `;merci` then Tab in the reply composer; the text the
// fixture's send button records (the editor's MODEL, window.__sent) must equal what the
// background renders for the commenter shown on the page (name read from the page, first name
// taken by the core). Networks: X, Facebook, LinkedIn, Bluesky, Mastodon, Threads (a reply in a
// modal dialog), Instagram (a comment box that mounts late, a DM reached by single-page
// navigation), Reddit and YouTube (reply boxes opened under a comment) and TikTok — see
// lib/replies.mjs. Also: several lines with emoji and the caret at {{curseur}}, undo at once and
// typing on at once after the insertion (neither read as a failed attempt), a key
// that is not the trigger key, a word that is not a trigger (Tab keeps its default), the
// trigger list refreshed when a template is added, a commenter named like markup, and the trigger
// key changed in the options page (the open tab follows it at once).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { extensionPage, ask } from './lib/library.mjs';
import { startReplyBrowser, REPLIES, openReply, model, expectModel, send, clear, expected, inserted, stays } from './lib/replies.mjs';
import { t } from './lib/locales.mjs';

let env;
let browser;
let uiLang;

before(async () => {
  env = await startReplyBrowser();
  ({ browser, uiLang } = env);
});

after(() => env?.close());

/** Waits until the store says template `id` was used at least `n` times. */
async function usedAtLeast(id, n) {
  const ext = await extensionPage(browser);
  try {
    const end = Date.now() + 5000;
    let uses = 0;
    while (Date.now() < end) {
      const got = await ask(ext, { kind: 'store_get', collection: 'templates', id });
      uses = got.record?.body?.uses ?? 0;
      if (uses >= n) return;
      await ext.waitForTimeout(100);
    }
    assert.fail(`${id} used ${uses} times, expected at least ${n}`);
  } finally {
    await ext.close();
  }
}

/** Waits until the caret in the composer comes right after `tail` (the text before it, as drawn). */
function caretAfter(page, c, tail) {
  return page.waitForFunction(([sel, want]) => {
    const el = document.querySelector(sel);
    if (el instanceof HTMLTextAreaElement) return el.value.slice(0, el.selectionEnd).endsWith(want);
    const s = getSelection();
    if (!s.rangeCount || !el.contains(s.focusNode)) return false;
    const r = document.createRange();
    r.selectNodeContents(el);
    r.setEnd(s.focusNode, s.focusOffset);
    return r.toString().endsWith(want);
  }, [c.composer, tail], { timeout: 4000 });
}

// The fixtures are independent (each its own page, host and composer; nothing here is timed):
// several at once, each page with its own keyboard and focus.
describe('typed triggers on every reply fixture', { concurrency: 3 }, () => {
  for (const c of REPLIES) {
    test(`${c.name}: ;merci + Tab, several lines, caret, undo — in the model`, async () => {
      const { page, errors } = await openReply(browser, c);
      try {
        const merci = await expected(browser, c, ';merci', uiLang);
        if (c.firstName) assert.ok(merci.text.includes(c.firstName), `${merci.text} names ${c.firstName}`);
        else {
          // no first name to tell (markup, a user name): the fallback, never the raw name
          assert.ok(!merci.text.includes('<img'), merci.text);
          assert.ok(!merci.text.includes(c.author), `${merci.text} does not use ${c.author} as a first name`);
        }

        await page.keyboard.type(';merci');
        await page.waitForTimeout(100);
        await page.keyboard.press('Tab');
        await expectModel(page, c, merci.text, 'the rendered template replaced the trigger');
        // the insertion is read back again ~200 ms later before it counts as done (and used):
        // sending sooner empties the composer under it
        await page.waitForTimeout(400);
        // the focus stayed in the composer (Tab's default was prevented)
        assert.ok(await page.evaluate((sel) => document.querySelector(sel).contains(document.activeElement) || document.activeElement.matches(sel), c.composer));
        assert.equal(await send(page, c), merci.text, 'what the send button posts');

        // several lines, emoji, the caret at {{curseur}}
        await clear(page, c);
        const multi = await expected(browser, c, ';multi', uiLang);
        await page.keyboard.type(';multi');
        await page.keyboard.press('Tab');
        await expectModel(page, c, multi.text, 'several lines');
        // the caret moves to {{curseur}} once the insertion is read back as right (two frames and
        // a few ms after the text is in): typed on once it is there
        const at = multi.text.slice(0, multi.cursor ?? multi.text.length);
        assert.ok(multi.text.slice(at.length).startsWith('\nÀ bientôt'), 'the cursor is where {{curseur}} was');
        await caretAfter(page, c, at.split('\n').at(-1));
        await page.keyboard.type(' Merci');
        await expectModel(page, c, `${at} Merci${multi.text.slice(at.length)}`, 'typed at {{curseur}}');

        // Ctrl+Z at once (within the insertion's first read-back), and again once that is over:
        // the text before the insertion (the trigger as typed) comes back and stays — never
        // inserted again by a next technique, no clipboard notice
        for (const pause of [0, 150]) {
          await clear(page, c);
          await page.keyboard.type('Bonjour ;merci');
          await page.waitForTimeout(1200);
          await page.keyboard.press('Tab');
          await inserted(page, c, `Bonjour ${merci.text}`, 'before undo');
          if (pause) await page.waitForTimeout(pause);
          await page.keyboard.press('Control+Z');
          await stays(page, c, 'Bonjour ;merci', `undone ${pause} ms after the insertion`);
        }

        // typing right after the insertion goes on after the text, undisturbed
        await clear(page, c);
        await page.keyboard.type(';merci');
        await page.keyboard.press('Tab');
        await inserted(page, c, merci.text, 'before typing on');
        await page.keyboard.type(' À+ 🙂');
        await stays(page, c, `${merci.text} À+ 🙂`, 'typed on at once');

        // the full name and handle as written, even when they look like markup
        await clear(page, c);
        const nom = await expected(browser, c, ';nom', uiLang);
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
});

test('Tab after a word that is not a trigger keeps its default; the list follows the library', async () => {
  const c = REPLIES[4];
  const { page, errors } = await openReply(browser, c);
  try {
    await page.keyboard.type('merci;merci');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(400);
    assert.equal(await model(page, c), 'merci;merci', 'no trigger inside a word');
    assert.ok(!(await page.evaluate((sel) => document.activeElement.matches(sel), c.composer)), 'Tab moved the focus');

    // a template added in the library: its trigger works without reloading the page
    const ext = await extensionPage(browser);
    const r = await ask(ext, {
      kind: 'store_put', collection: 'templates', id: 'test.late',
      body: { id: 'test.late', title: 'Ajouté après', lang: 'fr-CA', body: 'Ajouté à l’instant ✨', trigger: ';tard', tags: [], networks: [], variants: [], created: 0, updated: 0, revision: 1, uses: 0 },
    });
    assert.equal(r.kind, 'store_saved');
    await ext.close();
    await clear(page, c);
    await page.waitForTimeout(300);
    await page.keyboard.type(';tard');
    await page.keyboard.press('Tab');
    await expectModel(page, c, 'Ajouté à l’instant ✨', 'the new trigger');
    // its use is recorded (after the insertion is verified)
    await usedAtLeast('test.late', 1);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('use counts: a triggered template comes first in the picker’s empty search', async () => {
  const page = await extensionPage(browser);
  try {
    const r = await ask(page, { kind: 'template_search', query: '', limit: 3 });
    assert.equal(r.kind, 'search_results');
    assert.equal(r.results[0].id, 'test.late', JSON.stringify(r.results));
    const got = await ask(page, { kind: 'store_get', collection: 'templates', id: 'starter.merci' });
    // at least one per network (an insertion undone at once was made all the same)
    assert.ok(got.record.body.uses >= REPLIES.length, JSON.stringify(got.record));
  } finally {
    await page.close();
  }
});

test('the trigger key chosen in the options page (keyboard): Space then fires the trigger in an open tab, Tab no longer does', async () => {
  const c = REPLIES.find((r) => r.name.startsWith('X'));
  const { page, errors } = await openReply(browser, c);
  const options = await browser.context.newPage();
  try {
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    // labelled from _locales, Tab chosen by default, Enter not offered
    const label = await options.evaluate(() => document.querySelector('label[for="trigger-key"]').textContent);
    assert.equal(label, t('options_trigger_key', [], uiLang));
    assert.equal(await options.locator('#trigger-key').inputValue(), 'Tab');
    const offered = await options.locator('#trigger-key option').allTextContents();
    assert.deepEqual(offered, [t('options_trigger_key_tab', [], uiLang), t('options_trigger_key_space', [], uiLang)]);
    // keyboard only: to the field, the next key, to the save button, Enter
    await options.locator('#mastodon-limit').focus();
    await options.keyboard.press('Tab');
    assert.equal(await options.evaluate(() => document.activeElement.id), 'trigger-key');
    await options.keyboard.press('ArrowDown');
    assert.equal(await options.locator('#trigger-key').inputValue(), ' ');
    await options.keyboard.press('Tab');
    await options.keyboard.press('Enter');
    await options.waitForFunction((saved) => document.getElementById('save-status').textContent === saved, t('options_saved', [], uiLang));
    assert.equal(await options.evaluate(async () => (await chrome.storage.local.get('settings')).settings.trigger_key), ' ');

    // the open tab follows at once: Space fires the trigger, Tab keeps its default
    const merci = await expected(browser, c, ';merci', uiLang);
    await page.bringToFront();
    await page.locator(c.composer).first().focus();
    await page.waitForTimeout(300);
    await page.keyboard.type(';merci');
    await page.keyboard.press('Space');
    await expectModel(page, c, merci.text, 'Space replaced the trigger');
    await page.waitForTimeout(400);
    await clear(page, c);
    await page.keyboard.type(';merci');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(400);
    assert.equal(await model(page, c), ';merci', 'Tab is no longer the trigger key');
    assert.deepEqual(errors, []);
  } finally {
    await options.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      delete settings.trigger_key;
      await chrome.storage.local.set({ settings });
    });
    await options.close();
    await page.close();
  }
});
