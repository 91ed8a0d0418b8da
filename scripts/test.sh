#!/usr/bin/env bash
# Runs every test of Porte-voix, installing what is missing first (scripts/setup.sh):
# formatting and lints (Rust host + wasm32, ESLint), the core's tests, the wasm build, the
# web layer's wasm-bindgen tests in headless Chromium, the build tooling's tests, the end-to-end
# tests in Chromium and Firefox with the built extension, and web-ext lint of the Firefox package.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TMPDIR="${TMPDIR:-/tmp}/porte-voix-tests"
mkdir -p "$TMPDIR"

started=$SECONDS
step() { printf '\n\033[1m==> %s\033[0m (%ss)\n' "$*" "$((SECONDS - started))"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (host)"
cargo clippy --all-targets -- -D warnings
# The wasm32 builds are the two engines (cargo features, see Cargo.toml): both together with the
# web tests, then each alone, as scripts/build.sh builds them (no default `cli` feature).
WASM=(--target wasm32-unknown-unknown --no-default-features)
step "cargo clippy (wasm32: both engines, web tests)"
cargo clippy --lib --tests "${WASM[@]}" --features inpage,extension -- -D warnings
step "cargo clippy (wasm32: the in-page engine, the extension's engine)"
cargo clippy --lib "${WASM[@]}" --features inpage -- -D warnings
cargo clippy --lib "${WASM[@]}" --features extension -- -D warnings
step "eslint"
eslint --max-warnings 0 extension scripts benches tests/e2e tests/build tests/oracle

step "cargo test (core, command line, structure)"
cargo test

step "X's and Bluesky's counts against twitter-text and @atproto/api (command line, 10,000 posts)"
node --test tests/oracle/

step "build the extension"
scripts/build.sh --skip-setup

step "wasm-bindgen-test (web layer, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test "${WASM[@]}" --features inpage,extension --test web

step "build tooling tests"
node --test tests/build/

step "end-to-end (Chromium + Firefox, real extension, fixture pages)"
node --test --test-concurrency=1 tests/e2e/

step "web-ext lint (dist/firefox)"
web-ext lint --source-dir dist/firefox --self-hosted --output json --pretty > build/web-ext-lint.json || true
node scripts/check-web-ext-lint.mjs build/web-ext-lint.json

step "all tests passed in $((SECONDS - started))s"
