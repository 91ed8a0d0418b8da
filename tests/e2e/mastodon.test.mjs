// Mastodon's badge: graphemes, 23 per link, the content warning counted with the text, the
// near and over states with their screen-reader announcements, and the instance's own limit
// read from its API (Mastodon 4's /api/v2/instance, Mastodon 3's /api/v1/instance).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFieldMark, waitForBadge } from './lib/chromium.mjs';
import { t } from './lib/locales.mjs';
import { chromiumSuite, openPage, typeInto, setSettings, graphemes, grouped, FRENCH, MASTODON, SCREENSHOTS } from './lib/suite.mjs';

const suite = chromiumSuite();

test('Mastodon React textarea, strict CSP: grapheme count and near/over states', async () => {
  await setSettings(suite.browser, null);
  const { page, errors } = await openPage(suite.browser, 'https://mastodon.social/home');
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
    const announcedOver = t('badge_announce_over', ['Mastodon', '1']);
    assert.equal(over.live, announcedOver);
    // further keystrokes over the limit are not announced again
    await page.keyboard.insertText('c');
    const further = await waitForBadge(page, (x) => x.text === '502 / 500');
    assert.equal(further.live, announcedOver);
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
    await page.screenshot({ path: join(SCREENSHOTS, 'mastodon-over.png') });
    // back under the limit: the mark goes
    await page.keyboard.press('Backspace');
    const back = await waitForBadge(page, (x) => x.text === '500 / 500');
    assert.equal(back.live, t('badge_announce_under', ['Mastodon', '0']));
    assert.equal((await readFieldMark(page)).visible, false);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Mastodon: the content warning counts with the text, from either field', async () => {
  await setSettings(suite.browser, null);
  const { page, errors } = await openPage(suite.browser, 'https://mastodon.social/home');
  const CW = 'input.spoiler-input__input';
  const withWarning = t('badge_with_content_warning');
  try {
    await typeInto(page, MASTODON, 'Résultats du concours');
    await waitForBadge(page, (x) => x.text === `${graphemes('Résultats du concours')} / 500`);
    // typing the warning: the badge stays the post's, and adds the warning's graphemes
    await typeInto(page, CW, 'Divulgâcheur 🎬');
    let b = await waitForBadge(page, (x) => x.text === `${graphemes('Résultats du concours') + graphemes('Divulgâcheur 🎬')} / 500`);
    assert.equal(b.platform, 'mastodon');
    assert.ok(b.title.endsWith(withWarning), b.title);
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
    assert.ok(!b.title.includes(withWarning), b.title);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Mastodon: a link counts 23, whatever its length', async () => {
  await setSettings(suite.browser, null);
  const { page, errors } = await openPage(suite.browser, 'https://mastodon.social/home');
  try {
    const text = 'Lisez https://www.lapresse.ca/actualites/2025-06-24/fete-nationale-du-quebec.php 🎉';
    await typeInto(page, MASTODON, text);
    await waitForBadge(page, (x) => x.text === `${graphemes('Lisez  🎉') + 23} / 500`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Mastodon: the instance\'s own limit from /api/v2/instance', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  await browser.context.route('https://mastodon.social/api/v2/instance', (route) =>
    route.fulfill({ json: { configuration: { statuses: { max_characters: 5000 } } }, headers: { 'access-control-allow-origin': '*' } }),
  );
  const { page } = await openPage(browser, 'https://mastodon.social/home');
  try {
    await typeInto(page, MASTODON, 'Instance');
    await waitForBadge(page, (b) => b.text === `8 / ${grouped(5000)}`);
  } finally {
    await page.close();
    await browser.context.unrouteAll();
  }
});

test('Mastodon 3 (no /api/v2/instance): the limit from /api/v1/instance', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  await browser.context.route('https://mastodon.social/api/v2/instance', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await browser.context.route('https://mastodon.social/api/v1/instance', (route) =>
    route.fulfill({ json: { uri: 'mastodon.social', version: '3.5.19', configuration: { statuses: { max_characters: 1500 } } }, headers: { 'access-control-allow-origin': '*' } }),
  );
  const { page } = await openPage(browser, 'https://mastodon.social/home');
  try {
    await typeInto(page, MASTODON, 'Ancienne');
    await waitForBadge(page, (b) => b.text === `8 / ${grouped(1500)}`);
  } finally {
    await page.close();
    await browser.context.unrouteAll();
  }
});

test('Mastodon: the limit set in the options wins over the instance\'s', async () => {
  const { browser } = suite;
  await setSettings(browser, { schema: 1, x_premium: false, mastodon_limit: 1000, mastodon_instances: [] });
  await browser.context.route('https://mastodon.social/api/v2/instance', (route) =>
    route.fulfill({ json: { configuration: { statuses: { max_characters: 5000 } } }, headers: { 'access-control-allow-origin': '*' } }),
  );
  const { page } = await openPage(browser, 'https://mastodon.social/home');
  try {
    await typeInto(page, MASTODON, 'Instance');
    await waitForBadge(page, (b) => b.text === `8 / ${grouped(1000)}`);
  } finally {
    await page.close();
    await browser.context.unrouteAll();
    await setSettings(browser, null);
  }
});
