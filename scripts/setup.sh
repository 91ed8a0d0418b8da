#!/usr/bin/env bash
# Installs what building and testing Porte-voix needs, skipping what is already there:
# Debian packages (Chromium + driver + language packs, Firefox ESR, zip, openssl, an emoji font for screenshots),
# the wasm32 target and lints, wasm-bindgen-cli at the version pinned in Cargo.lock, and the npm
# tooling from package-lock.json. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages -------------------------------------------------------------------------
pkgs=()
# chromium, its driver and its language packs (the French UI is tested) move together
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ ! -f /usr/lib/chromium/locales/fr.pak ]; then
  pkgs+=(chromium chromium-driver chromium-l10n)
fi
command -v firefox-esr >/dev/null || pkgs+=(firefox-esr)
# Firefox's French language pack: the add-on's French UI is tested there too
dpkg -s firefox-esr-l10n-fr >/dev/null 2>&1 || pkgs+=(firefox-esr-l10n-fr)
command -v zip >/dev/null || pkgs+=(zip)
command -v openssl >/dev/null || pkgs+=(openssl)
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || pkgs+=(fonts-noto-color-emoji)
# Downloaded and installed in the background while Rust's tools build (network and disk there,
# the CPU here); waited for at the end.
apt_pid=
if [ "${#pkgs[@]}" -gt 0 ]; then
  log "apt-get install ${pkgs[*]} (in the background)"
  [ "$(id -u)" = 0 ] || sudo -v # asks for the password here, not from the background
  (
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  ) &
  apt_pid=$!
fi

# --- Rust ------------------------------------------------------------------------------------
if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock. Installed without --locked:
# its own lockfile pins a webpki-roots release the registry no longer serves. Without its default
# TLS feature (rustls and ring, a C build): its test runner only speaks to a local chromedriver
# over plain HTTP, and the build is shorter.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  log "cargo install wasm-bindgen-cli --version $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --no-default-features
fi

# --- npm tooling -----------------------------------------------------------------------------
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ -n "$apt_pid" ]; then
  log "waiting for apt-get"
  wait "$apt_pid"
fi
