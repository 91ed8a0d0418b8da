// End-to-end: the template picker (src/web/picker.rs in an extension frame, opened by
// src/web/content/picker.rs) in Firefox ESR with the built add-on (puppeteer-core over WebDriver
// BiDi, lib/firefox.mjs), on the X (Draft.js), Facebook (Lexical) and Mastodon (textarea) reply
// fixtures under the networks' host names with their strict CSP and frame lists. The shortcut is
// the `commands` entry's, as Firefox registered it (`commands.getAll()`), pressed in the browser
// window (see pressInBrowserWindow in lib/replies-firefox.mjs: the page's keyboard cannot reach
// Firefox's shortcuts). In Firefox the frame has no `tabs` API and does not hear its tab's content
// script: the background carries their messages (extension/background.js). As picker.test.mjs in
// Chromium: the frame is loaded hidden after the first focus; the shortcut shows it next to the
// composer with the focus in its search box; typing searches (the page sees no keystroke); the
// preview is the template rendered for the page's commenter; Enter inserts it into the editor's
// MODEL (what the send button records); opened again it starts from an empty search with the
// template just used first; Esc closes and the focus is back in the composer. It is never over
// the composer (in a small window it is shortened). Light and dark screenshots
// (build/e2e/screenshots/picker-firefox-*.png), axe on the frame. And the same three fixtures
// under their networks' own CSP (lib/site-csp.mjs): the panel's frame loads there too.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { firefoxSuite } from './lib/firefox.mjs';
import { ROOT } from './lib/chromium.mjs';
import { t } from './lib/locales.mjs';
import {
  FIREFOX_REPLIES, seedFirefox, renderedFrom, openReplyFirefox, model, expectModel, send, composerFocused,
  pressInBrowserWindow, colorScheme, sleep,
} from './lib/replies-firefox.mjs';
import { underSiteCsp } from './lib/replies.mjs';
import { siteCsp } from './lib/site-csp.mjs';
import { ADDON_UUID } from './lib/firefox.mjs';
import { request } from 'node:https';

const require = createRequire(import.meta.url);
const OUT = join(ROOT, 'build/e2e/screenshots');
mkdirSync(OUT, { recursive: true });

const suite = firefoxSuite();
let ext;
let uiLang;
let shortcut;
// (after firefoxSuite()'s own hook, which starts the browser: the root's hooks do not wait for
// one another)
let seeded;
const ready = () => {
  seeded ??= seedFirefox(suite).then(async (s) => {
    ({ ext, uiLang } = s);
    const commands = await ext.evaluate(() => globalThis.browser.commands.getAll());
    shortcut = commands.find((x) => x.name === 'open-picker')?.shortcut;
    assert.ok(shortcut, `the picker's shortcut is registered: ${JSON.stringify(commands)}`);
  });
  return seeded;
};

after(async () => {
  await colorScheme(suite, 'light').catch(() => {});
  await ext?.close().catch(() => {});
});

const FRAME = 'iframe[data-porte-voix="picker"]';

/** The picker's frame (loaded hidden ahead, or on the shortcut). */
async function pickerFrame(page) {
  const handle = await page.waitForSelector(FRAME, { timeout: 10000 });
  for (let i = 0; i < 100; i++) {
    const frame = await handle.contentFrame();
    if (frame) return frame;
    await sleep(50);
  }
  throw new Error('no frame in the picker element');
}

/** The shortcut pressed: the frame shown next to the composer, the focus in its search box. */
async function openPicker(page, c) {
  await pressInBrowserWindow(suite, shortcut);
  await page.waitForSelector(FRAME, { visible: true, timeout: 5000 });
  const frame = await pickerFrame(page);
  await frame.waitForSelector('body[data-ready="true"][data-shown="true"]', { timeout: 10000 });
  await frame.waitForFunction(() => document.hasFocus() && document.activeElement?.id === 'pk-q', { timeout: 5000 });
  // next to the composer: it touches the composer's column and is within the window
  const [box, composer, view] = await page.evaluate((f, sel) => {
    const r = (el) => JSON.parse(JSON.stringify(el.getBoundingClientRect()));
    return [r(document.querySelector(f)), r(document.querySelector(sel)), [innerWidth, innerHeight]];
  }, FRAME, c.composer);
  const where = JSON.stringify({ box, composer, view });
  assert.ok(box.left < composer.right && box.right > composer.left, `in the composer's column: ${where}`);
  assert.ok(box.top >= composer.bottom || box.bottom <= composer.top, `not over the composer: ${where}`);
  assert.ok(box.top >= 0 && box.bottom <= view[1] && box.left >= 0 && box.right <= view[0], `within the window: ${where}`);
  // the search box, the list and the preview all have room
  for (const sel of ['#pk-q', '#pk-list', '#pk-preview']) {
    const h = await frame.$eval(sel, (el) => el.getBoundingClientRect().height);
    assert.ok(h > 20, `${sel} is ${h}px high: ${where}`);
  }
  return { frame, box };
}

