// Capture into the backlog, in Debian's Chromium with the built extension (dist/chrome, its own
// manifest: activeTab and scripting, no host permission), on a fixture article
// (tests/fixtures/sites/journal). A context menu cannot be clicked in a headless browser, nor a
// keyboard command pressed: the tests call the functions the background's listeners call
// (`porteVoixMenuClicked` for `contextMenus.onClicked`, `porteVoixCommand` for
// `commands.onCommand`) with the click information and the tab the browser would give. The page
// is NOT read by the tests: the background injects `extension/collect.js` itself with
// `scripting.executeScript`, under the activeTab grant a click on the toolbar button gives
// (clicked through the DevTools protocol, `Extensions.triggerAction`; a context menu click or a
// command grants the same) — and the popup's Save button, in popup.html opened in a tab while
// the granted tab is active, runs the popup's own injection. The refusals: a browser page (no
// web address: an error, nothing written, the toolbar badge says so; the popup says it is not a
// page) and a web page the browser does not let the extension read (the tab's address and title
// only). Also the reliability cases: the service worker stopped in the middle of captures, five
// tabs capturing 100 items each at once, and a full disk.
// Firefox: the same entries and the background's injection, on a site granted through the
// add-on's optional host permission, in backlog-firefox.test.mjs (one Firefox for the backlog).
// Not covered: the browser's own menu, key and toolbar UI (the tests call what their listeners
// call, with the click information the browser gives); the toolbar popup as the browser shows
// it (Playwright does not drive it: popup.html is opened in a tab instead); the popup's injection
// in Firefox; a web page the browser refuses even after a click (its web store, a host blocked
// by policy) is stood for by a page never granted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumSuite, axe, openPopupFor } from './lib/suite.mjs';
import { clickToolbarButton } from './lib/chromium.mjs';
import { t } from './lib/locales.mjs';

const suite = chromiumSuite({ toolbar: true });
const ARTICLE = 'https://journal.example/article.html?utm_source=newsletter&utm_campaign=nov';
const TITLE = 'Les bibliothèques de quartier font le plein';
const QUOTE = '« On vient pour les livres, on reste pour les gens », résume la bibliothécaire.';

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

/** Selects the text of `selector` in `page`, as the user does before a right click. */
async function select(page, selector) {
  return page.evaluate((s) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(s));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return String(getSelection());
  }, selector);
}

/** A context menu entry clicked: what `contextMenus.onClicked`'s listener runs. */
const menuClick = (info, tab) =>
  suite.browser.worker.evaluate(([i, tb]) => globalThis.porteVoixMenuClicked(i, tb), [{ editable: false, frameId: 0, ...info }, tab]);
/** The quick-capture key pressed: what `commands.onCommand`'s listener runs. */
const command = (tab) => suite.browser.worker.evaluate((tb) => globalThis.porteVoixCommand('quick-capture', tb), tab);
/** The toolbar badge of the tab. */
const badge = (tab) => suite.browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tab.id);

