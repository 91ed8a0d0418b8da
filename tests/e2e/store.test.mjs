// The background's store end to end, in Debian's Chromium with the built extension: records
// written through the background's message path land in IndexedDB, survive the service worker
// being stopped, are not duplicated by a retry of the same request id, and a stale revision is
// refused; a content script may not reach the store; databases left at schema versions 1 and 2
// are upgraded in place by the real IndexedDB upgrade path (version 3's indexes filled from the
// items already there), and a failed upgrade leaves the old database as it was. And the popup,
// which reads the background's typed answers, speaks the language the browser serves it in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, hostResolverRules } from './lib/server.mjs';
import { launch, EXT_DIR } from './lib/chromium.mjs';
import { buildFixtures } from './build-fixtures.mjs';
import { t } from './lib/locales.mjs';

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

const envelope = (requestId, body) => ({ protocol_version: 1, request_id: requestId, body });

/** An extension page (same origin as the service worker, so it sees the same IndexedDB). */
async function extensionPage() {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const send = (page, message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

/** Deletes the database; the background's open connection closes itself on `versionchange`. */
async function freshDatabase(page) {
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.deleteDatabase('porte-voix');
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
        r.onblocked = () => reject(new Error('delete blocked: a connection did not close'));
      }),
  );
}

/** What IndexedDB holds, read directly (not through the extension): version, stores, indexes, rows. */
async function readDatabase(page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('porte-voix')) return null;
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('porte-voix');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      const out = { version: db.version, stores: {} };
      for (const name of db.objectStoreNames) {
        const tx = db.transaction(name, 'readonly');
        const store = tx.objectStore(name);
        const rows = await new Promise((resolve, reject) => {
          const r = store.getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        out.stores[name] = { keyPath: store.keyPath, indexes: [...store.indexNames], rows };
      }
      return out;
    } finally {
      db.close();
    }
  });
}

/** The extension's service-worker targets, as the DevTools protocol lists them. */
async function workerTargets(cdp) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId));
}

/**
 * Stops the extension's service worker through the DevTools protocol (closing its target, as
 * the browser does to an idle worker) and resolves once it is gone.
 */
async function stopServiceWorker(page) {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const [target] = await workerTargets(cdp);
    assert.ok(target, 'the service worker runs before it is stopped');
    const { success } = await cdp.send('Target.closeTarget', { targetId: target.targetId });
    assert.ok(success, 'Target.closeTarget refused');
    for (let i = 0; (await workerTargets(cdp)).length > 0; i++) {
      assert.ok(i < 100, 'the service worker did not stop');
      await page.waitForTimeout(100);
    }
  } finally {
    await cdp.detach().catch(() => {});
  }
}

const template = {
  title: 'Remerciement',
  body: 'Merci {{prenom|à vous}} pour votre message ! Bonne fin de semaine 🎉',
  lang: 'fr-CA',
};

test('a record put through the background is in IndexedDB, survives the worker stopped, and a retry does not duplicate it', async () => {
  const page = await extensionPage();
  try {
    await freshDatabase(page);
    const put = envelope('e2e-put-1', { kind: 'store_put', collection: 'templates', id: 'tpl-merci', body: template });
    const saved = await send(page, put);
    assert.equal(saved.kind, 'store_saved', JSON.stringify(saved));
    assert.equal(saved.record.id, 'tpl-merci');
    assert.equal(saved.record.revision, 1);
    assert.deepEqual(saved.record.body, template);

    // "saved" was said after the commit: the record and its request id are in IndexedDB
    const db = await readDatabase(page);
    assert.equal(db.version, 3);
    assert.deepEqual(db.stores.templates.rows.map((r) => [r.id, r.revision, r.deleted]), [['tpl-merci', 1, false]]);
    assert.deepEqual(db.stores.applied_requests.rows.map((r) => r.request_id), ['e2e-put-1']);

    await stopServiceWorker(page);

    // the answer was lost with the worker: the page retries the same request; a new worker
    // answers what the first one saved, and writes nothing more
    const retried = await send(page, put);
    assert.deepEqual(retried, saved);
    // the message woke a new worker (the stopped one was gone)
    const cdp = await browser.context.newCDPSession(page);
    assert.equal((await workerTargets(cdp)).length, 1, 'a new service worker answered');
    await cdp.detach();
    const after = await readDatabase(page);
    assert.equal(after.stores.templates.rows.length, 1);
    assert.deepEqual(after.stores.templates.rows[0], db.stores.templates.rows[0]);
    assert.equal(after.stores.applied_requests.rows.length, 1);

    const listed = await send(page, envelope('e2e-list-1', { kind: 'store_list', collection: 'templates' }));
    assert.equal(listed.kind, 'store_records');
    assert.deepEqual(listed.records, [saved.record]);
  } finally {
    await page.close();
  }
});

