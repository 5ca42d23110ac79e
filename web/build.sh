#!/usr/bin/env bash
# Builds the static page into web/dist/ (serve that folder with any static server):
#   bash web/build.sh
# Needs stable Rust and Node; adds the wasm32-unknown-unknown target and installs the
# wasm-bindgen-cli of the version pinned in web/Cargo.toml when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
target_dir=${CARGO_TARGET_DIR:-target}
version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' web/Cargo.toml)
if [ -z "$version" ]; then echo "web/Cargo.toml must pin wasm-bindgen as =X.Y.Z" >&2; exit 1; fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  echo "installing wasm-bindgen-cli $version (a few minutes: it is compiled from crates.io)"
  # Only the wasm-bindgen binary, without the TLS stack its test runner downloads with (measured:
  # 272 s instead of 356 s on the 2-core machine, same output). With its own lock file first
  # (--locked), its output kept in a log: that lock file can name a crate version crates.io no
  # longer serves (webpki-roots 1.0.11 for 0.2.130), which cargo reports as an error. Then the
  # install is retried with versions resolved today, and this script says so in one line instead
  # of showing cargo's error; any other failure shows cargo's output and stops.
  flags=(--version "$version" --no-default-features --bin wasm-bindgen)
  log=$(mktemp)
  if cargo install wasm-bindgen-cli "${flags[@]}" --locked >"$log" 2>&1; then
    tail -n 1 "$log"
  elif grep -q 'failed to select a version' "$log"; then
    stale=$(sed -n 's/.*failed to select a version for the requirement `\([^`]*\)`.*(locked to \([^)]*\)).*/\1, locked to \2/p' "$log" | head -n 1)
    echo "wasm-bindgen-cli $version's lock file names a crate version crates.io no longer serves (${stale:-webpki-roots}); installing it with current compatible versions instead (cargo install without --locked)"
    cargo install wasm-bindgen-cli "${flags[@]}"
  else
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
fi

# Small, fast module: one codegen unit, LTO, size optimisation (for this build only).
CARGO_PROFILE_RELEASE_LTO=true CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_OPT_LEVEL=s \
  cargo build -p kcna-dates-web --release --target wasm32-unknown-unknown
rm -rf web/dist
mkdir -p web/dist
wasm-bindgen --target web --no-typescript --out-dir web/dist/pkg \
  "$target_dir/wasm32-unknown-unknown/release/kcna_dates_web.wasm"
node web/tools/assemble.mjs
wasm=web/dist/pkg/kcna_dates_web_bg.wasm
echo "built web/dist: $(wc -c <"$wasm") bytes of wasm, $(gzip -9c "$wasm" | wc -c) gzipped"
