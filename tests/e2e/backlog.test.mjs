// The backlog page, in Debian's Chromium with the built extension: the list with its search,
// the calendar where a scheduled item moves with the keyboard and with the mouse and stays
// moved across a reload, the JSON backup exported and imported back into an empty database,
// axe on each view, and screenshots of the list and the calendar, light and dark. And a backlog
// larger than the first read (20,000 items): the first items read by the page's loader, progress
// while the rest loads, the calendar's days read through the date index meanwhile, the list whole
// after, the export's progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumSuite, axe, SCREENSHOTS } from './lib/suite.mjs';
import { t } from './lib/locales.mjs';

const suite = chromiumSuite();
const envelope = (requestId, body) => ({ protocol_version: 1, request_id: requestId, body });
const send = (page, message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

async function freshDatabase(page) {
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.deleteDatabase('porte-voix');
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
        r.onblocked = () => reject(new Error('delete blocked'));
      }),
  );
}

const pad = (n) => String(n).padStart(2, '0');

function seedItems(year, month) {
  const day = (d) => `${year}-${pad(month)}-${pad(d)}`;
  const base = { created_ms: 1764000000000, updated_ms: 1764000000000, tags: [], networks: [], drafts: [], quotes: [], note: '' };
  return [
    { ...base, id: 'a-planned', state: 'scheduled', title: 'Bibliothèques : le reportage', planned: `${day(12)}T09:30`, networks: ['x'], drafts: [{ network: 'x', text: 'Les bibliothèques font le plein 📚 https://journal.example/a' }] },
    { ...base, id: 'b-idea', state: 'idea', title: 'Idée : portrait de bénévole', tags: ['Québec'], note: 'Appeler Chloé' },
    { ...base, id: 'c-draft', state: 'draft', title: 'Brouillon sur la rentrée', planned: day(20) },
  ];
}

