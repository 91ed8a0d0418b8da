// Fault injection: a copy of the built extension whose core cannot start (the wasm and the
// wasm2js bundle truncated, as a broken update or a disk error would leave them). The content
// script must say so once, in the UI language, in a closed shadow root the user can dismiss, and
// the page itself must keep working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './lib/server.mjs';
import { launch, readBadge, readNotices, dismissNotice, EXT_DIR } from './lib/chromium.mjs';
import { t } from './lib/locales.mjs';
import { buildFixtures } from './build-fixtures.mjs';

let server;
let browser;
let damaged;

before(async () => {
  await buildFixtures();
  damaged = mkdtempSync(join(tmpdir(), 'pv-damaged-'));
  cpSync(EXT_DIR, damaged, { recursive: true });
  for (const file of ['pkg/inpage_bg.wasm', 'pkg/inpage_wasm2js.js']) {
    const path = join(damaged, file);
    truncateSync(path, Math.floor(statSync(path).size / 2));
  }
  server = await startServer();
  browser = await launch({ port: server.port, extDir: damaged });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (damaged) rmSync(damaged, { recursive: true, force: true });
});

for (const csp of ['none', 'strict']) {
  test(`a core that cannot start is reported once and can be dismissed (CSP ${csp})`, async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(`https://mastodon.social/home?csp=${csp}`, { waitUntil: 'load' });
      const field = page.locator('textarea.autosuggest-textarea__textarea');
      await field.click();
      await page.keyboard.type('Bonjour');
      let notices = [];
      for (let i = 0; i < 100 && notices.length === 0; i++) {
        notices = await readNotices(page);
        if (notices.length === 0) await page.waitForTimeout(100);
      }
      assert.equal(notices.length, 1, 'one notice');
      assert.equal(notices[0].role, 'alert');
      assert.equal(notices[0].text, t('error_start_failed'));
      assert.equal(notices[0].button, t('error_dismiss'));
      assert.equal(notices[0].shadowRootType, 'closed');
      assert.equal(await readBadge(page), null);
      // focusing again does not stack notices; the page's own editor still works
      await page.locator('input.spoiler-input__input').click();
      await field.click();
      await page.keyboard.type(' encore');
      assert.equal(await field.inputValue(), 'Bonjour encore');
      assert.equal((await readNotices(page)).length, 1);
      await dismissNotice(page);
      assert.deepEqual(await readNotices(page), []);
      assert.deepEqual(errors, [], 'nothing thrown into the page');
    } finally {
      await page.close();
    }
  });
}
