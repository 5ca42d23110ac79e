"""scan: kinds, dates, errors and character offsets (also in Korean and Japanese text)."""

import datetime as dt
import glob
import json
import os

import pytest

import kcna_dates

CORPUS = os.environ.get("KCNA_DATES_CORPUS", "/work/shared/corpus")
EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples")


def check_offsets(text, found):
    last_end = 0
    for f in found:
        assert text[f.start : f.end] == f.text
        assert last_end <= f.start < f.end <= len(text)
        last_end = f.end


def test_scan_english_page():
    page = (
        "May 08, 2025May 08, 2025\nPyongyang, May 7 (KCNA) --Kim Jong Un ... "
        "www.kcna.kp (Juche114.5.7.) 3/4 of the Juche idea"
    )
    found = kcna_dates.scan(page)
    assert [(f.kind, f.text) for f in found] == [
        ("month_name", "May 08, 2025"),
        ("month_name", "May 08, 2025"),
        ("dateline", "Pyongyang, May 7 (KCNA) --"),
        ("juche_stamp", "Juche114.5.7."),
    ]
    assert [f.date for f in found] == [dt.date(2025, 5, 8), dt.date(2025, 5, 8), None, dt.date(2025, 5, 7)]
    assert all(f.valid and f.error is None for f in found)
    check_offsets(page, found)


def test_scan_korean_and_japanese_character_offsets():
    text = (
        "조선중앙통신 보도 주체111(2022)년 11월 8일에 (평양 8월 21일발 조선중앙통신) "
        "【平壌７月５日発朝鮮中央通信】金正恩 주체８８（１９９９）년 and 31/02/2022 "
        "then Juche111.11.8."
    )
    found = kcna_dates.scan(text)
    check_offsets(text, found)
    kinds = [f.kind for f in found]
    assert kinds == ["korean_date", "dateline", "dateline", "korean_juche_year", "dmy", "juche_stamp"]
    assert found[0].date == dt.date(2022, 11, 8)
    assert found[0].start == text.index("주체111")
    assert found[2].start == text.index("【")
    assert found[5].start == text.index("Juche111")
    # The byte offsets would differ: this text is not ASCII.
    assert len(text.encode()) != len(text)


def test_invalid_candidates_have_an_error_and_no_date():
    text = "Dated 31/02/2022 and Juche 29 (1930)."
    found = kcna_dates.scan(text)
    assert [f.text for f in found] == ["31/02/2022", "Juche 29 (1930)"]
    for f in found:
        assert not f.valid
        assert f.date is None
        assert f.error and f.error_kind
    assert found[0].error == "day 31 is out of range for February, expected 1 to 29"
    assert found[0].error_kind == "out_of_range"
    assert found[1].error_kind == "year_mismatch"


def test_found_to_dict_is_the_librarys_json_form_with_byte_offsets():
    text = "한 31/02/2022"
    (f,) = kcna_dates.scan(text)
    d = f.to_dict()
    assert list(d) == ["start", "end", "kind", "date", "valid", "notation", "error"]
    assert (f.start, f.end) == (2, 12)
    assert (d["start"], d["end"]) == (4, 14)
    assert text.encode()[d["start"] : d["end"]].decode() == f.text
    assert d["error"]["kind"] == "out_of_range"
    json.dumps(d)


def test_scan_empty_and_plain_text():
    assert kcna_dates.scan("") == []
    assert kcna_dates.scan("no dates here at all, 3/4 of them") == []


def test_character_offsets_on_the_corpus():
    """Every hit on every ko/ja record and a sample of the others gives back its text (the
    development corpus where it exists, else the repository's examples)."""
    paths = sorted(glob.glob(os.path.join(CORPUS, "*.jsonl"))) or sorted(
        glob.glob(os.path.join(EXAMPLES, "*.jsonl"))
    )
    assert paths
    checked = 0
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                record = json.loads(line)
                if record.get("lang") not in ("ko", "ja") and n % 25:
                    continue
                text = record["text"]
                found = kcna_dates.scan(text)
                check_offsets(text, found)
                checked += len(found)
    assert checked >= 4
