// The options page: the counting settings saved by keyboard, bad input refused with its message,
// open tabs following the new settings without a reload, dark mode, axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitForBadge } from './lib/chromium.mjs';
import { t } from './lib/locales.mjs';
import { chromiumSuite, openPage, typeInto, setSettings, storedSettings, axe, grouped, X_DRAFT, MASTODON, SCREENSHOTS } from './lib/suite.mjs';

const suite = chromiumSuite();

async function openOptions(browser) {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForSelector('body[data-ready="true"]');
  return options;
}

test('options: keyboard-only save of X Premium and a Mastodon limit; bad input is refused; axe-clean', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  const options = await openOptions(browser);
  try {
    assert.deepEqual(await axe(options), []);
    // keyboard only: Tab to the checkbox, Space, Tab to the field, type, Enter
    await options.keyboard.press('Tab');
    assert.equal(await options.evaluate(() => document.activeElement.id), 'x-premium');
    await options.keyboard.press('Space');
    await options.keyboard.press('Tab');
    await options.keyboard.type('zéro');
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.getElementById('mastodon-limit-error').textContent.length > 0);
    assert.equal(await options.textContent('#mastodon-limit-error'), t('error_settings_mastodon_limit'));
    assert.equal(await options.locator('#mastodon-limit').getAttribute('aria-invalid'), 'true');
    assert.equal(await storedSettings(browser), null);
    await options.locator('#mastodon-limit').fill('1000');
    await options.keyboard.press('Enter');
    await options.waitForFunction((saved) => document.getElementById('save-status').textContent === saved, t('options_saved'));
    assert.deepEqual(await storedSettings(browser), { schema: 2, x_premium: true, mastodon_limit: 1000, mastodon_instances: [], tone_disabled: [], tone_register: null });
  } finally {
    await options.close();
    await setSettings(browser, null);
  }
});

test('options: dark mode follows the system colour scheme; axe-clean', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  const options = await openOptions(browser);
  try {
    await options.emulateMedia({ colorScheme: 'dark' });
    const bg = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(17, 24, 39)');
    assert.deepEqual(await axe(options), []);
    await options.screenshot({ path: join(SCREENSHOTS, 'options-dark.png') });
  } finally {
    await options.close();
  }
});

test('options: tabs already open count with the new settings without a reload, new tabs too', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  const { page: before } = await openPage(browser, 'https://x.com/home');
  const options = await openOptions(browser);
  try {
    await typeInto(before, X_DRAFT, 'Avant');
    await waitForBadge(before, (b) => b.text === '5 / 280');
    await options.locator('#x-premium').check();
    await options.locator('#mastodon-limit').fill('1000');
    await options.keyboard.press('Enter');
    await options.waitForFunction((saved) => document.getElementById('save-status').textContent === saved, t('options_saved'));
    await waitForBadge(before, (b) => b.text === `5 / ${grouped(25000)}`);
    const { page } = await openPage(browser, 'https://x.com/home');
    await typeInto(page, X_DRAFT, 'Premium');
    await waitForBadge(page, (b) => b.text === `7 / ${grouped(25000)}`);
    await page.close();
    const { page: m } = await openPage(browser, 'https://mastodon.social/home');
    await typeInto(m, MASTODON, 'Instance');
    await waitForBadge(m, (b) => b.text === `8 / ${grouped(1000)}`);
    await m.close();
  } finally {
    await options.close();
    await before.close();
    await setSettings(browser, null);
  }
});
