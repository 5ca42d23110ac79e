"""Type stubs for the native module ``kcna_dates._kcna_dates``."""

import datetime
from typing import Any, Iterable, List, Optional, Tuple, Union, final

__all__ = [
    "Article",
    "BodyDate",
    "CSV_HEADER",
    "Conflict",
    "DEFAULT_GRACE_DAYS",
    "Found",
    "JUCHE_OFFSET",
    "ParseError",
    "Signal",
    "__version__",
    "_date_articles",
    "date_article",
    "juche_year",
    "parse_date",
    "parse_dmy",
    "parse_juche",
    "scan",
    "to_juche",
]

CSV_HEADER: str
DEFAULT_GRACE_DAYS: int
JUCHE_OFFSET: int

__version__: str

_Reference = Union[datetime.date, str, int, float, None]
"""A ``date``/``datetime``, a ``YYYY-MM-DD``, RFC 3339 or epoch-digits string, epoch seconds or
milliseconds (an int, or a whole float), or a missing value."""

class ParseError(ValueError):
    """Not a valid date notation: the library's message, ``kind``, ``start``, ``end``."""

    kind: str
    """A stable name: ``expected``, ``out_of_range``, ``no_such_date``, ``no_reference``, ..."""
    start: int
    """Character offset of the fault's start in the parsed text."""
    end: int
    """Character offset of the fault's end."""

@final
class Found:
    """A notation found by :func:`scan`."""

    kind: str
    text: str
    date: Optional[datetime.date]
    start: int
    end: int
    valid: bool
    error: Optional[str]
    error_kind: Optional[str]
    def to_dict(self) -> dict[str, Any]:
        """The library's JSON form of the notation (byte offsets)."""

@final
class Signal:
    """A signal of the publication date."""

    index: int
    kind: str
    role: str
    date: Optional[datetime.date]
    text: str
    start: int
    end: int
    error: Optional[str]
    doubtful: bool

@final
class Conflict:
    """Signals that agree on a date other than the publication date."""

    date: datetime.date
    days: int
    signals: List[int]
    texts: List[str]

@final
class BodyDate:
    """A date in the body of an article."""

    text: str
    start: int
    end: int
    resolution: str
    kind: str
    precision: str
    tense: str
    range_with: Optional[int]
    date: Optional[datetime.date]
    month: Optional[Tuple[int, int]]
    error: Optional[str]

@final
class Article:
    """Everything :func:`date_article` found in an article."""

    @property
    def publication_date(self) -> Optional[datetime.date]: ...
    @property
    def reference(self) -> Optional[datetime.date]: ...
    @property
    def doubtful(self) -> bool: ...
    @property
    def agreeing(self) -> List[int]: ...
    @property
    def source(self) -> Optional[Signal]: ...
    @property
    def signals(self) -> List[Signal]: ...
    @property
    def conflicts(self) -> List[Conflict]: ...
    @property
    def body_dates(self) -> List[BodyDate]: ...
    @property
    def invalid(self) -> List[Found]: ...
    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON form (``kcna-dates date``): ISO date strings, byte offsets."""
    def to_csv_row(
        self, file: str, line: int, id: Union[str, int, bool, None] = None
    ) -> str:
        """The row of ``kcna-dates date --format csv`` (columns: ``CSV_HEADER``), no line break."""

def parse_date(text: str, /) -> datetime.date: ...
def parse_dmy(text: str, /) -> datetime.date: ...
def parse_juche(text: str, /) -> datetime.date: ...
def to_juche(date: datetime.date, /) -> str: ...
def juche_year(year: int, /) -> int: ...
def scan(text: str, /) -> List[Found]: ...
def date_article(
    text: str, /, *, reference: _Reference = None, grace_days: int = 2
) -> Article: ...
def _date_articles(
    texts: Iterable[Optional[str]],
    reference: Any,
    per_item: bool,
    grace_days: int,
    as_days: bool,
    threads: Optional[int] = None,
    errors: str = "raise",
    frame: bool = False,
) -> Any: ...
