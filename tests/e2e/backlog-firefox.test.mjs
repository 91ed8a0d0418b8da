// The backlog page (backlog.html) in Firefox ESR with the built add-on (puppeteer-core over
// WebDriver BiDi, as firefox.test.mjs): a page captured through the background (what the popup's
// Save button sends), found in the list by search and by its state (the state filter read through
// the store's index), moved from idea to draft in the editor and saved, still a draft after the
// page is opened again; the background's record says the same. The background here is an event
// page, not a service worker: the same core, another host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firefoxSuite, openAddonPage } from './lib/firefox.mjs';
import { t } from './lib/locales.mjs';

const suite = firefoxSuite();
let seq = 0;
const send = (page, body) =>
  page.evaluate((m) => globalThis.browser.runtime.sendMessage(m), { protocol_version: 1, request_id: `ff-backlog-${Date.now()}-${seq++}`, body });

/** The backlog page, once ready; opened again once if its first frame was replaced while the
 * helper waited (puppeteer's "Waiting failed"). */
async function openBacklog() {
  try {
    return await openAddonPage(suite, 'backlog.html');
  } catch {
    return openAddonPage(suite, 'backlog.html');
  }
}

const waitText = (page, selector, text, timeout = 15000) =>
  page.waitForFunction((s, m) => document.querySelector(s)?.textContent === m, { timeout }, selector, text);

/** The rows the list draws: id, title and meta line. */
const rows = (page) =>
  page.$$eval('#rows-list button.row', (bs) => bs.map((b) => ({ id: b.dataset.id, title: b.querySelector('.row-title').textContent, meta: b.querySelector('.row-meta').textContent })));

/** Sets the state filter (the whole backlog is in the page: the list answers at once). */
const filterState = (page, state) => page.select('#filter-state', state);

test('backlog in Firefox: a captured page found by search and state, moved to draft, still a draft after a reload', async () => {
  let page = await openBacklog();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const answer = await send(page, {
      kind: 'capture',
      candidates: { page_url: 'https://journal.example/2026/velo-hiver-montreal?utm_source=infolettre&fbclid=abc', title: 'Le vélo d’hiver à Montréal : « on roule même à −20 »' },
    });
    assert.equal(answer.kind, 'captured', JSON.stringify(answer));
    const id = answer.captured.id;
    assert.equal(answer.captured.record.body.state, 'idea');
    assert.equal(answer.captured.record.body.source.canonical, 'https://journal.example/2026/velo-hiver-montreal');
    // a page opened after the capture lists it
    await page.close();
    page = await openBacklog();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 20000 });

    // found by search, ignoring accents and case
    await page.type('#search', 'VELO hiver');
    await page.waitForFunction((i) => document.querySelector(`#rows-list button[data-id="${i}"]`), { timeout: 10000 }, id);
    let found = (await rows(page)).find((r) => r.id === id);
    assert.equal(found.title, 'Le vélo d’hiver à Montréal : « on roule même à −20 »');
    assert.ok(found.meta.startsWith(t('backlog_state_idea')), found.meta);
    // and by its state: there among the ideas, not among the drafts
    await filterState(page, 'idea');
    assert.ok((await rows(page)).some((r) => r.id === id));
    await filterState(page, 'draft');
    assert.equal((await rows(page)).some((r) => r.id === id), false);
    await filterState(page, '');

    // moved to draft in the editor, saved once the background committed it
    await page.click(`#rows-list button[data-id="${id}"]`);
    await page.waitForSelector('#editor:not([hidden])');
    await page.select('#item-state', 'draft');
    await page.click('#editor-form button[type="submit"]');
    await waitText(page, '#status', t('backlog_saved'));

    // opened again: still a draft, found under the draft filter
    await page.close();
    page = await openBacklog();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 20000 });
    await page.type('#search', 'vélo');
    await page.waitForFunction((i) => document.querySelector(`#rows-list button[data-id="${i}"]`), { timeout: 10000 }, id);
    found = (await rows(page)).find((r) => r.id === id);
    assert.ok(found.meta.startsWith(t('backlog_state_draft')), found.meta);
    await filterState(page, 'draft');
    assert.ok((await rows(page)).some((r) => r.id === id));
    await filterState(page, 'idea');
    assert.equal((await rows(page)).some((r) => r.id === id), false);
    const listed = await send(page, { kind: 'store_list', collection: 'backlog' });
    const record = listed.records.find((r) => r.id === id);
    assert.equal(record.body.state, 'draft');
    assert.equal(record.revision, 2);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
