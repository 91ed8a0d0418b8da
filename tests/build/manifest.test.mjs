// The per-browser manifests built from manifest.json + extension/manifest.firefox.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifests, overlay, ENGINE_FILES } from '../../scripts/manifest.mjs';

const { chrome, firefox } = manifests(new URL('../..', import.meta.url).pathname);

test('overlay replaces top-level keys and removes null ones, leaving the base untouched', () => {
  const base = { a: 1, b: { c: 2 }, d: 3 };
  const out = overlay(base, { b: { e: 4 }, d: null });
  assert.deepEqual(out, { a: 1, b: { e: 4 } });
  assert.deepEqual(base, { a: 1, b: { c: 2 }, d: 3 });
});

test('Chrome: MV3 service worker, wasm-only extension CSP, French default locale', () => {
  assert.equal(chrome.manifest_version, 3);
  assert.deepEqual(chrome.background, { service_worker: 'background.js', type: 'module' });
  assert.equal(chrome.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.equal(chrome.default_locale, 'fr');
  assert.equal(chrome.browser_specific_settings, undefined);
});

test('Firefox: event-page scripts, gecko id and data collection declared, same everything else', () => {
  assert.deepEqual(firefox.background, { scripts: ['background.js'], type: 'module' });
  assert.match(firefox.browser_specific_settings.gecko.id, /@/);
  assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  for (const key of ['permissions', 'content_security_policy', 'action', 'options_ui', 'version']) {
    assert.deepEqual(firefox[key], chrome[key], key);
  }
  // Chrome's content scripts, plus the page-world insertion helper (Firefox drops the
  // DataTransfer of events built in a content script) wherever the loader runs
  const loader = chrome.content_scripts.find((c) => c.js.includes('content.js'));
  assert.deepEqual(firefox.content_scripts, [
    ...chrome.content_scripts,
    { matches: loader.matches, js: ['insert-main.js'], world: 'MAIN', run_at: 'document_start' },
  ]);
  assert.ok(!JSON.stringify(chrome.content_scripts).includes('insert-main'), 'Chrome does not get the helper');
  assert.deepEqual(firefox.web_accessible_resources[0].resources, chrome.web_accessible_resources[0].resources);
  assert.deepEqual(firefox.web_accessible_resources[0].matches, chrome.web_accessible_resources[0].matches);
});

test('permissions stay minimal: storage, scripting, clipboardWrite (the insertion fallback: Chrome refuses a content script\'s clipboard write without it), activeTab and contextMenus (capture reads a page only when asked); hosts beyond the networks only on request', () => {
  for (const m of [chrome, firefox]) {
    assert.deepEqual(m.permissions, ['storage', 'scripting', 'clipboardWrite', 'activeTab', 'contextMenus']);
    assert.equal(m.host_permissions, undefined);
    // a Mastodon instance is granted one by one, when the user adds it in the options
    assert.deepEqual(m.optional_host_permissions, ['https://*/*']);
    for (const pattern of m.content_scripts[0].matches) assert.match(pattern, /^https:\/\/\*\.[a-z.]+\/\*$/);
    // the in-page engine is exposed to pages (so the content script can load it on any granted
    // instance), but only its three files: never the extension's engine; and the picker's page,
    // which the content script frames next to the composer (a frame of an extension page needs it)
    assert.deepEqual(m.web_accessible_resources.length, 2);
    assert.deepEqual(m.web_accessible_resources[1].resources, ['picker.html']);
    assert.deepEqual(m.web_accessible_resources[1].matches, ['https://*/*']);
    assert.deepEqual(m.web_accessible_resources[0].matches, ['https://*/*']);
    assert.deepEqual(m.web_accessible_resources[0].resources, ['pkg/inpage.js', 'pkg/inpage_bg.wasm', 'pkg/inpage_wasm2js.js']);
    assert.deepEqual(m.web_accessible_resources[0].resources, ENGINE_FILES.inpage);
    for (const f of ENGINE_FILES.extension) assert.ok(!m.web_accessible_resources[0].resources.includes(f), f);
  }
  // Chrome: reachable only through a URL that changes every session, so pages cannot probe for it
  assert.equal(chrome.web_accessible_resources[0].use_dynamic_url, true);
  assert.equal(chrome.web_accessible_resources[1].use_dynamic_url, true);
});
