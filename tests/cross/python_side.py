#!/usr/bin/env python3
"""The Python half of the cross-test: dates the records of the cross-test file with the installed
`kcna_dates` package and writes the rows it gives in the CLI's JSON Lines shape.

The package has no record reader (it takes texts and references, not JSON Lines), so this script
splits the file into records as the CLI does (lines, a byte order mark before the first, `\\r`
dropped, blank lines skipped) and reads each with `json`; what is then compared is the package's
own work, field for field with the CLI:

* a record with a `text` string: `date_article(text, reference=ref).to_dict()` after
  `{"file", "line", "id", "reference"}` (the reference as the package read it, `Article.reference`),
  and `date_articles`/`date_articles_frame` give the same date, `doubtful` and counts; its CSV
  row is `Article.to_csv_row(file, line, id)`;
* a reference the CLI refuses: `date_articles(..., errors="raise")` raises `ValueError` with the
  CLI's message (after `reference[0]: `), and `errors="coerce"` gives a missing date; the row
  written is the CLI's error row shape with that message;
* a line that is not UTF-8: Python can only hold it as a str with lone surrogates
  (`surrogateescape`); the package must refuse that text (an exception with "raise", a missing
  date with "coerce"), never crash or date it. No row is written (the package has no error rows).

Lines that are not JSON records (not JSON, not an object, no `text`) give no row: reading JSON
Lines is the CLI's and the page's job, not the package's.

The CSV rows of the dated records (`Article.to_csv_row`, after `CSV_HEADER`) go to OUT.csv;
the comparison checks each against the CLI's row for that line, byte for byte.

Usage: python_side.py INPUT.jsonl OUT.jsonl OUT.csv
"""
import json
import os
import sys

import kcna_dates


def main(path, out_path, csv_path):
    name = os.path.basename(path)
    with open(path, "rb") as f:
        data = f.read()
    rows = []
    csv_rows = [kcna_dates.CSV_HEADER]
    problems = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", "surrogateescape")
            try:
                kcna_dates.date_articles([text])
                problems.append(f"line {number}: a text with lone surrogates was dated")
            except (UnicodeError, ValueError, TypeError):
                pass
            if kcna_dates.date_articles([text], errors="coerce") != [None]:
                problems.append(f"line {number}: errors='coerce' dated a text with lone surrogates")
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            continue
        text, ref = record["text"], record.get("ref")
        head = {"file": name, "line": number, "id": record.get("id")}
        try:
            [date] = kcna_dates.date_articles([text], reference=[ref])
        except ValueError as err:
            message = str(err)
            prefix = "reference[0]: "
            if not message.startswith(prefix):
                problems.append(f"line {number}: {message!r} does not start with {prefix!r}")
            if kcna_dates.date_articles([text], reference=[ref], errors="coerce") != [None]:
                problems.append(f"line {number}: errors='coerce' dated a record with a bad reference")
            rows.append({**head, "reference": None, "error": "field `ref`: " + message[len(prefix):]})
            continue
        article = kcna_dates.date_article(text, reference=ref)
        frame = kcna_dates.date_articles_frame([text], reference=[ref])
        if date != article.publication_date or frame["publication_date"] != [date]:
            problems.append(f"line {number}: the batch API gives {date}, date_article {article.publication_date}")
        if frame["doubtful"] != [article.doubtful] or frame["conflicts"] != [len(article.conflicts)]:
            problems.append(f"line {number}: date_articles_frame disagrees with date_article")
        reference = article.reference.isoformat() if article.reference else None
        rows.append({**head, "reference": reference, **article.to_dict()})
        csv_rows.append(article.to_csv_row(name, number, record.get("id")))
    with open(out_path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(row + "\n" for row in csv_rows))
    for problem in problems:
        print(f"python: {problem}", file=sys.stderr)
    print(f"python: {len(rows)} rows from {name}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