test('a put with a stale revision is refused with store.conflict; a deletion leaves a tombstone; old request ids are forgotten', async () => {
  const page = await extensionPage();
  const other = await extensionPage();
  try {
    await freshDatabase(page);
    const created = await send(page, envelope('c-1', { kind: 'store_put', collection: 'backlog', id: 'idee-1', body: { title: 'Article de La Presse' } }));
    assert.equal(created.record.revision, 1);
    // a request id applied long ago (past the 30-day retry window), written straight into IndexedDB
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const r = indexedDB.open('porte-voix');
          r.onsuccess = () => {
            const tx = r.result.transaction('applied_requests', 'readwrite');
            tx.objectStore('applied_requests').put({ request_id: 'il-y-a-longtemps', at: 1000, collection: 'backlog', record: {} });
            tx.oncomplete = () => {
              r.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          r.onerror = () => reject(r.error);
        }),
    );
    // two pages read revision 1; the first saves, then the second's save is refused
    const first = await send(page, envelope('c-2', { kind: 'store_put', collection: 'backlog', id: 'idee-1', expected_revision: 1, body: { title: 'Brouillon' } }));
    assert.equal(first.kind, 'store_saved');
    assert.equal(first.record.revision, 2);
    const stale = await send(other, envelope('c-3', { kind: 'store_put', collection: 'backlog', id: 'idee-1', expected_revision: 1, body: { title: 'Autre onglet' } }));
    assert.equal(stale.kind, 'error');
    assert.equal(stale.code, 'store.conflict');
    // nothing silently lost: the first save stands
    const got = await send(other, envelope('c-4', { kind: 'store_get', collection: 'backlog', id: 'idee-1' }));
    assert.equal(got.record.revision, 2);
    assert.deepEqual(got.record.body, { title: 'Brouillon' });

    const deleted = await send(page, envelope('c-5', { kind: 'store_delete', collection: 'backlog', id: 'idee-1', expected_revision: 2 }));
    assert.equal(deleted.kind, 'store_saved');
    assert.equal(deleted.record.deleted, true);
    const gone = await send(page, envelope('c-6', { kind: 'store_get', collection: 'backlog', id: 'idee-1' }));
    assert.deepEqual(gone, { kind: 'store_record', record: null });
    const db = await readDatabase(page);
    assert.deepEqual(db.stores.backlog.rows.map((r) => [r.id, r.revision, r.deleted, r.body]), [['idee-1', 3, true, null]]);
    // the next write forgot the old request id, in its own transaction; the recent ones stay
    assert.deepEqual(db.stores.applied_requests.rows.map((r) => r.request_id).sort(), ['c-1', 'c-2', 'c-5']);
  } finally {
    await page.close();
    await other.close();
  }
});

