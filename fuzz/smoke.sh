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
if ! (cd fuzz && cargo fuzz build -s none < /dev/null); then
  echo "cargo fuzz build failed; retrying once" >&2
  (cd fuzz && cargo fuzz build -s none < /dev/null)
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
