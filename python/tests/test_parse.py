"""parse_date, parse_dmy, parse_juche, to_juche, juche_year and their errors."""

import datetime as dt

import pytest

import kcna_dates
from kcna_dates import ParseError

D = dt.date

# Every notation of the root README's table that gives a full date, with its date.
FULL_DATES = [
    ("Juche111.11.8.", D(2022, 11, 8)),
    ("Juche113.8.4.", D(2024, 8, 4)),
    ("Juche113.1.23", D(2024, 1, 23)),
    ("2025.12.14.", D(2025, 12, 14)),
    ("2023.3.13.", D(2023, 3, 13)),
    ("08/11/2022", D(2022, 11, 8)),
    ("May 08, 2025", D(2025, 5, 8)),
    ("Dec. 5, 2024", D(2024, 12, 5)),
    ("Feb. 19, 2026 Thursday", D(2026, 2, 19)),
    ("Monday, November 7, 2022", D(2022, 11, 7)),
    ("Dec. 5, Juche 80 (1991)", D(1991, 12, 5)),
    ("2026년 8월 21일", D(2026, 8, 21)),
    ("1999년 01월 01일", D(1999, 1, 1)),
    ("주체107(2018)년 7월 9일", D(2018, 7, 9)),
    ("１９９９년　０１월　０１일", D(1999, 1, 1)),
    ("15 de junio de 2000", D(2000, 6, 15)),
    ("23 de octubre del 101 (2012)", D(2012, 10, 23)),
    ("2026-08-21", D(2026, 8, 21)),
]


@pytest.mark.parametrize("text,expected", FULL_DATES)
def test_parse_date_reads_every_full_date_notation(text, expected):
    assert kcna_dates.parse_date(text) == expected
    assert type(kcna_dates.parse_date(text)) is dt.date


def test_parse_date_ignores_surrounding_whitespace_and_offsets_point_into_the_input():
    assert kcna_dates.parse_date("  \tJuche111.11.8.\n") == D(2022, 11, 8)
    text = "  31/04/2024"
    with pytest.raises(ParseError) as info:
        kcna_dates.parse_date(text)
    assert text[info.value.start : info.value.end] == "31"
    assert info.value.kind == "out_of_range"


@pytest.mark.parametrize(
    "text,kind,fault",
    [
        ("08/13/2022", "out_of_range", "13"),
        ("31/04/2024", "out_of_range", "31"),
        ("29/02/2023", "no_such_date", None),
        ("Juche 29 (1930)", "year_mismatch", None),
        ("Monday, November 8, 2022", "weekday_mismatch", None),
        ("hello", "expected", None),
    ],
)
def test_parse_date_errors_carry_kind_and_span(text, kind, fault):
    with pytest.raises(ValueError) as info:
        kcna_dates.parse_date(text)
    err = info.value
    assert isinstance(err, ParseError)
    assert err.kind == kind
    assert 0 <= err.start <= err.end <= len(text)
    assert str(err)  # the library's message
    if fault is not None:
        assert text[err.start : err.end] == fault


def test_the_librarys_message_is_passed_through():
    with pytest.raises(ParseError) as info:
        kcna_dates.parse_date("31/04/2024")
    assert str(info.value) == "day 31 is out of range for April, expected 1 to 30"


def test_error_offsets_are_characters_in_korean_text():
    text = "주체29(1930)년 1월 1일"
    with pytest.raises(ParseError) as info:
        kcna_dates.parse_date(text)
    err = info.value
    assert err.kind == "year_mismatch"
    assert 0 <= err.start < err.end <= len(text)
    # A byte offset would run past this text's 17 characters (it is 27 bytes).
    assert len(text.encode()) > len(text)


@pytest.mark.parametrize(
    "text", ["Pyongyang, November 8 (KCNA) --", "Juche 113 (2024)", "【平壌７月５日発朝鮮中央通信】"]
)
def test_notations_without_a_full_date_are_errors(text):
    with pytest.raises(ParseError) as info:
        kcna_dates.parse_date(text)
    assert info.value.kind == "no_reference"
    assert (info.value.start, info.value.end) == (0, len(text))


def test_parse_dmy_is_day_first_and_strict():
    assert kcna_dates.parse_dmy("08/11/2022") == D(2022, 11, 8)
    assert kcna_dates.parse_dmy("29/02/2024") == D(2024, 2, 29)
    for bad in ["08/13/2022", "8/11/22", "Juche111.11.8.", "08/11/2022 x"]:
        with pytest.raises(ParseError):
            kcna_dates.parse_dmy(bad)


def test_parse_juche():
    assert kcna_dates.parse_juche("Juche111.11.8.") == D(2022, 11, 8)
    assert kcna_dates.parse_juche("Juche1.1.1.") == D(1912, 1, 1)
    for bad in ["Juche0.1.1.", "Juche111.13.1.", "08/11/2022", "Juche99999999999999999999.1.1."]:
        with pytest.raises(ParseError):
            kcna_dates.parse_juche(bad)


def test_to_juche_and_back():
    for date in [D(1912, 1, 1), D(2022, 11, 8), D(2024, 2, 29), D(2099, 12, 31)]:
        stamp = kcna_dates.to_juche(date)
        assert stamp.startswith("Juche")
        assert kcna_dates.parse_juche(stamp) == date
    assert kcna_dates.to_juche(D(2022, 11, 8)) == "Juche111.11.8."
    assert kcna_dates.to_juche(dt.datetime(2022, 11, 8, 23, 59)) == "Juche111.11.8."
    with pytest.raises(ParseError) as info:
        kcna_dates.to_juche(D(1911, 12, 31))
    assert info.value.kind == "before_juche"
    with pytest.raises(TypeError):
        kcna_dates.to_juche("2022-11-08")


def test_juche_year():
    assert kcna_dates.juche_year(2022) == 111
    assert kcna_dates.juche_year(1912) == 1
    for year in range(1912, 2100):
        assert kcna_dates.juche_year(year) + kcna_dates.JUCHE_OFFSET == year
    for bad in [1911, 0, -5, 10**30]:
        with pytest.raises((ParseError, OverflowError)):
            kcna_dates.juche_year(bad)


def test_functions_are_positional_only():
    with pytest.raises(TypeError):
        kcna_dates.parse_date(text="Juche111.11.8.")
    with pytest.raises(TypeError):
        kcna_dates.scan(text="x")


def test_non_string_input_is_a_type_error():
    for fn in [kcna_dates.parse_date, kcna_dates.parse_dmy, kcna_dates.parse_juche, kcna_dates.scan]:
        with pytest.raises(TypeError):
            fn(None)
        with pytest.raises(TypeError):
            fn(20221108)


def test_parse_error_survives_pickling():
    """Dask and Spark ship a worker's exception to the driver by pickling it."""
    import pickle

    with pytest.raises(ParseError) as info:
        kcna_dates.parse_date("08/13/2022")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is ParseError
    assert (str(again), again.kind, again.start, again.end) == (
        str(info.value), "out_of_range", 3, 5)
