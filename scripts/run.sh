#!/usr/bin/env bash
# Builds Porte-voix and opens Chromium with it loaded on the bundled offline demo page.
# Usage: scripts/run.sh [--headless]   (headless: writes build/demo.png and exits)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec node scripts/demo.mjs "$@"
