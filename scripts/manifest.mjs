// The per-browser manifests: one source `manifest.json` (Chrome first) and a small overlay of the
// keys Firefox needs instead. Top-level keys of the overlay replace the source's; `null` removes.
import { readFileSync } from 'node:fs';

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
