// Capture into the backlog, in Debian's Chromium with the built extension, on a fixture article
// (tests/fixtures/sites/journal). A context menu cannot be clicked in a headless browser, and a
// keyboard command cannot be pressed there: the tests call the background's capture entry
// (`porteVoixCapture`, the very function `contextMenus.onClicked` and `commands.onCommand` call)
// with the click information the browser would give. The page is read by the same collector
// (`extension/collect.js`) the background injects with `scripting.executeScript`; headless
// Chromium grants no activeTab, so the tests run the collector in the page themselves and hand
// its answer to the capture entry. Also the reliability cases: the service worker stopped in
// the middle of captures, five tabs capturing 100 items each at once, and a full disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumSuite, axe } from './lib/suite.mjs';
import { ROOT } from './lib/chromium.mjs';
import { t } from './lib/locales.mjs';

const suite = chromiumSuite();
const ARTICLE = 'https://journal.example/article.html?utm_source=newsletter&utm_campaign=nov';
const COLLECT = readFileSync(join(ROOT, 'extension/collect.js'), 'utf8').replace('export function', 'function');

async function extensionPage(path = 'popup.html') {
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${suite.browser.extensionId}/${path}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const send = (page, message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);
const envelope = (requestId, body) => ({ protocol_version: 1, request_id: requestId, body });

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

async function items(page) {
  const answer = await send(page, envelope(`list-${Math.random()}`, { kind: 'store_list', collection: 'backlog' }));
  assert.equal(answer.kind, 'store_records', JSON.stringify(answer));
  return answer.records.map((r) => r.body);
}

/** What the collector reads in `page` (after selecting `selector`'s text, if given). */
async function collected(page, selector) {
  const sources = await suite.browser.worker.evaluate(() => globalThis.porteVoixSources());
  if (selector) {
    await page.evaluate((s) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector(s));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }, selector);
  }
  return page.evaluate(`(${COLLECT})(${JSON.stringify(sources)})`);
}

/** The background's capture entry, as the context menu calls it. */
function capture(info, tab, options) {
  return suite.browser.worker.evaluate(([i, tb, o]) => globalThis.porteVoixCapture(i, tb, o), [info, tab, options]);
}

