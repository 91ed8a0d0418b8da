// End-to-end: the template picker (src/web/picker.rs in an extension frame, opened by
// src/web/content/picker.rs) in Chromium with the built extension, on the reply fixtures served
// under the networks' host names with a strict CSP that lists only the networks' own frame
// hosts. The picker opens on the keyboard command's message (what the background sends on
// Alt+Shift+R), next to the composer, with the focus in its search box; typing searches,
// Enter inserts the previewed text — the page's commenter's first name in it — into the editor's
// MODEL (what the send button records), Esc closes and gives the focus back to the composer.
// The frame is loaded hidden after the first focus and only shown and hidden afterwards: each
// opening starts from an empty search, the template just used first; Ctrl+Z right after Enter
// gives back the text before the insertion, for good. Also: a template with a
// fill-in field asked in the panel, keyboard only, axe, and screenshots light and dark; a search
// over 5,000 templates added while the frame was hidden (timings: benches/browser/picker.mjs).
// The preview's tone line: a hostile, shouting template shows its findings' messages (the core's
// report from the command line, the words from _locales), a courteous one no problem; a check
// turned off in the options is off there too.
// On every reply fixture of lib/replies.mjs, including the composers that open in a modal dialog,
// mount late or after single-page navigation. And on every network surface's fixture under that
// network's own CSP (lib/site-csp.mjs), with any CSP violation the page reports quoted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './lib/chromium.mjs';
import { seed, rendered, STARTER, EXTRA } from './lib/library.mjs';
import { t } from './lib/locales.mjs';
import { coreReport, findingMessages } from './lib/tone.mjs';
import { startReplyBrowser, REPLIES, openReply, expectModel, send, model, inserted, stays, SITE_CSP_SURFACES } from './lib/replies.mjs';
import { siteCsp, allowsWebAssembly } from './lib/site-csp.mjs';
import { waitForBadge, forgetWasmRefusals } from './lib/chromium.mjs';

const require = createRequire(import.meta.url);
const OUT = join(ROOT, 'build/e2e/screenshots');
mkdirSync(OUT, { recursive: true });

let env;
let browser;
let uiLang;

before(async () => {
  env = await startReplyBrowser();
  ({ browser, uiLang } = env);
});

after(() => env?.close());

/** What the background does on the keyboard command: asks the tab's content script to open. */
async function command(b, page) {
  await page.bringToFront();
  // (no `tabs` permission: tab URLs are hidden; the page just brought to the front is active)
  return b.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, { kind: 'open_picker' }, { frameId: 0 });
  });
}

const FRAME = 'iframe[data-porte-voix="picker"]';

/** The picker's frame is shown, with the focus in its search box (it stays loaded, hidden, in between). */
async function openPicker(page) {
  await command(browser, page);
  const handle = await page.waitForSelector(FRAME, { state: 'visible' });
  // a frame created on the shortcut (not loaded ahead yet) may still be on its way to its page
  let frame = await handle.contentFrame();
  for (let i = 0; i < 100 && !frame; i++) {
    await page.waitForTimeout(50);
    frame = await handle.contentFrame();
  }
  await frame.waitForSelector('body[data-ready="true"][data-shown="true"]');
  await frame.waitForFunction(() => document.hasFocus() && document.activeElement?.id === 'pk-q');
  return { frame, handle };
}

/** Hidden again: out of sight, of the focus order and of the accessibility tree. */
async function closed(page) {
  await page.waitForSelector(FRAME, { state: 'hidden' });
  assert.equal(await page.locator(FRAME).getAttribute('aria-hidden'), 'true');
}

const pickerCases = REPLIES.filter((c) => !c.name.startsWith('Mastodon')).concat(REPLIES.filter((c) => c.name.startsWith('Mastodon')));

