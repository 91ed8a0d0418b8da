// Firefox smoke test: Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi
// (Playwright cannot drive this build), installs dist/firefox as a temporary add-on; the badge
// must appear on a composer of a fixture page served with a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startServer, HOSTS } from './lib/server.mjs';
import { ROOT } from './lib/chromium.mjs';
import { buildFixtures } from './build-fixtures.mjs';

const OUT = join(ROOT, 'build/e2e/screenshots');
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
    extraPrefsFirefox: {
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
