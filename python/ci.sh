#!/usr/bin/env bash
# CI for the Python package (python/): build the abi3 wheel with maturin, install it in a fresh
# virtual environment with pandas, Polars, pyarrow, Dask and PySpark, and run pytest with nothing
# skipped (the Dask and Spark tests start their engines; Spark needs Java 17 on PATH).
# Run from the repository root: `bash python/ci.sh`. Needs stable Rust, Python >= 3.9 with venv and
# pip, and network access to PyPI. Honours CARGO_TARGET_DIR; KCNA_VENV (default /tmp/kcna-venv) is
# deleted and recreated.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
start=$(date +%s)
last=$start
step() {
  local now
  now=$(date +%s)
  printf '\n=== python: %s (at %ss; the previous step took %ss)\n' "$1" "$(( now - start ))" "$(( now - last ))"
  last=$now
}

PYTHON=${PYTHON:-python3}
VENV=${KCNA_VENV:-/tmp/kcna-venv}
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
WHEELS=$(mktemp -d)
REPORT=$(mktemp -d)
trap 'rm -rf "$WHEELS" "$REPORT"' EXIT

step "fresh virtual environment in $VENV"
"$PYTHON" --version
rm -rf "$VENV"
if ! "$PYTHON" -m venv "$VENV"; then
  # Debian's python3 without python3-venv has no ensurepip: fall back to virtualenv from PyPI.
  echo "python -m venv failed: using virtualenv" >&2
  rm -rf "$VENV"
  "$PYTHON" -m pip install --quiet virtualenv
  "$PYTHON" -m virtualenv --quiet "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip

step "pip install maturin and the test dependencies (pinned)"
# The versions the suite was developed and measured with.
"$VENV/bin/pip" install --quiet \
  "maturin==1.16.0" "pytest==9.2.0" "numpy==2.4.6" "pandas==3.1.1" "polars==2.1.0" \
  "pyarrow==26.0.1" "dask[dataframe]==2026.8.0" "distributed==2026.8.0" "pyspark==4.3.0" \
  "mypy==2.4.1"

step "java for PySpark"
if ! command -v java >/dev/null 2>&1; then
  echo "java not found: installing a JRE with apt" >&2
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
java -version 2>&1 | head -1

step "maturin build --release (abi3 wheel)"
build_start=$(date +%s)
"$VENV/bin/maturin" build --release -m python/Cargo.toml --out "$WHEELS" --interpreter "$VENV/bin/python"
wheel=$(ls "$WHEELS"/kcna_dates-*.whl)
echo "wheel: $(basename "$wheel"), $(stat -c %s "$wheel") bytes, built in $(( $(date +%s) - build_start ))s"
case "$(basename "$wheel")" in
  *-abi3-*) ;;
  *) echo "the wheel is not an abi3 wheel" >&2; exit 1 ;;
esac

step "install the wheel"
"$VENV/bin/pip" install --quiet --force-reinstall --no-deps "$wheel"
# Import it from outside the source tree, so the installed wheel is what is tested.
(cd /tmp && "$VENV/bin/python" -c "import kcna_dates, sys; print(kcna_dates.parse_date('Juche111.11.8.'), kcna_dates.__file__)")

step "type stubs: stubtest against the installed module, mypy --strict on the package"
(cd /tmp && "$VENV/bin/python" -m mypy.stubtest kcna_dates._kcna_dates \
  && "$VENV/bin/python" -m mypy --strict --no-incremental -p kcna_dates)

step "the CLI, to compare to_dict() with its output"
cargo build --quiet -p kcna-dates-cli
export KCNA_DATES_CLI="$TARGET/debug/kcna-dates"
test -x "$KCNA_DATES_CLI"

step "pytest (nothing may be skipped)"
export KCNA_DATES_STRICT=1
export PYSPARK_PYTHON="$VENV/bin/python"
export PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
# Run from python/tests: the source tree's python/pysrc (no compiled module) is not on sys.path.
(cd python/tests && "$VENV/bin/python" -m pytest -q -ra -p no:cacheprovider \
  --junitxml="$REPORT/junit.xml" -W ignore::FutureWarning .)
"$VENV/bin/python" - "$REPORT/junit.xml" <<'EOF'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
tests = sum(int(s.get("tests", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
print(f"pytest: {tests} tests, {skipped} skipped, {failed} failed")
if tests == 0 or skipped or failed:
    sys.exit("python tests: none ran, or some were skipped or failed")
EOF

step "done"
