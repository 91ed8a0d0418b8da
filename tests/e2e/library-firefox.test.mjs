// The template library page (library.html) in Firefox ESR with the built add-on (puppeteer-core
// over WebDriver BiDi, as firefox.test.mjs): the starter library listed; a template created with
// an error shown in place and saving refused, then fixed and saved; edited and saved again (one
// more revision); a malformed file imported: its message shown, the library unchanged. The
// background here is an event page, not a service worker: the same core, another host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firefoxSuite, openAddonPage } from './lib/firefox.mjs';
import { ROOT } from './lib/chromium.mjs';
import { t, errorMessage } from './lib/locales.mjs';

const suite = firefoxSuite();
const STARTER = JSON.parse(readFileSync(join(ROOT, 'src/template/starter.json'), 'utf8')).templates;
let seq = 0;

/** The live templates as the background lists them, sorted by id (asked from `page`). */
async function library(page) {
  const answer = await page.evaluate(
    (m) => globalThis.browser.runtime.sendMessage(m),
    { protocol_version: 1, request_id: `ff-${Date.now()}-${seq++}`, body: { kind: 'store_list', collection: 'templates' } },
  );
  assert.equal(answer.kind, 'store_records', JSON.stringify(answer));
  return answer.records.sort((a, b) => a.id.localeCompare(b.id));
}

const textOf = (page, selector) => page.$eval(selector, (e) => e.textContent);
const waitText = (page, selector, text, timeout = 15000) =>
  page.waitForFunction((s, m) => document.querySelector(s)?.textContent === m, { timeout }, selector, text);

test('library in Firefox: create with an error shown, edit, and a malformed import leaves the library unchanged', async () => {
  const page = await openAddonPage(suite, 'library.html');
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const dir = mkdtempSync(join(tmpdir(), 'pv-library-ff-'));
  try {
    // the list is virtualised: its rows announce the whole count, only those in view are drawn
    await page.waitForFunction((n) => document.querySelector('#templates li')?.getAttribute('aria-setsize') === String(n), { timeout: 20000 }, STARTER.length);
    const drawn = await page.$$eval('#templates li', (l) => l.length);
    assert.ok(drawn > 3 && drawn < STARTER.length, `${drawn} rows drawn`);
    assert.deepEqual((await library(page)).map((r) => r.id), STARTER.map((s) => s.id).sort());

    // create: an unknown variable is listed and marked where it is; saving is refused
    await page.click('#new-template');
    await page.type('#tpl-title', 'Suivi « Firefox »');
    await page.type('#tpl-body', 'Bonjour {{prenon}}, on s’en occupe !');
    await page.waitForFunction(() => document.querySelectorAll('#tpl-errors li').length === 1);
    assert.ok((await textOf(page, '#tpl-errors li')).includes(errorMessage('template.unknown_variable')));
    assert.equal(await textOf(page, '#tpl-marks mark'), '{{prenon}}');
    assert.equal(await page.$eval('#tpl-body', (e) => e.getAttribute('aria-invalid')), 'true');
    await page.click('#save');
    await waitText(page, '#tpl-field-error', t('library_fix_errors'));
    assert.equal((await library(page)).some((r) => r.body.title === 'Suivi « Firefox »'), false);
    // choosing the error selects it; typing replaces it; the preview greets the sample commenter
    await page.click('#tpl-errors button');
    assert.equal(await page.$eval('#tpl-body', (b) => b.value.slice(b.selectionStart, b.selectionEnd)), '{{prenon}}');
    await page.keyboard.type('{{prenom}}');
    await page.waitForFunction(() => document.querySelectorAll('#tpl-errors li').length === 0);
    assert.equal(await textOf(page, '#preview'), 'Bonjour Marie-Ève, on s’en occupe !');
    await page.click('#save');
    await waitText(page, '#save-status', t('library_saved'));
    let mine = (await library(page)).find((r) => r.body.title === 'Suivi « Firefox »');
    assert.ok(mine, 'saved');
    assert.equal(mine.revision, 1);
    assert.equal(mine.body.body, 'Bonjour {{prenom}}, on s’en occupe !');

    // edit: opened from the list, changed, saved once more
    await page.click('#new-template');
    await page.type('#search', 'Suivi');
    await page.evaluate((title) => {
      [...document.querySelectorAll('#templates .row-title')].find((b) => b.textContent === title).click();
    }, 'Suivi « Firefox »');
    await page.waitForFunction(() => document.getElementById('tpl-title').value === 'Suivi « Firefox »');
    await page.focus('#tpl-body');
    await page.evaluate(() => document.getElementById('tpl-body').select());
    await page.keyboard.type('Merci {{prenom|à vous}}, c’est noté.');
    await page.waitForFunction(() => document.getElementById('preview').textContent === 'Merci Marie-Ève, c’est noté.');
    await page.click('#save');
    await waitText(page, '#save-status', t('library_saved'));
    mine = (await library(page)).find((r) => r.id === mine.id);
    assert.equal(mine.revision, 2);
    assert.equal(mine.body.body, 'Merci {{prenom|à vous}}, c’est noté.');

    // a malformed file: its message, no report, nothing written
    const before = await library(page);
    const cases = [
      ['cut short', '{"format": "porte-voix.templates", "version": 1, "templates": [', 'template.import_malformed'],
      ['duplicate ids', JSON.stringify({ format: 'porte-voix.templates', version: 1, templates: [{ id: 'a', title: 'A', body: 'x' }, { id: 'a', title: 'B', body: 'y' }] }), 'template.import_duplicate_id'],
    ];
    for (const [what, text, code] of cases) {
      const file = join(dir, `${what.replace(/\s/g, '-')}.json`);
      writeFileSync(file, text);
      await page.evaluate(() => { document.getElementById('import-message').textContent = ''; });
      const input = await page.$('#import-file');
      await input.uploadFile(file);
      await waitText(page, '#import-message', errorMessage(code));
      assert.equal(await page.$eval('#import-panel', (p) => p.hidden), true, what);
    }
    assert.deepEqual(await library(page), before);
    assert.deepEqual(errors, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await page.close();
  }
});