test('context menu and command: the background injects the collector itself (activeTab); page, selection, link and image items have the right metadata; the same article twice merges', async () => {
  const ext = await extensionPage();
  await freshDatabase(ext);
  const page = await suite.browser.context.newPage();
  await page.goto(ARTICLE);
  // before any click the extension may not read the page: the background's injection fails
  const refused = await suite.browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => 1 }).then(() => null, (e) => e.message);
  });
  assert.match(refused ?? '', /permission|Cannot access/i, 'without a click the page is not the extension’s to read');
  const tab = await clickToolbarButton(suite.browser, page);
  assert.equal(tab.url, ARTICLE, 'the click granted activeTab: the tab’s address is visible');

  const first = await menuClick({ menuItemId: 'capture-page', pageUrl: ARTICLE }, tab);
  assert.equal(first.kind, 'captured', JSON.stringify(first));
  assert.equal(first.captured.merged, false);
  assert.equal(await badge(tab), t('capture_badge_saved'));
  let all = await items(ext);
  assert.equal(all.length, 1);
  const item = all[0];
  // every field below but the address comes only from what the injected collector read
  assert.equal(item.title, TITLE);
  assert.equal(item.state, 'idea');
  assert.equal(item.source.canonical, 'https://journal.example/articles/bibliotheques');
  assert.equal(item.source.url, 'https://journal.example/article.html');
  assert.equal(item.source.image, 'https://journal.example/images/bibliotheque.png');
  assert.equal(item.source.site_name, 'Le Journal');
  assert.equal(item.source.author, 'Chloé Tremblay');
  assert.equal(item.source.published, '2026-11-24T15:00:00Z');
  assert.equal(item.source.lang, 'fr', 'the language as the core keeps it: its primary subtag');
  assert.match(item.source.description, /^À Montréal comme à Lyon, les usagers reviennent\u00a0?: enquête\.$/);
  assert.deepEqual(item.quotes, [], 'the page entry keeps no selection');

  // the selection: a quote, merged into the same article's item
  const selectionText = await select(page, '#quote');
  const quoted = await menuClick({ menuItemId: 'capture-selection', pageUrl: ARTICLE, selectionText }, tab);
  assert.equal(quoted.captured.merged, true, 'the same article twice is one item');
  assert.equal(quoted.captured.id, first.captured.id);
  assert.equal(await badge(tab), t('capture_badge_merged'));
  all = await items(ext);
  assert.equal(all.length, 1);
  assert.deepEqual(all[0].quotes.map((q) => q.text), [QUOTE]);
  assert.equal(all[0].quotes[0].source, 'https://journal.example/articles/bibliotheques');

  // the keyboard command: the browser gives no selection text, so the quote is what the
  // injected collector read in the page
  await select(page, '#link');
  const keyed = await command(tab);
  assert.equal(keyed.captured?.id, first.captured.id, JSON.stringify(keyed));
  assert.deepEqual((await items(ext))[0].quotes.map((q) => q.text), [QUOTE, 'Lire aussi : la lecture publique en chiffres']);

  // a link: its own page, cleaned
  const linkUrl = await page.getAttribute('#link', 'href');
  const link = await menuClick({ menuItemId: 'capture-link', pageUrl: ARTICLE, linkUrl }, tab);
  assert.equal(link.captured.merged, false);
  const linked = (await items(ext)).find((i) => i.id === link.captured.id);
  assert.equal(linked.source.canonical, 'https://journal.example/articles/lecture-publique');
  assert.equal((await items(ext)).length, 2);

  // an image: the clicked one is the item's image (a second capture of the page: merged; the
  // first capture's image stays, so capture it on a fresh database)
  await freshDatabase(ext);
  const srcUrl = await page.evaluate(() => document.querySelector('#photo').src);
  const image = await menuClick({ menuItemId: 'capture-image', pageUrl: ARTICLE, mediaType: 'image', srcUrl }, tab);
  const imaged = (await items(ext)).find((i) => i.id === image.captured.id);
  assert.equal(imaged.source.image, 'https://journal.example/images/salle.png');
  assert.equal(imaged.title, TITLE);
  assert.equal(imaged.source.author, 'Chloé Tremblay');

  // "already in the backlog": the popup's request for the tab's address (any tracking
  // parameters, the same page)
  const found = await send(ext, envelope('find-1', { kind: 'backlog_find', url: `${ARTICLE}&fbclid=zz` }));
  assert.equal(found.kind, 'backlog_found', JSON.stringify(found));
  // the item is kept under the page's canonical address; the tab's own address, which differs
  // here, leads to it too
  assert.equal(found.found?.id, image.captured.id);
  assert.equal(found.found?.title, TITLE);
  const byCanonical = await send(ext, envelope('find-2', { kind: 'backlog_find', url: 'https://journal.example/articles/bibliotheques?utm_source=x' }));
  assert.equal(byCanonical.found?.title, TITLE);
  assert.equal(byCanonical.found?.state, 'idea');
  await Promise.all([page.close(), ext.close()]);
});

