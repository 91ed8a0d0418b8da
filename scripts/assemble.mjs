// Assembles dist/chrome and dist/firefox from manifest.json, extension/ and build/pkg, and zips
// each. Only what the extension loads is copied (no overlay file, no source maps).
import { cpSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { manifests, ENGINE_FILES, FIREFOX_ONLY_FILES } from './manifest.mjs';

const SHIPPED_PKG = [...ENGINE_FILES.inpage, ...ENGINE_FILES.extension];
const SKIP = new Set(['manifest.firefox.json']);

for (const [browser, manifest] of Object.entries(manifests())) {
  const dir = `dist/${browser}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}/pkg`, { recursive: true });
  const skip = browser === 'firefox' ? SKIP : new Set([...SKIP, ...FIREFOX_ONLY_FILES]);
  cpSync('extension', dir, { recursive: true, filter: (src) => !skip.has(src.split('/').pop()) });
  for (const f of SHIPPED_PKG) {
    if (!existsSync(`build/${f}`)) throw new Error(`build/${f} is missing: run scripts/build.sh`);
    cpSync(`build/${f}`, `${dir}/${f}`);
  }
  writeFileSync(`${dir}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  const zip = `dist/porte-voix-${browser}-${manifest.version}.zip`;
  rmSync(zip, { force: true });
  execFileSync('zip', ['-q', '-r', '-9', '-X', `../${zip.split('/').pop()}`, '.'], { cwd: dir });
}