async function openBacklog() {
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${suite.browser.extensionId}/backlog.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const dayCell = (date) => `#calendar td[data-date="${date}"]`;

test('list, search, calendar moves by keyboard and mouse that persist, export and import round trip; axe-clean, screenshots', async () => {
  const page = await openBacklog();
  await freshDatabase(page);
  const { year, month } = await page.evaluate(() => ({ year: new Date().getFullYear(), month: new Date().getMonth() + 1 }));
  for (const item of seedItems(year, month)) {
    const a = await send(page, envelope(`seed-${item.id}`, { kind: 'backlog_save', item }));
    assert.equal(a.kind, 'store_saved', JSON.stringify(a));
  }
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#count'), t('backlog_count', ['3']));
  assert.equal(await page.locator('#rows-list li').count(), 3);
  // a small backlog is whole at the first render
  assert.equal(await page.getAttribute('body', 'data-loaded'), 'true');
  // the planned date as a reader writes it (the browser runs in French: Québec's style)
  const plannedText = await page.textContent('#rows-list button[data-id="a-planned"] .row-meta');
  assert.match(plannedText, new RegExp(`12\\s[a-zéû]+\\.?\\s${year},\\s9\\sh\\s30`), plannedText);
  assert.doesNotMatch(plannedText, /T09:30|\d{4}-\d{2}-\d{2}/);
  assert.match(await page.textContent('#rows-list button[data-id="c-draft"] .row-meta'), new RegExp(`20\\s[a-zéû]+\\.?\\s${year}(?!,)`));

  // search: the note is searched too, without regard to accents
  await page.fill('#search', 'chloe');
  assert.equal(await page.textContent('#count'), t('backlog_count', ['1']));
  assert.match(await page.textContent('#rows-list'), /portrait de bénévole/);
  await page.fill('#search', '');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(SCREENSHOTS, 'backlog-list-light.png') });

  // the editor: a draft's live length check
  await page.click('#rows-list button[data-id="a-planned"]');
  await page.waitForSelector('#editor:not([hidden])');
  assert.match(await page.textContent('#draft-x-len'), /\/ 280$/);
  // the draft's tone check, live: a calm draft, then one that shouts
  // one compact line: the polarity (the in-page check's words), then the findings to review
  // (praise not counted); then each finding in the in-page check's words, with its kind
  const toneLine = () => page.evaluate(() => {
    const host = document.querySelector('#draft-x-tone');
    const kinds = [...host.querySelectorAll('li')].map((li) => li.dataset.kind);
    return {
      polarity: host.dataset.polarity, worst: host.dataset.worst, kinds,
      label: host.querySelector('.tone-polarity')?.textContent, summary: host.querySelector('.tone-summary')?.textContent,
      // each kind has a symbol as well as a colour
      marks: [...host.querySelectorAll('li')].map((li) => getComputedStyle(li, '::before').content),
    };
  });
  const calm = await toneLine();
  assert.equal(calm.kinds.includes('problem'), false, JSON.stringify(calm));
  assert.equal(calm.label, t(`tone_polarity_${calm.polarity}`));
  const calmToFix = calm.kinds.filter((k) => k !== 'positive').length;
  assert.equal(calm.summary, calmToFix ? t('backlog_tone_findings', [String(calmToFix)]) : t('backlog_tone_none'));
  await page.fill('#draft-x', "C'EST INACCEPTABLE, VOUS AURIEZ DÛ RÉPONDRE !!! Vous êtes nuls.");
  await page.waitForSelector('#draft-x-tone li[data-code="tone.shouting"]');
  const angry = await toneLine();
  assert.equal(angry.polarity, 'negative', JSON.stringify(angry));
  assert.equal(angry.label, t('tone_polarity_negative'));
  const toFix = angry.kinds.filter((k) => k !== 'positive').length;
  assert.ok(toFix >= 2, JSON.stringify(angry));
  assert.equal(angry.summary, t('backlog_tone_findings', [String(toFix)]));
  assert.equal(angry.worst, angry.kinds.includes('problem') ? 'problem' : 'warning');
  assert.ok(angry.marks.every((m) => m && m !== 'none' && m !== 'normal'), JSON.stringify(angry.marks));
  const shouting = await page.textContent('#draft-x-tone li[data-code="tone.shouting"]');
  assert.ok(shouting.startsWith(t('tone_shouting', ['']).split(':')[0]), shouting);
  assert.match(shouting, /INACCEPTABLE/);
  // readable in both schemes (axe's contrast rules), looked at in the screenshots
  assert.deepEqual(await axe(page), []);
  await page.locator('#editor').screenshot({ path: join(SCREENSHOTS, 'backlog-draft-tone-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axe(page), []);
  await page.locator('#editor').screenshot({ path: join(SCREENSHOTS, 'backlog-draft-tone-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.click('#rows-list button[data-id="a-planned"]');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENSHOTS, 'backlog-list-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // calendar: the scheduled item on its day; arrows move it a day
  await page.click('#show-calendar');
  const d12 = `${year}-${pad(month)}-12`;
  const d13 = `${year}-${pad(month)}-13`;
  const d20 = `${year}-${pad(month)}-20`;
  await page.focus(`${dayCell(d12)} button[data-id="a-planned"]`);
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector(`${dayCell(d13)} button[data-id="a-planned"]`);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), 'a-planned', 'the focus follows the moved item');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(SCREENSHOTS, 'backlog-calendar-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENSHOTS, 'backlog-calendar-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#show-calendar');
  await page.waitForSelector(`${dayCell(d13)} button[data-id="a-planned"]`);
  // the mouse: drag it to the 20th, keeping its time
  await page.dragAndDrop(`${dayCell(d13)} button[data-id="a-planned"]`, dayCell(d20));
  await page.waitForSelector(`${dayCell(d20)} button[data-id="a-planned"]`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#show-calendar');
  assert.match(await page.textContent(`${dayCell(d20)} button[data-id="a-planned"]`), /^09:30 /);

  // export the backup, empty the database, import it back
  await page.click('#show-transfer');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const file = await download.path();
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(backup.backlog.length, 3);
  await freshDatabase(page);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#count'), t('backlog_count', ['0']));
  await page.click('#show-transfer');
  await page.setInputFiles('#import-file', { name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(file) });
  assert.match(download.suggestedFilename(), /^porte-voix-\d{4}-\d{2}-\d{2}\.json$/);
  await page.waitForSelector('#import-apply:not([hidden])');
  assert.equal(await page.textContent('#import-report p'), t('backlog_import_report', ['3', '0', '0']));
  assert.deepEqual(await axe(page), []);
  await page.click('#import-apply');
  await page.waitForFunction((text) => document.querySelector('#status')?.textContent === text, t('backlog_import_done'));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#count'), t('backlog_count', ['3']));
  const after = await send(page, envelope('list-after', { kind: 'store_list', collection: 'backlog' }));
  const planned = after.records.map((r) => r.body).find((i) => i.id === 'a-planned');
  assert.equal(planned.planned, `${d20}T09:30`);
  assert.deepEqual(planned.drafts, backup.backlog.find((i) => i.id === 'a-planned').drafts);

  // deleted since the backup: restoring it brings the item back over its tombstone
  const current = after.records.find((r) => r.id === 'b-idea');
  const gone = await send(page, envelope('delete-b', { kind: 'store_delete', collection: 'backlog', id: 'b-idea', expected_revision: current.revision }));
  assert.equal(gone.kind, 'store_saved', JSON.stringify(gone));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#count'), t('backlog_count', ['2']));
  await page.click('#show-transfer');
  await page.setInputFiles('#import-file', { name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(file) });
  await page.waitForSelector('#import-apply:not([hidden])');
  await page.click('#import-apply');
  await page.waitForFunction((text) => document.querySelector('#status')?.textContent === text, t('backlog_import_done'));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#count'), t('backlog_count', ['3']));
  const back = await send(page, envelope('list-back', { kind: 'store_list', collection: 'backlog' }));
  assert.equal(back.records.find((r) => r.id === 'b-idea').body.note, 'Appeler Chloé');

  // a malformed file: a clear message, nothing written
  await page.click('#show-transfer');
  await page.setInputFiles('#import-file', { name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "porte-voix-backup", "version": 1, "backlog": [') });
  await page.waitForFunction(() => document.querySelector('#import-report')?.textContent.length > 0);
  assert.equal(await page.textContent('#import-report'), t('error_transfer_malformed'));
  assert.ok(await page.isHidden('#import-apply'));
  await page.close();
});

test('a backlog larger than the first read: drawn at once, progress while the rest loads, then whole; the calendar and the export', async () => {
  // enough that the rest is still loading when the calendar is shown (eight batches)
  const N = 20000;
  const page = await openBacklog();
  await freshDatabase(page);
  // the background creates the database at its current layout
  assert.equal((await send(page, envelope('warm', { kind: 'store_list', collection: 'backlog' }))).kind, 'store_records');
  const { year, month } = await page.evaluate(() => ({ year: new Date().getFullYear(), month: new Date().getMonth() + 1 }));
  const day = (d) => `${year}-${pad(month)}-${pad(d)}`;
  // the records made and written in the page, 5,000 a transaction (nothing crosses the
  // DevTools protocol but the few ids the test compares)
  const d5 = day(5);
  const onFifth = await page.evaluate(async ({ n, year, month, d5 }) => {
    const pad = (x) => String(x).padStart(2, '0');
    const day = (d) => `${year}-${pad(month)}-${pad(d)}`;
    const words = ['Québec', 'vélo', 'rentrée', 'café ☕', 'théâtre'];
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open('porte-voix');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const fifth = [];
    for (let start = 0; start < n; start += 5000) {
      await new Promise((ok, ko) => {
        const tx = db.transaction('backlog', 'readwrite');
        const store = tx.objectStore('backlog');
        for (let k = start; k < Math.min(n, start + 5000); k++) {
          const w = words[k % words.length];
          const body = {
            schema: 1, id: `seed-${String(k).padStart(5, '0')}`, state: ['idea', 'draft', 'scheduled'][k % 3],
            title: `${w} n° ${k}`, note: k === 17 ? 'Appeler la médiathèque de Lévis' : '', tags: [w], networks: ['x'], quotes: [], drafts: [],
            // scheduled items on the 3rd to the 7th, at times from 08:00 on
            planned: k % 3 === 2 ? `${day(3 + (k % 5))}T${pad(8 + Math.floor(k / 15) % 12)}:${pad(k % 60)}` : null,
            created_ms: 1764000000000 + k, updated_ms: 1764000000000 + k,
          };
          store.put({ id: body.id, revision: 1, created: body.created_ms, updated: body.updated_ms, deleted: false, body });
          if (body.planned?.startsWith(d5)) fifth.push({ id: body.id, planned: body.planned });
        }
        tx.oncomplete = ok;
        tx.onerror = () => ko(tx.error);
      });
    }
    db.close();
    // the items of the 5th in time order, as the seeded data plans them
    return fifth.sort((a, b) => (a.planned < b.planned ? -1 : a.planned > b.planned ? 1 : a.id < b.id ? -1 : 1)).map((b) => b.id);
  }, { n: N, year, month, d5 });

  // every text the status line shows, from the page's start
  await page.addInitScript(() => {
    // the loader's one request for the first items (the engine never makes it)
    window.firstReads = 0;
    const getAllRecords = IDBIndex.prototype.getAllRecords;
    if (getAllRecords) {
      IDBIndex.prototype.getAllRecords = function (...args) {
        window.firstReads += 1;
        return getAllRecords.apply(this, args);
      };
    }
    window.statuses = [];
    new MutationObserver(() => {
      const text = document.getElementById('status')?.textContent ?? '';
      if (text && window.statuses.at(-1) !== text) window.statuses.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // the page's CPU slowed down (DevTools protocol) while it loads: on a fast, quiet machine the
  // eight batches could otherwise all be in before the calendar is asked for
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.reload();
  await page.waitForSelector('body[data-painted-ms]');
  assert.equal(await page.evaluate(() => window.firstReads), 1, 'the loader read the first items');
  // the calendar asked for at once: its days are those of the seeded items either way (read
  // through the date index while the rest loads, from the whole backlog after)
  const loadingAtClick = await page.evaluate(() => document.body.dataset.loaded !== 'true');
  await page.click('#show-calendar');
  // asked for while loading: the rest may now load at full speed
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  assert.ok(loadingAtClick, 'the backlog is still loading when the calendar is shown');
  await page.waitForSelector(`${dayCell(d5)} button[data-id]`);
  await page.waitForSelector('body[data-loaded="true"]');
  // the calendar's read through the index ends when it ends: before or after the last batch
  await page.waitForSelector('body[data-calendar-read-ms]');
  // the first items of the 5th in time order
  const shownIds = await page.locator(`${dayCell(d5)} button[data-id]`).evaluateAll((bs) => bs.map((b) => b.dataset.id));
  assert.ok(shownIds.length > 0 && shownIds.length < onFifth.length, `${shownIds.length} shown of ${onFifth.length}`);
  assert.deepEqual(shownIds, onFifth.slice(0, shownIds.length));

  // the list: the loading said how far it got, and everything is there once it ends
  await page.click('#show-list');
  const statuses = await page.evaluate(() => window.statuses);
  assert.ok(
    statuses.some((s) => s === t('backlog_loading', ['2500', String(N)])),
    `progress while loading: ${JSON.stringify(statuses)}`,
  );
  assert.equal(await page.textContent('#count'), t('backlog_count', [String(N)]));
  // an item of the last batch read (not among the first ones drawn) is found by its note
  await page.fill('#search', 'levis');
  assert.equal(await page.textContent('#count'), t('backlog_count', ['1']));
  assert.equal(await page.locator('#rows-list button[data-id="seed-00017"]').count(), 1);
  await page.fill('#search', '');

  // the export: its progress, then every item in the file
  await page.click('#show-transfer');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(backup.format, 'porte-voix-backup');
  assert.equal(backup.backlog.length, N);
  assert.deepEqual(backup.backlog.find((i) => i.id === 'seed-00017').note, 'Appeler la médiathèque de Lévis');
  await page.waitForFunction((text) => document.querySelector('#status')?.textContent === text, t('backlog_exported', [String(N)]));
  const exported = await page.evaluate(() => window.statuses);
  assert.ok(exported.includes(t('backlog_exporting', [String(N), String(N)])), JSON.stringify(exported.slice(-4)));
  assert.ok(await page.isHidden('#progress'), 'the progress bar is gone once the file is offered');

  // a browser without getAllRecords (Firefox): the loader reads the first items with a cursor
  await page.addInitScript(() => {
    delete IDBIndex.prototype.getAllRecords;
  });
  await page.reload();
  await page.waitForSelector('body[data-painted-ms]');
  assert.equal(await page.getAttribute('#rows-list li:first-child button', 'data-id'), `seed-${String(N - 1).padStart(5, '0')}`);
  await page.waitForSelector('body[data-loaded="true"]');
  assert.equal(await page.textContent('#count'), t('backlog_count', [String(N)]));
  await freshDatabase(page);
  await page.close();
});
