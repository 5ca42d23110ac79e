"""Read the dates of North Korean state media (KCNA, Rodong Sinmun) as checked dates.

Bindings to the Rust library ``kcna-dates``::

    >>> import kcna_dates
    >>> kcna_dates.parse_date("Juche111.11.8.")
    datetime.date(2022, 11, 8)
    >>> kcna_dates.parse_dmy("08/11/2022")      # day first, always
    datetime.date(2022, 11, 8)

Offsets (``start``, ``end``) are character offsets: ``text[f.start:f.end] == f.text``, also in
Korean and Japanese text. ``date_articles`` is the batch API: it takes a list, a pandas Series, a
Polars Series or a pyarrow array, releases the GIL and uses every core.
"""

from __future__ import annotations

import datetime as _dt
import os as _os
from typing import Any, List, Optional

from ._kcna_dates import (
    DEFAULT_GRACE_DAYS,
    JUCHE_OFFSET,
    Article,
    BodyDate,
    Conflict,
    Found,
    ParseError,
    Signal,
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
    "DEFAULT_GRACE_DAYS",
    "JUCHE_OFFSET",
    "Article",
    "BodyDate",
    "Conflict",
    "Found",
    "ParseError",
    "Signal",
    "date_article",
    "date_articles",
    "juche_year",
    "parse_date",
    "parse_dmy",
    "parse_juche",
    "scan",
    "to_juche",
]


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


def date_articles(
    texts: Any,
    /,
    *,
    reference: Any = None,
    grace_days: int = DEFAULT_GRACE_DAYS,
    threads: Optional[int] = None,
) -> Any:
    """The publication date of each text, in one call (the batch API).

    ``texts``: a list (or any iterable) of ``str``, a pandas Series, a Polars Series or a pyarrow
    array of strings; missing values (None, NaN, ``pd.NA``) give a missing date. Anything else
    raises ``TypeError`` naming its position.

    ``reference``: None, one date (``date``, ``datetime``, pandas ``Timestamp`` or an ISO
    ``YYYY-MM-DD`` string) for every text, or a sequence of them of the same length (a list, a
    pandas, Polars or pyarrow column; missing values allowed).

    Returns the kind it was given: a list of ``date | None``; a pandas Series of dtype
    ``datetime64[ns]`` with the input's index and name and ``NaT``; a Polars ``Date`` Series with
    nulls; a pyarrow ``date32`` array with nulls. The work runs with the GIL released on
    ``threads`` threads (default: every core; ``KCNA_DATES_THREADS`` overrides it).
    """
    per_item = not _is_scalar_reference(reference)
    refs = _as_list(reference) if per_item else reference
    if threads is None and _os.environ.get("KCNA_DATES_THREADS"):
        threads = int(_os.environ["KCNA_DATES_THREADS"])
    if _is_pandas_series(texts):
        import numpy as np
        import pandas as pd  # type: ignore[import-untyped]

        raw = _date_articles(texts.tolist(), refs, per_item, grace_days, True, threads)
        days = np.frombuffer(raw, dtype="<i8").view("datetime64[D]")
        return pd.Series(
            days.astype("datetime64[ns]"), index=texts.index, name=texts.name, copy=False
        )
    if _is_polars_series(texts):
        import polars as pl

        return pl.Series(
            texts.name,
            _date_articles(texts.to_list(), refs, per_item, grace_days, False, threads),
            dtype=pl.Date,
        )
    if _is_arrow(texts):
        import pyarrow as pa  # type: ignore[import-untyped]

        return pa.array(
            _date_articles(texts.to_pylist(), refs, per_item, grace_days, False, threads),
            type=pa.date32(),
        )
    if isinstance(texts, (str, bytes)):
        raise TypeError("date_articles takes a sequence of texts; for one text use date_article")
    dates: List[Optional[_dt.date]] = _date_articles(
        texts, refs, per_item, grace_days, False, threads
    )
    return dates
