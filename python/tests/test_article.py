"""date_article: signals, conflicts, body dates, character offsets and the JSON form."""

import datetime as dt
import json
import os
import subprocess

import pytest

import kcna_dates

from conftest import STRICT

D = dt.date
ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
PAGE = "[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- They met on Friday. 31/02/2022"


def test_publication_date_signals_and_conflicts():
    a = kcna_dates.date_article(PAGE)
    assert a.publication_date == D(2024, 2, 12)
    assert a.reference is None
    assert [(s.role, s.kind, s.text, s.date) for s in a.signals] == [
        ("page_stamp", "juche_stamp", "Juche113.2.12.", D(2024, 2, 12)),
        ("dateline", "dateline", "Pyongyang, February 10 (KCNA) --", D(2024, 2, 10)),
    ]
    assert a.source.index == 0 and a.source.text == "Juche113.2.12."
    assert a.agreeing == [0]
    (c,) = a.conflicts
    assert (c.date, c.days, c.signals, c.texts) == (
        D(2024, 2, 10), -2, [1], ["Pyongyang, February 10 (KCNA) --"])
    (b,) = a.body_dates
    assert (b.text, b.resolution, b.date, b.month) == ("Friday", "weekday", D(2024, 2, 9), None)
    (bad,) = a.invalid
    assert bad.text == "31/02/2022" and bad.error_kind == "out_of_range"
    for item in a.signals + a.body_dates + a.invalid:
        assert PAGE[item.start : item.end] == item.text


def test_doubtful_dateline_and_reprs():
    text = "Pyongyang, November 8 (KCNA) -- x"
    a = kcna_dates.date_article(text, reference=D(2022, 11, 9))
    assert not a.doubtful and not a.signals[0].doubtful
    # Resolved 68 days before its reference: more likely a misfiled record than old news.
    b = kcna_dates.date_article(text, reference=D(2023, 1, 15))
    assert b.publication_date == D(2022, 11, 8)
    assert b.doubtful and b.signals[0].doubtful
    assert repr(b) == "Article(publication_date=2022-11-08, signals=1, conflicts=0, body_dates=0)"
    assert repr(b.signals[0]) == (
        "Signal(role='dateline', kind='dateline', text='Pyongyang, November 8 (KCNA) --', "
        "date=2022-11-08)")
    c = kcna_dates.date_article(PAGE)
    assert repr(c.conflicts[0]) == (
        "Conflict(date=2024-02-10, days=-2, texts=['Pyongyang, February 10 (KCNA) --'])")
    assert repr(c.body_dates[0]) == "BodyDate(text='Friday', resolution='weekday', date=2024-02-09)"
    (f,) = kcna_dates.scan("（평양　８월　２１일발　조선중앙통신）")
    assert repr(f) == (
        "Found(kind='dateline', text='（평양\\u3000８월\\u3000２１일발\\u3000조선중앙통신）', "
        "date=None, start=0, end=19)")


def test_dateline_needs_a_reference():
    text = "Pyongyang, November 8 (KCNA) -- Farmers finished the threshing on Monday."
    a = kcna_dates.date_article(text)
    assert a.publication_date is None
    assert a.signals[0].date is None and a.signals[0].error
    for reference in [D(2022, 11, 9), dt.datetime(2022, 11, 9, 3), "2022-11-09"]:
        b = kcna_dates.date_article(text, reference=reference)
        assert b.publication_date == D(2022, 11, 8)
        assert b.reference == D(2022, 11, 9)
        assert b.body_dates[0].date == D(2022, 11, 7)
    # The grace: a crawl date one day before the dateline still finds it with grace 2, not 0.
    assert kcna_dates.date_article(text, reference=D(2022, 11, 7)).publication_date == D(2022, 11, 8)
    assert kcna_dates.date_article(
        text, reference=D(2022, 11, 7), grace_days=0).publication_date == D(2021, 11, 8)


def test_default_grace_is_the_librarys():
    import inspect

    default = inspect.signature(kcna_dates.date_article).parameters["grace_days"].default
    assert default == kcna_dates.DEFAULT_GRACE_DAYS == 2
    default = inspect.signature(kcna_dates.date_articles).parameters["grace_days"].default
    assert default == kcna_dates.DEFAULT_GRACE_DAYS


def test_bad_reference_is_a_clear_error():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        kcna_dates.date_article("x", reference="09/11/2022")
    with pytest.raises(ValueError, match="2022-01-05"):
        kcna_dates.date_article("x", reference="2022-1-5")
    with pytest.raises(ValueError, match="UTC offset"):
        kcna_dates.date_article("x", reference="2022-11-09T10:00:00")
    with pytest.raises(TypeError, match="reference"):
        kcna_dates.date_article("x", reference=True)
    with pytest.raises(TypeError, match="reference"):
        kcna_dates.date_article("x", reference=[2022, 11, 9])
    with pytest.raises(TypeError):
        kcna_dates.date_article("x", D(2022, 11, 9))  # reference is keyword-only
    with pytest.raises(OverflowError):
        kcna_dates.date_article("x", grace_days=-1)


