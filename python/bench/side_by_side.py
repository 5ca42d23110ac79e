"""kcna_dates against dateparser, side by side, on the shared corpus.

    pip install dateparser==1.5.0 target/wheels/kcna_dates-*.whl
    python python/bench/side_by_side.py [CORPUS_DIR] [--dateparser-articles N]

Prints two Markdown tables:

1. Speed: `parse_date` against `dateparser.parse` on every stamp `scan` finds in the corpus (the
   same strings for both), `date_articles` (batch) and `date_article` (one call per record)
   against `dateparser.search_dates` per article, and `scan` over every text. dateparser is run on
   a fixed sample (every k-th record) because it is about 10,000 times slower; its rates are per
   record and per MB of the texts it was given.
2. Correctness on the notations of the root README's table: the right date, or an error/None
   for text with a date's shape and no real date. A notation without a year (datelines) is read
   with a reference date: `date_article(text, reference=...)` and dateparser with
   `RELATIVE_BASE` = the reference and `PREFER_DATES_FROM: past`.

The corpus is only read; nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import time
import warnings

import kcna_dates

warnings.filterwarnings("ignore")

D = dt.date


def load(corpus: str) -> list[dict]:
    records = []
    for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl"))):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                records.append(record)
    return records


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}"


def mbs(nbytes: int, seconds: float) -> str:
    return f"{nbytes / seconds / 1e6:,.2f}"


# (notation, text, expected date or None for "must be refused", reference or None)
CASES = [
    ("English dateline", "Pyongyang, November 8 (KCNA) --", D(2022, 11, 8), D(2022, 11, 9)),
    ("English dateline, glued", "Pyongyang, May 7 (KCNA) --Kim Jong Un", D(2025, 5, 7), D(2025, 5, 8)),
    ("Juche stamp", "Juche111.11.8.", D(2022, 11, 8), None),
    ("Juche stamp in a page", "www.kcna.kp (Juche108.12.10.)", D(2019, 12, 10), None),
    ("Juche list label", "[Juche113.8.4.]", D(2024, 8, 4), None),
    ("Gregorian dotted stamp", "www.kcna.kp (2025.12.14.)", D(2025, 12, 14), None),
    ("dotted, unpadded", "2023.3.13.", D(2023, 3, 13), None),
    ("day-first stamp", "Date: 08/11/2022", D(2022, 11, 8), None),
    ("day-first, impossible month", "08/13/2022", None, None),
    ("day-first, no such day", "31/02/2022", None, None),
    ("month-name date", "May 08, 2025", D(2025, 5, 8), None),
    ("abbreviated month", "Dec. 5, 2024", D(2024, 12, 5), None),
    ("with weekday", "Feb. 19, 2026 Thursday", D(2026, 2, 19), None),
    ("weekday first", "Monday, November 7, 2022", D(2022, 11, 7), None),
    ("wrong weekday", "Monday, November 8, 2022", None, None),
    ("Juche year in a date", "Dec. 5, Juche 80 (1991)", D(1991, 12, 5), None),
    ("Juche years disagree", "Juche 29 (1930)", None, None),
    ("Korean dateline", "(평양 8월 21일발 조선중앙통신)", D(2024, 8, 21), D(2024, 8, 22)),
    ("Korean dateline, full-width", "（평양　８월　２１일발　조선중앙통신）", D(2024, 8, 21), D(2024, 8, 22)),
    ("Japanese dateline", "【平壌７月５日発朝鮮中央通信】", D(2017, 7, 5), D(2017, 7, 5)),
    ("Spanish dateline", "Pyongyang, 24 de diciembre (ACNC) --", D(2012, 12, 24), D(2012, 12, 25)),
    ("Korean date", "2026년 8월 21일", D(2026, 8, 21), None),
    ("Korean Juche date", "주체107(2018)년 7월 9일", D(2018, 7, 9), None),
    ("Korean, full-width digits", "１９９９년　０１월　０１일", D(1999, 1, 1), None),
    ("Spanish date", "15 de junio de 2000", D(2000, 6, 15), None),
    ("Spanish Juche date", "23 de octubre del 101 (2012)", D(2012, 10, 23), None),
    ("ISO video label", "[2026-08-21]", D(2026, 8, 21), None),
]


def ours(text: str, reference):
    if reference is not None:
        return kcna_dates.date_article(text, reference=reference).publication_date
    found = [f for f in kcna_dates.scan(text)]
    if not found:
        return None
    try:
        return kcna_dates.parse_date(found[0].text)
    except ValueError:
        return None


def theirs(dateparser, text: str, reference):
    settings = {}
    if reference is not None:
        settings = {
            "RELATIVE_BASE": dt.datetime.combine(reference, dt.time()),
            "PREFER_DATES_FROM": "past",
        }
    try:
        got = dateparser.parse(text, settings=settings)
    except Exception as err:  # dateparser raises on some inputs
        return f"raises {type(err).__name__}"
    return got.date() if got else None


def verdict(got, expected) -> str:
    if expected is None:
        return "right (refused)" if got is None else f"**wrong**: {got}"
    if got == expected:
        return "right"
    return "**None**" if got is None else f"**wrong**: {got}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="/work/shared/corpus")
    parser.add_argument("--dateparser-articles", type=int, default=150)
    parser.add_argument("--dateparser-stamps", type=int, default=1500)
    args = parser.parse_args()
    import dateparser
    from dateparser.search import search_dates

    records = load(args.corpus)
    texts = [r.get("text") for r in records]
    refs = [r.get("known_date") for r in records]
    nbytes = sum(len(t.encode()) for t in texts if t)
    print(f"corpus: {len(records):,} records, {nbytes / 1e6:.1f} MB; "
          f"cores: {os.cpu_count()}; kcna_dates {kcna_dates.__name__}, dateparser {dateparser.__version__}")

    # Stamps: every full-date notation scan finds in the corpus.
    stamps = [f.text for t in texts if t for f in kcna_dates.scan(t) if f.date is not None]
    stamp_bytes = sum(len(s.encode()) for s in stamps)
    t_parse = best_of(3, lambda: [kcna_dates.parse_date(s) for s in stamps])
    step = max(1, len(stamps) // args.dateparser_stamps)
    dp_stamps = stamps[::step]
    t_dp_parse = best_of(1, lambda: [dateparser.parse(s) for s in dp_stamps])
    agree = sum(
        1 for s in dp_stamps
        if (lambda g: g is not None and g.date() == kcna_dates.parse_date(s))(dateparser.parse(s))
    )

    t_batch = best_of(3, lambda: kcna_dates.date_articles(texts, reference=refs))
    t_batch1 = best_of(3, lambda: kcna_dates.date_articles(texts, reference=refs, threads=1))
    t_single = best_of(1, lambda: [kcna_dates.date_article(t, reference=r) for t, r in zip(texts, refs)])
    t_scan = best_of(3, lambda: [kcna_dates.scan(t) for t in texts])

    step = max(1, len(texts) // args.dateparser_articles)
    sample = texts[::step]
    sample_bytes = sum(len(t.encode()) for t in sample)
    t_dp_search = best_of(1, lambda: [search_dates(t) for t in sample])

    print()
    print("| job | kcna_dates | dateparser | ratio |")
    print("|---|---|---|---|")
    print(f"| one stamp ({len(stamps):,} stamps found by `scan` in the corpus; dateparser on {len(dp_stamps):,}) "
          f"| `parse_date`: {rate(len(stamps), t_parse)} /s, {t_parse / len(stamps) * 1e6:.2f} µs each "
          f"| `parse`: {rate(len(dp_stamps), t_dp_parse)} /s, {t_dp_parse / len(dp_stamps) * 1e3:.2f} ms each, "
          f"same date as ours on {agree}/{len(dp_stamps)} "
          f"| {(t_dp_parse / len(dp_stamps)) / (t_parse / len(stamps)):,.0f}x |")
    dp_rate = len(sample) / t_dp_search
    dp_mbs = sample_bytes / t_dp_search / 1e6
    print(f"| date every article ({len(texts):,} records; dateparser on {len(sample)}) "
          f"| `date_articles` (2 threads): {rate(len(texts), t_batch)} records/s, {mbs(nbytes, t_batch)} MB/s; "
          f"1 thread: {rate(len(texts), t_batch1)} records/s, {mbs(nbytes, t_batch1)} MB/s; "
          f"`date_article` per record: {rate(len(texts), t_single)} records/s "
          f"| `search_dates`: {dp_rate:,.1f} records/s, {dp_mbs:.3f} MB/s, {t_dp_search / len(sample) * 1e3:.0f} ms each "
          f"| {len(texts) / t_batch / dp_rate:,.0f}x |")
    print(f"| find every date in every text "
          f"| `scan`: {rate(len(texts), t_scan)} records/s, {mbs(nbytes, t_scan)} MB/s "
          f"| `search_dates` (same run as above) "
          f"| {len(texts) / t_scan / dp_rate:,.0f}x |")

    # Whole articles with their dates known from outside the text: the kcna.kp list stamps.
    kp = [r for r in records if r.get("source", "").startswith("stiles/north-korea-news")]
    if kp:
        known = [D.fromisoformat(r["known_date"]) for r in kp]
        mine = kcna_dates.date_articles([r["text"] for r in kp], reference=known)
        ours_exact = sum(1 for m, k in zip(mine, known) if m == k)
        ours_dated = sum(1 for m in mine if m is not None)
        dp_exact = dp_dated = 0
        for r, k in zip(kp, known):
            settings = {"RELATIVE_BASE": dt.datetime.combine(k, dt.time()), "PREFER_DATES_FROM": "past"}
            found = search_dates(r["text"], settings=settings) or []
            if found:
                dp_dated += 1
                dp_exact += found[0][1].date() == k
        print(f"| kcna.kp articles dated to the list page's date ({len(kp)} records, reference = that date) "
              f"| `date_articles`: {ours_dated} dated, {ours_exact} exact "
              f"| first date of `search_dates` (RELATIVE_BASE = that date): {dp_dated} dated, {dp_exact} exact | |")

    print()
    print("| notation | text | expected | kcna_dates | dateparser |")
    print("|---|---|---|---|---|")
    right_ours = right_theirs = 0
    for name, text, expected, reference in CASES:
        a = verdict(ours(text, reference), expected)
        b = verdict(theirs(dateparser, text, reference), expected)
        right_ours += a.startswith("right")
        right_theirs += b.startswith("right")
        exp = str(expected) if expected else "refuse"
        if reference is not None:
            exp += f" (reference {reference})"
        print(f"| {name} | `{text}` | {exp} | {a} | {b} |")
    print(f"| **total right** | | | **{right_ours}/{len(CASES)}** | **{right_theirs}/{len(CASES)}** |")


if __name__ == "__main__":
    main()
