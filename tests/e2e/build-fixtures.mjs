// Bundles the fixture pages' editor entries (tests/fixtures/editors/*.js|jsx, files starting with
// `_` are shared modules, not entries) with esbuild into build/fixtures/_assets/<entry>.js, and
// copies the CSS the pages link there:
//   quill.core.css            from the quill package (Quill's own layout rules)
//   draft.css                 from the draft-js package (Draft's own layout rules)
//   tests/fixtures/sites/*.css  the pages' shared style sheets (fixtures.css, demo.css)
// The fixture server serves that folder at /_assets/ on every host, so pages reference
// /_assets/<file> only: no inline script or style, nothing that needs eval (strict CSP).
//
// Idempotent and quick: nothing is rebuilt while every output is newer than every input (the
// entries, package-lock.json and this script); outputs are written atomically (temp + rename)
// so a server reading them meanwhile never sees half a file.
//
// Usage: `node tests/e2e/build-fixtures.mjs [--force]`, or `await buildFixtures()`.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EDITORS = join(ROOT, 'tests/fixtures/editors');
const SITES = join(ROOT, 'tests/fixtures/sites');
const OUT = join(ROOT, 'build/fixtures/_assets');

function entries() {
  return readdirSync(EDITORS)
    .filter((f) => /\.(m?js|jsx)$/.test(f) && !f.startsWith('_'))
    .sort()
    .map((f) => ({ name: basename(f, extname(f)), file: join(EDITORS, f) }));
}

/** [source, destination name] pairs copied as they are. */
function copies() {
  const list = [
    [join(ROOT, 'node_modules/quill/dist/quill.core.css'), 'quill.core.css'],
    [join(ROOT, 'node_modules/draft-js/dist/Draft.css'), 'draft.css'],
  ];
  for (const f of readdirSync(SITES)) {
    if (f.endsWith('.css')) list.push([join(SITES, f), f]);
  }
  return list;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -Infinity);

function writeAtomic(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

function bundlesUpToDate(list) {
  const inputs = [
    ...readdirSync(EDITORS).map((f) => join(EDITORS, f)),
    join(ROOT, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ];
  const newestInput = Math.max(...inputs.map(mtime));
  const oldestOutput = Math.min(...list.map((e) => mtime(join(OUT, `${e.name}.js`))));
  return oldestOutput > newestInput;
}

/**
 * Builds the fixture assets. Resolves to `{ built: string[], copied: string[] }` (empty lists
 * when everything was already up to date).
 * @param {{ force?: boolean, log?: (msg: string) => void }} [options]
 */
export async function buildFixtures({ force = false, log = () => {} } = {}) {
  mkdirSync(OUT, { recursive: true });
  const list = entries();
  const built = [];
  const copied = [];

  if (force || !bundlesUpToDate(list)) {
    const result = await build({
      entryPoints: Object.fromEntries(list.map((e) => [e.name, e.file])),
      outdir: OUT,
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: ['chrome110', 'firefox115'],
      minify: true,
      jsx: 'automatic',
      // Lexical ships separate production builds selected by this condition
      conditions: ['production', 'module'],
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'warning',
    });
    for (const file of result.outputFiles) {
      writeAtomic(file.path, file.contents);
      built.push(basename(file.path));
    }
  }

  for (const [src, name] of copies()) {
    const dest = join(OUT, name);
    if (force || mtime(dest) <= mtime(src)) {
      writeAtomic(dest, readFileSync(src));
      copied.push(name);
    }
  }

  if (built.length || copied.length) log(`fixtures: built ${built.join(', ') || '-'}; copied ${copied.join(', ') || '-'}`);
  return { built, copied };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { built, copied } = await buildFixtures({ force: process.argv.includes('--force'), log: console.log });
  if (!built.length && !copied.length) console.log('fixtures: up to date');
  console.log(`fixtures: ${Date.now() - started} ms → ${OUT}`);
}
