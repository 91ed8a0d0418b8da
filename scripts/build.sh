#!/usr/bin/env bash
# Builds the extension's two engines from the one crate, then dist/chrome and dist/firefox with
# their zips. Usage: scripts/build.sh [--skip-setup]
# - the in-page engine (feature `inpage`, loaded by the content script on the networks' pages):
#   build/pkg/inpage.js + inpage_bg.wasm, and the same code as JavaScript by wasm2js,
#   build/pkg/inpage_wasm2js.js, for pages whose CSP forbids wasm;
# - the extension's engine (feature `extension`: background, popup, options): build/pkg/extension.js
#   + extension_bg.wasm, wasm only (the extension's own pages allow 'wasm-unsafe-eval').
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
[ "${1:-}" = "--skip-setup" ] || scripts/setup.sh

log() { printf '\033[1m[build]\033[0m %s\n' "$*"; }
out=build
rm -rf "$out" && mkdir -p "$out"

# The MVP features rustc 1.95 enables for wasm32, minus reference-types (see .cargo/config.toml).
FEAT=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue)

# One engine: cargo (its features), strip target_features, wasm-bindgen --target web, wasm-opt at
# the engine's level (the in-page engine's size is budgeted; the extension's engine is not).
# Both engines are built without reference types, which wasm2js cannot take: one target dir and
# one set of flags for both, so their dependencies compile once. That dir keeps these flags from
# invalidating the other wasm32 builds (clippy, wasm-bindgen-test), which keep the defaults.
engine() {
  local name=$1 feature=$2
  shift 2
  log "cargo build --features $feature (wasm32, profile wasm, no reference types)"
  RUSTFLAGS="-C target-feature=-reference-types" \
    cargo build --lib --profile wasm --target wasm32-unknown-unknown --target-dir target/wasm-noref \
    --no-default-features --features "$feature"
  node scripts/strip-section.mjs target/wasm-noref/wasm32-unknown-unknown/wasm/porte_voix.wasm \
    "$out/$name.wasm" target_features
  log "wasm-bindgen + wasm-opt $* ($name)"
  wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" "$out/$name.wasm"
  wasm-opt "$@" "${FEAT[@]}" "$out/pkg/${name}_bg.wasm" -o "$out/pkg/${name}_bg.wasm"
}

# functions that differ only in constants merged first: 0.5 kB gzip less for the in-page engine
engine inpage inpage --merge-similar-functions -Oz
# the extension's own pages load their engine once, from the package: -O1 takes a quarter of -Oz's
# time on its 2.4 MB for 7 % more bytes (1.70 against 1.59 MB; gzip -9: 615 against 658 kB)
engine extension extension -O1

# The in-page engine's glue minified (every network's page downloads it; 10.7 → 7.9 kB gzip):
# its export names and the wasm's import names (properties) are kept.
esbuild "$out/pkg/inpage.js" --format=esm --minify --charset=utf8 --log-level=warning \
  --allow-overwrite --outfile="$out/pkg/inpage.js"

# wasm2js takes the optimised in-page module once its saturating float-to-int conversions are
# lowered (it cannot translate their i64 forms).
log "wasm2js fallback (in-page engine)"
wasm-bindgen --target bundler --no-typescript --out-dir "$out/pkg-js" "$out/inpage.wasm"
wasm-opt "${FEAT[@]}" --llvm-nontrapping-fptoint-lowering "$out/pkg/inpage_bg.wasm" -o "$out/pkg-js/lowered.wasm"
wasm2js -Oz "${FEAT[@]}" "$out/pkg-js/lowered.wasm" -o "$out/pkg-js/inpage_bg.wasm.js"
node scripts/patch-wasm2js.mjs "$out/pkg-js" inpage
esbuild "$out/pkg-js/inpage.js" --bundle --format=esm --minify --charset=utf8 --log-level=warning \
  --outfile="$out/pkg/inpage_wasm2js.js"

log "assemble dist/chrome, dist/firefox"
node scripts/assemble.mjs
for f in "$out"/pkg/* dist/*.zip; do printf "  %9d  %s\n" "$(stat -c %s "$f")" "$f"; done
