"""date_articles: every input kind, missing values, references, errors, threads, the GIL."""

import datetime as dt
import math
import threading
import time

import pytest

import kcna_dates

from conftest import need

D = dt.date
TEXTS = [
    "Pyongyang, November 8 (KCNA) -- Farmers finished the threshing.",
    "[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- They met on Friday.",
    "No date in here.",
    "（평양　８월　２１일발　조선중앙통신）",
    "Mar. 10, Juche 111 (2022) Thursday\nThe paper writes...",
]
CRAWLED = [D(2022, 11, 9), D(2024, 2, 13), D(2024, 1, 1), D(2024, 8, 22), None]


def one_by_one(texts, references):
    return [
        None if t is None else kcna_dates.date_article(t, reference=r).publication_date
        for t, r in zip(texts, references)
    ]


EXPECTED = [D(2022, 11, 8), D(2024, 2, 12), None, D(2024, 8, 21), D(2022, 3, 10)]


def test_list_in_list_out():
    assert one_by_one(TEXTS, CRAWLED) == EXPECTED
    out = kcna_dates.date_articles(TEXTS, reference=CRAWLED)
    assert out == EXPECTED
    assert type(out) is list
    assert kcna_dates.date_articles(tuple(TEXTS), reference=CRAWLED) == EXPECTED
    assert kcna_dates.date_articles(iter(TEXTS), reference=CRAWLED) == EXPECTED
    assert kcna_dates.date_articles([]) == []


def test_one_reference_for_all():
    out = kcna_dates.date_articles(TEXTS, reference=D(2022, 11, 9))
    assert out == one_by_one(TEXTS, [D(2022, 11, 9)] * len(TEXTS))
    assert kcna_dates.date_articles(TEXTS, reference="2022-11-09") == out
    assert kcna_dates.date_articles(TEXTS) == one_by_one(TEXTS, [None] * len(TEXTS))


def test_missing_texts_and_references():
    texts = [None, float("nan"), TEXTS[0], TEXTS[0], TEXTS[0]]
    refs = [D(2022, 11, 9), D(2022, 11, 9), None, float("nan"), "2022-11-09"]
    assert kcna_dates.date_articles(texts, reference=refs) == [None, None, None, None, D(2022, 11, 8)]


def test_bad_inputs_are_clear_errors():
    with pytest.raises(TypeError, match=r"texts\[2\].*int"):
        kcna_dates.date_articles(["a", None, 5])
    with pytest.raises(TypeError, match=r"texts\[0\].*bytes"):
        kcna_dates.date_articles([b"Juche111.11.8."])
    with pytest.raises(TypeError, match="sequence of texts"):
        kcna_dates.date_articles("Juche111.11.8.")
    with pytest.raises(ValueError, match="3 items but texts has 2"):
        kcna_dates.date_articles(["a", "b"], reference=[None, None, None])
    with pytest.raises(ValueError, match=r"reference\[1\].*YYYY-MM-DD"):
        kcna_dates.date_articles(["a", "b"], reference=["2022-11-09", "09/11/2022"])
    # A float is an epoch time when whole (pandas makes an int column with gaps float).
    with pytest.raises(ValueError, match=r"reference\[0\].*whole number"):
        kcna_dates.date_articles(["a"], reference=[3.5])
    with pytest.raises(TypeError, match=r"reference\[0\]"):
        kcna_dates.date_articles(["a"], reference=[object()])


def test_pandas_series():
    pd = need("pandas")
    np = need("numpy")
    s = pd.Series(TEXTS + [None, np.nan], index=[10, 11, 12, 13, 14, 15, 16], name="text")
    refs = pd.Series(pd.to_datetime([str(c) if c else None for c in CRAWLED] + [None, "2024-01-01"]))
    out = kcna_dates.date_articles(s, reference=refs)
    assert isinstance(out, pd.Series)
    assert str(out.dtype) == "datetime64[ns]"
    assert list(out.index) == list(s.index) and out.name == "text"
    assert out.isna().tolist() == [e is None for e in EXPECTED] + [True, True]
    assert [None if pd.isna(x) else x.date() for x in out] == EXPECTED + [None, None]
    # string dtype with pd.NA, one reference as a Timestamp
    s2 = pd.Series(TEXTS[:2] + [None], dtype="string")
    out2 = kcna_dates.date_articles(s2, reference=pd.Timestamp("2024-02-13"))
    assert out2.tolist()[1] == pd.Timestamp("2024-02-12") and pd.isna(out2.tolist()[2])
    # the recipe's assignment keeps the frame's own index
    df = pd.DataFrame({"text": TEXTS, "crawled": CRAWLED}, index=list("abcde"))
    df["date"] = kcna_dates.date_articles(df.text, reference=df.crawled)
    assert df["date"].notna().tolist() == [e is not None for e in EXPECTED]


def test_polars_series():
    pl = need("polars")
    s = pl.Series("text", TEXTS + [None])
    refs = pl.Series("crawled", CRAWLED + [D(2024, 1, 1)], dtype=pl.Date)
    out = kcna_dates.date_articles(s, reference=refs)
    assert isinstance(out, pl.Series)
    assert out.dtype == pl.Date and out.name == "text"
    assert out.to_list() == EXPECTED + [None]
    assert out.null_count() == 2


def test_pyarrow_arrays():
    pa = need("pyarrow")
    arr = pa.array(TEXTS + [None])
    out = kcna_dates.date_articles(arr, reference=pa.array(CRAWLED + [None], type=pa.date32()))
    assert isinstance(out, pa.Array) and out.type == pa.date32()
    assert out.to_pylist() == EXPECTED + [None]
    chunked = pa.chunked_array([TEXTS[:2], TEXTS[2:]])
    out2 = kcna_dates.date_articles(chunked, reference=CRAWLED)
    assert out2.to_pylist() == EXPECTED


def big_batch(n):
    texts = [TEXTS[i % len(TEXTS)] + " x" * (i % 7) for i in range(n)]
    refs = [CRAWLED[i % len(CRAWLED)] for i in range(n)]
    return texts, refs


def test_threads_give_the_same_answers_in_order():
    texts, refs = big_batch(5000)
    expected = one_by_one(texts, refs)
    for threads in [1, 2, 3, None]:
        assert kcna_dates.date_articles(texts, reference=refs, threads=threads) == expected


def test_the_gil_is_released():
    """Another Python thread keeps running while a long batch is dated on one thread."""
    texts, refs = big_batch(20000)
    texts = [t * 20 for t in texts]
    ticks = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks.append(1)

    started = time.perf_counter()
    kcna_dates.date_articles(texts, reference=refs, threads=1)
    alone = time.perf_counter() - started
    assert alone > 0.05, "the batch is too small to observe"
    counter = threading.Thread(target=count)
    counter.start()
    time.sleep(0.01)
    before = len(ticks)
    kcna_dates.date_articles(texts, reference=refs, threads=1)
    during = len(ticks) - before
    stop.set()
    counter.join()
    # With the GIL held for the whole call the counter could not append at all.
    assert during > 1000, during


def test_as_days_buffer_matches_the_dates():
    from kcna_dates import _kcna_dates

    raw = _kcna_dates._date_articles(TEXTS, CRAWLED, True, 2, True)
    assert len(raw) == 8 * len(TEXTS)
    days = [int.from_bytes(raw[i : i + 8], "little", signed=True) for i in range(0, len(raw), 8)]
    epoch = D(1970, 1, 1)
    assert [None if d == -(2**63) else epoch + dt.timedelta(days=d) for d in days] == EXPECTED
    assert not math.isnan(days[0])
