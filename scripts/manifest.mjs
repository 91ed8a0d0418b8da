// The per-browser manifests: one source `manifest.json` (Chrome first) and a small overlay of the
// keys Firefox needs instead. Top-level keys of the overlay replace the source's; `null` removes.
// Firefox's content scripts are Chrome's plus the page-world insertion helper.
import { readFileSync } from 'node:fs';

/**
 * The two engines' files under `pkg/` (scripts/build.sh writes them). The in-page engine is what
 * the content script imports, so its files are web-accessible; the extension's engine serves the
 * background and the extension's pages only, and is never exposed to a web page.
 */
export const ENGINE_FILES = {
  inpage: ['pkg/inpage.js', 'pkg/inpage_bg.wasm', 'pkg/inpage_wasm2js.js'],
  extension: ['pkg/extension.js', 'pkg/extension_bg.wasm'],
};

/**
 * Firefox only: the page-world helper insertion needs there (Firefox drops the `DataTransfer` of
 * events a content script builds, so paste and `beforeinput` are dispatched from the page's main
 * world), on the hosts of the loader, from the start of the document. Chrome dispatches them from
 * the content script itself and does not get it (a page-world script costs every page ~1 ms).
 */
export const FIREFOX_ONLY_FILES = ['insert-main.js'];
export const PAGE_WORLD_HELPER = { js: FIREFOX_ONLY_FILES, world: 'MAIN', run_at: 'document_start' };

export function overlay(base, patch) {
  const out = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = structuredClone(value);
  }
  return out;
}

export function manifests(root = '.') {
  const base = JSON.parse(readFileSync(`${root}/manifest.json`, 'utf8'));
  const firefox = JSON.parse(readFileSync(`${root}/extension/manifest.firefox.json`, 'utf8'));
  const ff = overlay(base, firefox);
  ff.content_scripts = base.content_scripts.flatMap((c) =>
    c.js.includes('content.js') ? [c, { matches: c.matches, ...structuredClone(PAGE_WORLD_HELPER) }] : [c],
  );
  return { chrome: base, firefox: ff };
}
