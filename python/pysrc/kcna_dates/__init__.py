"""Read the dates of North Korean state media (KCNA, Rodong Sinmun) as checked dates.

Bindings to the Rust library ``kcna-dates``::

    >>> import kcna_dates
    >>> kcna_dates.parse_date("Juche111.11.8.")
    datetime.date(2022, 11, 8)
    >>> kcna_dates.parse_dmy("08/11/2022")      # day first, always
    datetime.date(2022, 11, 8)

Offsets (``start``, ``end``) are character offsets: ``text[f.start:f.end] == f.text``, also in
Korean and Japanese text. ``date_articles`` is the batch API: it takes a list, a pandas Series, a
Polars Series or a pyarrow array, releases the GIL and uses every core; ``date_articles_frame``
gives a frame per batch (publication date, source kind, doubtful, conflicts, body dates).
"""

from __future__ import annotations

import datetime as _dt
import os as _os
from typing import Any, List, Optional, Tuple

from ._kcna_dates import (
    CSV_HEADER,
    DEFAULT_GRACE_DAYS,
    JUCHE_OFFSET,
    Article,
    BodyDate,
    Conflict,
    Found,
    ParseError,
    Signal,
    __version__,
    _date_articles,
    date_article,
    juche_year,
    parse_date,
    parse_dmy,
    parse_juche,
    scan,
    to_juche,
)

__all__ = [
    "CSV_HEADER",
    "DEFAULT_GRACE_DAYS",
    "FRAME_COLUMNS",
    "JUCHE_OFFSET",
    "Article",
    "BodyDate",
    "Conflict",
    "Found",
    "ParseError",
    "Signal",
    "date_article",
    "date_articles",
    "date_articles_frame",
    "juche_year",
    "parse_date",
    "parse_dmy",
    "parse_juche",
    "scan",
    "to_juche",
    "__version__",
]

#: The columns of ``date_articles_frame``, in order.
FRAME_COLUMNS = ("publication_date", "source_kind", "doubtful", "conflicts", "body_dates")


def _module_of(value: Any) -> str:
    return type(value).__module__.split(".", 1)[0]


def _is_pandas_series(value: Any) -> bool:
    return _module_of(value) == "pandas" and type(value).__name__ == "Series"


def _is_polars_series(value: Any) -> bool:
    return _module_of(value) == "polars" and type(value).__name__ == "Series"


def _is_arrow(value: Any) -> bool:
    return _module_of(value) == "pyarrow" and hasattr(value, "to_pylist")


def _is_scalar_reference(value: Any) -> bool:
    return value is None or isinstance(value, (_dt.date, str)) or (
        isinstance(value, float) and value != value
    ) or type(value).__name__ in ("NaTType", "NAType")


def _as_list(values: Any) -> Any:
    """A plain sequence of Python objects (str/None, date/None) for the Rust core."""
    if _is_pandas_series(values):
        return values.tolist()
    if _is_polars_series(values) or _is_arrow(values):
        return values.to_list() if _is_polars_series(values) else values.to_pylist()
    if _module_of(values) == "numpy" and hasattr(values, "tolist"):
        return values.tolist()
    return values


def _batch_args(
    name: str, texts: Any, reference: Any, threads: Optional[int]
) -> Tuple[bool, Any, Optional[int]]:
    """What both batch calls do first: whether ``reference`` is a column, the references as the
    Rust core takes them, and the thread count; a string of text is refused."""
    if isinstance(texts, (str, bytes)):
        raise TypeError(f"{name} takes a sequence of texts; for one text use date_article")
    per_item = not _is_scalar_reference(reference)
    refs = _as_list(reference) if per_item else reference
    return per_item, refs, _threads(threads)


def _threads(threads: Optional[int]) -> Optional[int]:
    """``threads``, or ``KCNA_DATES_THREADS`` when None; 0 (or less) is refused, as the CLI does."""
    if threads is None and _os.environ.get("KCNA_DATES_THREADS"):
        threads = int(_os.environ["KCNA_DATES_THREADS"])
    if threads is not None and threads < 1:
        raise ValueError(
            f"threads must be at least 1 (None: one per core), not {threads}"
        )
    return threads


