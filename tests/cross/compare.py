#!/usr/bin/env python3
"""Compares the front-ends' outputs of the cross-test with the CLI's, the reference.

    compare.py DIR NAME...

For each input NAME, DIR holds cli-NAME.jsonl and cli-NAME.csv (`kcna-dates date ...`) and
web-NAME.jsonl and web-NAME.csv (the page's file job); for cross.jsonl also python.jsonl and
python.csv (tests/cross/python_side.py). The web page must give the same JSON Lines,
object by object and field by field (same keys in the same order, same values), and the same CSV
bytes; the Python package must give, for every line it writes, the CLI's object for that line, and the
CLI's header and CSV row for that line, byte for byte.
Prints every difference and exits 1 if there is any.
"""
import difflib
import json
import sys
from pathlib import Path


def objects(path):
    rows = []
    for number, line in enumerate(path.read_bytes().split(b"\n"), start=1):
        if line:
            rows.append(json.loads(line.decode("utf-8"), object_pairs_hook=list))
    return rows


def short(value):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:160] + "…"


def field_diffs(where, want, got):
    """The differences of two objects read as key/value pair lists, field by field."""
    out = []
    want_keys, got_keys = [k for k, _ in want], [k for k, _ in got]
    if want_keys != got_keys:
        out.append(f"{where}: fields {want_keys} (cli) != {got_keys}")
    got_map = dict(got)
    for key, value in want:
        if key in got_map and got_map[key] != value:
            out.append(f"{where}: field {key!r}: cli {short(value)} != {short(got_map[key])}")
    return out


def main(folder, names):
    folder = Path(folder)
    problems = []
    counts = []
    for name in names:
        cli = objects(folder / f"cli-{name}.jsonl")
        web = objects(folder / f"web-{name}.jsonl")
        if len(web) != len(cli):
            problems.append(f"web {name}: {len(web)} JSON Lines rows, the CLI {len(cli)}")
        for want, got in zip(cli, web):
            problems += field_diffs(f"web {name} line {dict(want)['line']}", want, got)
        cli_csv = (folder / f"cli-{name}.csv").read_bytes()
        web_csv = (folder / f"web-{name}.csv").read_bytes()
        if cli_csv != web_csv:
            diff = difflib.unified_diff(
                cli_csv.decode("utf-8", "replace").splitlines(),
                web_csv.decode("utf-8", "replace").splitlines(),
                f"cli-{name}.csv", f"web-{name}.csv", lineterm="", n=0)
            problems.append(f"web {name}: the CSV bytes differ:\n" + "\n".join(diff))
        counts.append(f"{name}: cli {len(cli)} rows, web {len(web)}, CSV {len(web_csv)} bytes (cli {len(cli_csv)})")

    cli = objects(folder / "cli-cross.jsonl.jsonl")
    by_line = {dict(row)["line"]: row for row in cli}
    cli_csv = (folder / "cli-cross.jsonl.csv").read_bytes()
    python = objects(folder / "python.jsonl")
    for got in python:
        line = dict(got)["line"]
        want = by_line.get(line)
        if want is None:
            problems.append(f"python line {line}: a row where the CLI has none")
            continue
        problems += field_diffs(f"python line {line}", want, got)
    # Every record the CLI dated or refused for its reference must have a Python row.
    for want in cli:
        fields = dict(want)
        expected = "error" not in fields or fields["error"].startswith("field `ref`:")
        if expected and not any(dict(g)["line"] == fields["line"] for g in python):
            problems.append(f"python line {fields['line']}: no row (the CLI has {short(fields)})")

    cli_csv_rows = cli_csv.split(b"\n")
    cli_csv_by_line = {}
    for row in cli_csv_rows[1:]:
        if row:
            # `file,line,...`: the fixture's file name has no comma, so the second cell is the line.
            cli_csv_by_line[int(row.split(b",")[1])] = row
    python_csv = (folder / "python.csv").read_bytes().split(b"\n")
    if python_csv[:1] != cli_csv_rows[:1]:
        problems.append(f"python CSV header {python_csv[:1]} != cli {cli_csv_rows[:1]}")
    python_csv_rows = [row for row in python_csv[1:] if row]
    for row in python_csv_rows:
        line = int(row.split(b",")[1])
        if cli_csv_by_line.get(line) != row:
            problems.append(f"python CSV line {line}:\n  cli    {cli_csv_by_line.get(line)!r}\n  python {row!r}")
    dated_lines = {dict(g)["line"] for g in python if "error" not in dict(g)}
    if {int(r.split(b",")[1]) for r in python_csv_rows} != dated_lines:
        problems.append("python: the CSV rows are not the rows of the dated records")

    for problem in problems:
        print(problem)
    counts.append(f"python: {len(python)} rows, {len(python_csv_rows)} CSV rows")
    print(f"cross-test: {'; '.join(counts)}; {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
