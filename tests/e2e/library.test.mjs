// The template library page (library.html) in Chromium with the built extension: the starter
// library on first run and never re-added after a delete and a reload of the extension; the
// create flow by keyboard only, with an error shown in place, fixed, the preview and the length;
// malformed, hostile and huge files refused with the library untouched; JSON and CSV round
// trips with the report shown before writing; two pages saving the same template (the later one
// gets the "changed elsewhere" choice); language variants edited with their own preview; the
// service worker stopped with a save in flight, before and after its commit; axe in light
// and dark, with screenshots; a long library (1,000 templates) listed, walked by keyboard, scrolled
// and searched, its list virtualised (the times at 5,000: benches/browser/library.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { t, errorMessage } from './lib/locales.mjs';
import { chromiumSuite, axe, xLength, SCREENSHOTS } from './lib/suite.mjs';
import { ROOT, EXT_DIR } from './lib/chromium.mjs';

const suite = chromiumSuite();
const STARTER = JSON.parse(readFileSync(join(ROOT, 'src/template/starter.json'), 'utf8')).templates;
const envelope = (requestId, body) => ({ protocol_version: 1, request_id: requestId, body });
let seq = 0;
const rid = () => `e2e-${Date.now()}-${seq++}`;

/** An extension page that is not the library (so it does not install the starter library). */
async function blankPage(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Deletes the database: the next open starts from nothing (the background's connection closes itself). */
async function freshDatabase(browser) {
  const page = await blankPage(browser);
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.deleteDatabase('porte-voix');
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
        r.onblocked = () => reject(new Error('delete blocked'));
      }),
  );
  await page.close();
}

const send = (page, body) => page.evaluate((m) => chrome.runtime.sendMessage(m), envelope(rid(), body));

/** The live templates as the background lists them, sorted by id. */
async function library(browser) {
  const page = await blankPage(browser);
  try {
    const answer = await send(page, { kind: 'store_list', collection: 'templates' });
    assert.equal(answer.kind, 'store_records', JSON.stringify(answer));
    return answer.records.sort((a, b) => a.id.localeCompare(b.id));
  } finally {
    await page.close();
  }
}

async function openLibrary(browser) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`chrome-extension://${browser.extensionId}/library.html`);
  await page.waitForSelector('body[data-ready="true"]');
  page.errors = errors;
  return page;
}

/** The titles of the rows drawn (the list is virtualised: the rows in view and a margin). */
const rowTitles = (page) => page.$$eval('#templates .row-title', (ts) => ts.map((t) => t.textContent));

/** The number of rows the list announces (`aria-setsize` of its rows; 0 when it has none). */
const announced = () => Number(document.querySelector('#templates li')?.getAttribute('aria-setsize') ?? 0);

/** Waits until the list announces `n` rows. */
const waitListed = (page, n, options) =>
  page.waitForFunction((n) => Number(document.querySelector('#templates li')?.getAttribute('aria-setsize') ?? 0) === n, n, options);