def date_articles(
    texts: Any,
    /,
    *,
    reference: Any = None,
    grace_days: int = DEFAULT_GRACE_DAYS,
    threads: Optional[int] = None,
    errors: str = "raise",
) -> Any:
    """The publication date of each text, in one call (the batch API).

    ``texts``: a list (or any iterable) of ``str``, a pandas Series, a Polars Series or a pyarrow
    array of strings; missing values (None, NaN, ``pd.NA``) give a missing date.

    ``reference``: None, one reference for every text, or a sequence of them of the same length
    (a list, a pandas, Polars or pyarrow column; missing values allowed). A reference is a
    ``date``; a ``datetime`` or pandas ``Timestamp`` (an aware one counts as its date in
    Pyongyang time); a string ``YYYY-MM-DD`` (strictly: ``2022-1-5`` is an error), an RFC 3339
    timestamp with its offset (``2022-11-09T10:00:00Z``) or epoch digits; an int of epoch seconds
    (below 10**11) or milliseconds, in Pyongyang time. The dialect of the command-line tool:
    ``20221109`` is epoch seconds (1970-08-23), not 9 November 2022.

    ``errors``: as in ``pandas.to_datetime``. ``"raise"`` (the default): the first unreadable
    record (a text that is not a string or missing, a string with lone surrogates, a reference
    that cannot be read) raises ``TypeError`` or ``ValueError`` naming its position. ``"coerce"``: such a record gets a
    missing date (``NaT``, None) and the batch goes on. Arguments that are wrong as a whole (a
    single bad reference, a reference column of another length, ``texts`` a string) raise either
    way.

    Returns the kind it was given: a list of ``date | None``; a pandas Series of dtype
    ``datetime64[ns]`` with the input's index and name and ``NaT``; a Polars ``Date`` Series with
    nulls; a pyarrow ``date32`` array with nulls. The work runs with the GIL released on
    ``threads`` threads (default: every core; ``KCNA_DATES_THREADS`` overrides it; 0 is a
    ``ValueError``).
    """
    per_item, refs, threads = _batch_args("date_articles", texts, reference, threads)
    if _is_pandas_series(texts):
        import numpy as np
        import pandas as pd  # type: ignore[import-untyped]

        raw = _date_articles(texts.tolist(), refs, per_item, grace_days, True, threads, errors)
        days = np.frombuffer(raw, dtype="<i8").view("datetime64[D]")
        return pd.Series(
            days.astype("datetime64[ns]"), index=texts.index, name=texts.name, copy=False
        )
    if _is_polars_series(texts):
        import polars as pl

        return pl.Series(
            texts.name,
            _date_articles(texts.to_list(), refs, per_item, grace_days, False, threads, errors),
            dtype=pl.Date,
        )
    if _is_arrow(texts):
        import pyarrow as pa  # type: ignore[import-untyped]

        return pa.array(
            _date_articles(texts.to_pylist(), refs, per_item, grace_days, False, threads, errors),
            type=pa.date32(),
        )
    dates: List[Optional[_dt.date]] = _date_articles(
        texts, refs, per_item, grace_days, False, threads, errors
    )
    return dates


def date_articles_frame(
    texts: Any,
    /,
    *,
    reference: Any = None,
    grace_days: int = DEFAULT_GRACE_DAYS,
    threads: Optional[int] = None,
    errors: str = "raise",
) -> Any:
    """A frame with one row per text: what ``date_article`` finds, in one batch call.

    Takes what ``date_articles`` takes (``texts``, ``reference``, ``grace_days``, ``threads``,
    ``errors``). The columns (``FRAME_COLUMNS``): ``publication_date``; ``source_kind`` (the
    notation kind of the signal that gave it: ``juche_stamp``, ``dateline``, ...); ``doubtful``;
    ``conflicts`` (how many other dates the signals give); ``body_dates`` (how many dates the
    article's body mentions). A missing text (or, with ``errors="coerce"``, an unreadable
    record) is a row of missing values; an article without a date has ``publication_date`` and
    ``source_kind`` missing and its counts.

    Returns, for a pandas Series, a pandas DataFrame with the Series' index (dtypes
    ``datetime64[ns]``, ``object``, ``boolean``, ``Int64``, ``Int64``: pandas' nullable ones);
    for a Polars Series, a Polars DataFrame (``Date``, ``String``, ``Boolean``, ``UInt32``,
    ``UInt32``); for a pyarrow array, a pyarrow Table; for a list or other iterable, a ``dict`` of
    column name to list, which ``pandas.DataFrame(...)`` and ``polars.DataFrame(...)`` take as it
    is.
    """
    per_item, refs, threads = _batch_args("date_articles_frame", texts, reference, threads)
    if _is_pandas_series(texts):
        import numpy as np
        import pandas as pd

        raw, kinds, doubtful, conflicts, body = _date_articles(
            texts.tolist(), refs, per_item, grace_days, True, threads, errors, True
        )
        days = np.frombuffer(raw, dtype="<i8").view("datetime64[D]")
        return pd.DataFrame(
            {
                "publication_date": days.astype("datetime64[ns]"),
                "source_kind": pd.Series(kinds, dtype="object", index=texts.index),
                "doubtful": pd.array(doubtful, dtype="boolean"),
                "conflicts": pd.array(conflicts, dtype="Int64"),
                "body_dates": pd.array(body, dtype="Int64"),
            },
            index=texts.index,
        )
    if _is_polars_series(texts):
        import polars as pl

        columns = _date_articles(
            texts.to_list(), refs, per_item, grace_days, False, threads, errors, True
        )
        dtypes = (pl.Date, pl.String, pl.Boolean, pl.UInt32, pl.UInt32)
        return pl.DataFrame(
            [pl.Series(name, values, dtype=dtype)
             for name, values, dtype in zip(FRAME_COLUMNS, columns, dtypes)]
        )
    values = texts.to_pylist() if _is_arrow(texts) else texts
    columns = _date_articles(values, refs, per_item, grace_days, False, threads, errors, True)
    table = dict(zip(FRAME_COLUMNS, columns))
    if _is_arrow(texts):
        import pyarrow as pa

        types = (pa.date32(), pa.string(), pa.bool_(), pa.uint32(), pa.uint32())
        return pa.table(
            {name: pa.array(table[name], type=t) for name, t in zip(FRAME_COLUMNS, types)}
        )
    return table
