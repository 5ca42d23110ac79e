"""date_articles_frame (one frame per batch), errors="raise" | "coerce", threads=0, __version__."""

import csv
import datetime as dt
import importlib.metadata
import re

import pytest

import kcna_dates

from conftest import need

D = dt.date
TEXTS = [
    "Pyongyang, November 8 (KCNA) -- They met on November 7 and on Friday.",
    "[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- They met.",
    "No date in here.",
    None,
]
CRAWLED = [D(2022, 11, 9), D(2024, 2, 13), D(2024, 1, 1), D(2024, 1, 1)]


def expected_rows():
    """What date_article says of each text, row by row (None for a missing text)."""
    rows = []
    for text, reference in zip(TEXTS, CRAWLED):
        if text is None:
            rows.append((None, None, None, None, None))
            continue
        a = kcna_dates.date_article(text, reference=reference)
        rows.append((
            a.publication_date,
            a.source.kind if a.source else None,
            a.doubtful,
            len(a.conflicts),
            len(a.body_dates),
        ))
    return rows


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", kcna_dates.__version__)
    assert kcna_dates.__version__ == importlib.metadata.version("kcna-dates")
    assert "__version__" in kcna_dates.__all__


def test_frame_of_a_list_is_a_dict_of_columns():
    rows = expected_rows()
    assert rows[1] == (D(2024, 2, 12), "juche_stamp", False, 1, 0)
    assert rows[0][:2] == (D(2022, 11, 8), "dateline") and rows[0][4] >= 1
    assert rows[2] == (None, None, False, 0, 0)
    table = kcna_dates.date_articles_frame(TEXTS, reference=CRAWLED)
    assert list(table) == list(kcna_dates.FRAME_COLUMNS)
    assert list(zip(*table.values())) == rows


def test_frame_for_pandas():
    pd = need("pandas")
    s = pd.Series(TEXTS, index=list("wxyz"), name="text")
    df = kcna_dates.date_articles_frame(s, reference=pd.Series(CRAWLED))
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == list(kcna_dates.FRAME_COLUMNS)
    assert list(df.index) == list("wxyz")
    assert [str(t) for t in df.dtypes] == ["datetime64[ns]", "object", "boolean", "Int64", "Int64"]
    got = [
        tuple(None if pd.isna(v) else v for v in row)
        for row in df.itertuples(index=False)
    ]
    want = [
        (None if r[0] is None else pd.Timestamp(r[0]), *r[1:]) for r in expected_rows()
    ]
    assert got == want
    # the frame joins the articles' own frame
    articles = pd.DataFrame({"text": TEXTS, "crawled": CRAWLED})
    joined = articles.join(kcna_dates.date_articles_frame(articles.text, reference=articles.crawled))
    assert joined.loc[1, "source_kind"] == "juche_stamp" and joined.loc[1, "conflicts"] == 1


def test_frame_for_polars():
    pl = need("polars")
    df = kcna_dates.date_articles_frame(
        pl.Series("text", TEXTS), reference=pl.Series("crawled", CRAWLED, dtype=pl.Date)
    )
    assert isinstance(df, pl.DataFrame)
    assert df.columns == list(kcna_dates.FRAME_COLUMNS)
    assert df.dtypes == [pl.Date, pl.String, pl.Boolean, pl.UInt32, pl.UInt32]
    assert df.rows() == expected_rows()


def test_frame_for_pyarrow():
    pa = need("pyarrow")
    table = kcna_dates.date_articles_frame(pa.array(TEXTS), reference=CRAWLED)
    assert isinstance(table, pa.Table)
    assert table.column_names == list(kcna_dates.FRAME_COLUMNS)
    assert [tuple(r.values()) for r in table.to_pylist()] == expected_rows()


BAD_TEXTS = ["Juche111.11.8.", 5, "Pyongyang, November 8 (KCNA) --", b"bytes"]
BAD_REFS = [None, None, "09/11/2022", None]


def test_errors_raise_is_the_default():
    with pytest.raises(TypeError, match=r"texts\[1\].*int"):
        kcna_dates.date_articles(BAD_TEXTS)
    with pytest.raises(TypeError, match=r"texts\[1\].*int"):
        kcna_dates.date_articles(BAD_TEXTS, errors="raise")
    with pytest.raises(ValueError, match=r"reference\[2\]"):
        kcna_dates.date_articles(["a", "b", "c"], reference=BAD_REFS[:3])
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        kcna_dates.date_articles_frame(BAD_TEXTS)
    with pytest.raises(ValueError, match='"raise" or "coerce"'):
        kcna_dates.date_articles(["a"], errors="ignore")