test('page, selection, link and image: each item has the right metadata; the same article twice merges and says so', async () => {
  const ext = await extensionPage();
  await freshDatabase(ext);
  const page = await suite.browser.context.newPage();
  await page.goto(ARTICLE);
  const tab = { id: -1, url: ARTICLE, title: await page.title() };

  const first = await capture({ menuItemId: 'capture-page', pageUrl: ARTICLE }, tab, { collected: await collected(page) });
  assert.equal(first.kind, 'captured', JSON.stringify(first));
  assert.equal(first.captured.merged, false);
  let all = await items(ext);
  assert.equal(all.length, 1);
  const item = all[0];
  assert.equal(item.title, 'Les bibliothèques de quartier font le plein');
  assert.equal(item.state, 'idea');
  assert.equal(item.source.canonical, 'https://journal.example/articles/bibliotheques');
  assert.equal(item.source.url, 'https://journal.example/article.html');
  assert.equal(item.source.image, 'https://journal.example/images/bibliotheque.png');
  assert.equal(item.source.site_name, 'Le Journal');
  assert.equal(item.source.author, 'Chloé Tremblay');
  assert.equal(item.source.published, '2026-11-24T15:00:00Z');
  assert.equal(item.source.lang, 'fr', 'the language as the core keeps it: its primary subtag');
  assert.match(item.source.description, /^À Montréal comme à Lyon, les usagers reviennent\u00a0?: enquête\.$/);

  // the selection: a quote, merged into the same article's item
  const quoted = await capture({ menuItemId: 'capture-selection', pageUrl: ARTICLE }, tab, { collected: await collected(page, '#quote'), form: { tags: ['#veille', 'Québec'] } });
  assert.equal(quoted.captured.merged, true, 'the same article twice is one item');
  assert.equal(quoted.captured.id, first.captured.id);
  all = await items(ext);
  assert.equal(all.length, 1);
  assert.deepEqual(all[0].quotes.map((q) => q.text), ['« On vient pour les livres, on reste pour les gens », résume la bibliothécaire.']);
  assert.deepEqual(all[0].tags, ['veille', 'Québec']);

  // a link: its own page, cleaned
  const linkUrl = await page.getAttribute('#link', 'href');
  const link = await capture({ menuItemId: 'capture-link', pageUrl: ARTICLE, linkUrl }, tab, { collected: await collected(page) });
  assert.equal(link.captured.merged, false);
  const linked = (await items(ext)).find((i) => i.id === link.captured.id);
  assert.equal(linked.source.canonical, 'https://journal.example/articles/lecture-publique');

  // an image: the clicked one is the item's image (a second capture of the page: merged; the
  // first capture's image stays, so capture it on a fresh database)
  await freshDatabase(ext);
  const srcUrl = await page.evaluate(() => document.querySelector('#photo').src);
  const image = await capture({ menuItemId: 'capture-image', pageUrl: ARTICLE, srcUrl }, tab, { collected: await collected(page) });
  const imaged = (await items(ext)).find((i) => i.id === image.captured.id);
  assert.equal(imaged.source.image, 'https://journal.example/images/salle.png');

  // "already in the backlog": the popup's request for the tab's address (any tracking
  // parameters, the same page). The popup reads the address through activeTab, which only a
  // click on the toolbar button grants: headless, the popup is checked for its capture block
  // and axe only.
  const found = await send(ext, envelope('find-1', { kind: 'backlog_find', url: `${ARTICLE}&fbclid=zz` }));
  assert.equal(found.kind, 'backlog_found', JSON.stringify(found));
  // the item is kept under the page's canonical address; the tab's own address, which differs
  // here, leads to it too
  assert.equal(found.found?.id, image.captured.id);
  assert.equal(found.found?.title, 'Les bibliothèques de quartier font le plein');
  const byCanonical = await send(ext, envelope('find-2', { kind: 'backlog_find', url: 'https://journal.example/articles/bibliotheques?utm_source=x' }));
  assert.equal(byCanonical.found?.title, 'Les bibliothèques de quartier font le plein');
  assert.equal(byCanonical.found?.state, 'idea');
  const popup = await suite.browser.context.newPage();
  await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html`);
  await popup.waitForSelector('body[data-ready="true"]');
  assert.equal(await popup.textContent('#capture-save'), t('capture_save'));
  assert.deepEqual(await axe(popup), []);
  await Promise.all([popup.close(), page.close(), ext.close()]);
});

/** The service worker's targets, as the DevTools protocol lists them. */
async function workerTargets(cdp) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.filter((x) => x.type === 'service_worker' && x.url.includes(suite.browser.extensionId));
}

test('the service worker stopped in the middle of captures: every item said saved is there, none twice', async () => {
  const ext = await extensionPage();
  await freshDatabase(ext);
  const said = [];
  const requests = Array.from({ length: 60 }, (_, k) => ({
    id: `sw-stop-${k}`,
    body: { kind: 'capture', candidates: { page_url: `https://journal.example/articles/${k}?utm_source=x`, title: `Article ${k}` } },
  }));
  // send them all, stop the worker while they run, then retry those without an answer (what
  // a page does when its message port closes)
  const pending = requests.map((r) =>
    send(ext, envelope(r.id, r.body)).then(
      (a) => a.kind === 'captured' && said.push(r.id),
      () => undefined,
    ),
  );
  const cdp = await suite.browser.context.newCDPSession(ext);
  await ext.waitForTimeout(30);
  const [target] = await workerTargets(cdp);
  if (target) await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await Promise.all(pending);
  await cdp.detach();
  const savedBefore = new Set(said);
  for (const r of requests.filter((x) => !savedBefore.has(x.id))) {
    const a = await send(ext, envelope(r.id, r.body));
    assert.equal(a.kind, 'captured', JSON.stringify(a));
  }
  // a retry of requests already answered writes nothing more
  for (const id of [...savedBefore].slice(0, 5)) {
    const r = requests.find((x) => x.id === id);
    const a = await send(ext, envelope(r.id, r.body));
    assert.equal(a.captured.record.revision, 1);
  }
  const all = await items(ext);
  assert.equal(all.length, 60);
  assert.equal(new Set(all.map((i) => i.source.canonical)).size, 60);
  for (const id of savedBefore) assert.ok(all.some((i) => i.title === requests.find((r) => r.id === id).body.candidates.title));
  await ext.close();
});

