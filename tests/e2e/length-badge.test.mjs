// The length badge on every network's composer, in Debian's Chromium with the built extension:
// fixture pages host the real editor libraries at the networks' host names, with the CSP headers
// real networks send (strict: the wasm2js engine) or none (the wasm engine). Counts are checked
// against independent oracles (twitter-text, @atproto/api, grapheme clusters, UTF-16, bytes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readBadge, waitForBadge } from './lib/chromium.mjs';
import { t } from './lib/locales.mjs';
import { chromiumSuite, openPage, typeInto, tabInfo, setSettings, xLength, parseTweet, graphemes, grouped, FRENCH, X_DRAFT, SCREENSHOTS } from './lib/suite.mjs';
import { bluesky } from '../oracle/lib/bluesky.mjs';

const suite = chromiumSuite();

const cases = [
  { csp: 'strict', engine: 'wasm2js' },
  { csp: 'none', engine: 'wasm' },
  { csp: 'wasm', engine: 'wasm' },
  { csp: 'unsafeeval', engine: 'wasm' },
  { csp: 'defaultnone', engine: 'wasm2js' },
];

for (const { csp, engine } of cases) {
  test(`X Draft.js composer, CSP ${csp}: ${engine} engine, exact weighted count, over-limit state`, async () => {
    const { browser } = suite;
    await setSettings(browser, null);
    const { page, errors } = await openPage(browser, `https://x.com/compose/post?csp=${csp}`);
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
      const expectedOverflow = full.slice(parseTweet(full).validRangeEnd + 1);
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
      const tab = await tabInfo(browser, page);
      assert.deepEqual([tab?.site, tab?.engine], ['x', engine]);
      assert.deepEqual(errors, []);
      if (csp === 'strict') await page.screenshot({ path: join(SCREENSHOTS, 'x-strict.png') });
    } finally {
      await page.close();
    }
  });
}

// X counts after NFC; the in-page engine asks the browser's String.prototype.normalize. Text typed
// decomposed (an accent as a combining mark, as some keyboards and pastes produce it; Vietnamese;
// Hangul as jamo; singletons such as the ångström sign) counts as twitter-text counts it, on both
// engines, within the limit and past it.
const DECOMPOSED = 'Re\u0301ponse de\u0301ja\u0300 envoye\u0301e a\u0300 Montre\u0301al ' +
  'Vie\u0323\u0302t ca\u0309m o\u031Bn \u1100\u1161\u11A8\u1112\u1161\u11B8 \u212B \uF900 👍🏽 ';
