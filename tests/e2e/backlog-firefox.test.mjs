// The backlog in Firefox ESR with the built add-on (puppeteer-core over WebDriver BiDi, as
// firefox.test.mjs). The backlog page (backlog.html): a page captured through the background
// (what the popup's Save button sends), found in the list by search and by its state (the state
// filter read through the store's index), moved from idea to draft in the editor and saved, still
// a draft after the page is opened again; the background's record says the same. Capture: the
// context menu's and the command's entries (the functions their listeners call, run in the
// background page) read the page through the background's own `scripting.executeScript` of the
// collector, on a site the user granted from an add-on page (the add-on's optional host
// permission: BiDi cannot click the toolbar button, so no activeTab here; the injection is the
// same call); a tab with no web address is refused and nothing is written. The background here
// is an event page, not a service worker: the same core, another host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firefoxSuite, openAddonPage, openPage } from './lib/firefox.mjs';
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

/** Runs `name` (a function the background's listeners call) in the background page, from `page`. */
const inBackground = (page, name, ...args) =>
  page.evaluate(async (n, a) => JSON.stringify(await (await globalThis.browser.runtime.getBackgroundPage())[n](...a)), name, args).then(JSON.parse);

test('capture in Firefox: the context menu and the command read the page through the background’s own injection; a tab with no web address is refused', async () => {
  const ext = await openAddonPage(suite, 'popup.html');
  const { page } = await openPage(suite, 'journal.example', '/article.html?utm_source=infolettre');
  const ARTICLE_TITLE = 'Les bibliothèques de quartier font le plein';
  try {
    // the user grants the site from an add-on page (a click: permissions.request wants one)
    await ext.bringToFront();
    await ext.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'grant-journal';
      b.textContent = 'journal.example';
      b.onclick = () =>
        globalThis.browser.permissions.request({ origins: ['https://journal.example/*'] }).then((ok) => {
          document.body.dataset.granted = String(ok);
        });
      document.body.append(b);
    });
    await ext.click('#grant-journal');
    await ext.waitForFunction(() => document.body.dataset.granted === 'true', { timeout: 10000 });
    const tabs = await ext.evaluate(async () => (await globalThis.browser.tabs.query({})).map((x) => ({ id: x.id, index: x.index, windowId: x.windowId, url: x.url ?? null, title: x.title ?? null })));
    const tab = tabs.find((x) => x.url?.startsWith('https://journal.example:'));
    assert.ok(tab, JSON.stringify(tabs));
    const before = (await send(ext, { kind: 'store_list', collection: 'backlog' })).records.length;

    const first = await inBackground(ext, 'porteVoixMenuClicked', { menuItemId: 'capture-page', pageUrl: tab.url, frameId: 0, editable: false }, tab);
    assert.equal(first.kind, 'captured', JSON.stringify(first));
    const item = first.captured.record.body;
    // all but the address was read in the page by the injected collector
    assert.equal(item.title, ARTICLE_TITLE);
    assert.equal(item.source.canonical, 'https://journal.example/articles/bibliotheques');
    assert.equal(item.source.author, 'Chloé Tremblay');
    assert.equal(item.source.site_name, 'Le Journal');
    assert.equal(item.source.published, '2026-11-24T15:00:00Z');
    // the page's relative og:image, made absolute against the page (served on the fixture port)
    assert.equal(item.source.image, new URL('/images/bibliotheque.png', tab.url).href);
    assert.equal(await ext.evaluate((id) => globalThis.browser.action.getBadgeText({ tabId: id }), tab.id), t('capture_badge_saved'));

    // the keyboard command with a selection in the page (the browser gives no text: the
    // collector reads it), merged into the same item
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('quote'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    const keyed = await inBackground(ext, 'porteVoixCommand', 'quick-capture', tab);
    assert.equal(keyed.captured?.merged, true, JSON.stringify(keyed));
    assert.deepEqual(keyed.captured.record.body.quotes.map((q) => q.text), ['« On vient pour les livres, on reste pour les gens », résume la bibliothécaire.']);

    // a tab with no web address (the command works on any tab): an error, nothing written
    const blank = tabs.find((x) => x.id !== tab.id && x.url === null);
    const refused = await inBackground(ext, 'porteVoixCommand', 'quick-capture', { ...blank, url: 'about:blank' });
    assert.equal(refused.code, 'capture.not_a_web_page', JSON.stringify(refused));
    const after = (await send(ext, { kind: 'store_list', collection: 'backlog' })).records.length;
    assert.equal(after, before + 1, 'one item: the article; nothing for the blank tab');
  } finally {
    await ext.evaluate(() => globalThis.browser.permissions.remove({ origins: ['https://journal.example/*'] })).catch(() => {});
    await page.close();
    await ext.close();
  }
});
