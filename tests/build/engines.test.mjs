// The two engines as built (scripts/build.sh, then scripts/assemble.mjs): each loader imports
// the engine meant for its context, each engine exports what its context calls and nothing of
// the other's, and the packages ship exactly the engines' files. Needs a build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ENGINE_FILES } from '../../scripts/manifest.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (p) => readFileSync(join(ROOT, p), 'utf8');
// `export function name` as wasm-bindgen writes it, or `export{a as name,…}` once minified
const exportsOf = (p) => {
  const src = read(p);
  const names = [...src.matchAll(/export (?:async )?function (\w+)/g)].map((m) => m[1]);
  for (const [, list] of src.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of list.split(',')) names.push(item.trim().split(/\s+as\s+/).pop());
  }
  return new Set(names);
};
const imported = (p) => [...read(p).matchAll(/pkg\/[\w.]+/g)].map((m) => m[0]);

test('each loader imports its own engine', () => {
  assert.deepEqual(new Set(imported('extension/content.js')), new Set(ENGINE_FILES.inpage));
  for (const loader of ['background.js', 'pages.js', 'popup.js', 'options.js']) {
    for (const f of imported(`extension/${loader}`)) assert.ok(ENGINE_FILES.extension.includes(f), `${loader}: ${f}`);
  }
});

test('the in-page engine has the content script\'s exports and none of the background\'s or pages\'', () => {
  const inpage = exportsOf('build/pkg/inpage.js');
  const extension = exportsOf('build/pkg/extension.js');
  assert.ok(inpage.has('content_start') && inpage.has('install_panic_hook'), [...inpage].join());
  for (const name of ['background_message', 'background_instances', 'popup_main', 'options_main']) {
    assert.ok(!inpage.has(name), `${name} in the in-page engine`);
    assert.ok(extension.has(name), `${name} missing from the extension's engine`);
  }
  assert.ok(!extension.has('content_start'), 'content_start in the extension\'s engine');
  // the wasm2js copy is the in-page engine too
  const w2js = read('build/pkg/inpage_wasm2js.js');
  assert.match(w2js, /content_start/);
  assert.doesNotMatch(w2js, /options_main|background_message/);
});

test('the packages ship both engines, and no wasm2js copy of the extension\'s engine', () => {
  for (const browser of ['chrome', 'firefox']) {
    const dir = join(ROOT, 'dist', browser, 'pkg');
    assert.ok(existsSync(dir), `${dir}: run scripts/build.sh`);
    assert.deepEqual(readdirSync(dir).sort(), [...ENGINE_FILES.inpage, ...ENGINE_FILES.extension].map((f) => f.slice(4)).sort());
  }
});

test('the command line\'s crates are in neither engine (csv only in the extension\'s, for imports and exports), and in the command line', () => {
  const tree = (args) => execFileSync('cargo', ['tree', '-e', 'normal', '--prefix', 'none', ...args], { cwd: ROOT, encoding: 'utf8' })
    .split('\n').map((l) => l.split(' ')[0]);
  for (const feature of ['inpage', 'extension']) {
    const crates = tree(['--target', 'wasm32-unknown-unknown', '--no-default-features', '--features', feature]);
    assert.ok(crates.includes('wasm-bindgen'), `${feature}: ${crates.join(' ')}`);
    assert.ok(!crates.includes('lexopt'), `lexopt in the ${feature} engine`);
    assert.equal(crates.includes('csv'), feature === 'extension', `csv and the ${feature} engine`);
  }
  const host = tree([]);
  for (const cli of ['lexopt', 'csv']) assert.ok(host.includes(cli), `${cli} missing from the command line`);
});

// The in-page engine's budget (README, BENCHMARKS.md): every social network's page downloads it,
// with the tone lexicons and template rendering still to come in it.
test('the in-page engine is within its size budget, gzip -9: 200 kB as wasm with its glue, 300 kB as wasm2js', () => {
  const gz = (p) => gzipSync(readFileSync(join(ROOT, p)), { level: 9 }).length;
  const wasm = gz('build/pkg/inpage_bg.wasm') + gz('build/pkg/inpage.js');
  const wasm2js = gz('build/pkg/inpage_wasm2js.js');
  assert.ok(wasm <= 200_000, `in-page wasm + glue: ${wasm} B gzip`);
  assert.ok(wasm2js <= 300_000, `in-page wasm2js: ${wasm2js} B gzip`);
});

test('the in-page engine normalises through the browser: no unicode-normalization code in it', () => {
  // build/*.wasm are the modules before wasm-bindgen, which still carry their function names;
  // the extension's engine keeps the crate (backlog search, the command line's count)
  const named = (p) => readFileSync(join(ROOT, p)).includes('unicode_normalization');
  assert.equal(named('build/inpage.wasm'), false, 'unicode_normalization in the in-page engine');
  assert.equal(named('build/extension.wasm'), true, 'the check sees the crate where it is');
  assert.match(read('build/pkg/inpage.js'), /\.normalize\(/, 'the glue calls String.prototype.normalize');
});
