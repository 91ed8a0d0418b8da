// End-to-end tests in Debian's Chromium with the built extension (dist/chrome) loaded, against
// fixture pages that host the real editor libraries, served at the networks' host names with the
// CSP headers real networks send (strict: the wasm2js engine) or none (the wasm engine).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from './lib/server.mjs';
import { launch, readBadge, readFieldMark, waitForBadge, backgroundState, setSiteAccess, ROOT } from './lib/chromium.mjs';
import { buildFixtures } from './build-fixtures.mjs';
import { bluesky } from '../oracle/lib/bluesky.mjs';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');
const OUT = join(ROOT, 'build/e2e/screenshots');
mkdirSync(OUT, { recursive: true });

/** Independent oracles: X's official JS library, and grapheme clusters as Mastodon counts them. */
const xLength = (text) => twitter.parseTweet(text).weightedLength;
const graphemes = (text) => [...new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(text)].length;

const FRENCH = 'Énorme merci à l’équipe de Québec « ça déménage » ! 🎉🇨🇦 👩🏽‍💻 café';
const X_DRAFT = '[data-testid="tweetTextarea_0"]';
const MASTODON = 'textarea.autosuggest-textarea__textarea';

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

async function openPage(url) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

async function typeInto(page, selector, text) {
  await page.locator(selector).first().click();
  await page.keyboard.type(text);
}

async function engineOfOnlyTab() {
  // each test closes its pages, and the background forgets closed tabs
  const state = await backgroundState(browser.worker);
  const tabs = Object.values(state?.tabs ?? {});
  return tabs;
}

const cases = [
  { csp: 'strict', engine: 'wasm2js' },
  { csp: 'none', engine: 'wasm' },
  { csp: 'wasm', engine: 'wasm' },
  { csp: 'unsafeeval', engine: 'wasm' },
  { csp: 'defaultnone', engine: 'wasm2js' },
];

for (const { csp, engine } of cases) {
  test(`X Draft.js composer, CSP ${csp}: ${engine} engine, exact weighted count, over-limit state`, async () => {
    const { page, errors } = await openPage(`https://x.com/compose/post?csp=${csp}`);
    try {
      await typeInto(page, X_DRAFT, FRENCH);
      const expected = xLength(FRENCH);
      const badge = await waitForBadge(page, (b) => b.text === `${expected} / 280`, { what: `${expected} / 280` });
      assert.equal(badge.shadowRootType, 'closed');
      assert.equal(badge.engine, engine);
      assert.equal(badge.platform, 'x');
      assert.equal(badge.state, 'ok');
      assert.ok(badge.visible);
      assert.notEqual(badge.background, 'rgba(0, 0, 0, 0)', 'badge is styled (adoptedStyleSheets)');
      const okColour = badge.background;

      // past 280: the over-limit state, in another colour
      const more = ' Merci encore à toute l’équipe pour ce lancement réussi.'.repeat(5);
      await page.keyboard.insertText(more);
      const over = await waitForBadge(page, (b) => b.text === `${xLength(FRENCH + more)} / 280`, { what: 'over' });
      assert.ok(xLength(FRENCH + more) > 280);
      assert.equal(over.state, 'over');
      assert.notEqual(over.background, okColour);

      // the part past the limit is marked in the composer (a CSS highlight: the editor's DOM is untouched)
      const full = FRENCH + more;
      const expectedOverflow = full.slice(twitter.parseTweet(full).validRangeEnd + 1);
      const marked = await page.evaluate(() => {
        const h = CSS.highlights.get('porte-voix-overflow');
        return h ? [...h].map((r) => r.toString()).join('') : null;
      });
      assert.equal(marked, expectedOverflow);
      assert.equal(await page.evaluate(() => window.__fixture.modelText()), full, 'the editor model is untouched');

      // the badge sits astride the composer's bottom edge, at its right
      const box = await page.locator(X_DRAFT).first().boundingBox();
      assert.ok(Math.abs(over.rect.x + over.rect.width - (box.x + box.width - 6)) < 3, JSON.stringify({ over, box }));
      assert.ok(Math.abs(over.rect.y + over.rect.height / 2 - (box.y + box.height)) < 3, JSON.stringify({ over, box }));

      // the background heard from this tab's content script and knows its engine
      const tabs = await engineOfOnlyTab();
      assert.deepEqual(tabs.map((t) => [t.site, t.engine]), [['x', engine]]);
      assert.deepEqual(errors, []);
      if (csp === 'strict') await page.screenshot({ path: join(OUT, 'x-strict.png') });
    } finally {
      await page.close();
    }
  });
}