test('the popup’s Save button reads the granted tab through the popup’s own injection, with the small form; then says the page is already there', async () => {
  const ext = await extensionPage();
  await freshDatabase(ext);
  const page = await suite.browser.context.newPage();
  await page.goto(ARTICLE);
  await clickToolbarButton(suite.browser, page);
  const popup = await openPopupFor(suite.browser, page);
  assert.equal(await popup.textContent('#capture-known'), '', 'not in the backlog yet');
  // the popup has read its tab; now it is the one the user looks at (a hidden tab draws no frames)
  await popup.bringToFront();
  await popup.click('#capture summary');
  await popup.fill('#capture-tags', '#veille, Québec');
  await popup.fill('#capture-note', 'Pour la rubrique « Vie de quartier » 📚');
  await popup.selectOption('#capture-state', 'draft');
  await popup.click('#capture-save');
  await popup.waitForFunction((m) => document.getElementById('capture-known').textContent === m, t('capture_saved', [TITLE]));
  const [item] = await items(ext);
  assert.equal(item.title, TITLE);
  assert.equal(item.state, 'draft');
  assert.deepEqual(item.tags, ['veille', 'Québec']);
  assert.equal(item.note, 'Pour la rubrique « Vie de quartier » 📚');
  assert.equal(item.source.canonical, 'https://journal.example/articles/bibliotheques');
  assert.equal(item.source.author, 'Chloé Tremblay', 'read in the page by the popup’s injection');
  assert.equal(item.source.published, '2026-11-24T15:00:00Z');
  // opened again on the same tab: it says the page is there, in which state
  const again = await openPopupFor(suite.browser, page);
  assert.equal(await again.textContent('#capture-known'), t('capture_already', [TITLE, t('backlog_state_draft')]));
  assert.deepEqual(await axe(again), []);
  await Promise.all([again.close(), popup.close(), page.close(), ext.close()]);
});

test('injection refused: a browser page is an error and nothing is written; a web page the browser keeps from the extension gives its address and title only', async () => {
  const ext = await extensionPage();
  await freshDatabase(ext);
  const browserPage = await suite.browser.context.newPage();
  await browserPage.goto('chrome://version/');
  const tab = await clickToolbarButton(suite.browser, browserPage);
  // what the browser hands the command's listener there (the key works on any tab)
  const refused = await command(tab);
  assert.equal(refused.kind, 'error', JSON.stringify(refused));
  assert.equal(refused.code, 'capture.not_a_web_page');
  assert.ok(t('error_capture_not_a_web_page').length > 20);
  assert.equal(await badge(tab), '!', 'the toolbar badge says it was not saved');
  assert.deepEqual(await items(ext), [], 'nothing written');
  const popup = await openPopupFor(suite.browser, browserPage);
  assert.equal(await popup.textContent('#capture-known'), t('capture_not_a_page'));
  assert.equal(await popup.getAttribute('#capture-save', 'disabled'), '');

  // a web page the extension was not granted (what the browser's web store or a host blocked
  // by policy are even after a click): the background's injection is refused; the tab's
  // address and title, as the listener was handed them, make the item
  const other = await suite.browser.context.newPage();
  await other.goto('https://journal.example/article.html?fbclid=abc');
  await other.bringToFront();
  const bare = await suite.browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]);
  assert.equal(bare.url, undefined, 'not granted: the extension does not see the address');
  const handed = { ...bare, url: other.url(), title: await other.title() };
  const address = await menuClick({ menuItemId: 'capture-page', pageUrl: other.url() }, handed);
  assert.equal(address.kind, 'captured', JSON.stringify(address));
  const [item] = await items(ext);
  assert.equal(item.title, 'Titre de l’onglet — Le Journal', 'the tab’s title, not the page’s og:title');
  assert.equal(item.source.canonical, 'https://journal.example/article.html', 'the tab’s address, cleaned; the page’s canonical link was not read');
  assert.equal(item.source.author ?? null, null);
  assert.equal(item.source.description ?? null, null);
  await Promise.all([popup.close(), other.close(), browserPage.close(), ext.close()]);
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
      (a) => a?.kind === 'captured' && said.push(r.id),
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
