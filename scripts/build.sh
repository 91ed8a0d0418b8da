#!/usr/bin/env bash
# Builds the extension: the Rust core to wasm (+ wasm2js fallback), then dist/chrome and
# dist/firefox with their zips. Usage: scripts/build.sh [--skip-setup]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
[ "${1:-}" = "--skip-setup" ] || scripts/setup.sh

log() { printf '\033[1m[build]\033[0m %s\n' "$*"; }
out=build
rm -rf "$out" && mkdir -p "$out"

# One wasm build serves both content-script engines: real wasm, and binaryen's wasm2js, which
# cannot take reference types. Its own target dir keeps these flags from invalidating the other
# wasm32 builds (clippy, wasm-bindgen-test), which keep the defaults.
log "cargo build (wasm32, profile wasm, no reference types)"
RUSTFLAGS="-C target-feature=-reference-types" \
  cargo build --lib --profile wasm --target wasm32-unknown-unknown --target-dir target/wasm-noref
node scripts/strip-section.mjs target/wasm-noref/wasm32-unknown-unknown/wasm/porte_voix.wasm \
  "$out/porte_voix.wasm" target_features

log "wasm-bindgen"
wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" "$out/porte_voix.wasm"
wasm-bindgen --target bundler --no-typescript --out-dir "$out/pkg-js" "$out/porte_voix.wasm"

# The MVP features rustc 1.95 enables for wasm32, minus reference-types (see .cargo/config.toml).
FEAT=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue)
log "wasm-opt -Oz"
wasm-opt -Oz "${FEAT[@]}" "$out/pkg/porte_voix_bg.wasm" -o "$out/pkg/porte_voix_bg.wasm"

# wasm2js takes the optimised module once its saturating float-to-int conversions are lowered
# (it cannot translate their i64 forms).
log "wasm2js fallback"
wasm-opt "${FEAT[@]}" --llvm-nontrapping-fptoint-lowering "$out/pkg/porte_voix_bg.wasm" -o "$out/pkg-js/lowered.wasm"
wasm2js -Oz "${FEAT[@]}" "$out/pkg-js/lowered.wasm" -o "$out/pkg-js/porte_voix_bg.wasm.js"
node scripts/patch-wasm2js.mjs "$out/pkg-js"
esbuild "$out/pkg-js/porte_voix.js" --bundle --format=esm --minify --log-level=warning \
  --outfile="$out/pkg/porte_voix_wasm2js.js"

log "assemble dist/chrome, dist/firefox"
node scripts/assemble.mjs
for f in "$out"/pkg/* dist/*.zip; do printf "  %9d  %s\n" "$(stat -c %s "$f")" "$f"; done
