// What every Chromium end-to-end file shares: one browser per file with the built extension
// (dist/chrome) and the fixture server, started before the file's tests and closed after; pages
// opened per test; the independent oracles the counts are checked against; axe. Each test opens
// its own pages and sets the settings it needs, so none depends on an earlier one.
import { before, after } from 'node:test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';
import { launch, backgroundState, forgetWasmRefusals, ROOT } from './chromium.mjs';
import { buildFixtures } from '../build-fixtures.mjs';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');

export const SCREENSHOTS = join(ROOT, 'build/e2e/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** X's own count (the official `twitter-text` package). */
export const xLength = (text) => twitter.parseTweet(text).weightedLength;
/** twitter-text's whole `parseTweet` result. */
export const parseTweet = (text) => twitter.parseTweet(text);
/** Grapheme clusters, as Mastodon and Bluesky count them. */
export const graphemes = (text) => [...new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(text)].length;
/** A number as the badge and the French UI group it (narrow no-break space). */
export const grouped = (n) => n.toLocaleString('fr-FR').replace(/\s/g, '\u202f');

/** French, Québec French, emoji sequences, a flag and typographic punctuation. */
export const FRENCH = 'Énorme merci à l’équipe de Québec « ça déménage » ! 🎉🇨🇦 👩🏽‍💻 café';
/** The fixtures' composers. */
export const X_DRAFT = '[data-testid="tweetTextarea_0"]';
export const MASTODON = 'textarea.autosuggest-textarea__textarea';

/**
 * Starts the fixture server and Chromium with the extension for this file's tests (`options`:
 * `launch`'s, such as `toolbar`); returns an object whose `browser` and `server` are set once
 * they run.
 */
export function chromiumSuite(options = {}) {
  const suite = { browser: null, server: null };
  before(async () => {
    await buildFixtures();
    suite.server = await startServer();
    suite.browser = await launch({ ...options, port: suite.server.port });
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** A new page at `url`, with the page's uncaught errors collected. */
export async function openPage(browser, url) {
  // A page served with a CSP that allows wasm (`?csp=none|wasm|unsafeeval`) on a host that an
  // earlier test served strict: the fixture server does what no network does, so the background's
  // memory of that host's refusal is forgotten first.
  if (/[?&]csp=(none|wasm|unsafeeval)(&|$)/.test(url)) await forgetWasmRefusals(browser.worker);
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

export async function typeInto(page, selector, text) {
  await page.locator(selector).first().click();
  await page.keyboard.type(text);
}

/** What the background knows of `page`'s tab (site, engine, host), found by its tab id. */
export async function tabInfo(browser, page) {
  await page.bringToFront();
  const id = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const state = await backgroundState(browser.worker);
  return state?.tabs?.[String(id)] ?? null;
}

/** Replaces the stored settings (`null`: none, the defaults). */
export async function setSettings(browser, settings) {
  await browser.worker.evaluate(async (s) => {
    await chrome.storage.local.clear();
    if (s) await chrome.storage.local.set({ settings: s });
  }, settings);
}

export const storedSettings = (browser) =>
  browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings ?? null);

/** Accessibility violations on the page (axe-core), as `id: help` lines. */
export async function axe(page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${source}\n;0`);
  return page.evaluate(async () => (await globalThis.axe.run()).violations.map((v) => `${v.id}: ${v.help}`));
}

/** The popup, opened while `site` is the active tab, once it has read that tab. */
export async function openPopupFor(browser, site) {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await site.bringToFront();
  await popup.reload();
  await popup.waitForSelector('body[data-ready="true"]');
  await popup.waitForFunction(() => !document.getElementById('status').textContent.includes('…'));
  return popup;
}