for (const { csp, engine } of [{ csp: 'none', engine: 'wasm' }, { csp: 'strict', engine: 'wasm2js' }]) {
  test(`X, text typed decomposed: counted after NFC as twitter-text does (${engine} engine)`, async () => {
    const { page, errors } = await openPage(suite.browser, `https://x.com/compose/post?csp=${csp}`);
    try {
      await page.locator(X_DRAFT).first().click();
      await page.keyboard.insertText(DECOMPOSED);
      assert.equal(await page.evaluate(() => window.__fixture.modelText()), DECOMPOSED, 'the editor keeps the text decomposed');
      const expected = xLength(DECOMPOSED);
      assert.ok(expected < [...DECOMPOSED].length, 'NFC changes this count');
      const b = await waitForBadge(page, (x) => x.text === `${expected} / 280`, { what: `${expected} / 280` });
      assert.equal(b.engine, engine);
      const more = DECOMPOSED.repeat(4);
      await page.keyboard.insertText(more);
      const over = xLength(DECOMPOSED + more);
      assert.ok(over > 280);
      const o = await waitForBadge(page, (x) => x.text === `${over} / 280`, { what: `${over} / 280` });
      assert.equal(o.state, 'over');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}

// Every other network's composer, with its real editor library, under the strict CSP those
// networks send: the badge names the right platform and counts exactly what the editor's model
// holds (what the network would post). Uncertain rules count UTF-16 units and say "≈".
const NETWORKS = [
  { url: 'https://www.facebook.com/', field: '[aria-label^="Quoi de neuf"]', platform: 'facebook', limit: 63206, unit: 'utf16' },
  { url: 'https://www.facebook.com/', field: '[aria-label="Écrire un commentaire…"]', platform: 'facebook-comment', limit: 8000, unit: 'utf16' },
  { url: 'https://www.instagram.com/p/fixture/', field: 'textarea[aria-label]', platform: 'instagram', limit: 2200, unit: 'utf16' },
  { url: 'https://bsky.app/', field: '.ProseMirror', platform: 'bluesky', limit: 300, unit: 'graphemes' },
  { url: 'https://www.threads.com/', field: '[data-lexical-editor]', platform: 'threads', limit: 500, unit: 'utf16' },
  { url: 'https://www.reddit.com/r/montreal/comments/fixture/', field: '[slot="rte"]', platform: 'reddit-comment', limit: 10000, unit: 'utf16' },
  { url: 'https://www.youtube.com/watch?v=fixture', field: '#contenteditable-root', platform: 'youtube-comment', limit: 10000, unit: 'utf16' },
  { url: 'https://www.tiktok.com/@boulangerie.st.roch/video/7300000000000000000', field: '[data-e2e="comment-input"] .public-DraftEditor-content', platform: 'tiktok-comment', limit: 150, unit: 'utf16' },
];

for (const n of NETWORKS) {
  test(`${n.platform}: the badge counts the editor's model as the network does`, async () => {
    const { page, errors } = await openPage(suite.browser, n.url);
    try {
      await page.waitForFunction(() => window.__fixture?.ready);
      await typeInto(page, n.field, FRENCH);
      const model = await page.evaluate((sel) => window.__fixture.modelText(sel), n.field);
      assert.equal(model, FRENCH, 'the editor holds what was typed');
      const count = n.unit === 'graphemes' ? graphemes(model) : model.length;
      const expected = `${n.unit === 'utf16' ? '≈ ' : ''}${count} / ${grouped(n.limit)}`;
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
  const { page, errors } = await openPage(suite.browser, 'https://bsky.app/');
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
  const { page, errors } = await openPage(suite.browser, 'https://www.linkedin.com/feed/');
  try {
    await page.waitForFunction(() => window.__fixture?.ready);
    await typeInto(page, '.share-box .ql-editor', 'Nouvelle offre');
    let b = await waitForBadge(page, (x) => x.platform === 'linkedin' && x.text === `≈ 14 / ${grouped(3000)}`);
    assert.ok(b.title.includes(t('badge_approximate')), b.title);
    await typeInto(page, '.comments-comment-box .ql-editor', 'Bravo !');
    // wait for the whole text: the badge may first show a keystroke behind
    b = await waitForBadge(page, (x) => x.platform === 'linkedin-comment' && x.text === `≈ 7 / ${grouped(1250)}`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('YouTube Studio: the title and the description have their own rules', async () => {
  const { page, errors } = await openPage(suite.browser, 'https://studio.youtube.com/studio.html');
  try {
    await typeInto(page, '#title-box', 'Tarte au sucre <facile>');
    let b = await waitForBadge(page, (x) => x.platform === 'youtube-title' && x.text === '≈ 23 / 100');
    assert.equal(b.state, 'over', 'YouTube refuses < and > in titles');
    // the description counts UTF-8 bytes: é is 2
    await typeInto(page, '#description-box', 'Recette québécoise');
    b = await waitForBadge(page, (x) => x.platform === 'youtube-description' && x.text === `${Buffer.byteLength('Recette québécoise')} / ${grouped(5000)}`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Trusted Types page: textarea and bare contenteditable both get the badge (wasm2js)', async () => {
  const { page, errors } = await openPage(suite.browser, 'https://mastodon.social/plain.html?csp=tt');
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
  const { page } = await openPage(suite.browser, 'https://x.com/late.html');
  try {
    await page.locator(X_DRAFT).first().waitFor({ timeout: 10000 });
    await typeInto(page, X_DRAFT, 'Bonjour 👋');
    await waitForBadge(page, (x) => x.text === `${xLength('Bonjour 👋')} / 280`);
  } finally {
    await page.close();
  }
});

test('no content script, hence no badge, outside the networks', async () => {
  const { page } = await openPage(suite.browser, 'https://example.org/');
  try {
    await typeInto(page, 'textarea', 'Bonjour');
    await page.waitForTimeout(1000);
    assert.equal(await readBadge(page), null);
  } finally {
    await page.close();
  }
});

test('dark mode: the badge follows the system colour scheme', async () => {
  const { page } = await openPage(suite.browser, 'https://x.com/home');
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