for (const c of pickerCases) {
  test(`${c.name}: the picker inserts the previewed template into the model`, async () => {
    const { page, errors } = await openReply(browser, c);
    try {
      await page.keyboard.type('Bonjour ');
      // the frame is loaded hidden soon after the first focus, before any shortcut
      await page.waitForSelector(FRAME, { state: 'attached' });
      await closed(page);
      const { frame } = await openPicker(page);
      // typing goes to the frame (the page sees no keystroke)
      await page.keyboard.type('merci pour le message');
      await frame.waitForFunction(() => document.querySelector('#pk-list li[aria-selected="true"]'));
      const preview = await frame.locator('#pk-preview').textContent();
      const want = await rendered(browser, {
        id: await frame.evaluate(() => document.querySelector('#pk-list li[aria-selected="true"]').dataset.id),
        platform: c.platform,
        context: { author: c.author, handle: c.handle, comment_lang: c.lang, lang: uiLang },
      });
      assert.equal(preview, want.text, 'the preview is the template rendered for this commenter');
      if (c.firstName) assert.ok(preview.includes(c.firstName));
      assert.equal(await model(page, c), 'Bonjour ', 'nothing typed in the search reached the page');
      await page.keyboard.press('Enter');
      await expectModel(page, c, `Bonjour ${want.text}`, 'inserted at the caret');
      await closed(page);
      assert.equal(await send(page, c), `Bonjour ${want.text}`, 'what the send button posts');

      // opened again: an empty search (recent first), this page's context; Esc closes and the
      // focus is back in the composer
      const again = await openPicker(page);
      assert.equal(await again.frame.inputValue('#pk-q'), '', 'the last search is not kept');
      assert.equal(await again.frame.locator('#pk-list li').first().getAttribute('data-id'), want.id, 'the template just used comes first');
      await page.keyboard.press('Escape');
      await closed(page);
      assert.ok(await page.evaluate((sel) => { const el = document.querySelector(sel); return el === document.activeElement || el.contains(document.activeElement); }, c.composer), 'focus back');
      await page.keyboard.type('§');
      // keys go to the composer again
      await page.waitForFunction((sel) => window.__fixture.modelText(sel).includes('§'), c.composer, { timeout: 4000 });

      // Enter, then Ctrl+Z at once (within the insertion's first read-back): the text before the
      // insertion comes back and stays — never inserted again, no clipboard notice
      // (past the editors' undo grouping delay: Quill merges changes within 1 s)
      await page.waitForTimeout(1100);
      const beforeUndo = await model(page, c);
      const last = await openPicker(page);
      assert.equal(await last.frame.locator('#pk-list li').first().getAttribute('data-id'), want.id);
      await page.keyboard.press('Enter');
      // at the caret, just after the § typed (Draft.js gave the focus back at the start)
      const caret = beforeUndo.indexOf('§') + 1;
      await inserted(page, c, `${beforeUndo.slice(0, caret)}${want.text}${beforeUndo.slice(caret)}`, 'inserted after the § typed');
      await page.keyboard.press('Control+Z');
      await stays(page, c, beforeUndo, 'undone at once');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}

// The frame loaded ahead is told each opening by a message; a shortcut that comes while its page
// has not started yet (no listener) is told again once it has loaded, so the panel opens and
// works all the same (it stayed shown but never ready). The frame's start is held by the
// DevTools protocol (its target waits for the debugger) while the shortcut comes.
test('a shortcut while the frame loaded ahead has not started yet opens the panel all the same', async () => {
  const c = REPLIES[0];
  let held;
  const { page, errors } = await openReply(browser, c, {
    async beforeLoad(p) {
      const cdp = await p.context().newCDPSession(p);
      held = new Promise((ok) => cdp.on('Target.attachedToTarget', (e) => {
        if (e.targetInfo.type === 'iframe' && e.waitingForDebugger) ok({ cdp, sessionId: e.sessionId });
      }));
      await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    },
  });
  try {
    await page.keyboard.type('Bonjour ');
    const frameTarget = await held;
    await page.waitForSelector(FRAME, { state: 'attached' });
    assert.equal(page.frames().find((f) => f.url().includes('picker.html')), undefined, 'the frame\'s page has not started');
    await command(browser, page);
    await page.waitForSelector(FRAME, { state: 'visible' });
    await frameTarget.cdp.send('Target.sendMessageToTarget', {
      sessionId: frameTarget.sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.runIfWaitingForDebugger' }),
    });
    const handle = await page.$(FRAME);
    let frame = await handle.contentFrame();
    for (let i = 0; i < 100 && !frame?.url().includes('picker.html'); i++) {
      await page.waitForTimeout(50);
      frame = await handle.contentFrame();
    }
    await frame.waitForSelector('body[data-ready="true"][data-shown="true"]', { timeout: 10000 });
    await frame.waitForFunction(() => document.activeElement?.id === 'pk-q');
    await page.keyboard.type('merci pour le message');
    await frame.waitForFunction(() => document.querySelector('#pk-list li[aria-selected="true"]'));
    const want = await rendered(browser, {
      id: await frame.evaluate(() => document.querySelector('#pk-list li[aria-selected="true"]').dataset.id),
      platform: c.platform,
      context: { author: c.author, handle: c.handle, comment_lang: c.lang, lang: uiLang },
    });
    await page.keyboard.press('Enter');
    await expectModel(page, c, `Bonjour ${want.text}`, 'inserted');
    await closed(page);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a fill-in field is asked in the panel; keyboard only; axe; light and dark screenshots', async () => {
  const c = REPLIES[0];
  for (const scheme of ['light', 'dark']) {
    const { page, errors } = await openReply(browser, c);
    try {
      await page.emulateMedia({ colorScheme: scheme });
      const { frame } = await openPicker(page);
      await page.keyboard.type('commande');
      await frame.waitForSelector('.pk-fields input[data-field]');
      const shot = join(OUT, `picker-${scheme}.png`);
      await page.screenshot({ path: shot });
      // axe on the frame's document
      const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      await frame.evaluate(`${source}\n;0`);
      const violations = await frame.evaluate(async () => (await globalThis.axe.run()).violations.map((v) => `${v.id}: ${v.help}`));
      assert.deepEqual(violations, [], `axe (${scheme})`);
      if (scheme === 'dark') {
        const bg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.notEqual(bg, 'rgb(255, 255, 255)', 'dark background');
      }
      // keyboard: Tab to the field, type the order number, Enter inserts with it
      await page.keyboard.press('Tab');
      assert.equal(await frame.evaluate(() => document.activeElement?.dataset.field !== undefined), true, 'Tab reaches the field');
      await page.keyboard.type('4821');
      await frame.waitForFunction(() => document.getElementById('pk-preview').textContent.includes('4821'));
      const preview = await frame.locator('#pk-preview').textContent();
      await page.keyboard.press('Enter');
      await expectModel(page, c, preview, 'inserted with the field filled');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  }
});

test('over 5,000 templates: the search finds one by a word of its title; the list follows a change of the library', async () => {
  const many = [];
  for (let i = 0; i < 5000 - STARTER.length - EXTRA.length; i++) {
    const base = STARTER[i % STARTER.length];
    many.push({ ...base, id: `bulk.${i}`, title: `${base.title} ${i}`, trigger: null });
  }
  const c = REPLIES[0];
  const { page } = await openReply(browser, c);
  try {
    // the frame is loaded (hidden) before the library grows: it reads it again
    await page.waitForSelector(FRAME, { state: 'attached' });
    await seed(browser, many);
    const { frame } = await openPicker(page);
    await page.keyboard.type('1234');
    await frame.waitForFunction(() => document.querySelector('#pk-list li')?.dataset.id === 'bulk.1234', null, { timeout: 10000 });
    // the preview follows the chosen template
    await frame.waitForFunction(() => document.getElementById('pk-preview').textContent.length > 0);
    await page.keyboard.press('ArrowDown');

    // the arrows scroll the chosen row into view (the picker computes it from the rows' height,
    // without reading the layout), down, and up past the first to the last
    const chosen = () => frame.evaluate(() => {
      const list = document.getElementById('pk-list');
      const li = list.querySelector('li[aria-selected="true"]');
      const a = list.getBoundingClientRect();
      const b = li.getBoundingClientRect();
      return { id: li.id, inView: b.top >= a.top - 0.5 && b.bottom <= a.bottom + 0.5, scrollTop: list.scrollTop, active: document.getElementById('pk-q').getAttribute('aria-activedescendant') };
    });
    await frame.fill('#pk-q', '');
    await frame.waitForFunction(() => document.querySelectorAll('#pk-list li').length === 30);
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown');
    let now = await chosen();
    assert.equal(now.id, 'pk-o-9');
    assert.equal(now.active, 'pk-o-9');
    assert.ok(now.inView && now.scrollTop > 0, JSON.stringify(now));
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
    now = await chosen();
    assert.equal(now.id, 'pk-o-29');
    assert.ok(now.inView, JSON.stringify(now));
    // scrolled back up with the wheel: the next arrow brings the chosen row back into view
    await frame.hover('#pk-list');
    await page.mouse.wheel(0, -2000);
    await frame.waitForFunction(() => document.getElementById('pk-list').scrollTop === 0);
    await frame.waitForTimeout(100);
    await page.keyboard.press('ArrowUp');
    now = await chosen();
    assert.ok(now.id === 'pk-o-28' && now.inView, JSON.stringify(now));
    // a new search shows its first row
    await page.keyboard.type('1');
    await frame.waitForFunction(() => document.getElementById('pk-list').scrollTop === 0);
    now = await chosen();
    assert.ok(now.id === 'pk-o-0' && now.inView, JSON.stringify(now));
    await page.keyboard.press('Escape');
    await closed(page);
  } finally {
    await page.close();
  }
});

// Under each network's own CSP (lib/site-csp.mjs, `?csp=site`): frame-src / child-src /
// default-src lists naming only the network's hosts, script-src with the network's keywords (no
// 'wasm-unsafe-eval' where it has none, nonces, 'strict-dynamic' and Trusted Types on YouTube).
// The extension's frame is in none of those lists: on every network surface's fixture the
// shortcut's command shows it, loaded from the extension, with results listed, and Enter puts a
// template in the editor's model. The page's policy is in force for the extension too: where
// script-src allows no WebAssembly the badge runs on the wasm2js engine. Every CSP violation the
// page reports (its `securitypolicyviolation` events, the console's "Refused to…") fails the
// test and is quoted, but one: where WebAssembly is not allowed, the engine's loader tries it
// before falling back to wasm2js, and the browser reports that attempt (blocked 'wasm-eval').
const RECORD_VIOLATIONS = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
    { directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile }), true);
})()`;

/** The page's policies as lib/site-csp.mjs writes them, a nonce where it says `{nonce}`. */
function sitePolicies(url) {
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return siteCsp(new URL(url).hostname).map((p) => new RegExp(`^${escape(p).replaceAll(escape('{nonce}'), '[A-Za-z0-9+/=]{16,}')}$`));
}

for (const c of SITE_CSP_SURFACES) {
  test(`${c.name}, under the network's own CSP: the panel's frame loads, lists results and inserts`, async () => {
    let served;
    const refused = [];
    // (the other tests served this host strict: the background would skip the wasm probe here)
    await forgetWasmRefusals(browser.worker);
    const { page, errors } = await openReply(browser, c, {
      async beforeLoad(p) {
        served = new Promise((ok) => p.on('response', (r) => { if (r.url() === c.url) ok(r.headersArray()); }));
        p.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
        await p.addInitScript(RECORD_VIOLATIONS);
      },
    });
    try {
      // the page was served with its network's policies, every one of them
      const csp = (await served).filter((h) => h.name.toLowerCase() === 'content-security-policy').map((h) => h.value);
      const want = sitePolicies(c.url);
      assert.equal(csp.length, want.length, `the policies sent: ${JSON.stringify(csp)}`);
      want.forEach((re, i) => assert.match(csp[i], re));
      const wasm = allowsWebAssembly(csp);
      const badge = await waitForBadge(page, (x) => x.visible);
      assert.equal(badge.engine, wasm ? 'wasm' : 'wasm2js', `the engine under ${csp.join(', ')}`);

      // the frame, loaded hidden after the first focus, has started (a shortcut pressed while it
      // is still starting is not what this test is about)
      const element = await page.waitForSelector(FRAME, { state: 'attached' });
      let preloaded = await element.contentFrame();
      for (let i = 0; i < 100 && !preloaded; i++) {
        await page.waitForTimeout(50);
        preloaded = await element.contentFrame();
      }
      await preloaded.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      const { frame, handle } = await openPicker(page);
      // (the extension's page at its dynamic address: web_accessible_resources' use_dynamic_url)
      const src = new URL(await handle.getAttribute('src'));
      assert.equal(`${src.protocol}${src.pathname}`, 'chrome-extension:/picker.html', `the extension's own page: ${src}`);
      assert.equal(frame.url().split('#')[0], `chrome-extension://${browser.extensionId}/picker.html`, 'the frame shows that page');
      assert.ok(await handle.isVisible(), 'the panel is shown');
      await frame.waitForFunction(() => document.querySelectorAll('#pk-list li').length > 0);
      await page.keyboard.type('merci pour le message');
      await frame.waitForFunction(() => document.querySelector('#pk-list li[aria-selected="true"]'));
      const id = await frame.evaluate(() => document.querySelector('#pk-list li[aria-selected="true"]').dataset.id);
      const expected = await rendered(browser, {
        id,
        platform: c.platform,
        context: { author: c.author, handle: c.handle, comment_lang: c.lang, lang: uiLang },
      });
      await frame.waitForFunction((w) => document.getElementById('pk-preview').textContent === w, expected.text);
      if (c.firstName) assert.ok(expected.text.includes(c.firstName), `${expected.text} names ${c.firstName}`);
      await page.keyboard.press('Enter');
      await expectModel(page, c, expected.text, 'the template in the editor\'s model');
      await closed(page);

      const violations = await page.evaluate(() => window.__cspViolations);
      const probe = (v) => !wasm && v.blocked === 'wasm-eval' && v.directive === 'script-src';
      assert.deepEqual(violations.filter((v) => !probe(v)), [], 'CSP violations reported in the page');
      assert.deepEqual(refused.filter((m) => wasm || !/WebAssembly/.test(m)), [], 'CSP messages in the console');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}