test('a content script may not read or write the store (protocol.forbidden)', async () => {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await page.goto('https://x.com/home', { waitUntil: 'load' });
    // the content script's own world (Chromium names it after the extension)
    let world;
    for (let i = 0; i < 100 && !world; i++) {
      world = contexts.find((c) => c.origin === `chrome-extension://${browser.extensionId}` || c.name === 'Porte-voix');
      if (!world) await page.waitForTimeout(100);
    }
    assert.ok(world, `no content-script world among ${JSON.stringify(contexts.map((c) => c.name))}`);
    const ask = async (body) => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(envelope(`cs-${body.kind}`, body))})`,
      });
      assert.equal(exceptionDetails, undefined, JSON.stringify(exceptionDetails));
      return result.value;
    };
    for (const body of [
      { kind: 'store_list', collection: 'templates' },
      { kind: 'store_get', collection: 'backlog', id: 'x' },
      { kind: 'store_put', collection: 'templates', id: 'pirate', body: {} },
      { kind: 'store_delete', collection: 'templates', id: 'tpl-merci' },
      { kind: 'tab_status', tab_id: 1 },
    ]) {
      const answer = await ask(body);
      assert.equal(answer.kind, 'error', `${body.kind}: ${JSON.stringify(answer)}`);
      assert.equal(answer.code, 'protocol.forbidden', body.kind);
    }
    // what the page needs is still served
    const counted = await ask({ kind: 'count', text: 'Allô 👋', platform: 'mastodon' });
    assert.equal(counted.kind, 'count');
    assert.equal(counted.report.length, 6);
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
});

test('a database left at schema version 1 is upgraded in place, its records kept', async () => {
  const page = await extensionPage();
  try {
    await freshDatabase(page);
    // the layout version 1 wrote, with one template in it
    const old = { id: 'tpl-ancien', revision: 4, created: 1700000000000, updated: 1700000500000, deleted: false, body: { title: 'Courriel reçu' } };
    await page.evaluate(
      (record) =>
        new Promise((resolve, reject) => {
          const r = indexedDB.open('porte-voix', 1);
          r.onupgradeneeded = () => {
            const db = r.result;
            db.createObjectStore('templates', { keyPath: 'id' }).put(record);
            db.createObjectStore('backlog', { keyPath: 'id' });
            db.createObjectStore('applied_requests', { keyPath: 'request_id' });
          };
          r.onsuccess = () => {
            r.result.close();
            resolve();
          };
          r.onerror = () => reject(r.error);
        }),
      old,
    );
    // (or already upgraded by the background, as in the next test)
    assert.ok([1, 3].includes((await readDatabase(page)).version));

    const got = await send(page, envelope('m-1', { kind: 'store_get', collection: 'templates', id: 'tpl-ancien' }));
    assert.deepEqual(got, { kind: 'store_record', record: old });
    const db = await readDatabase(page);
    assert.equal(db.version, 3);
    assert.deepEqual(Object.keys(db.stores).sort(), ['applied_requests', 'backlog', 'meta', 'templates']);
    assert.deepEqual(db.stores.templates.indexes, ['by_updated']);
    assert.deepEqual(db.stores.backlog.indexes, ['by_planned', 'by_state', 'by_tag', 'by_updated']);
    assert.deepEqual(db.stores.applied_requests.indexes, ['by_at']);
    assert.deepEqual(db.stores.templates.rows, [old]);
    // and it is written to as any record
    const saved = await send(page, envelope('m-2', { kind: 'store_put', collection: 'templates', id: 'tpl-ancien', expected_revision: 4, body: { title: 'Courriel reçu, merci' } }));
    assert.equal(saved.record.revision, 5);
    assert.equal(saved.record.created, old.created);
  } finally {
    await page.close();
  }
});

test('a database left at schema version 2 gains the backlog indexes by state, date and tag, over the items already there', async () => {
  const page = await extensionPage();
  try {
    await freshDatabase(page);
    const item = (id, state, tags, planned) => ({
      id, revision: 1, created: 1764000000000, updated: 1764000000000, deleted: false,
      body: { schema: 1, id, state, title: `Article ${id}`, note: '', tags, networks: [], quotes: [], drafts: [], planned, created_ms: 1764000000000, updated_ms: 1764000000000 },
    });
    const old = [
      item('a', 'scheduled', ['vélo', 'Montréal'], '2026-12-01T09:30'),
      item('b', 'idea', ['café'], null),
      item('c', 'scheduled', ['vélo'], '2026-11-30'),
      item('d', 'draft', [], '2026-12-01'),
      { id: 'z', revision: 3, created: 1, updated: 2, deleted: true, body: null },
    ];
    // the layout version 2 wrote, with backlog items in it
    await page.evaluate(
      (records) =>
        new Promise((resolve, reject) => {
          const r = indexedDB.open('porte-voix', 2);
          r.onupgradeneeded = () => {
            const db = r.result;
            db.createObjectStore('templates', { keyPath: 'id' }).createIndex('by_updated', 'updated');
            const backlog = db.createObjectStore('backlog', { keyPath: 'id' });
            backlog.createIndex('by_updated', 'updated');
            for (const record of records) backlog.put(record);
            db.createObjectStore('applied_requests', { keyPath: 'request_id' }).createIndex('by_at', 'at');
            db.createObjectStore('meta', { keyPath: 'key' });
          };
          r.onsuccess = () => {
            r.result.close();
            resolve();
          };
          r.onerror = () => reject(r.error);
        }),
      old,
    );
    // written at version 2 (the open above asked for it); the background may already have opened
    // it since, for a context-menu build that an earlier test's write scheduled (seen once in a
    // full run): then the upgrade is done already, over the same items, and is checked the same
    assert.ok([2, 3].includes((await readDatabase(page)).version));
    // the background's first use upgrades it
    const listed = await send(page, envelope('v2-1', { kind: 'store_list', collection: 'backlog' }));
    assert.deepEqual(listed.records.map((r) => r.id).sort(), ['a', 'b', 'c', 'd']);
    const db = await readDatabase(page);
    assert.equal(db.version, 3);
    assert.deepEqual(db.stores.backlog.indexes, ['by_planned', 'by_state', 'by_tag', 'by_updated']);
    assert.deepEqual(db.stores.backlog.rows, old);
    // what each index finds, read directly: [key, id] in the index's order
    const entries = await page.evaluate(async () => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('porte-voix');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const out = {};
      const store = db.transaction('backlog', 'readonly').objectStore('backlog');
      out.multiEntry = store.index('by_tag').multiEntry;
      for (const name of ['by_state', 'by_planned', 'by_tag']) {
        out[name] = await new Promise((resolve, reject) => {
          const rows = [];
          const c = store.index(name).openKeyCursor();
          c.onsuccess = () => {
            if (!c.result) return resolve(rows);
            rows.push([c.result.key, c.result.primaryKey]);
            c.result.continue();
          };
          c.onerror = () => reject(c.error);
        });
      }
      db.close();
      return out;
    });
    assert.equal(entries.multiEntry, true);
    assert.deepEqual(entries.by_state, [['draft', 'd'], ['idea', 'b'], ['scheduled', 'a'], ['scheduled', 'c']]);
    assert.deepEqual(entries.by_planned, [['2026-11-30', 'c'], ['2026-12-01', 'd'], ['2026-12-01T09:30', 'a']]);
    assert.deepEqual(entries.by_tag, [['Montréal', 'a'], ['café', 'b'], ['vélo', 'a'], ['vélo', 'c']]);
  } finally {
    await freshDatabase(page);
    await page.close();
  }
});

test('an upgrade to version 3 that fails leaves the version 2 database as it was, its items readable', async () => {
  const page = await extensionPage();
  try {
    await freshDatabase(page);
    const record = { id: 'b-1', revision: 2, created: 1764000000000, updated: 1764000000500, deleted: false, body: { schema: 1, id: 'b-1', state: 'idea', title: 'Fête de la musique à Québec 🎶', tags: ['musique'], created_ms: 1764000000000, updated_ms: 1764000000500 } };
    // version 2, with an index of the name version 3 creates already there: its step fails
    await page.evaluate(
      (rec) =>
        new Promise((resolve, reject) => {
          const r = indexedDB.open('porte-voix', 2);
          r.onupgradeneeded = () => {
            const db = r.result;
            db.createObjectStore('templates', { keyPath: 'id' }).createIndex('by_updated', 'updated');
            const backlog = db.createObjectStore('backlog', { keyPath: 'id' });
            backlog.createIndex('by_updated', 'updated');
            backlog.createIndex('by_tag', 'body.title');
            backlog.put(rec);
            db.createObjectStore('applied_requests', { keyPath: 'request_id' }).createIndex('by_at', 'at');
            db.createObjectStore('meta', { keyPath: 'key' });
          };
          r.onsuccess = () => {
            r.result.close();
            resolve();
          };
          r.onerror = () => reject(r.error);
        }),
      record,
    );
    const answer = await send(page, envelope('fail-1', { kind: 'store_list', collection: 'backlog' }));
    assert.equal(answer.kind, 'error', JSON.stringify(answer));
    assert.equal(answer.code, 'store.migration');
    const db = await readDatabase(page);
    assert.equal(db.version, 2);
    assert.deepEqual(db.stores.backlog.indexes, ['by_tag', 'by_updated']);
    assert.deepEqual(db.stores.backlog.rows, [record]);
  } finally {
    await freshDatabase(page);
    await page.close();
  }
});

test('popup in a German browser: the French it is served, under lang="fr", numbers the French way', async () => {
  // Porte-voix has no German: Chrome serves the default locale, French
  const profile = mkdtempSync(join(tmpdir(), 'pv-chromium-de-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: 'de-DE',
    env: { ...process.env, LANGUAGE: 'de', LANG: 'de_DE.UTF-8' },
    args: [
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      hostResolverRules(server.port),
      '--lang=de-DE',
      '--ignore-certificate-errors',
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    ],
    ignoreHTTPSErrors: true,
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20000 }));
    const id = new URL(worker.url()).host;
    assert.equal(await worker.evaluate(() => chrome.i18n.getUILanguage()), 'de', 'the browser runs in German');
    // X Premium: a limit with a thousands separator, written the French way
    await worker.evaluate(() => chrome.storage.local.set({ settings: { schema: 1, x_premium: true } }));
    const site = await context.newPage();
    await site.goto('https://x.com/home', { waitUntil: 'load' });
    await site.locator('[data-testid="tweetTextarea_0"]').first().click();
    await site.keyboard.type('Hallo');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await site.bringToFront();
    // the tab reports its limit once the core has loaded there
    for (let i = 0; i < 50; i++) {
      await popup.reload();
      await popup.waitForSelector('body[data-ready="true"]');
      if ((await popup.locator('#engine').textContent()) !== t('popup_engine_idle')) break;
      await popup.waitForTimeout(200);
    }
    assert.equal(await popup.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal(await popup.locator('#status').textContent(), t('popup_on_site', ['X']));
    assert.equal(
      await popup.locator('#rule').textContent(),
      t('popup_rule', [t('unit_weighted'), '25\u202f000']),
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