def test_errors_coerce_with_lists():
    out = kcna_dates.date_articles(BAD_TEXTS, reference=BAD_REFS, errors="coerce")
    # The text 5 and the bytes are unreadable; so is record 2, whose reference is.
    assert out == [D(2022, 11, 8), None, None, None]
    table = kcna_dates.date_articles_frame(BAD_TEXTS, reference=BAD_REFS, errors="coerce")
    assert table["publication_date"] == out
    assert table["conflicts"] == [0, None, None, None]
    # Arguments wrong as a whole raise either way.
    with pytest.raises(ValueError, match="3 items but texts has 4"):
        kcna_dates.date_articles(BAD_TEXTS, reference=BAD_REFS[:3], errors="coerce")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        kcna_dates.date_articles(BAD_TEXTS, reference="09/11/2022", errors="coerce")


def test_a_text_that_is_not_unicode_is_an_unreadable_record():
    # Bytes that are not UTF-8, read with surrogateescape (the CLI and the page make such a line
    # an error row): "raise" names the position, "coerce" gives a missing date.
    texts = ["Juche111.11.8.", b"caf\xff Juche111.11.8.".decode("utf-8", "surrogateescape")]
    with pytest.raises(ValueError, match=r"texts\[1\]: not valid Unicode text"):
        kcna_dates.date_articles(texts)
    assert kcna_dates.date_articles(texts, errors="coerce") == [D(2022, 11, 8), None]
    table = kcna_dates.date_articles_frame(texts, errors="coerce")
    assert table["publication_date"] == [D(2022, 11, 8), None]


def test_errors_coerce_with_pandas():
    pd = need("pandas")
    texts = pd.Series(BAD_TEXTS, dtype="object", index=[5, 6, 7, 8])
    refs = pd.Series(BAD_REFS, dtype="object")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        kcna_dates.date_articles(texts, reference=refs)
    out = kcna_dates.date_articles(texts, reference=refs, errors="coerce")
    assert str(out.dtype) == "datetime64[ns]" and list(out.index) == [5, 6, 7, 8]
    assert out.isna().tolist() == [False, True, True, True]
    assert out[5] == pd.Timestamp("2022-11-08")
    df = kcna_dates.date_articles_frame(texts, reference=refs, errors="coerce")
    assert df["publication_date"].isna().tolist() == [False, True, True, True]
    assert df["source_kind"].tolist()[0] == "juche_stamp"
    assert df["conflicts"].isna().tolist() == [False, True, True, True]


def test_errors_coerce_with_polars():
    pl = need("polars")
    # A Polars column holds one type: a column of objects carries the unreadable values.
    texts = pl.Series("text", BAD_TEXTS, dtype=pl.Object)
    refs = pl.Series("crawled", BAD_REFS, dtype=pl.String)
    with pytest.raises(ValueError, match=r"reference\[2\]"):
        kcna_dates.date_articles(pl.Series("text", ["a", "b", "c", "d"]), reference=refs)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        kcna_dates.date_articles(texts, reference=refs)
    out = kcna_dates.date_articles(texts, reference=refs, errors="coerce")
    assert out.dtype == pl.Date and out.name == "text"
    assert out.to_list() == [D(2022, 11, 8), None, None, None]
    df = kcna_dates.date_articles_frame(texts, reference=refs, errors="coerce")
    assert df["publication_date"].to_list() == out.to_list()
    assert df["body_dates"].null_count() == 3


def test_threads_zero_is_refused_as_the_cli_refuses_it(monkeypatch):
    for call in (kcna_dates.date_articles, kcna_dates.date_articles_frame):
        with pytest.raises(ValueError, match="at least 1"):
            call(["Juche111.11.8."], threads=0)
    monkeypatch.setenv("KCNA_DATES_THREADS", "0")
    with pytest.raises(ValueError, match="at least 1"):
        kcna_dates.date_articles(["Juche111.11.8."])
    from kcna_dates import _kcna_dates

    with pytest.raises(ValueError, match="at least 1"):
        _kcna_dates._date_articles(["a"], None, False, 2, False, 0)


def test_csv_rows_are_the_cli_s_and_guard_formulas():
    assert kcna_dates.CSV_HEADER.startswith("file,line,id,reference,publication_date,")
    article = kcna_dates.date_article("www.kcna.kp (Juche111.11.8.)", reference="2022-11-09")
    # An id a spreadsheet would run (OWASP's CSV injection) is quoted after a leading '.
    row = article.to_csv_row("a.jsonl", 19, '=HYPERLINK("http://x","y")')
    assert row == (
        "a.jsonl,19,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2022-11-09,2022-11-08,"
        "juche_stamp,page_stamp,Juche111.11.8.,false,1,0,,0,"
    )
    for cell in ["+1", "-1", "@x", "\tx", "\rx"]:
        assert article.to_csv_row("f", 1, cell).startswith(f"f,1,\"'{cell}\",")
    assert article.to_csv_row("=f", 1).startswith("\"'=f\",1,,2022-11-09,")
    assert article.to_csv_row("f", 1, 7).startswith("f,1,7,")
    [cells] = csv.reader([row])
    assert len(cells) == len(kcna_dates.CSV_HEADER.split(","))
    assert cells[2] == "'=HYPERLINK(\"http://x\",\"y\")"
    with pytest.raises(TypeError, match="id: expected str, int"):
        article.to_csv_row("f", 1, 1.5)