/** Hidden again: out of sight and of the accessibility tree. */
async function closed(page) {
  await page.waitForSelector(FRAME, { hidden: true, timeout: 5000 });
  assert.equal(await page.$eval(FRAME, (f) => f.getAttribute('aria-hidden')), 'true');
}

for (const c of FIREFOX_REPLIES) {
  test(`Firefox — ${c.name}: the shortcut opens the picker; Enter inserts the previewed template into the model; Esc closes`, async () => {
    await ready();
    const { page, errors } = await openReply(c);
    try {
      await page.keyboard.type('Bonjour ');
      // the frame is loaded hidden soon after the first focus, before any shortcut
      const preloaded = await pickerFrame(page);
      await preloaded.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      await closed(page);
      assert.equal(await page.$eval(FRAME, (f) => f.title), t('picker_title'));

      const { frame } = await openPicker(page, c);
      assert.equal(await frame.$eval('#pk-title', (h) => h.textContent), t('picker_title'));
      assert.equal(await frame.$eval('label[for="pk-q"]', (l) => l.textContent), t('picker_search_label'));
      // typing goes to the frame (the page sees no keystroke)
      await page.keyboard.type('merci pour le message');
      await frame.waitForFunction(() => document.querySelector('#pk-list li[aria-selected="true"]'), { timeout: 5000 });
      const id = await frame.$eval('#pk-list li[aria-selected="true"]', (li) => li.dataset.id);
      const want = await renderedFrom(ext, {
        id,
        platform: c.platform,
        context: { author: c.author, handle: c.handle, comment_lang: c.lang, lang: uiLang },
      });
      await frame.waitForFunction((w) => document.getElementById('pk-preview').textContent === w, { timeout: 5000 }, want.text);
      if (c.firstName) assert.ok(want.text.includes(c.firstName), `${want.text} names ${c.firstName}`);
      else assert.ok(!want.text.includes('<img'), want.text);
      assert.equal(await model(page, c), 'Bonjour ', 'nothing typed in the search reached the page');

      await page.keyboard.press('Enter');
      await expectModel(page, c, `Bonjour ${want.text}`, 'inserted at the caret');
      await closed(page);
      assert.ok(await composerFocused(page, c), 'the focus is back in the composer');
      await sleep(400);
      assert.equal(await send(page, c), `Bonjour ${want.text}`, 'what the send button posts');

      // opened again: an empty search, the template just used first; Esc closes, the focus is
      // back in the composer and keys go to it again
      const { frame: again } = await openPicker(page, c);
      assert.equal(await again.$eval('#pk-q', (q) => q.value), '', 'the last search is not kept');
      await again.waitForFunction((w) => document.querySelector('#pk-list li')?.dataset.id === w, { timeout: 5000 }, id);
      await page.keyboard.press('Escape');
      await closed(page);
      assert.ok(await composerFocused(page, c), 'the focus is back in the composer');
      await page.keyboard.type('§');
      await page.waitForFunction((sel) => window.__fixture.modelText(sel).includes('§'), { timeout: 4000 }, c.composer);
      assert.deepEqual(errors, []);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'no element made from the name');
    } finally {
      await page.close();
    }
  });
}