def test_reference_dialect_is_the_cli_s():
    """One dialect with the CLI and the web page (kcna-dates-edge): ISO dates strictly, RFC 3339
    with an offset and epoch seconds or milliseconds, each as its date in Pyongyang time."""
    text = "Pyongyang, November 8 (KCNA) --"
    cases = [
        ("2022-11-09", D(2022, 11, 9)),
        (" 2022-11-09 ", D(2022, 11, 9)),
        ("2022-11-08T15:30:00Z", D(2022, 11, 9)),  # 00:30 on 9 November in Pyongyang
        ("2022-11-09T10:00:00+09:00", D(2022, 11, 9)),
        (1668038400, D(2022, 11, 10)),  # 2022-11-10T00:00:00Z: 09:00 in Pyongyang
        (1668038400000, D(2022, 11, 10)),  # the same instant in milliseconds
        ("1668038400", D(2022, 11, 10)),
        (1668038400.0, D(2022, 11, 10)),  # pandas makes an int column with gaps float
        (dt.datetime(2022, 11, 8, 15, 30, tzinfo=dt.timezone.utc), D(2022, 11, 9)),
        (dt.datetime(2022, 11, 9, 3), D(2022, 11, 9)),  # naive: its own date
        # Epoch seconds, as the CLI reads it: 20221109 s is 1970-08-23, not 9 November 2022.
        (20221109, D(1970, 8, 23)),
        ("", None),
    ]
    for reference, expected in cases:
        assert kcna_dates.date_article(text, reference=reference).reference == expected, reference
    # 1715126400 raised TypeError ('int' object is not iterable) before.
    assert kcna_dates.date_article(text, reference=1715126400).reference == D(2024, 5, 8)
    assert kcna_dates.date_articles([text], reference=[1668038400]) == [D(2022, 11, 8)]


def test_korean_and_japanese_offsets_are_characters():
    text = "（평양　８월　２１일발　조선중앙통신）　김정은동지께서 주체113(2024)년 8월 21일에"
    a = kcna_dates.date_article(text, reference=D(2024, 8, 22))
    assert a.publication_date == D(2024, 8, 21)
    assert [s.text for s in a.signals] == ["（평양　８월　２１일발　조선중앙통신）"]
    assert [b.text for b in a.body_dates] == ["주체113(2024)년 8월 21일"]
    items = a.signals + a.body_dates
    for item in items:
        assert text[item.start : item.end] == item.text
    assert a.body_dates[0].start == text.index("주체113")
    raw = text.encode()
    d = a.to_dict()
    for item, js in zip(items, d["signals"] + d["body_dates"]):
        assert raw[js["start"] : js["end"]].decode() == item.text
        assert js["end"] > item.end  # bytes, not characters
    ja = "【平壌７月５日発朝鮮中央通信】金正恩委員長は..."
    b = kcna_dates.date_article(ja, reference=D(2017, 7, 5))
    assert b.publication_date == D(2017, 7, 5)
    assert ja[b.signals[0].start : b.signals[0].end] == "【平壌７月５日発朝鮮中央通信】"


def test_to_dict_is_the_librarys_json_form():
    d = kcna_dates.date_article(PAGE).to_dict()
    assert list(d) == [
        "publication_date", "source", "doubtful", "signals", "agreeing", "conflicts",
        "body_dates", "invalid",
    ]
    assert d["publication_date"] == "2024-02-12"
    assert d["source"] == 0
    assert d["conflicts"] == [{"date": "2024-02-10", "days": -2, "signals": [1]}]
    assert d["invalid"][0]["error"]["kind"] == "out_of_range"
    assert json.loads(json.dumps(d)) == d


def cli():
    path = os.environ.get("KCNA_DATES_CLI")
    if path:
        return path
    if STRICT:
        pytest.fail("KCNA_DATES_CLI is not set (python/ci.sh sets it)")
    pytest.skip("set KCNA_DATES_CLI to the kcna-dates binary to compare with the CLI")


def test_to_dict_equals_the_cli_output():
    """`kcna-dates date --jsonl` on the repository's sample prints the same objects."""
    sample = os.path.join(ROOT, "examples", "sample.jsonl")
    run = subprocess.run(
        [cli(), "date", "--jsonl", "--reference-field", "crawled", sample],
        capture_output=True, text=True, check=True,
    )
    printed = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    with open(sample, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    assert len(printed) == len(records) >= 4
    compared = 0
    for record, out in zip(records, printed):
        mine = kcna_dates.date_article(record["text"], reference=record["crawled"]).to_dict()
        for key, value in mine.items():
            assert out[key] == value, (record["id"], key)
            compared += 1
    assert compared >= 4 * 8