test('five tabs capture 100 items each at the same time: 500 items', async () => {
  const first = await extensionPage();
  await freshDatabase(first);
  const tabs = [first, ...(await Promise.all([1, 2, 3, 4].map(() => extensionPage())))];
  const started = Date.now();
  const answers = await Promise.all(
    tabs.map((p, k) =>
      p.evaluate(async (tab) => {
        const runs = [];
        for (let n = 0; n < 100; n++) {
          runs.push(
            chrome.runtime.sendMessage({
              protocol_version: 1,
              request_id: `tab${tab}-${n}`,
              body: { kind: 'capture', candidates: { page_url: `https://journal.example/t${tab}/${n}`, title: `Onglet ${tab} n° ${n}` } },
            }),
          );
        }
        return (await Promise.all(runs)).map((a) => a.kind);
      }, k),
    ),
  );
  const elapsed = Date.now() - started;
  for (const kinds of answers) assert.deepEqual([...new Set(kinds)], ['captured']);
  assert.equal((await items(first)).length, 500);
  console.log(`# 500 concurrent captures in ${elapsed} ms (${(elapsed / 500).toFixed(1)} ms each, end to end)`);
  await Promise.all(tabs.map((p) => p.close()));
});

test('storage quota reached: a clear message, nothing lost, the backlog still opens', async () => {
  const ext = await extensionPage();
  await freshDatabase(ext);
  const ok = await send(ext, envelope('q-1', { kind: 'capture', candidates: { page_url: 'https://journal.example/q/1', title: 'Avant' } }));
  assert.equal(ok.kind, 'captured');
  const cdp = await suite.browser.context.newCDPSession(ext);
  const origin = `chrome-extension://${suite.browser.extensionId}`;
  let overridden = true;
  try {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  } catch {
    overridden = false;
  }
  if (overridden) {
    // Chromium keeps a short-lived allowance of free space per storage bucket: a first large
    // write after the override meets the new quota and refreshes it
    await ext.evaluate(() => new Promise((ok) => {
      const r = indexedDB.open('quota-probe', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('s');
      r.onsuccess = () => {
        const tx = r.result.transaction('s', 'readwrite');
        tx.objectStore('s').put('x'.repeat(300000), 1);
        tx.oncomplete = tx.onabort = () => ok();
      };
      r.onerror = () => ok();
    }));
    // a capture with a long note (the selection is cut to a quote's length; a note is not)
    const big = 'Notes de veille. '.repeat(20_000);
    const full = await send(ext, envelope('q-2', { kind: 'capture', candidates: { page_url: 'https://journal.example/q/2', title: 'Après' }, form: { note: big } }));
    // Chromium's storage service lets the service worker's write through on the allowance it
    // measured before the override (the page's own write above is refused): when it refuses,
    // the answer is store.quota, which the UI shows from _locales
    if (full.kind === 'error') {
      assert.equal(full.code, 'store.quota', JSON.stringify(full).slice(0, 300));
      assert.ok(t('error_store_quota').length > 10);
    } else {
      assert.equal(full.kind, 'captured');
      console.log('# the quota override did not reach the service worker\'s write (allowance cached)');
    }
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  }
  await cdp.detach();
  const all = await items(ext);
  assert.ok(all.some((i) => i.title === 'Avant'), 'nothing written before is lost');
  const backlog = await extensionPage('backlog.html');
  assert.equal(await backlog.textContent('#count'), t('backlog_count', [String(all.length)]));
  assert.ok(overridden, 'Storage.overrideQuotaForOrigin is available in this Chromium');
  await Promise.all([backlog.close(), ext.close()]);
});
