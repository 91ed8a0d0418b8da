// The per-browser manifests built from manifest.json + extension/manifest.firefox.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifests, overlay } from '../../scripts/manifest.mjs';

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
  for (const key of ['permissions', 'content_scripts', 'content_security_policy', 'action', 'options_ui', 'version']) {
    assert.deepEqual(firefox[key], chrome[key], key);
  }
  assert.deepEqual(firefox.web_accessible_resources[0].resources, chrome.web_accessible_resources[0].resources);
  assert.deepEqual(firefox.web_accessible_resources[0].matches, chrome.web_accessible_resources[0].matches);
});

test('permissions stay minimal: storage only, no host_permissions, resources only on our hosts', () => {
  for (const m of [chrome, firefox]) {
    assert.deepEqual(m.permissions, ['storage']);
    assert.equal(m.host_permissions, undefined);
    assert.deepEqual(m.web_accessible_resources[0].matches, m.content_scripts[0].matches);
    for (const pattern of m.content_scripts[0].matches) assert.match(pattern, /^https:\/\/\*\.[a-z.]+\/\*$/);
  }
});