test('Mastodon React textarea, strict CSP: grapheme count and near/over states', async () => {
  const { page, errors } = await openPage('https://mastodon.social/home');
  try {
    await typeInto(page, MASTODON, FRENCH);
    const b = await waitForBadge(page, (x) => x.text === `${graphemes(FRENCH)} / 500`);
    assert.equal(b.platform, 'mastodon');
    assert.equal(b.engine, 'wasm2js');
    await page.keyboard.insertText('a'.repeat(500 - graphemes(FRENCH) - 5));
    const near = await waitForBadge(page, (x) => x.text === '495 / 500');
    assert.equal(near.state, 'near');
    assert.equal(near.live, '', 'screen readers hear nothing while under the limit');
    await page.keyboard.insertText('b'.repeat(6));
    const over = await waitForBadge(page, (x) => x.text === '501 / 500');
    assert.equal(over.state, 'over');
    assert.equal(over.live, 'Trop long pour Mastodon : 1 de trop.');
    // further keystrokes over the limit are not announced again
    await page.keyboard.insertText('c');
    const further = await waitForBadge(page, (x) => x.text === '502 / 500');
    assert.equal(further.live, 'Trop long pour Mastodon : 1 de trop.');
    await page.keyboard.press('Backspace');
    await waitForBadge(page, (x) => x.text === '501 / 500');
    // the part past the limit is marked over the textarea, aligned with the field's own text
    const mark = await readFieldMark(page);
    assert.equal(mark.shadowRootType, 'closed');
    assert.ok(mark.visible);
    assert.equal(mark.text, 'b');
    const field = await page.locator(MASTODON).boundingBox();
    assert.ok(mark.rect.x >= field.x && mark.rect.x + mark.rect.width <= field.x + field.width, JSON.stringify({ mark, field }));
    assert.ok(mark.rect.y >= field.y && mark.rect.y + mark.rect.height <= field.y + field.height, JSON.stringify({ mark, field }));
    await page.screenshot({ path: join(OUT, 'mastodon-over.png') });
    // back under the limit: the mark goes
    await page.keyboard.press('Backspace');
    const back = await waitForBadge(page, (x) => x.text === '500 / 500');
    assert.equal(back.live, 'De nouveau dans la limite de Mastodon : il reste 0.');
    assert.equal((await readFieldMark(page)).visible, false);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Mastodon: the content warning counts with the text, from either field', async () => {
  const { page, errors } = await openPage('https://mastodon.social/home');
  const CW = 'input.spoiler-input__input';
  try {
    await typeInto(page, MASTODON, 'Résultats du concours');
    await waitForBadge(page, (x) => x.text === `${graphemes('Résultats du concours')} / 500`);
    // typing the warning: the badge stays the post's, and adds the warning's graphemes
    await typeInto(page, CW, 'Divulgâcheur 🎬');
    let b = await waitForBadge(page, (x) => x.text === `${graphemes('Résultats du concours') + graphemes('Divulgâcheur 🎬')} / 500`);
    assert.equal(b.platform, 'mastodon');
    assert.match(b.title, /avertissement de contenu compris$/);
    // a long warning alone puts the post over: the whole text is past the limit
    await page.locator(CW).fill('w'.repeat(498));
    b = await waitForBadge(page, (x) => x.text === `${498 + graphemes('Résultats du concours')} / 500`);
    assert.equal(b.state, 'over');
    await page.locator(MASTODON).focus();
    const mark = await readFieldMark(page);
    assert.equal(mark.text, 'Résultats du concours'.slice(2));
    // the warning emptied (or the toggle off, which removes the field): the text alone again
    await page.locator(CW).fill('');
    await waitForBadge(page, (x) => x.text === `${graphemes('Résultats du concours')} / 500`);
    await page.evaluate(() => document.querySelector('.spoiler-input').remove());
    await page.locator(MASTODON).focus();
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    b = await waitForBadge(page, (x) => x.text === `${graphemes('Résultats du concours!')} / 500`);
    assert.doesNotMatch(b.title, /avertissement/);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

// Every other network's composer, with its real editor library, under the strict CSP those
// networks send: the badge names the right platform and counts exactly what the editor's model
// holds (what the network would post). Uncertain rules count UTF-16 units and say "≈".
const NETWORKS = [
  { url: 'https://www.facebook.com/', field: '[aria-label^="Quoi de neuf"]', platform: 'facebook', limit: '63\u202f206', unit: 'utf16' },
  { url: 'https://www.facebook.com/', field: '[aria-label="Écrire un commentaire…"]', platform: 'facebook-comment', limit: '8\u202f000', unit: 'utf16' },
  { url: 'https://www.instagram.com/p/fixture/', field: 'textarea[aria-label]', platform: 'instagram', limit: '2\u202f200', unit: 'utf16' },
  { url: 'https://bsky.app/', field: '.ProseMirror', platform: 'bluesky', limit: '300', unit: 'graphemes' },
  { url: 'https://www.threads.com/', field: '[data-lexical-editor]', platform: 'threads', limit: '500', unit: 'utf16' },
  { url: 'https://www.reddit.com/r/montreal/comments/fixture/', field: '[slot="rte"]', platform: 'reddit-comment', limit: '10\u202f000', unit: 'utf16' },
  { url: 'https://www.youtube.com/watch?v=fixture', field: '#contenteditable-root', platform: 'youtube-comment', limit: '10\u202f000', unit: 'utf16' },
];

for (const n of NETWORKS) {
  test(`${n.platform}: the badge counts the editor's model as the network does`, async () => {
    const { page, errors } = await openPage(n.url);
    try {
      await page.waitForFunction(() => window.__fixture?.ready);
      await typeInto(page, n.field, FRENCH);
      const model = await page.evaluate((sel) => window.__fixture.modelText(sel), n.field);
      assert.equal(model, FRENCH, 'the editor holds what was typed');
      const count = n.unit === 'graphemes' ? graphemes(model) : model.length;
      const expected = `${n.unit === 'utf16' ? '≈ ' : ''}${count} / ${n.limit}`;
      const b = await waitForBadge(page, (x) => x.platform === n.platform && x.text === expected, { what: expected });
      assert.equal(b.engine, 'wasm2js', 'strict CSP: the JS engine');
      assert.equal(b.state, 'ok');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}

test('Bluesky (TipTap): links count as the app shortens them, checked with @atproto/api', async () => {
  const { page, errors } = await openPage('https://bsky.app/');
  try {
    await page.waitForFunction(() => window.__fixture?.ready);
    const text = 'Lire https://www.lapresse.ca/actualites/2025-01-01/article.php et lapresse.ca/montreal 🎉';
    await typeInto(page, '.ProseMirror', text);
    const model = await page.evaluate(() => window.__fixture.modelText('.ProseMirror'));
    assert.equal(model, text);
    const want = bluesky(model);
    assert.ok(want.length < graphemes(model), 'the long link is shortened');
    await waitForBadge(page, (x) => x.platform === 'bluesky' && x.text === `${want.length} / 300`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('LinkedIn (Quill): the share box counts as a post, the comment box as a comment', async () => {
  const { page, errors } = await openPage('https://www.linkedin.com/feed/');
  try {
    await page.waitForFunction(() => window.__fixture?.ready);
    await typeInto(page, '.share-box .ql-editor', 'Nouvelle offre');
    let b = await waitForBadge(page, (x) => x.platform === 'linkedin' && x.text === '≈ 14 / 3\u202f000');
    assert.match(b.title, /approximative/);
    await typeInto(page, '.comments-comment-box .ql-editor', 'Bravo !');
    // wait for the whole text: the badge may first show a keystroke behind
    b = await waitForBadge(page, (x) => x.platform === 'linkedin-comment' && x.text === '≈ 7 / 1\u202f250');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('YouTube Studio: the title and the description have their own rules', async () => {
  const { page, errors } = await openPage('https://studio.youtube.com/studio.html');
  try {
    await typeInto(page, '#title-box', 'Tarte au sucre <facile>');
    let b = await waitForBadge(page, (x) => x.platform === 'youtube-title' && x.text === '≈ 23 / 100');
    assert.equal(b.state, 'over', 'YouTube refuses < and > in titles');
    // the description counts UTF-8 bytes: é is 2
    await typeInto(page, '#description-box', 'Recette québécoise');
    b = await waitForBadge(page, (x) => x.platform === 'youtube-description' && x.text === `${Buffer.byteLength('Recette québécoise')} / 5\u202f000`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Mastodon: the instance\'s own limit from /api/v2/instance', async () => {
  await browser.context.route('https://mastodon.social/api/v2/instance', (route) =>
    route.fulfill({ json: { configuration: { statuses: { max_characters: 5000 } } }, headers: { 'access-control-allow-origin': '*' } }),
  );
  const { page } = await openPage('https://mastodon.social/home');
  try {
    await typeInto(page, MASTODON, 'Instance');
    await waitForBadge(page, (b) => b.text === '8 / 5\u202f000');
  } finally {
    await page.close();
    await browser.context.unrouteAll();
  }
});

test('Mastodon 3 (no /api/v2/instance): the limit from /api/v1/instance', async () => {
  await browser.context.route('https://mastodon.social/api/v2/instance', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await browser.context.route('https://mastodon.social/api/v1/instance', (route) =>
    route.fulfill({ json: { uri: 'mastodon.social', version: '3.5.19', configuration: { statuses: { max_characters: 1500 } } }, headers: { 'access-control-allow-origin': '*' } }),
  );
  const { page } = await openPage('https://mastodon.social/home');
  try {
    await typeInto(page, MASTODON, 'Ancienne');
    await waitForBadge(page, (b) => b.text === '8 / 1\u202f500');
  } finally {
    await page.close();
    await browser.context.unrouteAll();
  }
});

test('Trusted Types page: textarea and bare contenteditable both get the badge (wasm2js)', async () => {
  const { page, errors } = await openPage('https://mastodon.social/plain.html?csp=tt');
  try {
    await typeInto(page, 'textarea', 'Allô 👋');
    let b = await waitForBadge(page, (x) => x.text === `${graphemes('Allô 👋')} / 500`);
    assert.equal(b.engine, 'wasm2js');
    const ce = '[contenteditable="true"]';
    await typeInto(page, ce, 'Salut');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Chloé 🇫🇷');
    const text = await page.locator(ce).first().evaluate((el) => el.innerText);
    assert.match(text, /Salut\n+Chloé/);
    b = await waitForBadge(page, (x) => x.text === `${graphemes('Salut\nChloé 🇫🇷')} / 500`);
    assert.equal(b.state, 'ok');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a composer inserted late (single-page app) gets the badge', async () => {
  const { page } = await openPage('https://x.com/late.html');
  try {
    await page.locator(X_DRAFT).first().waitFor({ timeout: 10000 });
    await typeInto(page, X_DRAFT, 'Bonjour 👋');
    await waitForBadge(page, (x) => x.text === `${xLength('Bonjour 👋')} / 280`);
  } finally {
    await page.close();
  }
});

test('wasm2js engine keeps a 1,000,000-character text intact across memory growth', async () => {
  const { page } = await openPage('https://mastodon.social/plain.html?csp=strict');
  try {
    await typeInto(page, 'textarea', 'x');
    await waitForBadge(page, (x) => x.text === '1 / 500' && x.engine === 'wasm2js');
    const n = await page.locator('textarea').evaluate((ta) => {
      ta.value = 'éa👋'.repeat(333_334);
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      return ta.value.length;
    });
    assert.ok(n >= 1_000_000);
    const expected = graphemes('éa👋') * 333_334;
    const grouped = expected.toLocaleString('fr-FR').replace(/\s/g, '\u202f');
    const b = await waitForBadge(page, (x) => x.text === `${grouped} / 500`, { timeout: 60000 });
    assert.equal(b.state, 'over');
    // no mirror for a text that long: laying out a copy would cost seconds per keystroke
    assert.ok(!(await readFieldMark(page))?.visible);
    // strings still cross the boundary intact after the growth
    await page.locator('textarea').evaluate((ta) => {
      ta.value = 'Fini ✅';
      ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await waitForBadge(page, (x) => x.text === `${graphemes('Fini ✅')} / 500`);
  } finally {
    await page.close();
  }
});

test('lazy: on a network page nobody types in, the core is never loaded', async () => {
  const { page } = await openPage('https://x.com/explore');
  const loads = [];
  page.on('request', (r) => loads.push(r.url()));
  try {
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(1500);
    const tabs = await engineOfOnlyTab();
    assert.deepEqual(tabs.map((t) => [t.site, t.engine]), [['x', null]], 'hello sent, core not loaded');
    assert.equal(await readBadge(page), null);
    assert.deepEqual(loads.filter((u) => u.includes('/pkg/')), []);
  } finally {
    await page.close();
  }
});

test('no content script, hence no badge, outside the networks', async () => {
  const { page } = await openPage('https://example.org/');
  try {
    await typeInto(page, 'textarea', 'Bonjour');
    await page.waitForTimeout(1000);
    assert.equal(await readBadge(page), null);
  } finally {
    await page.close();
  }
});

test('the service worker runs the Rust core and answers typed requests', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const answer = await page.evaluate(() =>
      chrome.runtime.sendMessage({ protocol_version: 1, request_id: 't-count', body: { kind: 'count', text: 'Bonjour à tous', platform: 'threads' } }),
    );
    assert.equal(answer.kind, 'count');
    assert.equal(answer.report.length, 14);
    assert.equal(answer.report.limit, 500);
    const bad = await page.evaluate(() => chrome.runtime.sendMessage({ protocol_version: 99, request_id: 't-bad', body: { kind: 'hello' } }));
    assert.equal(bad.kind, 'error');
    assert.equal(bad.code, 'protocol.version');
  } finally {
    await page.close();
  }
});

async function axe(page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${source}\n;0`);
  return page.evaluate(async () => (await globalThis.axe.run()).violations.map((v) => `${v.id}: ${v.help}`));
}

test('popup: names the tab\'s network and engine, runs wasm, opens the options; axe-clean', async () => {
  const { page: site } = await openPage('https://x.com/home?csp=strict');
  const popup = await browser.context.newPage();
  try {
    await typeInto(site, X_DRAFT, 'a');
    await waitForBadge(site, (b) => b.text === '1 / 280');
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await site.bringToFront();
    await popup.reload();
    await popup.waitForSelector('body[data-ready="true"]');
    await popup.waitForFunction(() => !document.getElementById('status').textContent.includes('…'));
    assert.equal(await popup.locator('#status').textContent(), 'Cet onglet : X');
    assert.equal(await popup.locator('#rule').textContent(), 'Compteur : pondéré, limite 280');
    assert.match(await popup.locator('#engine').textContent(), /JavaScript/);
    assert.equal(await popup.locator('#version').textContent(), 'Version 0.1.0');
    assert.deepEqual(await axe(popup), []);
    await popup.setViewportSize({ width: 360, height: 260 });
    await popup.screenshot({ path: join(OUT, 'popup.png') });
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html') });
    // the popup closes itself once the options page is open: the key press may outlive it
    await popup.locator('#open-options').press('Enter', { noWaitAfter: true }).catch((e) => {
      if (!popup.isClosed()) throw e;
    });
    const options = await opened;
    await options.close();
  } finally {
    await site.close();
    if (!popup.isClosed()) await popup.close();
  }
});

test('options: keyboard-only save of X Premium changes the X limit; bad input is refused; dark mode; axe-clean', async () => {
  // a tab already counting before the settings change
  const { page: before } = await openPage('https://x.com/home');
  await typeInto(before, X_DRAFT, 'Avant');
  await waitForBadge(before, (b) => b.text === '5 / 280');
  const options = await browser.context.newPage();
  try {
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(await axe(options), []);
    // keyboard only: Tab to the checkbox, Space, Tab to the field, type, Enter
    await options.keyboard.press('Tab');
    assert.equal(await options.evaluate(() => document.activeElement.id), 'x-premium');
    await options.keyboard.press('Space');
    await options.keyboard.press('Tab');
    await options.keyboard.type('zéro');
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.getElementById('mastodon-limit-error').textContent.length > 0);
    assert.equal(await options.locator('#mastodon-limit').getAttribute('aria-invalid'), 'true');
    assert.equal(await browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings ?? null), null);
    await options.locator('#mastodon-limit').fill('1000');
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.getElementById('save-status').textContent === 'Enregistré.');
    const stored = await browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    assert.deepEqual(stored, { schema: 1, x_premium: true, mastodon_limit: 1000, mastodon_instances: [] });
    await options.emulateMedia({ colorScheme: 'dark' });
    const bg = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(17, 24, 39)');
    assert.deepEqual(await axe(options), []);
    await options.screenshot({ path: join(OUT, 'options-dark.png') });

    // the open tab counts with the new settings without a reload
    await waitForBadge(before, (b) => b.text === '5 / 25\u202f000');
    const { page } = await openPage('https://x.com/home');
    await typeInto(page, X_DRAFT, 'Premium');
    await waitForBadge(page, (b) => b.text === '7 / 25\u202f000');
    // the popup gives the same limit as the badge
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.bringToFront();
    await popup.reload();
    await popup.waitForSelector('body[data-ready="true"]');
    assert.equal(await popup.locator('#rule').textContent(), 'Compteur : pondéré, limite 25\u202f000');
    await popup.close();
    await page.close();
    const { page: m } = await openPage('https://mastodon.social/home');
    await typeInto(m, MASTODON, 'Instance');
    await waitForBadge(m, (b) => b.text === '8 / 1\u202f000');
    await m.close();
  } finally {
    await browser.worker.evaluate(() => chrome.storage.local.clear());
    await options.close();
    await before.close();
  }
});

test('dark mode: the badge follows the system colour scheme', async () => {
  const { page } = await openPage('https://x.com/home');
  try {
    await typeInto(page, X_DRAFT, 'Salut');
    const light = await waitForBadge(page, (b) => b.text === '5 / 280');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await waitForBadge(page, (b) => b.background !== light.background);
    assert.equal(dark.background, 'rgb(147, 197, 253)');
  } finally {
    await page.close();
  }
});

test('Mastodon instances: enabled from the options with the browser\'s grant, own limit, withdrawn, removed', async () => {
  const INSTANCE = 'https://piaille.fr/*';
  await browser.context.route('https://piaille.fr/api/v2/instance', (route) =>
    route.fulfill({ json: { domain: 'piaille.fr', configuration: { statuses: { max_characters: 5000 } } }, headers: { 'access-control-allow-origin': '*' } }),
  );
  const registered = () => browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches));
  const granted = () => browser.worker.evaluate((o) => chrome.permissions.contains({ origins: [o] }), INSTANCE);
  const stored = () => browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings ?? null);
  // a tab already open on the instance before it is enabled
  const { page: open, errors } = await openPage('https://piaille.fr/home');
  const options = await browser.context.newPage();
  try {
    await typeInto(open, MASTODON, 'Avant');
    await open.waitForTimeout(1000);
    assert.equal(await readBadge(open), null, 'not served before the user enables it');
    assert.deepEqual(await registered(), []);
    assert.equal(await granted(), false);

    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    assert.equal(await options.locator('#instances-empty').isVisible(), true);
    // refused before asking the browser anything
    await options.locator('#instance-host').fill('mastodon.social');
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.getElementById('instance-error').textContent.length > 0);
    assert.equal(await options.textContent('#instance-error'), 'mastodon.social fonctionne déjà, sans rien ajouter.');
    assert.equal(await options.locator('#instance-host').getAttribute('aria-invalid'), 'true');
    await options.locator('#instance-host').fill('pas une adresse');
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.getElementById('instance-error').textContent.startsWith('Entrez'));
    assert.equal(await stored(), null);

    // the user allows the site in the browser, then adds it by keyboard, typed as a handle
    await setSiteAccess(browser.context, browser.extensionId, INSTANCE, true);
    assert.deepEqual(await registered(), [], 'a grant alone serves nothing: the user did not enable it here');
    await options.locator('#instance-host').fill('@alice@Piaille.fr');
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.getElementById('instance-status').textContent.startsWith('piaille.fr est active'));
    assert.equal(await options.locator('#instance-host').getAttribute('aria-invalid'), null);
    assert.equal(await options.inputValue('#instance-host'), '');
    assert.deepEqual((await stored()).mastodon_instances, ['piaille.fr']);
    await options.waitForFunction(() =>
      document.querySelector('#instances-list li[data-host="piaille.fr"] .state')?.textContent === 'Active · limite de 5\u202f000 caractères');
    assert.equal(await options.locator('#instances-empty').isVisible(), false);
    assert.deepEqual(await axe(options), []);
    await options.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axe(options), []);
    await options.screenshot({ path: join(OUT, 'options-instances-dark.png'), fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });

    // an internationalised name is stored and granted as DNS has it, and shown as typed
    await setSiteAccess(browser.context, browser.extensionId, 'https://xn--coute-9ra.social/*', true);
    await options.locator('#instance-host').fill('Écoute.Social');
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.getElementById('instance-status').textContent.startsWith('écoute.social est active'));
    const idn = options.locator('#instances-list li[data-host="xn--coute-9ra.social"]');
    assert.equal(await idn.locator('.host').textContent(), 'écoute.social');
    assert.equal(await idn.locator('button[data-action="remove"]').getAttribute('aria-label'), 'Retirer écoute.social');
    await idn.locator('button[data-action="remove"]').click();
    await options.waitForFunction(() => document.getElementById('instance-status').textContent === 'écoute.social est retirée.');
    assert.deepEqual((await stored()).mastodon_instances, ['piaille.fr']);

    // the tab that was already open counts without a reload, with the instance's own limit
    await waitForBadge(open, (b) => b.text === `${graphemes('Avant')} / 5\u202f000`);
    await open.keyboard.press('Control+End');
    await open.keyboard.type(' 🎉 https://exemple.quebec/un/long/chemin');
    // a link counts 23 on Mastodon, whatever its length
    await waitForBadge(open, (b) => b.text === `${graphemes('Avant 🎉 ') + 23} / 5\u202f000`);
    assert.deepEqual(await registered(), [[INSTANCE]]);
    // and a new tab gets the registered content script; the background knows it as Mastodon
    const { page: fresh } = await openPage('https://piaille.fr/home');
    await typeInto(fresh, MASTODON, 'Allô');
    await waitForBadge(fresh, (b) => b.text === '4 / 5\u202f000');
    const tabs = Object.values((await backgroundState(browser.worker)).tabs);
    assert.ok(tabs.some((t) => t.site === 'mastodon' && t.engine && t.host === 'piaille.fr'), JSON.stringify(tabs));
    // the popup names the network and the instance's own limit
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await fresh.bringToFront();
    await popup.reload();
    await popup.waitForSelector('body[data-ready="true"]');
    assert.equal(await popup.locator('#status').textContent(), 'Cet onglet : Mastodon');
    assert.match(await popup.locator('#rule').textContent(), /, limite 5\u202f000$/);
    await popup.close();
    await fresh.close();

    // the user withdraws the access from the browser's settings: no longer served, shown as such
    await setSiteAccess(browser.context, browser.extensionId, INSTANCE, false);
    await browser.worker.evaluate(async () => {
      for (let i = 0; i < 100 && (await chrome.scripting.getRegisteredContentScripts()).length > 0; i++) {
        await new Promise((ok) => setTimeout(ok, 50));
      }
    });
    assert.deepEqual(await registered(), []);
    // the options page, still open, shows it at once
    await options.waitForFunction(() =>
      document.querySelector('#instances-list li[data-host="piaille.fr"] .state')?.textContent === 'Accès non accordé : Porte-voix n’y compte pas.');
    assert.equal(await options.getAttribute('#instances-list button[data-action="grant"]', 'aria-label'), 'Autoriser Porte-voix sur piaille.fr');
    const { page: withdrawn } = await openPage('https://piaille.fr/home');
    await typeInto(withdrawn, MASTODON, 'Après');
    await withdrawn.waitForTimeout(1000);
    assert.equal(await readBadge(withdrawn), null);
    await withdrawn.close();

    // removed by keyboard: focus the row's Remove button, Enter
    await options.focus('#instances-list button[data-action="remove"]');
    assert.equal(await options.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Retirer piaille.fr');
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.getElementById('instance-status').textContent === 'piaille.fr est retirée.');
    assert.equal(await options.evaluate(() => document.activeElement.id), 'instance-host');
    assert.deepEqual((await stored()).mastodon_instances, []);
    assert.equal(await granted(), false);
    assert.equal(await options.locator('#instances-empty').isVisible(), true);
    assert.deepEqual(errors, []);
  } finally {
    await open.close();
    await options.close();
    await browser.context.unrouteAll();
    await browser.worker.evaluate(() => chrome.storage.local.clear());
  }
});
