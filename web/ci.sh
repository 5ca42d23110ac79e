#!/usr/bin/env bash
# CI for the web page (web/): build it and drive it in headless Chromium. Called by .ci/run as
# `bash web/ci.sh` from the repository root on a fresh machine (stable Rust, Node 20, root, apt).
# Installs Debian's chromium, the wasm32 target and wasm-bindgen-cli when missing, builds the page
# (web/build.sh), installs playwright-core (no browser download) and runs web/tests with node's test
# runner. Screenshots go to $SCREENSHOT_DIR (default /tmp/kcna-web-screenshots), never the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
start=$(date +%s)
last=$start
step() {
  local now
  now=$(date +%s)
  printf '\n=== web: %s (previous step %ss, %ss elapsed)\n' "$1" "$(( now - last ))" "$(( now - start ))"
  last=$now
}

step "chromium"
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium
fi
chromium --version

step "page build (web/build.sh: wasm32 target, wasm-bindgen-cli, cargo build, wasm-bindgen)"
bash web/build.sh

step "playwright-core (npm ci, no browser download)"
(cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)

step "browser tests (node --test web/tests)"
export SCREENSHOT_DIR=${SCREENSHOT_DIR:-/tmp/kcna-web-screenshots}
mkdir -p "$SCREENSHOT_DIR"
(cd web && CHROMIUM=$(command -v chromium) node --test tests/)
ls -l "$SCREENSHOT_DIR"

step "done"
