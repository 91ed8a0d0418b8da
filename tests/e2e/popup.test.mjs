// The popup: the tab's network, the rule the badge counts with, the engine, the version, and the
// way to the options; keyboard and axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitForBadge } from './lib/chromium.mjs';
import { t } from './lib/locales.mjs';
import { chromiumSuite, openPage, openPopupFor, typeInto, setSettings, axe, grouped, X_DRAFT, SCREENSHOTS } from './lib/suite.mjs';

const suite = chromiumSuite();
const VERSION = JSON.parse((await import('node:fs')).readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')).version;

test('popup: names the tab\'s network and engine, runs wasm, opens the options; axe-clean', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  const { page: site } = await openPage(browser, 'https://x.com/home?csp=strict');
  let popup;
  try {
    await typeInto(site, X_DRAFT, 'a');
    await waitForBadge(site, (b) => b.text === '1 / 280');
    popup = await openPopupFor(browser, site);
    assert.equal(await popup.locator('#status').textContent(), t('popup_on_site', ['X']));
    assert.equal(await popup.locator('#rule').textContent(), t('popup_rule', [t('unit_weighted'), '280']));
    assert.equal(await popup.locator('#engine').textContent(), t('popup_engine_wasm2js'));
    assert.equal(await popup.locator('#version').textContent(), t('popup_version', [VERSION]));
    assert.deepEqual(await axe(popup), []);
    await popup.setViewportSize({ width: 360, height: 260 });
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png') });
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html') });
    // the popup closes itself once the options page is open: the key press may outlive it
    await popup.locator('#open-options').press('Enter', { noWaitAfter: true }).catch((e) => {
      if (!popup.isClosed()) throw e;
    });
    const options = await opened;
    await options.close();
  } finally {
    await site.close();
    if (popup && !popup.isClosed()) await popup.close();
  }
});

test('popup: the wasm engine on a page that allows it', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  const { page: site } = await openPage(browser, 'https://x.com/home?csp=none');
  let popup;
  try {
    await typeInto(site, X_DRAFT, 'a');
    await waitForBadge(site, (b) => b.text === '1 / 280' && b.engine === 'wasm');
    popup = await openPopupFor(browser, site);
    assert.equal(await popup.locator('#engine').textContent(), t('popup_engine_wasm'));
  } finally {
    await site.close();
    if (popup && !popup.isClosed()) await popup.close();
  }
});

test('popup: the limit it shows is the one the badge counts with (X Premium)', async () => {
  const { browser } = suite;
  await setSettings(browser, { schema: 1, x_premium: true, mastodon_limit: null, mastodon_instances: [] });
  const { page: site } = await openPage(browser, 'https://x.com/home');
  let popup;
  try {
    await typeInto(site, X_DRAFT, 'Premium');
    await waitForBadge(site, (b) => b.text === `7 / ${grouped(25000)}`);
    popup = await openPopupFor(browser, site);
    assert.equal(await popup.locator('#rule').textContent(), t('popup_rule', [t('unit_weighted'), grouped(25000)]));
  } finally {
    await site.close();
    if (popup && !popup.isClosed()) await popup.close();
    await setSettings(browser, null);
  }
});

test('popup: on a page that is not a network, it says so', async () => {
  const { browser } = suite;
  const { page: site } = await openPage(browser, 'https://example.org/');
  let popup;
  try {
    popup = await openPopupFor(browser, site);
    assert.equal(await popup.locator('#status').textContent(), t('popup_unsupported'));
  } finally {
    await site.close();
    if (popup && !popup.isClosed()) await popup.close();
  }
});