/** A template of the tone test. */
const toneTemplate = (id, title, body) => ({
  id, title, body, lang: 'fr-CA', trigger: null, tags: ['essai'], networks: [], variants: [], created: 0, updated: 0, revision: 1, uses: 0,
});
const HOSTILE = toneTemplate('test.ton-sec', 'Réponse sèche au client', 'Calvaire, c’est VRAIMENT pas notre faute tabarnak !!!');
const COURTEOUS = toneTemplate('test.ton-courtois', 'Réponse courtoise au client', 'Bonjour {{prenom}}, merci pour votre message. Nous sommes désolés pour ce retard : écrivez-nous en message privé.');

/** Searches `query` in the open picker and moves the choice to template `id`. */
async function choose(page, frame, query, id) {
  await frame.fill('#pk-q', query);
  await frame.waitForSelector(`#pk-list li[data-id="${id}"]`);
  for (let i = 0; i < 30; i++) {
    if (await frame.evaluate((want) => document.querySelector('#pk-list li[aria-selected="true"]')?.dataset.id === want, id)) break;
    await page.keyboard.press('ArrowDown');
  }
  await frame.waitForFunction((want) => document.querySelector('#pk-list li[aria-selected="true"]')?.dataset.id === want, id);
}

/** The preview and its tone line, once drawn for the chosen template. */
async function previewTone(frame, id) {
  const c = REPLIES[0];
  const want = await rendered(browser, { id, platform: c.platform, context: { author: c.author, handle: c.handle, comment_lang: c.lang, lang: uiLang } });
  await frame.waitForFunction((text) => document.getElementById('pk-preview').textContent === text && !document.getElementById('pk-tone').hidden, want.text);
  return frame.evaluate(() => {
    const tone = document.getElementById('pk-tone');
    const polarity = tone.querySelector('.pk-tone-polarity');
    return {
      preview: document.getElementById('pk-preview').textContent,
      polarity: polarity.textContent,
      polarityId: polarity.dataset.polarity,
      items: [...tone.querySelectorAll('li')].map((li) => ({ code: li.dataset.code ?? null, kind: li.dataset.kind, text: li.textContent })),
      colors: [...tone.querySelectorAll('li')].map((li) => getComputedStyle(li).color),
    };
  });
}

