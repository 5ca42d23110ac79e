#!/usr/bin/env python3
"""Writes the inputs of the cross-test (tests/cross/run.sh): the records, as one JSON Lines file
(cross.jsonl), and two plain-text files (a `.txt` is one article to the CLI and to the page):
good.txt (a byte order mark, then a dated article) and bad.txt (not UTF-8 on its second line).

The same bytes go through the command-line tool, the Python package and the web page's file job.
Written here rather than committed: one record is 2 MB. Every line is described below.

Usage: make_fixture.py DIR
"""
import json
import os
import sys

DATELINE = "Pyongyang, November 8 (KCNA) -- "


def rec(**fields):
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def main(folder):
    huge_body = ("The delegation left for home. " * 72_000)[: 2 * 1024 * 1024]
    lines = [
        # 1: a byte order mark before the first record; ISO reference.
        b"\xef\xbb\xbf" + rec(id="bom", text="Date: 08/11/2022", ref="2022-11-09"),
        # 2-6: each reference format: YYYY-MM-DD, RFC 3339 with offset (UTC and +09:00),
        # epoch seconds, epoch milliseconds (numbers and a string of digits).
        rec(id="iso", text=DATELINE + "x", ref="2022-11-09"),
        rec(id="rfc3339-utc", text=DATELINE + "x", ref="2022-11-08T15:30:00Z"),
        rec(id="rfc3339-kst", text=DATELINE + "x", ref="2022-11-09T00:30:00+09:00"),
        rec(id="epoch-s", text=DATELINE + "x", ref=1668038400),
        rec(id="epoch-ms", text=DATELINE + "x", ref=1668038400000),
        rec(id="epoch-s-text", text=DATELINE + "x", ref="1668038400"),
        # 8-10: invalid references: a loose ISO date, RFC 3339 without an offset, a word.
        rec(id="loose-iso", text=DATELINE + "x", ref="2022-1-5"),
        rec(id="no-offset", text=DATELINE + "x", ref="2022-11-08T15:30:00"),
        rec(id="word", text=DATELINE + "x", ref="yesterday"),
        # 11: a null reference and a missing one (no reference: the dateline stays undated).
        rec(id="null-ref", text=DATELINE + "x", ref=None),
        rec(id="no-ref", text=DATELINE + "x"),
        # 13: huge text (2 MB) with a Juche stamp at the end.
        rec(id="huge", text=huge_body + " [Juche111.11.8.]", ref="2022-11-09"),
        # 14: a line that is not JSON.
        b'{"id": "not-json", "text": nope}',
        # 15: a record without `text`, with its id and reference.
        rec(id="no-text", ref="2022-11-09"),
        # 16: `text` that is not a string.
        rec(id="text-number", text=5, ref="2022-11-09"),
        # 17: a record that is not an object.
        b'["an", "array"]',
        # 18: invalid UTF-8 inside the text.
        b'{"id": "bad-utf8", "text": "caf\xff ' + DATELINE.encode() + b'", "ref": "2022-11-09"}',
        # 19: a CSV formula-injection id, and other cells a spreadsheet would run.
        rec(id='=HYPERLINK("http://x","y")', text="www.kcna.kp (Juche111.11.8.)", ref="2022-11-09"),
        rec(id="+1", text="-2 @3 \tDate: 08/11/2022", ref="2022-11-09"),
        # 21: a blank line (no row), then a CRLF line.
        b"   ",
        rec(id="crlf", text="Date: 08/11/2022", ref="2022-11-09") + b"\r",
        # 23: Korean and Japanese text, a conflict, body dates, a numeric id, quotes and commas.
        rec(id=7, text="（평양　８월　２１일발　조선중앙통신）", ref="2026-08-22"),
        rec(id="ja", text="【平壌８月２１日発朝鮮中央通信】", ref="2026-08-22"),
        rec(id="conflict", text="[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- on 5 February 2024, \"a, b\"",
            ref="2024-02-13"),
        rec(id=None, text="no date here, \"quoted\"", ref="2024-02-13"),
        # 27: an old dateline against a far reference (doubtful), an invalid date.
        rec(id="doubtful", text=DATELINE + "x", ref="2023-06-01"),
        rec(id="invalid-date", text="Date: 31/02/2022", ref="2022-11-09"),
    ]
    with open(os.path.join(folder, "cross.jsonl"), "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    with open(os.path.join(folder, "good.txt"), "wb") as f:
        f.write(b"\xef\xbb\xbf[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- =1+1, \"a\"\n")
    with open(os.path.join(folder, "bad.txt"), "wb") as f:
        f.write(b"Date: 08/11/2022\ncaf\xff\n")


if __name__ == "__main__":
    main(sys.argv[1])
