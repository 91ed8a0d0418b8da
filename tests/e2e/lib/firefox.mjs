// Launches Debian's Firefox ESR through puppeteer-core (WebDriver BiDi; Playwright cannot drive
// this build) with the built add-on (dist/firefox) installed, the fixture hosts resolved to this
// machine, French first, and a known moz-extension:// address for the add-on's pages. Reads the
// badge through a test-only probe add-on (lib/firefox-probe/): the badge's shadow root is closed,
// and Firefox's BiDi has no DevTools protocol to pierce it.
import { before, after } from 'node:test';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer, HOSTS } from './server.mjs';
import { ROOT } from './chromium.mjs';
import { buildFixtures } from '../build-fixtures.mjs';

export const ADDON_ID = 'porte-voix@porte-voix.org';
/** The add-on's moz-extension:// host, fixed so the tests can open its pages. */
export const ADDON_UUID = '5d0c1e0e-7a43-4d6a-9a55-2b1f4c3e8a01';

/** Starts the fixture server and Firefox with the add-on for this file's tests. */
export function firefoxSuite() {
  const suite = { browser: null, server: null, addonId: null };
  before(async () => {
    await buildFixtures();
    suite.server = await startServer();
    suite.browser = await puppeteer.launch({
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
    suite.addonId = await suite.browser.installExtension(join(ROOT, 'dist/firefox'));
    await suite.browser.installExtension(join(ROOT, 'tests/e2e/lib/firefox-probe'));
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * A new page at `https://<host>:<port><path>`, with the page's uncaught errors collected;
 * `beforeLoad(page)`, when given, runs before it is loaded (a preload script…).
 */
export async function openPage(suite, host, path, { beforeLoad } = {}) {
  const page = await suite.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await beforeLoad?.(page);
  await page.goto(`https://${host}:${suite.server.port}${path}`, { waitUntil: 'load' });
  return { page, errors };
}

/**
 * One of the add-on's pages (options.html, popup.html), once its engine has started. The page
 * loads in the add-on's process: the tab's first frame is replaced, so the navigation promise
 * never settles; the page is driven once it says it is ready. A wait that the replacement of
 * the frame interrupts ("Waiting failed": its document went away) is started again in the new
 * one, until the deadline.
 */
export async function openAddonPage(suite, file) {
  const page = await suite.browser.newPage();
  page.goto(`moz-extension://${ADDON_UUID}/${file}`, { timeout: 10000 }).catch(() => {});
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      await page.waitForFunction(() => document.body?.dataset.ready === 'true', { timeout: Math.max(1, deadline - Date.now()) });
      return page;
    } catch (err) {
      if (!/Waiting failed/.test(String(err?.message ?? err)) || Date.now() >= deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Clears the add-on's stored settings (from one of its own pages). */
export async function clearSettings(suite) {
  const page = await openAddonPage(suite, 'options.html');
  try {
    await page.evaluate(() => chrome.storage.local.clear());
  } finally {
    await page.close();
  }
}

/** The badge's state as the probe copied it (text, state, platform, engine, root mode…), or null. */
export async function readBadge(page) {
  const json = await page.evaluate(() => document.documentElement.dataset.porteVoixProbe ?? 'null');
  return JSON.parse(json);
}

/** Polls the badge until `predicate(badge)` holds; throws with the last badge seen. */
export async function waitForBadge(page, predicate, { timeout = 20000, what = 'badge' } = {}) {
  const end = Date.now() + timeout;
  let last = null;
  while (Date.now() < end) {
    last = await readBadge(page);
    if (last && predicate(last)) return last;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`timed out waiting for ${what}; last badge: ${JSON.stringify(last)}`);
}
