// End-to-end, the content script's session: what it counts with before the page's data arrive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { launch, waitForBadge } from './lib/chromium.mjs';
import { buildFixtures } from './build-fixtures.mjs';

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

test('Mastodon: the first badge does not wait for the instance API, then takes its limit', async () => {
  let answer;
  const held = new Promise((ok) => {
    answer = ok;
  });
  let asked = false;
  await browser.context.route('https://mastodon.social/api/v2/instance', async (route) => {
    asked = true;
    await held; // the instance answers only when the test says so
    await route.fulfill({
      json: { configuration: { statuses: { max_characters: 5000 } } },
      headers: { 'access-control-allow-origin': '*' },
    });
  });
  const page = await browser.context.newPage();
  try {
    await page.goto('https://mastodon.social/home', { waitUntil: 'load' });
    await page.locator('textarea.autosuggest-textarea__textarea').click();
    await page.keyboard.type('Allô');
    // counted at once with the known limit (the default: no user setting)
    await waitForBadge(page, (b) => b.text === '4 / 500', { what: '4 / 500 before the API answers' });
    assert.ok(asked, 'the instance API was asked');
    answer();
    await waitForBadge(page, (b) => b.text === '4 / 5\u202f000', { what: 'the instance limit once it answers' });
  } finally {
    answer();
    await page.close();
    await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  }
});
