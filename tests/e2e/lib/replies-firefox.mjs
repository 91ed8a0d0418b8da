// The reply fixtures of lib/replies.mjs driven in Firefox ESR (puppeteer-core over WebDriver BiDi,
// lib/firefox.mjs), for triggers-firefox.test.mjs and picker-firefox.test.mjs: the X (Draft.js),
// Facebook (Lexical) and Mastodon (textarea) replies; the library seeded and renders asked from
// one of the add-on's pages, as the Chromium tests do from theirs; a key pressed in the browser
// window itself (where Firefox looks up the `commands` shortcuts) rather than in the page.
import assert from 'node:assert/strict';
import { REPLIES } from './replies.mjs';
import { ask, seedFrom } from './library.mjs';
import { openPage, openAddonPage, waitForBadge } from './firefox.mjs';

/** Draft.js, Lexical and a textarea: the editors Firefox is proven on. */
export const FIREFOX_REPLIES = ['X (Draft.js)', 'Facebook (Lexical)', 'Mastodon (textarea)'].map((prefix) => {
  const c = REPLIES.find((r) => r.name.startsWith(prefix));
  assert.ok(c, prefix);
  return c;
});

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Seeds the library (starter + the tests' templates) from an add-on page kept open for the
 * file's renders; resolves to that page and the UI language the add-on speaks.
 */
export async function seedFirefox(suite) {
  const ext = await openAddonPage(suite, 'options.html');
  await seedFrom(ext);
  const uiLang = await ext.evaluate(() => chrome.i18n.getMessage('ext_locale'));
  return { ext, uiLang };
}

/** What the background renders for `request` (`{trigger|id, context, platform}`), asked from `ext`. */
export async function renderedFrom(ext, request) {
  const r = await ask(ext, { kind: 'render', ...request });
  if (r?.kind !== 'rendered') throw new Error(`render: ${JSON.stringify(r)}`);
  return r;
}

/** What the background renders with `trigger` for this fixture's commenter (as written here). */
export const expectedFrom = (ext, c, trigger, lang) =>
  renderedFrom(ext, {
    trigger,
    platform: c.platform,
    context: { author: c.author, handle: c.handle, comment_lang: c.lang, lang },
  });

/**
 * The fixture in a new tab at the front, its composer focused and the badge shown;
 * `beforeLoad(page)`, when given, runs before it is loaded.
 */
export async function openReplyFirefox(suite, c, { beforeLoad } = {}) {
  const url = new URL(c.url);
  const { page, errors } = await openPage(suite, url.hostname, `${url.pathname}${url.search}`, { beforeLoad });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.waitForFunction(() => window.__fixture?.ready, { timeout: 20000 });
  await page.bringToFront();
  await page.focus(c.composer);
  await waitForBadge(page, (x) => x.visible, { what: 'the badge' });
  return { page, errors };
}

// the model read and awaited as in Chromium: page.evaluate is the same in both drivers
export { model, expectModel } from './replies.mjs';

/** The composer holds the focus (itself or an element inside it). */
export const composerFocused = (page, c) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el === document.activeElement || el.contains(document.activeElement);
  }, c.composer);

/** Clicks the send button next to the composer, once enabled; resolves to what it posted (the model). */
export async function send(page, c) {
  await page.waitForFunction((sel) => {
    const b = document.querySelector(sel).closest('.composer-box, .card, form')?.querySelector('[data-fixture-send]')
      ?? document.querySelector('[data-fixture-send]');
    return b && !b.disabled;
  }, { timeout: 4000 }, c.composer);
  return page.evaluate((sel) => {
    window.__sent = undefined;
    const b = document.querySelector(sel).closest('.composer-box, .card, form')?.querySelector('[data-fixture-send]')
      ?? document.querySelector('[data-fixture-send]');
    b.click();
    return window.__sent;
  }, c.composer);
}

/** Empties the composer with the keyboard, as a user does. */
export async function clear(page, c) {
  await page.focus(c.composer);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.waitForFunction((sel) => window.__fixture.modelText(sel).trim() === '', { timeout: 4000 }, c.composer);
}

/** Ctrl+Z in the page. */
export async function undo(page) {
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
}

const KEYS = {
  Alt: { key: 'Alt', code: 'AltLeft', keyCode: 18 },
  Shift: { key: 'Shift', code: 'ShiftLeft', keyCode: 16 },
  Ctrl: { key: 'Control', code: 'ControlLeft', keyCode: 17 },
};

/**
 * Presses `shortcut` ("Alt+Shift+R", as `commands.getAll()` gives it) in the browser window. The
 * page's keyboard (WebDriver BiDi's key actions) cannot: its keys are dispatched in the page's
 * process, where Firefox does not look up the add-ons' `commands`, and BiDi refuses key actions in
 * the browser window ("does not support browsing contexts in privileged (chrome) scope"). The
 * keys go through nsITextInputProcessor — what WebDriver's key actions use in a page — in the
 * window of the browser (reachable with --remote-allow-system-access), so they take the path of a
 * key the user presses: the window's key handling, Firefox's shortcut of the `commands` entry,
 * its `commands.onCommand` in the background.
 */
export async function pressInBrowserWindow(suite, shortcut) {
  const parts = shortcut.split('+');
  const letter = parts.pop();
  assert.match(letter, /^[A-Z]$/, `a letter key: ${shortcut}`);
  const mods = parts.map((m) => {
    assert.ok(KEYS[m], `modifier ${m} of ${shortcut}`);
    return KEYS[m];
  });
  const key = { key: letter, code: `Key${letter}`, keyCode: letter.charCodeAt(0) };
  const expression = `(() => {
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) return 'busy';
    const ev = (k) => new KeyboardEvent('', k);
    const mods = ${JSON.stringify(mods)};
    const key = ${JSON.stringify(key)};
    for (const m of mods) tip.keydown(ev(m));
    tip.keydown(ev(key));
    tip.keyup(ev(key));
    for (const m of mods.reverse()) tip.keyup(ev(m));
    return 'pressed';
  })()`;
  assert.equal(await inBrowserWindow(suite, expression), 'pressed');
}

/** Evaluates `expression` in the browser window (privileged scope); resolves to its value. */
async function inBrowserWindow(suite, expression) {
  const conn = suite.browser.connection;
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const window = tree.result.contexts.find((w) => w.url === 'chrome://browser/content/browser.xhtml');
  assert.ok(window, 'the browser window');
  const r = await conn.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: false });
  assert.equal(r.result?.type, 'success', JSON.stringify(r.result));
  return r.result.result?.value;
}

/** The colour scheme pages and the add-on's frames are shown in ('light' or 'dark'). */
export async function colorScheme(suite, scheme) {
  const value = { dark: 0, light: 1 }[scheme];
  assert.notEqual(value, undefined, scheme);
  await inBrowserWindow(suite, `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${value})`);
}