test('Firefox: the picker light and dark — screenshots, axe, the dark background', async () => {
  await ready();
  const c = FIREFOX_REPLIES[0];
  for (const scheme of ['light', 'dark']) {
    await colorScheme(suite, scheme);
    const { page, errors } = await openReply(c);
    try {
      const { frame } = await openPicker(page, c);
      await page.keyboard.type('merci');
      await frame.waitForFunction(() => document.getElementById('pk-preview').textContent.length > 0, { timeout: 5000 });
      await page.screenshot({ path: join(OUT, `picker-firefox-${scheme}.png`) });
      const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      await frame.evaluate(`${source}\n;0`);
      const violations = await frame.evaluate(async () => (await globalThis.axe.run()).violations.map((v) => `${v.id}: ${v.help}`));
      assert.deepEqual(violations, [], `axe (${scheme})`);
      const bg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (scheme === 'dark') assert.notEqual(bg, 'rgb(255, 255, 255)', 'dark background');
      else assert.equal(bg, 'rgb(255, 255, 255)', 'light background');
      await page.keyboard.press('Escape');
      await closed(page);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  }
});

test('Firefox: in a small window (800 × 600) the picker is shortened beside the composer, not over it', async () => {
  await ready();
  const c = FIREFOX_REPLIES[0];
  const { page, errors } = await openReply(c, { width: 800, height: 600 });
  try {
    const { frame, box } = await openPicker(page, c);
    assert.ok(box.height < 400, `shortened: ${box.height}px`);
    await page.keyboard.type('merci pour le message');
    await frame.waitForFunction(() => document.getElementById('pk-preview').textContent.length > 0, { timeout: 5000 });
    const preview = await frame.$eval('#pk-preview', (p) => p.textContent);
    await page.screenshot({ path: join(OUT, 'picker-firefox-small.png') });
    await page.keyboard.press('Enter');
    await expectModel(page, c, preview, 'inserted');
    await closed(page);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

/** A reply fixture, in a window like the Chromium tests' (1280 × 720) unless told. */
async function openReply(c, viewport = { width: 1280, height: 720 }) {
  const opened = await openReplyFirefox(suite, c);
  await opened.page.setViewport(viewport);
  return opened;
}

// Under each network's own CSP (lib/site-csp.mjs, `?csp=site`: frame-src / child-src /
// default-src lists of the network's hosts only, script-src without 'wasm-unsafe-eval' on X and
// Mastodon, with a nonce on X and Facebook): the shortcut shows the panel, loaded from the
// add-on, with results listed; Enter puts a template in the editor's model. Every CSP violation
// the page reports (`securitypolicyviolation`, recorded from before the page loads) fails the
// test and is quoted.
const RECORD_VIOLATIONS = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
    { directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile }), true);
};

/** The Content-Security-Policy headers the fixture server sends for `url`. */
function policiesServed(url) {
  const u = new URL(url);
  return new Promise((ok, ko) => {
    request({ host: '127.0.0.1', port: suite.server.port, path: `${u.pathname}${u.search}`, headers: { host: u.host }, rejectUnauthorized: false }, (res) => {
      res.resume();
      const raw = res.rawHeaders;
      const out = [];
      for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === 'content-security-policy') out.push(raw[i + 1]);
      ok(out);
    }).on('error', ko).end();
  });
}

for (const c of FIREFOX_REPLIES.map(underSiteCsp)) {
  test(`Firefox — ${c.name}, under the network's own CSP: the panel's frame loads, lists results and inserts`, async () => {
    await ready();
    // the page is served with its network's policies, a nonce where they have one
    const served = await policiesServed(c.url);
    const want = siteCsp(new URL(c.url).hostname);
    assert.equal(served.length, want.length, JSON.stringify(served));
    want.forEach((p, i) => assert.equal(served[i].replace(/'nonce-[A-Za-z0-9+/=]+'/g, "'nonce-{nonce}'"), p));

    const { page, errors } = await openReplyFirefox(suite, c, { beforeLoad: (p) => p.evaluateOnNewDocument(RECORD_VIOLATIONS) });
    try {
      await page.setViewport({ width: 1280, height: 720 });
      const { frame } = await openPicker(page, c);
      assert.ok((await page.$eval(FRAME, (f) => f.src)).startsWith(`moz-extension://${ADDON_UUID}/`), 'the add-on\'s own page');
      await frame.waitForFunction(() => document.querySelectorAll('#pk-list li').length > 0, { timeout: 5000 });
      await page.keyboard.type('merci pour le message');
      await frame.waitForFunction(() => document.querySelector('#pk-list li[aria-selected="true"]'), { timeout: 5000 });
      const id = await frame.$eval('#pk-list li[aria-selected="true"]', (li) => li.dataset.id);
      const expected = await renderedFrom(ext, {
        id,
        platform: c.platform,
        context: { author: c.author, handle: c.handle, comment_lang: c.lang, lang: uiLang },
      });
      await frame.waitForFunction((w) => document.getElementById('pk-preview').textContent === w, { timeout: 5000 }, expected.text);
      await page.keyboard.press('Enter');
      await expectModel(page, c, expected.text, 'the template in the editor\'s model');
      await closed(page);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations reported in the page');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}
