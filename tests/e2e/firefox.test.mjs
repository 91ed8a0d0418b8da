// Firefox ESR (puppeteer-core over WebDriver BiDi) with dist/firefox installed as a temporary
// add-on: the badge's counts on strict-CSP pages (Firefox lets content scripts run wasm whatever
// the page's CSP), a Mastodon instance added in the options (Firefox's automation pref grants the
// permission request without its prompt) and counted with its limit, and the popup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { t } from './lib/locales.mjs';
import { firefoxSuite, openPage, openAddonPage, clearSettings, waitForBadge } from './lib/firefox.mjs';
import { SCREENSHOTS, xLength, graphemes, FRENCH, X_DRAFT } from './lib/suite.mjs';
import { bluesky } from '../oracle/lib/bluesky.mjs';

const suite = firefoxSuite();

test('Firefox: Mastodon on a strict-CSP page, wasm engine, grapheme count and over state', async () => {
  await clearSettings(suite);
  const { page, errors } = await openPage(suite, 'mastodon.social', '/plain.html?csp=strict');
  try {
    await page.click('textarea');
    await page.keyboard.type(FRENCH);
    const b = await waitForBadge(page, (x) => x.text === `${graphemes(FRENCH)} / 500`);
    // Firefox lets content scripts compile wasm whatever the page's CSP
    assert.equal(b.engine, 'wasm');
    assert.equal(b.platform, 'mastodon');
    assert.equal(b.state, 'ok');
    assert.equal(b.shadowRootType, 'closed');
    assert.ok(b.visible);
    // the crossing is announced once, with the count at that moment; further keys are not
    await page.keyboard.type('a'.repeat(500 - graphemes(FRENCH) + 1));
    const over = await waitForBadge(page, (x) => x.text === '501 / 500');
    assert.equal(over.state, 'over');
    const announced = t('badge_announce_over', ['Mastodon', '1']);
    assert.equal(over.live, announced);
    await page.keyboard.type('a');
    const further = await waitForBadge(page, (x) => x.text === '502 / 500');
    assert.equal(further.live, announced);
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-mastodon.png') });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Firefox: X\'s Draft.js composer counts as twitter-text does', async () => {
  await clearSettings(suite);
  const { page, errors } = await openPage(suite, 'x.com', '/compose/post?csp=strict');
  try {
    await page.click(X_DRAFT);
    await page.keyboard.type(FRENCH);
    const b = await waitForBadge(page, (x) => x.text === `${xLength(FRENCH)} / 280`, { what: `${xLength(FRENCH)} / 280` });
    assert.equal(b.platform, 'x');
    assert.equal(b.engine, 'wasm');
    assert.equal(await page.evaluate(() => window.__fixture.modelText()), FRENCH);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Firefox: Bluesky\'s TipTap composer shortens links as the app does', async () => {
  const { page, errors } = await openPage(suite, 'bsky.app', '/');
  try {
    await page.waitForFunction(() => window.__fixture?.ready);
    const text = 'Lire https://www.lapresse.ca/actualites/2025-01-01/article.php 🎉';
    await page.click('.ProseMirror');
    await page.keyboard.type(text);
    const model = await page.evaluate(() => window.__fixture.modelText('.ProseMirror'));
    assert.equal(model, text);
    await waitForBadge(page, (x) => x.platform === 'bluesky' && x.text === `${bluesky(model).length} / 300`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Firefox: a Mastodon instance added in the options is granted, registered and counted', async () => {
  await clearSettings(suite);
  const options = await openAddonPage(suite, 'options.html');
  let page;
  try {
    await options.focus('#instance-host');
    await options.keyboard.type('@alice@piaille.fr');
    await options.keyboard.press('Enter');
    await options.waitForFunction(
      () => document.querySelector('#instances-list li[data-host="piaille.fr"] .state.ok') !== null,
      { timeout: 10000 },
    );
    assert.equal(
      await options.evaluate(() => document.getElementById('instance-status').textContent),
      t('options_instance_added', ['piaille.fr']),
    );
    ({ page } = await openPage(suite, 'piaille.fr', '/plain.html?csp=strict'));
    await page.click('textarea');
    await page.keyboard.type('Allô Firefox 👋');
    // the instance's API (the fixture's /api/v2/instance) says 500
    const b = await waitForBadge(page, (x) => x.text === `${graphemes('Allô Firefox 👋')} / 500`);
    assert.equal(b.platform, 'mastodon');
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-instance.png') });
  } finally {
    await page?.close();
    await options.evaluate(() => chrome.storage.local.clear());
    await options.close();
  }
});

test('Firefox: the popup runs the extension\'s engine and says when the tab is not a network', async () => {
  const popup = await openAddonPage(suite, 'popup.html');
  try {
    const { status, version, lang } = await popup.evaluate(() => ({
      status: document.getElementById('status').textContent,
      version: document.getElementById('version').textContent,
      lang: document.documentElement.lang,
    }));
    // the active tab is the popup's own page here: not a network
    assert.equal(lang, 'fr');
    assert.equal(status, t('popup_unsupported'));
    assert.match(version, /\d+\.\d+\.\d+/);
  } finally {
    await popup.close();
  }
});
