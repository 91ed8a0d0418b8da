// The per-browser manifests: one source `manifest.json` (Chrome first) and a small overlay of the
// keys Firefox needs instead. Top-level keys of the overlay replace the source's; `null` removes.
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
  return { chrome: base, firefox: overlay(base, firefox) };
}
