#!/usr/bin/env bash
# The cross-test of the three front-ends (issue 25): the same records, bad ones included (a byte
# order mark, each reference format and malformed ones, 2 MB of text, a line that is not JSON,
# records without `text`, a line that is not UTF-8, ids a spreadsheet would run), go through
#   * the CLI:    kcna-dates date --jsonl --id-field id --reference-field ref [--format csv]
#   * Python:     the installed kcna_dates package (tests/cross/python_side.py)
#   * the page:   the web worker's file job in headless Chromium (web/tests/cross.test.mjs)
# and tests/cross/compare.py checks that the page gives the CLI's JSON Lines field for field and
# its CSV byte for byte, and Python the CLI's object for every record it dates or refuses and its
# CSV row for every record it dates. Python has no JSON Lines reader and no error rows: the lines
# it cannot be given (not JSON, no `text`) are the CLI's and the page's alone.
#
# Run from the repository root: `bash tests/cross/run.sh`. Called by .ci/run after python/ci.sh and
# web/ci.sh, whose venv ($KCNA_VENV, default /tmp/kcna-venv, with the wheel of this tree) and page
# (web/dist, web/node_modules) it reuses; on a machine where they are missing it builds them the
# same way (maturin wheel into a fresh venv; web/build.sh and npm ci). Outputs go to $CROSS_OUT
# (default a temporary folder, kept on failure and named in the message).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TERM_COLOR=never
start=$(date +%s)
last=$start
step() {
  local now
  now=$(date +%s)
  printf '\n=== cross: %s (previous step %ss, %ss elapsed)\n' "$1" "$(( now - last ))" "$(( now - start ))"
  last=$now
}

TARGET=${CARGO_TARGET_DIR:-$PWD/target}
VENV=${KCNA_VENV:-/tmp/kcna-venv}
OUT=${CROSS_OUT:-$(mktemp -d)}
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
root=$PWD
input="$OUT/cross.jsonl"
# Each input, and the CLI's arguments and exit code for it: the records and bad.txt have bad
# input, so the CLI exits 1 (error rows written, the run went on); good.txt exits 0.
files=(cross.jsonl good.txt bad.txt)
declare -A args=([cross.jsonl]="--jsonl --id-field id --reference-field ref" [good.txt]="" [bad.txt]="")
declare -A code=([cross.jsonl]=1 [good.txt]=0 [bad.txt]=1)

step "fixture"
python3 tests/cross/make_fixture.py "$OUT"
for name in "${files[@]}"; do echo "$name: $(stat -c %s "$OUT/$name") bytes"; done

step "CLI (debug build)"
cargo build --quiet -p kcna-dates-cli
cli="$TARGET/debug/kcna-dates"
for name in "${files[@]}"; do
  for format in jsonl csv; do
    flags=()
    if [ "$format" = csv ]; then flags=(--format csv); fi
    set +e
    # shellcheck disable=SC2086 # the arguments are words
    (cd "$OUT" && "$cli" date ${args[$name]} "${flags[@]}" "$name" > "cli-$name.$format" 2> "cli-$name.$format.stderr")
    rc=$?
    set -e
    if [ "$rc" != "${code[$name]}" ]; then
      echo "the CLI exited with $rc on $name as $format (expected ${code[$name]})" >&2
      cat "$OUT/cli-$name.$format.stderr" >&2
      exit 1
    fi
  done
  tail -n 1 "$OUT/cli-$name.jsonl.stderr"
done

step "Python package"
if ! (cd /tmp && "$VENV/bin/python" -c "import kcna_dates" 2>/dev/null); then
  echo "no kcna_dates in $VENV: building the wheel as python/ci.sh does"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip "maturin==1.16.0"
  wheels=$(mktemp -d)
  "$VENV/bin/maturin" build --release -m python/Cargo.toml --out "$wheels" --interpreter "$VENV/bin/python"
  "$VENV/bin/pip" install --quiet --force-reinstall --no-deps "$wheels"/kcna_dates-*.whl
  rm -rf "$wheels"
fi
# From /tmp, so the installed package is what runs, not the source tree's python/pysrc.
(cd /tmp && "$VENV/bin/python" "$root/tests/cross/python_side.py" "$input" "$OUT/python.jsonl" "$OUT/python.csv")

step "web page's file job (headless Chromium)"
if [ ! -f web/dist/index.html ]; then bash web/build.sh; fi
if [ ! -d web/node_modules/playwright-core ]; then
  (cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
(cd web && CROSS_DIR="$OUT" CROSS_FILES=$(IFS=,; echo "${files[*]}") CHROMIUM=$(command -v chromium) \
  node --test tests/cross.test.mjs)

step "compare with the CLI"
if ! python3 tests/cross/compare.py "$OUT" "${files[@]}"; then
  echo "cross-test failed: the outputs are in $OUT" >&2
  exit 1
fi
if [ -z "${CROSS_OUT:-}" ]; then rm -rf "$OUT"; fi

step "done"
