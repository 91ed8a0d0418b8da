// Firefox smoke test: Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi
// (Playwright cannot drive this build), installs dist/firefox as a temporary add-on; the badge
// must appear on a composer of a fixture page served with a strict CSP; a Mastodon instance added
// in the options page must be granted (Firefox's own automation pref answers the permission
// request without its prompt), registered and counted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startServer, HOSTS } from './lib/server.mjs';
import { ROOT } from './lib/chromium.mjs';
import { buildFixtures } from './build-fixtures.mjs';

const OUT = join(ROOT, 'build/e2e/screenshots');
const ADDON_ID = 'porte-voix@porte-voix.org';
// a known moz-extension:// address, so the test can open the options page
const ADDON_UUID = '5d0c1e0e-7a43-4d6a-9a55-2b1f4c3e8a01';
mkdirSync(OUT, { recursive: true });
let server;
let browser;

before(async () => {
  await buildFixtures();
  server = await startServer();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    // lets WebDriver BiDi open the add-on's own pages (moz-extension://)
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // permissions.request() is granted without its prompt, which a headless test cannot click
      'extensions.webextOptionalPermissionPrompts': false,
      // French first, as in Chromium (Debian's firefox-esr-l10n-fr language pack)
      'intl.locale.requested': 'fr',
      // the networks' host names resolve to this machine (the fixture server)
      'network.dns.localDomains': Object.keys(HOSTS).flatMap((h) => [h, `www.${h}`]).join(','),
      'network.proxy.type': 0,
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('Firefox: the add-on installs and the badge appears on a strict-CSP page', async () => {
  const id = await browser.installExtension(join(ROOT, 'dist/firefox'));
  assert.match(id, /porte-voix@/);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`https://mastodon.social:${server.port}/plain.html?csp=strict`, { waitUntil: 'load' });
  await page.click('textarea');
  await page.keyboard.type('Bonjour de Firefox');
  await page.waitForFunction(
    () => {
      const host = document.querySelector('porte-voix-badge');
      return host && host.hasAttribute('data-visible') && host.getBoundingClientRect().width > 0;
    },
    { timeout: 20000 },
  );
  const badge = await page.evaluate(() => {
    const host = document.querySelector('porte-voix-badge');
    return { engine: host.dataset.engine, open: host.shadowRoot !== null };
  });
  // Firefox lets content scripts compile wasm whatever the page's CSP
  assert.equal(badge.engine, 'wasm');
  assert.equal(badge.open, false, 'the shadow root is closed');
  await page.screenshot({ path: join(OUT, 'firefox-mastodon.png') });
  assert.deepEqual(errors, []);
});

test('Firefox: a Mastodon instance added in the options is granted, registered and counted', async () => {
  const options = await browser.newPage();
  const page = await browser.newPage();
  try {
    // the options page loads in the add-on's process: the tab's first frame is replaced, so the
    // navigation promise never settles; the page is driven once it is ready
    options.goto(`moz-extension://${ADDON_UUID}/options.html`, { timeout: 10000 }).catch(() => {});
    await options.waitForFunction(() => document.body?.dataset.ready === 'true', { timeout: 20000 });
    await options.focus('#instance-host');
    await options.keyboard.type('@alice@piaille.fr');
    await options.keyboard.press('Enter');
    await options.waitForFunction(
      () => document.querySelector('#instances-list li[data-host="piaille.fr"] .state.ok') !== null,
      { timeout: 10000 },
    );
    assert.equal(
      await options.evaluate(() => document.getElementById('instance-status').textContent),
      'piaille.fr est active : les onglets ouverts sur cette instance comptent déjà.',
    );

    await page.goto(`https://piaille.fr:${server.port}/plain.html?csp=strict`, { waitUntil: 'load' });
    await page.click('textarea');
    await page.keyboard.type('Allô Firefox');
    await page.waitForFunction(
      () => {
        const host = document.querySelector('porte-voix-badge');
        return host && host.hasAttribute('data-visible') && host.getBoundingClientRect().width > 0;
      },
      { timeout: 20000 },
    );
    await page.screenshot({ path: join(OUT, 'firefox-instance.png') });
  } finally {
    await page.close();
    await options.close();
  }
});

test('Firefox: the popup runs the core and says when the tab is not a network', async () => {
  const popup = await browser.newPage();
  try {
    popup.goto(`moz-extension://${ADDON_UUID}/popup.html`, { timeout: 10000 }).catch(() => {});
    await popup.waitForFunction(() => document.body?.dataset.ready === 'true', { timeout: 20000 });
    const { status, version, lang } = await popup.evaluate(() => ({
      status: document.getElementById('status').textContent,
      version: document.getElementById('version').textContent,
      lang: document.documentElement.lang,
    }));
    // the active tab is the popup's own page here: not a network
    assert.equal(lang, 'fr');
    const messages = JSON.parse(readFileSync(join(ROOT, 'extension/_locales/fr/messages.json'), 'utf8'));
    assert.equal(status, messages.popup_unsupported.message);
    assert.match(version, /\d+\.\d+\.\d+/);
  } finally {
    await popup.close();
  }
});