/** Scrolls the list as a user would, a box at a time, until the row titled `title` is drawn. */
async function revealRow(page, title) {
  for (let i = 0; i < 200; i++) {
    const found = await page.evaluate((title) => {
      const box = document.getElementById('templates-view');
      if ([...box.querySelectorAll('.row-title')].some((t) => t.textContent === title)) return true;
      if (box.scrollTop + box.clientHeight >= box.scrollHeight) box.scrollTop = 0;
      else box.scrollTop += box.clientHeight;
      return false;
    }, title);
    if (found) return;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  assert.fail(`no row titled ${title}`);
}

/** Presses Tab until the element `id` has the focus (keyboard only). */
async function tabTo(page, id, max = 80) {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

async function openTemplate(page, title) {
  await revealRow(page, title);
  await page.locator('#templates button.row-open', { has: page.locator('.row-title', { hasText: title }) }).first().click();
  await page.waitForFunction((v) => document.getElementById('tpl-title').value === v, title);
}

/** Chromium with the built extension on the profile `dir` (kept between launches). */
async function launchOn(dir) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: 'fr-FR',
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    viewport: { width: 1100, height: 760 },
    args: [`--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`, '--lang=fr-FR',
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20000 }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

test('library: the starter library on first run, not re-added after a delete and a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pv-library-'));
  try {
    let browser = await launchOn(dir);
    let page = await openLibrary(browser);
    await waitListed(page, STARTER.length);
    assert.deepEqual((await library(browser)).map((r) => r.id), STARTER.map((s) => s.id).sort());
    // delete one starter reply, by its title
    const gone = STARTER[0];
    await openTemplate(page, gone.title);
    await page.click('#delete');
    await waitListed(page, STARTER.length - 1);
    assert.equal(await page.locator('#toast').isVisible(), true);
    assert.deepEqual(page.errors, []);
    await browser.context.close();
    // the browser starts again on the same profile; the library is opened again (its first-open
    // install runs, as the background's runs on an update)
    browser = await launchOn(dir);
    page = await openLibrary(browser);
    await waitListed(page, STARTER.length - 1);
    const ids = (await library(browser)).map((r) => r.id);
    assert.equal(ids.length, STARTER.length - 1);
    assert.ok(!ids.includes(gone.id), 'the deleted starter reply came back');
    await page.fill('#search', gone.title);
    assert.ok(!(await rowTitles(page)).includes(gone.title));
    assert.deepEqual(page.errors, []);
    await browser.context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('library: keyboard-only creation; an error marked in place, fixed; preview and length; delete and undo', async () => {
  const { browser } = suite;
  await freshDatabase(browser);
  const page = await openLibrary(browser);
  try {
    await tabTo(page, 'new-template');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tpl-title');
    await page.keyboard.type('Accueil « nouveau client »');
    await page.keyboard.press('Tab');
    await page.keyboard.type(';accueil');
    await tabTo(page, 'tpl-tags');
    await page.keyboard.type('accueil, clients');
    await tabTo(page, 'tpl-net-x');
    await page.keyboard.press('Space');
    await tabTo(page, 'tpl-body');
    const bad = 'Bonjour {{prenon}} 🎉, bienvenue chez {{marque|nous}} !';
    await page.keyboard.type(bad);
    // the error is listed and marked where it is, before any save
    await page.waitForFunction(() => document.querySelectorAll('#tpl-errors li').length === 1);
    assert.match(await page.textContent('#tpl-errors li'), new RegExp(errorMessage('template.unknown_variable').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await page.textContent('#tpl-marks mark'), '{{prenon}}');
    assert.equal(await page.getAttribute('#tpl-body', 'aria-invalid'), 'true');
    // saving is refused, the library untouched
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((m) => document.getElementById('tpl-field-error').textContent === m, t('library_fix_errors'));
    assert.equal((await library(browser)).filter((r) => r.body.title.startsWith('Accueil')).length, 0);
    // choosing the error selects it in the text box (UTF-16 offsets)
    await page.click('#tpl-errors button');
    const selected = await page.evaluate(() => {
      const b = document.getElementById('tpl-body');
      return b.value.slice(b.selectionStart, b.selectionEnd);
    });
    assert.equal(selected, '{{prenon}}');
    // fix it by keyboard: the selection is replaced
    await page.keyboard.type('{{prenom}}');
    await page.waitForFunction(() => document.querySelectorAll('#tpl-errors li').length === 0);
    const text = 'Bonjour Marie-Ève 🎉, bienvenue chez nous !';
    assert.equal(await page.textContent('#preview'), text);
    const xLine = t('library_length_line', [t('library_net_x'), String(xLength(text)), '280']);
    assert.equal(await page.textContent('#lengths li[data-network="x"]'), xLine);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((m) => document.getElementById('save-status').textContent === m, t('library_saved'));
    const saved = (await library(browser)).find((r) => r.body.title === 'Accueil « nouveau client »');
    assert.ok(saved, 'saved');
    assert.equal(saved.revision, 1);
    assert.deepEqual(
      { trigger: saved.body.trigger, tags: saved.body.tags, networks: saved.body.networks, body: saved.body.body },
      { trigger: ';accueil', tags: ['accueil', 'clients'], networks: ['x'], body: 'Bonjour {{prenom}} 🎉, bienvenue chez {{marque|nous}} !' },
    );
    assert.ok((await rowTitles(page)).includes('Accueil « nouveau client »'));
    // search finds it, accents folded
    await page.fill('#search', 'accueil');
    await page.waitForFunction((n) => Number(document.querySelector('#templates li')?.getAttribute('aria-setsize') ?? 0) < n, STARTER.length + 1);
    assert.ok((await rowTitles(page)).includes('Accueil « nouveau client »'));
    // delete, then "Annuler" by keyboard (the toast takes the focus)
    await page.click('#delete');
    await page.waitForFunction(() => document.activeElement?.id === 'toast-undo');
    assert.equal((await library(browser)).some((r) => r.id === saved.id), false);
    await page.keyboard.press('Enter');
    await page.waitForFunction((m) => document.getElementById('library-status').textContent === m, t('library_restored'));
    const back = (await library(browser)).find((r) => r.id === saved.id);
    assert.equal(back.body.body, saved.body.body);
    assert.equal(back.revision, 3);
    // the restored template is open again, its row marked and focused: the keyboard goes on from it
    await page.waitForFunction(() => document.activeElement?.closest('#templates li') !== null);
    assert.equal(await page.evaluate(() => document.activeElement.querySelector('.row-title')?.textContent), 'Accueil « nouveau client »');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'true');
    assert.equal(await page.inputValue('#tpl-title'), 'Accueil « nouveau client »');
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('library: language variants added, edited with their own preview, errors and lengths, removed — by keyboard', async () => {
  const { browser } = suite;
  await freshDatabase(browser);
  const page = await openLibrary(browser);
  const stored = async () => (await library(browser)).find((r) => r.body.title === 'Merci, multilingue');
  try {
    await tabTo(page, 'new-template');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Merci, multilingue');
    await page.selectOption('#tpl-lang', 'fr-CA');
    await tabTo(page, 'tpl-body');
    await page.keyboard.type('Merci {{prenom}} pour votre message !');
    // the menu offers only the languages the template has no text in: fr-CA is the main one
    assert.equal(await page.getAttribute('#variant-add-lang option[value="fr-CA"]', 'disabled'), '');
    assert.equal(await page.inputValue('#variant-add-lang'), 'fr-FR');
    await page.selectOption('#variant-add-lang', 'en');
    await tabTo(page, 'variant-add');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#variant-en');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tpl-variant-en-body');
    assert.equal(await page.textContent('#variants-status'), t('library_variant_added', [t('library_lang_en')]));
    assert.equal(await page.textContent('#variant-en legend'), t('library_variant_legend', [t('library_lang_en')]));
    const filler = 'We read every message and will get back to you very soon. '.repeat(5);
    await page.keyboard.type(`Thanks {{frist_name}}! ${filler}`);
    // the variant's error is listed and marked in its own block, the main text stays valid
    await page.waitForFunction(() => document.querySelectorAll('#tpl-variant-en-errors li').length === 1);
    assert.match(await page.textContent('#tpl-variant-en-errors li'), new RegExp(escapeRe(errorMessage('template.unknown_variable'))));
    assert.equal(await page.textContent('#tpl-variant-en-marks mark'), '{{frist_name}}');
    assert.equal(await page.getAttribute('#tpl-variant-en-body', 'aria-invalid'), 'true');
    assert.equal(await page.$$eval('#tpl-errors li', (l) => l.length), 0);
    assert.equal(await page.getAttribute('#tpl-body', 'aria-invalid'), null);
    // axe-clean with a variant and its error shown, light and dark
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axe(page), [], scheme);
      await page.locator('#tpl-variants').screenshot({ path: join(SCREENSHOTS, `library-variant-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // saving is refused; the focus goes to the text with the error
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((m) => document.getElementById('tpl-field-error').textContent === m, t('library_fix_errors'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tpl-variant-en-body');
    assert.equal(await stored(), undefined);
    // choosing the error selects it in the variant's text box; typing replaces it
    await page.click('#tpl-variant-en-errors button');
    assert.equal(await page.evaluate(() => {
      const b = document.getElementById('tpl-variant-en-body');
      return b.value.slice(b.selectionStart, b.selectionEnd);
    }), '{{frist_name}}');
    await page.keyboard.type('{{first_name}}');
    await page.waitForFunction(() => document.querySelectorAll('#tpl-variant-en-errors li').length === 0);
    const enText = `Thanks Marie-Ève! ${filler}`.trimEnd();
    assert.equal((await page.textContent('#variant-en-preview')).trimEnd(), enText);
    // over X's limit: the line says so until a short text is written, then X uses it
    const xLine = () => page.textContent('#variant-en-lengths li[data-network="x"]');
    assert.ok((await xLine()).includes(t('library_length_over')), await xLine());
    await tabTo(page, 'tpl-variant-en-short');
    await page.keyboard.type('Thanks {{first_name}}! We’ll write back soon.');
    const shortText = 'Thanks Marie-Ève! We’ll write back soon.';
    await page.waitForFunction((m) => document.querySelector('#variant-en-lengths li[data-network="x"]').textContent.includes(m), t('library_length_short'));
    assert.equal(await xLine(), `${t('library_length_line', [t('library_net_x'), String(xLength(shortText)), '280'])} ${t('library_length_short')}`);
    // the main text's preview is still the French one
    assert.equal(await page.textContent('#preview'), 'Merci Marie-Ève pour votre message !');
    // a second variant, then removed by keyboard: the focus returns to the language menu
    assert.equal(await page.inputValue('#variant-add-lang'), 'fr-FR');
    await tabTo(page, 'variant-add');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#variant-fr-FR');
    await page.keyboard.type('Merci {{prenom}}, à très vite !');
    assert.equal(await page.getAttribute('#variant-add', 'disabled'), '', 'every language has its text');
    await page.focus('#variant-fr-FR button.variant-remove');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('variant-fr-FR'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'variant-add-lang');
    assert.equal(await page.textContent('#variants-status'), t('library_variant_removed', [t('library_lang_fr_fr')]));
    assert.equal(await page.getAttribute('#variant-add', 'disabled'), null);
    // saved with its one variant
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((m) => document.getElementById('save-status').textContent === m, t('library_saved'));
    let rec = await stored();
    assert.deepEqual(rec.body.variants, [{ lang: 'en', body: `Thanks {{first_name}}! ${filler}`, short: 'Thanks {{first_name}}! We’ll write back soon.' }]);
    assert.equal(rec.revision, 1);
    // opened again from the list: the variant is there; edited and saved
    await page.click('#new-template');
    await openTemplate(page, 'Merci, multilingue');
    assert.equal(await page.inputValue('#tpl-variant-en-short'), 'Thanks {{first_name}}! We’ll write back soon.');
    await page.fill('#tpl-variant-en-body', 'Thanks a lot, {{first_name}}!');
    await page.waitForFunction(() => document.getElementById('variant-en-preview').textContent === 'Thanks a lot, Marie-Ève!');
    await page.click('#save');
    await page.waitForFunction((m) => document.getElementById('save-status').textContent === m, t('library_saved'));
    rec = await stored();
    assert.equal(rec.body.variants[0].body, 'Thanks a lot, {{first_name}}!');
    assert.equal(rec.revision, 2);
    // an empty variant is refused; removed, the template is saved without variants
    await page.click('#variant-add');
    await page.waitForSelector('#variant-fr-FR');
    await page.click('#save');
    await page.waitForFunction((m) => document.getElementById('tpl-field-error').textContent === m, t('library_variant_body_empty'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tpl-variant-fr-FR-body');
    for (const lang of ['fr-FR', 'en']) await page.click(`#variant-${lang} button.variant-remove`);
    await page.click('#save');
    await page.waitForFunction((m) => document.getElementById('save-status').textContent === m, t('library_saved'));
    rec = await stored();
    assert.equal(rec.body.variants, undefined);
    assert.equal(rec.revision, 3);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

const HOSTILE = [
  ['not JSON', '{"format": "porte-voix.templates", "version": 1, "templates": [', 'template.import_malformed'],
  ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'template.import_too_deep'],
  ['wrong types', JSON.stringify({ format: 'porte-voix.templates', version: 1, templates: [{ id: 7, title: ['x'], body: {} }] }), 'template.import_malformed'],
  ['another format', JSON.stringify({ hello: 'world' }), 'template.import_not_library'],
  ['duplicate ids', JSON.stringify({ format: 'porte-voix.templates', version: 1, templates: [{ id: 'a', title: 'A', body: 'x' }, { id: 'a', title: 'B', body: 'y' }] }), 'template.import_duplicate_id'],
  ['a trigger used twice', JSON.stringify({ format: 'porte-voix.templates', version: 1, templates: [{ id: 'a', title: 'A', body: 'x', trigger: ';m' }, { id: 'b', title: 'B', body: 'y', trigger: ';M' }] }), 'template.import_duplicate_trigger'],
];

test('library: malformed, hostile and huge files are refused with their message; the library is untouched', async () => {
  const { browser } = suite;
  await freshDatabase(browser);
  const page = await openLibrary(browser);
  try {
    await waitListed(page, STARTER.length);
    const before = await library(browser);
    for (const [what, text, code] of HOSTILE) {
      await page.setInputFiles('#import-file', { name: 'bibliotheque.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.waitForFunction((m) => document.getElementById('import-message').textContent === m, errorMessage(code), { timeout: 5000 }).catch(() => {});
      assert.equal(await page.textContent('#import-message'), errorMessage(code), what);
      assert.equal(await page.locator('#import-panel').isVisible(), false, what);
      await page.evaluate(() => { document.getElementById('import-message').textContent = ''; });
    }
    // 17 MB: refused before it is read
    await page.setInputFiles('#import-file', { name: 'enorme.json', mimeType: 'application/json', buffer: Buffer.alloc(17 << 20, 0x20) });
    await page.waitForFunction((m) => document.getElementById('import-message').textContent === m, errorMessage('template.import_too_large'));
    // a CSV that is not one
    await page.setInputFiles('#import-file', { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from([0xff, 0xfe, 0x00, 0x22, 0x0a, 0x22]) });
    await page.waitForFunction(() => document.getElementById('import-message').textContent.length > 0 || !document.getElementById('import-panel').hidden);
    assert.deepEqual(await library(browser), before);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

test('library: JSON and CSV export and import round trip, the report shown before writing', async () => {
  const { browser } = suite;
  await freshDatabase(browser);
  const page = await openLibrary(browser);
  try {
    await waitListed(page, STARTER.length);
    const mine = { id: 'e2e.tour', title: 'Tour du monde 🌍', lang: 'fr-FR', body: 'Merci {{prenom|à vous}} ! Rendez-vous le {{date:+2jo}}.', trigger: ';tour', tags: ['événement'], networks: ['x', 'bluesky'] };
    assert.equal((await send(page, { kind: 'store_put', collection: 'templates', id: mine.id, body: mine })).kind, 'store_saved');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const before = await library(browser);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = readFileSync(await download.path(), 'utf8');
    const doc = JSON.parse(exported);
    assert.equal(doc.format, 'porte-voix.templates');
    assert.equal(doc.templates.length, before.length);
    // delete mine, then import the export: the report says 1 to add, the rest unchanged
    const rec = before.find((r) => r.id === mine.id);
    await send(page, { kind: 'store_delete', collection: 'templates', id: mine.id, expected_revision: rec.revision });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.setInputFiles('#import-file', { name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await page.waitForSelector('#import-summary');
    assert.equal(await page.textContent('#import-summary'), t('library_report_summary', ['1', '0', String(before.length - 1)]));
    assert.equal((await library(browser)).some((r) => r.id === mine.id), false, 'nothing written before "Importer"');
    await page.click('#import-apply');
    await page.waitForFunction((m) => document.getElementById('import-message').textContent === m, t('library_import_done', ['1', '0']));
    const after = await library(browser);
    assert.equal(after.length, before.length);
    assert.deepEqual(after.find((r) => r.id === mine.id).body, { ...doc.templates.find((x) => x.id === mine.id) });
    // CSV export: the columns, formulas neutralised
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    assert.match(csv.split('\n')[0], /^\uFEFF?id,title,trigger,language,body,short,tags,networks/);
    // CSV import from another tool, through the mapping step
    const other = 'Nom,Texte,Raccourci,Étiquettes\r\nRetour colis,"Bonjour {{prenom}}, votre retour est accepté.",colis-retour,"commande, retour"\r\nPiège,"=HYPERLINK(""http://x"")",,\r\n';
    await page.setInputFiles('#import-file', { name: 'autre-outil.csv', mimeType: 'text/csv', buffer: Buffer.from(other) });
    await page.waitForSelector('#mapping-continue');
    assert.equal(await page.inputValue('#map-title'), '0');
    assert.equal(await page.inputValue('#map-body'), '1');
    assert.equal(await page.inputValue('#map-trigger'), '2');
    await page.click('#mapping-continue');
    await page.waitForSelector('#import-summary');
    // (the rows skipped, if any, said in the failure: read at once, the list may not exist)
    const skipped = await page.evaluate(() => document.getElementById('import-skipped')?.textContent ?? '');
    assert.equal(await page.textContent('#import-summary'), t('library_report_summary', ['2', '0', '0']), skipped);
    await page.click('#import-apply');
    await page.waitForFunction((m) => document.getElementById('import-message').textContent === m, t('library_import_done', ['2', '0']));
    const csvRow = (await library(browser)).find((r) => r.body.title === 'Retour colis');
    assert.equal(csvRow.body.trigger, ";colis-retour");
    assert.deepEqual(csvRow.body.tags, ['commande', 'retour']);
    // listed: scrolled to, its row is drawn
    await revealRow(page, 'Retour colis');
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

test('library: two pages save the same template; the later gets "changed elsewhere" and chooses', async () => {
  const { browser } = suite;
  await freshDatabase(browser);
  const a = await openLibrary(browser);
  const b = await openLibrary(browser);
  try {
    const title = STARTER[1].title;
    for (const p of [a, b]) await openTemplate(p, title);
    await a.fill('#tpl-body', 'Version de la page A, merci {{prenom}} !');
    await a.click('#save');
    await a.waitForFunction((m) => document.getElementById('save-status').textContent === m, t('library_saved'));
    await b.fill('#tpl-body', 'Version de la page B.');
    await b.click('#save');
    await b.waitForSelector('#conflict:not([hidden])');
    assert.equal(await b.textContent('#save-status'), t('library_not_saved'));
    assert.equal(await b.evaluate(() => document.activeElement.id), 'conflict-reload');
    const stored = (await library(browser)).find((r) => r.id === STARTER[1].id);
    assert.equal(stored.body.body, 'Version de la page A, merci {{prenom}} !');
    await b.screenshot({ path: join(SCREENSHOTS, 'library-conflict.png') });
    // "reload": B sees A's version
    await b.click('#conflict-reload');
    await b.waitForFunction((v) => document.getElementById('tpl-body').value === v, stored.body.body);
    // B edits again and A saves in between: this time B overwrites
    await b.fill('#tpl-body', 'Version finale de B.');
    await a.fill('#tpl-body', 'A encore.');
    await a.click('#save');
    await a.waitForFunction((m) => document.getElementById('save-status').textContent === m, t('library_saved'));
    await b.click('#save');
    await b.waitForSelector('#conflict:not([hidden])');
    await b.click('#conflict-overwrite');
    await b.waitForFunction((m) => document.getElementById('save-status').textContent === m, t('library_saved'));
    const final = (await library(browser)).find((r) => r.id === STARTER[1].id);
    assert.equal(final.body.body, 'Version finale de B.');
    assert.equal(final.revision, 4);
  } finally {
    await a.close();
    await b.close();
  }
});

async function workerTargets(cdp, extensionId) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.filter((x) => x.type === 'service_worker' && x.url.includes(extensionId));
}

/** The templates in IndexedDB titled `title`, read straight from the database (the background may be held). */
const storedTitled = (page, title) =>
  page.evaluate(
    (title) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('porte-voix');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('templates').objectStore('templates').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result.filter((r) => !r.deleted && r.body?.title === title).map((r) => ({ id: r.id, revision: r.revision })));
          };
          all.onerror = () => reject(all.error);
        };
      }),
    title,
  );

/**
 * Holds the next `times` writes in the background at `phase` ('before': the core has not run
 * it; 'after': its transaction committed, the answer not sent) and stops the service worker
 * (DevTools protocol) each time one is held, so the save is in flight when the worker dies.
 * Resolves with the stored rows seen at each stop.
 */
async function stopDuringWrites(browser, page, cdp, title, phase, times) {
  await page.evaluate((v) => chrome.storage.session.set(v), { pause_writes: { phase, times }, writes_paused: 0 });
  const seen = [];
  for (let k = 1; k <= times; k++) {
    const end = Date.now() + 15000;
    while ((await page.evaluate(async () => (await chrome.storage.session.get('writes_paused')).writes_paused ?? 0)) < k) {
      assert.ok(Date.now() < end, `write ${k} never held`);
      await new Promise((ok) => setTimeout(ok, 20));
    }
    seen.push(await storedTitled(page, title));
    const targets = await workerTargets(cdp, browser.extensionId);
    assert.equal(targets.length, 1, 'one service worker');
    await cdp.send('Target.closeTarget', { targetId: targets[0].targetId });
  }
  return seen;
}

// Each case: the save is held in the background at one point, the worker stopped there; then
// what is stored, what the page says, and that saving again never makes a second template.
const STOPS = [
  // held before the write once: the page's own retry (same request id) writes it once
  { phase: 'before', times: 1, atStop: 0, says: 'library_saved_after_retry', rows: 1 },
  // held after the commit once: the retry is answered from the applied request, not written again
  { phase: 'after', times: 1, atStop: 1, says: 'library_saved_after_retry', rows: 1 },
  // held before the write twice (the retry too): nothing stored, the page says it is not confirmed
  { phase: 'before', times: 2, atStop: 0, says: 'library_not_saved_lost', rows: 0 },
  // held after the commit twice: stored once, the page could not confirm it; the next save settles
  // the lost request under its id, and says it was saved once
  { phase: 'after', times: 2, atStop: 1, says: 'library_not_saved_lost', rows: 1 },
];

for (const stop of STOPS) {
  test(`library: the service worker stopped during a save (held ${stop.phase} the write, ${stop.times}×): saved once or not at all, and the page says which`, async () => {
    const { browser } = suite;
    await freshDatabase(browser);
    const page = await openLibrary(browser);
    const cdp = await browser.context.newCDPSession(page);
    const title = `Arrêt en plein vol (${stop.phase}, ${stop.times})`;
    try {
      await page.click('#new-template');
      await page.fill('#tpl-title', title);
      await page.fill('#tpl-body', 'Merci {{prenom}}, on s’en occupe.');
      const [, seen] = await Promise.all([page.click('#save'), stopDuringWrites(browser, page, cdp, title, stop.phase, stop.times)]);
      // the worker died with the write in flight at the intended point
      assert.deepEqual(seen.map((rows) => rows.length), Array(stop.times).fill(stop.atStop), 'rows when the worker was stopped');
      await page.waitForFunction((m) => document.getElementById('save-status').textContent === m, t(stop.says), { timeout: 30000 });
      const rows = await storedTitled(page, title);
      assert.equal(rows.length, stop.rows, t(stop.says));
      if (stop.rows === 1) assert.equal(rows[0].revision, 1, 'applied once');
      // once saved, the editor has reopened the template at its stored revision
      if (stop.says !== 'library_not_saved_lost') {
        await page.waitForFunction((m) => document.getElementById('editor-title').textContent === m, t('library_editor_edit', [title]));
      }
      // saving again (the worker answers now): one template, written once more at most
      await page.click('#save');
      // after a lost answer the next save re-sends that request (same id): applied at most once
      const again = stop.says === 'library_not_saved_lost' ? 'library_saved_after_retry' : 'library_saved';
      await page.waitForFunction((m) => document.getElementById('save-status').textContent === m, t(again), { timeout: 20000 });
      const after = await storedTitled(page, title);
      assert.equal(after.length, 1);
      assert.equal(after[0].revision, again === 'library_saved' ? 2 : 1);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.evaluate(() => chrome.storage.session.remove(['pause_writes', 'writes_paused'])).catch(() => {});
      await cdp.detach().catch(() => {});
      await page.close();
    }
  });
}

test('library: a failed migration of the template store leaves the old data readable, and the page says why', async () => {
  const { browser } = suite;
  await freshDatabase(browser);
  const old = { id: 't-ancien', revision: 2, created: 100, updated: 200, deleted: false, body: { id: 't-ancien', title: 'Réponse d’avant', body: 'Merci {{prenom}} !', tags: ['ancien'], networks: [] } };
  // a version-1 database whose templates store already has the index the next migration creates:
  // that step fails in the browser, as a damaged or hand-edited database would make it fail
  const seeder = await blankPage(browser);
  const makeV1 = (record) =>
    new Promise((resolve, reject) => {
      const open = indexedDB.open('porte-voix', 1);
      open.onupgradeneeded = () => {
        const db = open.result;
        const templates = db.createObjectStore('templates', { keyPath: 'id' });
        templates.createIndex('by_updated', 'updated');
        db.createObjectStore('backlog', { keyPath: 'id' });
        db.createObjectStore('applied_requests', { keyPath: 'request_id' });
        templates.put(record);
      };
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
  await seeder.evaluate(makeV1, old);
  await seeder.close();
  const page = await openLibrary(browser);
  try {
    await page.waitForFunction((m) => document.getElementById('library-status').textContent === m, errorMessage('store.migration'), { timeout: 15000 });
    assert.equal(await page.$$eval('#templates li', (l) => l.length), 0);
    assert.equal(await page.evaluate(announced), 0);
    // the database is still at version 1, its template intact and readable
    const after = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('porte-voix');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('templates').objectStore('templates').get('t-ancien');
            get.onsuccess = () => {
              resolve({ version: db.version, record: get.result });
              db.close();
            };
            get.onerror = () => reject(get.error);
          };
        }),
    );
    assert.equal(after.version, 1);
    assert.deepEqual(after.record, old);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
    await freshDatabase(browser);
  }
});

test('library: axe-clean in light and dark, with an error shown; screenshots', async () => {
  const { browser } = suite;
  await freshDatabase(browser);
  const page = await openLibrary(browser);
  try {
    await openTemplate(page, STARTER[2].title);
    await page.fill('#tpl-body', `${STARTER[2].body} {{inconnu}}`);
    await page.waitForSelector('#tpl-marks mark');
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axe(page), [], scheme);
      await page.screenshot({ path: join(SCREENSHOTS, `library-${scheme}.png`), fullPage: true });
    }
    await page.click('#delete');
    await page.waitForSelector('#toast:not([hidden])');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axe(page), [], 'toast, dark');
    await page.screenshot({ path: join(SCREENSHOTS, 'library-toast-dark.png') });
  } finally {
    await page.close();
  }
});

// (1,000 templates, two import chunks: enough for a list ~60 times the rows it draws; the times
// to list and search 5,000 and their goals are benches/browser/library.mjs's)
const MANY = 1000;

test('library: 1,000 templates listed, walked by keyboard, scrolled and searched; the list virtualised', async () => {
  const { browser } = suite;
  await freshDatabase(browser);
  const seeder = await blankPage(browser);
  const words = ['livraison', 'commande', 'remboursement', 'événement', 'fin de semaine', 'courriel', 'merci', 'désolé', 'horaires', 'emploi'];
  for (let start = 0; start < MANY; start += 500) {
    const items = [];
    for (let i = start; i < start + 500; i++) {
      const w = words[i % words.length];
      items.push({ id: `perf.${i}`, body: { id: `perf.${i}`, title: `Réponse ${i} — ${w}`, body: `Bonjour {{prenom}}, au sujet de votre ${w} n° ${i} : merci de votre patience !`, tags: [w], networks: [] } });
    }
    const answer = await send(seeder, { kind: 'templates_import', items });
    assert.equal(answer.outcome.written, 500);
  }
  await seeder.close();
  // the page lists them by title (case aside), then id, with the starter library installed on open
  const titles = [...STARTER.map((t) => ({ id: t.id, title: t.title }))];
  for (let i = 0; i < MANY; i++) titles.push({ id: `perf.${i}`, title: `Réponse ${i} — ${words[i % words.length]}` });
  const key = (t) => [t.title.toLowerCase(), t.id];
  titles.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
  });
  const total = titles.length;
  const page = await openLibrary(browser);
  /** The focused row: its place in the list, title and whether it is marked open. */
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      const li = a?.closest('#templates li');
      return li && { pos: Number(li.getAttribute('aria-posinset')), title: a.querySelector('.row-title').textContent, current: a.getAttribute('aria-current') };
    });
  const inDom = () => page.$$eval('#templates li', (l) => l.length);
  // the rows in view and a margin, never the whole list (the box shows about 10)
  const BOUND = 40;
  try {
    await waitListed(page, total, { timeout: 30000 });
    const listMs = Number(await page.getAttribute('#templates', 'data-list-ms'));
    assert.match(await page.textContent('#list-count'), new RegExp(`${total} sur ${total}`));
    // the long list as a user sees it on opening the page: axe-clean, light and dark
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axe(page), [], scheme);
      await page.screenshot({ path: join(SCREENSHOTS, `library-long-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    let drawn = await inDom();
    assert.ok(drawn > 5 && drawn <= BOUND, `${drawn} rows in the DOM`);
    assert.deepEqual(await rowTitles(page), titles.slice(0, drawn).map((t) => t.title));
    // every drawn row says its place in the whole list
    assert.deepEqual(
      await page.$$eval('#templates li', (l) => l.map((li) => [li.getAttribute('aria-posinset'), li.getAttribute('aria-setsize')])),
      titles.slice(0, drawn).map((_, i) => [String(i + 1), String(total)]),
    );
    // keyboard: from the search box into the list, one row in the Tab order
    await page.focus('#search');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await focused(), { pos: 1, title: titles[0].title, current: null });
    assert.equal(await page.$$eval('#templates [tabindex="0"]', (l) => l.length), 1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await focused(), { pos: 3, title: titles[2].title, current: null });
    await page.keyboard.press('PageDown');
    const paged = await focused();
    assert.ok(paged.pos > 8 && paged.pos < 20, `PageDown to ${paged.pos}`);
    assert.equal(paged.title, titles[paged.pos - 1].title);
    // End: the last of 1,032 rows, drawn, focused and seen; Enter opens it and the focus stays on it
    await page.keyboard.press('End');
    assert.deepEqual(await focused(), { pos: total, title: titles[total - 1].title, current: null });
    assert.ok((await inDom()) <= BOUND);
    await page.keyboard.press('Enter');
    await page.waitForFunction((v) => document.getElementById('tpl-title').value === v, titles[total - 1].title);
    assert.deepEqual(await focused(), { pos: total, title: titles[total - 1].title, current: 'true' });
    // the far row focused and open, as a user sees it: axe-clean
    assert.deepEqual(await axe(page), [], 'the last row focused and open');
    await page.screenshot({ path: join(SCREENSHOTS, 'library-long-end-light.png') });
    await page.keyboard.press('ArrowUp');
    assert.deepEqual(await focused(), { pos: total - 1, title: titles[total - 2].title, current: null });
    await page.keyboard.press('Home');
    assert.deepEqual(await focused(), { pos: 1, title: titles[0].title, current: null });
    // scrolling (the mouse wheel, the scroll bar) draws the rows come into view, with their content;
    // the focused row stays in the DOM and focused
    for (const at of [Math.round(total / 2), Math.round(total * 0.82), total - 3]) {
      await page.evaluate((top) => { document.getElementById('templates-view').scrollTop = top; }, at * 52);
      await page.waitForSelector(`#templates li[aria-posinset="${at + 1}"]`);
      const row = await page.$eval(`#templates li[aria-posinset="${at + 1}"]`, (li) => li.querySelector('.row-title').textContent);
      assert.equal(row, titles[at].title);
      drawn = await inDom();
      assert.ok(drawn <= BOUND, `${drawn} rows in the DOM at ${at}`);
      assert.deepEqual(await focused(), { pos: 1, title: titles[0].title, current: null });
    }
    // search: the results announced, drawn from the top, right (accents folded)
    await page.focus('#search');
    for (const ch of 'remboursemen') await page.keyboard.type(ch);
    const hits = await page.evaluate(announced);
    assert.ok(hits >= MANY / 10 && hits < MANY / 10 + 10, `${hits} hits`);
    assert.match(await page.textContent('#list-count'), new RegExp(`${hits} sur ${total}`));
    assert.equal(await page.$eval('#templates-view', (b) => b.scrollTop), 0);
    const found = await rowTitles(page);
    assert.ok(found.length > 5 && found.length <= BOUND, `${found.length} rows drawn`);
    for (const title of found) assert.match(title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(), /rembours/, title);
    // the last result, by keyboard
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const last = await focused();
    assert.equal(last.pos, hits);
    assert.match(last.title, /remboursement/);
    assert.ok(listMs < 300, `list ${listMs} ms`);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});