const SETTINGS_OFF = (disabled) => ({ schema: 2, x_premium: false, mastodon_limit: null, mastodon_instances: [], tone_disabled: disabled, tone_register: null });

test('the preview shows the tone of the rendered template: hostile and shouting, courteous; checks off stay off; light and dark', async () => {
  const c = REPLIES[0];
  const { page, errors } = await openReply(browser, c);
  try {
    await page.waitForSelector(FRAME, { state: 'attached' });
    await seed(browser, [HOSTILE, COURTEOUS]);
    const { frame } = await openPicker(page);

    // hostile and shouting: the core's findings, in the words of _locales
    await choose(page, frame, 'Réponse sèche', HOSTILE.id);
    const hostile = await previewTone(frame, HOSTILE.id);
    const report = coreReport(hostile.preview);
    const codes = report.findings.map((f) => f.code);
    assert.ok(codes.includes('tone.shouting') && codes.includes('tone.profanity'), JSON.stringify(report));
    assert.equal(report.polarity, 'negative');
    assert.equal(hostile.polarityId, 'negative');
    assert.equal(hostile.polarity, t('tone_polarity_negative', [], uiLang));
    assert.deepEqual(hostile.items.map((i) => i.code), codes);
    assert.deepEqual(hostile.items.map((i) => i.text), findingMessages(report, uiLang));
    const shouting = report.findings.find((f) => f.code === 'tone.shouting');
    assert.ok(hostile.items.some((i) => i.text === t('tone_shouting', Object.values(shouting.args), uiLang) && i.text.includes('VRAIMENT')), JSON.stringify(hostile.items));
    assert.ok(hostile.items.some((i) => i.kind === 'problem' || i.kind === 'warning'));

    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(OUT, `picker-tone-${scheme}.png`) });
      const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      await frame.evaluate(`${source}\n;0`);
      const violations = await frame.evaluate(async () => (await globalThis.axe.run()).violations.map((v) => `${v.id}: ${v.help}`));
      assert.deepEqual(violations, [], `axe (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // shouting turned off in the options: gone from the preview's tone, live, the rest kept
    await browser.worker.evaluate(async (s) => chrome.storage.local.set({ settings: s }), SETTINGS_OFF(['shouting']));
    await frame.waitForFunction(() => !document.querySelector('#pk-tone li[data-code="tone.shouting"]'));
    const off = await previewTone(frame, HOSTILE.id);
    assert.deepEqual(off.items.map((i) => i.code), codes.filter((code) => code !== 'tone.shouting'));

    // courteous: no problem, its polarity and positive signals as the core says
    await choose(page, frame, 'Réponse courtoise', COURTEOUS.id);
    const courteous = await previewTone(frame, COURTEOUS.id);
    const polite = coreReport(courteous.preview);
    assert.ok(courteous.preview.includes(c.firstName ?? ''), 'rendered for this commenter');
    assert.ok(polite.findings.every((f) => f.severity === 'info' || ['tone.thanks', 'tone.empathy', 'tone.next_step'].includes(f.code)), JSON.stringify(polite));
    assert.equal(courteous.polarity, t(`tone_polarity_${polite.polarity}`, [], uiLang));
    assert.notEqual(courteous.polarityId, 'negative');
    assert.deepEqual(courteous.items.map((i) => i.text), polite.findings.length ? findingMessages(polite, uiLang) : [t('tone_details_none', [], uiLang)]);
    assert.ok(courteous.items.every((i) => i.kind !== 'problem' && i.kind !== 'warning'), JSON.stringify(courteous.items));
    assert.ok(courteous.items.some((i) => i.kind === 'positive'), 'thanks, apology and next step are said');

    await page.keyboard.press('Escape');
    await closed(page);
    assert.deepEqual(errors, []);
  } finally {
    await browser.worker.evaluate(async () => chrome.storage.local.remove('settings'));
    await page.close();
  }
});
