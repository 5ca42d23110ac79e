//! Python bindings for `kcna-dates` (the `kcna_dates._kcna_dates` extension module).
//!
//! The Python package `kcna_dates` (in `pysrc/`) wraps this module: it adds the batch API's
//! pandas, Polars and pyarrow conversions. Everything that reads text is here. Offsets handed to
//! Python are **character** (code point) offsets, so `text[start:end]` gives the notation; only
//! `Article.to_dict()` keeps the byte offsets of the command-line tool's JSON form.

use std::num::NonZeroUsize;
use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate};
use kcna_dates::{
    ArticleDate, ArticleOptions, DEFAULT_GRACE_DAYS, Error, ErrorKind, JucheDate, JucheYear,
    Notation, to_pyongyang,
};
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

create_exception!(
    kcna_dates,
    ParseError,
    PyValueError,
    "A text that is not a valid date notation. A `ValueError` with the library's message and the \
     attributes `kind` (a stable name such as `out_of_range`), `start` and `end` (character \
     offsets of the fault in the parsed text)."
);

/// Maps byte offsets of one text to character offsets, walking the text once for ascending
/// queries (a query behind the last one restarts from the beginning).
struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of byte offset `byte` (clamped to the text; an offset inside a
    /// character counts that character as begun).
    fn get(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let rest = self.text.get(self.byte..).unwrap_or("");
        let want = byte.saturating_sub(self.byte);
        let mut counted = 0usize;
        let mut taken = 0usize;
        for (at, ch) in rest.char_indices() {
            if at >= want {
                break;
            }
            counted = counted.saturating_add(1);
            taken = at.saturating_add(ch.len_utf8());
        }
        self.byte = self.byte.saturating_add(taken);
        self.chars = self.chars.saturating_add(counted);
        self.chars
    }

    fn span(&mut self, span: Range<usize>) -> (usize, usize) {
        let start = self.get(span.start);
        let end = self.get(span.end);
        (start, end)
    }
}

/// The text of `span` in `text`, or an empty string if it is not a range of `text`.
fn span_text(text: &str, span: Range<usize>) -> String {
    text.get(span).unwrap_or("").to_owned()
}

/// A library error as a `ParseError`; `chars` maps its byte span into the parsed text.
fn parse_error(py: Python<'_>, err: &Error, chars: &mut CharOffsets<'_>, shift: usize) -> PyErr {
    let span = err.span();
    let (start, end) = chars.span(span.start.saturating_add(shift)..span.end.saturating_add(shift));
    let pyerr = ParseError::new_err(err.to_string());
    let value = pyerr.value(py);
    let set = value
        .setattr("kind", err.kind().as_str())
        .and_then(|()| value.setattr("start", start))
        .and_then(|()| value.setattr("end", end));
    match set {
        Ok(()) => pyerr,
        Err(e) => e,
    }
}

/// A `ParseError` of our own kind and message over the whole text.
fn own_error(py: Python<'_>, kind: &str, message: String, chars: usize) -> PyErr {
    let pyerr = ParseError::new_err(message);
    let value = pyerr.value(py);
    let set = value
        .setattr("kind", kind)
        .and_then(|()| value.setattr("start", 0usize))
        .and_then(|()| value.setattr("end", chars));
    match set {
        Ok(()) => pyerr,
        Err(e) => e,
    }
}

/// Runs a parser on `text` with surrounding whitespace removed; errors point into `text`.
fn parse_trimmed<T>(
    py: Python<'_>,
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, Error>,
) -> PyResult<T> {
    let trimmed = text.trim();
    let shift = text.len().saturating_sub(text.trim_start().len());
    parse(trimmed).map_err(|err| parse_error(py, &err, &mut CharOffsets::new(text), shift))
}

/// The date of any notation that gives a full date: a Juche stamp, a day-first or dotted stamp,
/// a month-name date, a Korean, Spanish or ISO date. Surrounding whitespace is ignored.
///
/// Raises `ParseError` (a `ValueError`) with the library's message, `kind`, `start` and `end`;
/// a notation without a full date (a dateline, `Juche 113 (2024)`) raises `kind` `no_reference`.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn parse_date(py: Python<'_>, text: &str) -> PyResult<NaiveDate> {
    let notation: Notation = parse_trimmed(py, text, str::parse)?;
    match notation.date() {
        Some(date) => Ok(date),
        None => Err(own_error(
            py,
            "no_reference",
            format!(
                "`{}` is a {} and gives no full date: date it in its article with \
                 date_article(text, reference=...)",
                text.trim(),
                notation.kind().as_str().replace('_', " ")
            ),
            text.chars().count(),
        )),
    }
}

/// A day-first stamp `DD/MM/YYYY` (never read month-first: `08/13/2022` is an error).
#[pyfunction]
#[pyo3(signature = (text, /))]
fn parse_dmy(py: Python<'_>, text: &str) -> PyResult<NaiveDate> {
    parse_trimmed(py, text, kcna_dates::parse_dmy)
}

/// A Juche stamp such as `Juche111.11.8.` (Gregorian year = Juche year + 1911).
#[pyfunction]
#[pyo3(signature = (text, /))]
fn parse_juche(py: Python<'_>, text: &str) -> PyResult<NaiveDate> {
    parse_trimmed(py, text, |t| t.parse::<JucheDate>().map(|d| d.date()))
}

/// The Juche stamp of a date: `Juche111.11.8.`. Dates before 1912-01-01 raise `ParseError`
/// (`before_juche`).
#[pyfunction]
#[pyo3(signature = (date, /))]
fn to_juche(py: Python<'_>, date: NaiveDate) -> PyResult<String> {
    JucheDate::try_from(date)
        .map(|d| d.to_string())
        .map_err(|err| parse_error(py, &err, &mut CharOffsets::new(""), 0))
}

/// The Juche year of a Gregorian year (2022 -> 111). Years before 1912 raise `ParseError`
/// (`out_of_range`).
#[pyfunction]
#[pyo3(signature = (year, /))]
fn juche_year(py: Python<'_>, year: i64) -> PyResult<u32> {
    let Ok(year) = i32::try_from(year) else {
        // Beyond an `i32`: the library's own error for the farthest year, with this year in it.
        let bounds = JucheYear::from_gregorian(i32::MAX).map_err(|err| err.kind());
        let message = match bounds {
            Err(ErrorKind::OutOfRange { min, max, .. }) => {
                format!("year {year} is out of range, expected {min} to {max}")
            }
            _ => format!("year {year} is out of range"),
        };
        return Err(own_error(py, "out_of_range", message, 0));
    };
    JucheYear::from_gregorian(year)
        .map(|y| y.juche())
        .map_err(|err| parse_error(py, &err, &mut CharOffsets::new(""), 0))
}

/// A notation found by `scan`.
#[pyclass(frozen, module = "kcna_dates")]
struct Found {
    /// The notation's kind: `dateline`, `juche_stamp`, `dmy`, ...
    #[pyo3(get)]
    kind: &'static str,
    /// The notation's text: `text[start:end]` of the scanned text.
    #[pyo3(get)]
    text: String,
    /// The full date, or None (a dateline or a bare Juche year has none; nor has an invalid
    /// candidate).
    #[pyo3(get)]
    date: Option<NaiveDate>,
    /// Character offset of the notation's start in the scanned text.
    #[pyo3(get)]
    start: usize,
    /// Character offset of the notation's end in the scanned text.
    #[pyo3(get)]
    end: usize,
    /// Whether the text is a valid notation.
    #[pyo3(get)]
    valid: bool,
    /// Why an invalid candidate is not a date, or None.
    #[pyo3(get)]
    error: Option<String>,
    /// The stable name of the error's kind, or None.
    #[pyo3(get)]
    error_kind: Option<&'static str>,
    /// The library's value, for `to_dict`.
    inner: kcna_dates::Found,
}

#[pymethods]
impl Found {
    /// The library's one JSON form of the notation (as in `Article.to_dict()["invalid"]`):
    /// `start`/`end` are **byte** offsets there.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialized(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Found(kind={}, text={}, date={}, start={}, end={}{})",
            py_repr(py, self.kind),
            py_repr(py, &self.text),
            iso_repr(self.date),
            self.start,
            self.end,
            self.error
                .as_ref()
                .map_or(String::new(), |e| format!(", error={}", py_repr(py, e)))
        )
    }
}

/// Python's `repr` of a string.
fn py_repr(py: Python<'_>, text: &str) -> String {
    PyString::new(py, text)
        .repr()
        .map_or_else(|_| format!("{text:?}"), |r| r.to_string())
}

fn iso_repr(date: Option<NaiveDate>) -> String {
    date.map_or("None".to_owned(), |d| format!("{d}"))
}

fn found(text: &str, f: &kcna_dates::Found, chars: &mut CharOffsets<'_>) -> Found {
    let span = f.span();
    let (start, end) = chars.span(span.clone());
    Found {
        kind: f.kind().as_str(),
        text: span_text(text, span),
        date: f.date(),
        start,
        end,
        valid: f.is_valid(),
        error: f.error().map(ToString::to_string),
        error_kind: f.error().map(|e| e.kind().as_str()),
        inner: f.clone(),
    }
}

/// Every notation in `text`, left to right, without overlaps, with character offsets.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn scan(text: &str) -> Vec<Found> {
    let mut chars = CharOffsets::new(text);
    kcna_dates::scan(text)
        .map(|f| found(text, &f, &mut chars))
        .collect()
}

/// A signal of the publication date found by `date_article`.
#[pyclass(frozen, get_all, module = "kcna_dates")]
struct Signal {
    /// Its index in `Article.signals`.
    index: usize,
    /// The notation's kind.
    kind: &'static str,
    /// Its role: `page_stamp`, `day_first_stamp`, `header`, `dateline`, `signature`.
    role: &'static str,
    /// Its date (a dateline's resolved date), or None.
    date: Option<NaiveDate>,
    /// Its text.
    text: String,
    /// Character offsets in the article.
    start: usize,
    /// Character offset of its end.
    end: usize,
    /// Why it has no date (a dateline without a reference), or None.
    error: Option<String>,
    /// A dateline resolved long before the date it was resolved against (a misfiled record?).
    doubtful: bool,
}

#[pymethods]
impl Signal {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Signal(role={}, kind={}, text={}, date={})",
            py_repr(py, self.role),
            py_repr(py, self.kind),
            py_repr(py, &self.text),
            iso_repr(self.date)
        )
    }
}

/// Signals that agree on a date other than the publication date (one conflict per other date).
#[pyclass(frozen, get_all, module = "kcna_dates")]
struct Conflict {
    /// The date these signals give.
    date: NaiveDate,
    /// That date minus the publication date, in days.
    days: i64,
    /// The indices of the signals in `Article.signals`, in text order.
    signals: Vec<usize>,
    /// The texts of those signals.
    texts: Vec<String>,
}

#[pymethods]
impl Conflict {
    fn __repr__(&self, py: Python<'_>) -> String {
        let texts: Vec<String> = self.texts.iter().map(|t| py_repr(py, t)).collect();
        format!(
            "Conflict(date={}, days={}, texts=[{}])",
            self.date,
            self.days,
            texts.join(", ")
        )
    }
}

/// A date in an article's body (`on Monday`, `on May 7`, `in October 2014`).
#[pyclass(frozen, get_all, module = "kcna_dates")]
struct BodyDate {
    /// Its text.
    text: String,
    /// Character offset of its start in the article.
    start: usize,
    /// Character offset of its end.
    end: usize,
    /// How it was resolved: `explicit`, `weekday`, `month_day`, `weekday_month_day`, `month`,
    /// `day`, `relative`, `anaphoric`.
    resolution: &'static str,
    /// Its kind: `full_date`, `month_day`, `day`, `weekday`, `relative_day`, `month`.
    kind: &'static str,
    /// `day` or `month`.
    precision: &'static str,
    /// The tense it was read with: `past`, `future`, or `none` (the text gives the year).
    tense: &'static str,
    /// The index in `body_dates` of the other end of its range or pair, or None.
    range_with: Option<usize>,
    /// The day, or None (a month, or unresolved).
    date: Option<NaiveDate>,
    /// `(year, month)` for a month such as `in October 2014`, else None.
    month: Option<(i32, u32)>,
    /// Why it could not be resolved, or None.
    error: Option<String>,
}

#[pymethods]
impl BodyDate {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "BodyDate(text={}, resolution={}, date={})",
            py_repr(py, &self.text),
            py_repr(py, self.resolution),
            iso_repr(self.date)
        )
    }
}

/// Everything `date_article` found in an article.
#[pyclass(frozen, module = "kcna_dates")]
struct Article {
    dated: ArticleDate,
    reference: Option<NaiveDate>,
    signals: Vec<Py<Signal>>,
    conflicts: Vec<Py<Conflict>>,
    body_dates: Vec<Py<BodyDate>>,
    invalid: Vec<Py<Found>>,
}

fn clone_all<T>(py: Python<'_>, items: &[Py<T>]) -> Vec<Py<T>> {
    items.iter().map(|i| i.clone_ref(py)).collect()
}

#[pymethods]
impl Article {
    /// The publication date, or None.
    #[getter]
    fn publication_date(&self) -> Option<NaiveDate> {
        self.dated.publication_date
    }

    /// The reference date the article was dated with, or None.
    #[getter]
    fn reference(&self) -> Option<NaiveDate> {
        self.reference
    }

    /// Whether the publication date comes from a doubtful dateline.
    #[getter]
    fn doubtful(&self) -> bool {
        self.dated.doubtful
    }

    /// Indices of the signals that give the publication date.
    #[getter]
    fn agreeing(&self) -> Vec<usize> {
        self.dated.agreeing.clone()
    }

    /// The signal the publication date comes from, or None.
    #[getter]
    fn source(&self, py: Python<'_>) -> Option<Py<Signal>> {
        self.dated
            .source
            .and_then(|i| self.signals.get(i))
            .map(|s| s.clone_ref(py))
    }

    /// Every signal of the publication date, in text order.
    #[getter]
    fn signals(&self, py: Python<'_>) -> Vec<Py<Signal>> {
        clone_all(py, &self.signals)
    }

    /// The signals that give another date than the publication date, one group per date.
    #[getter]
    fn conflicts(&self, py: Python<'_>) -> Vec<Py<Conflict>> {
        clone_all(py, &self.conflicts)
    }

    /// The dates in the body.
    #[getter]
    fn body_dates(&self, py: Python<'_>) -> Vec<Py<BodyDate>> {
        clone_all(py, &self.body_dates)
    }

    /// Text with a notation's shape that is not a valid date.
    #[getter]
    fn invalid(&self, py: Python<'_>) -> Vec<Py<Found>> {
        clone_all(py, &self.invalid)
    }

    /// The library's one JSON form of the result (`serde` serialization of `ArticleDate`, as the
    /// command-line tool prints it): dates as `YYYY-MM-DD` strings, `source` an index into
    /// `signals`, and **byte** offsets into the UTF-8 text.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialized(py, &self.dated)
    }

    /// The article as a row of the CSV that `kcna-dates date --format csv` and the web page write
    /// (the columns of `CSV_HEADER`, the shared `edge` crate's writer with its formula-injection
    /// guard), without its line break: `file`, `line` and `id` (str, int or None) as given, the
    /// reference it was dated with, then the dating cells.
    #[pyo3(signature = (file, line, id=None))]
    fn to_csv_row(&self, file: &str, line: u64, id: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let id = match id {
            None => None,
            Some(id) => Some(csv_id(id)?),
        };
        Ok(kcna_dates_edge::csv::article_row(
            file,
            line,
            id.as_ref(),
            self.reference,
            &self.dated,
        ))
    }

    fn __repr__(&self) -> String {
        format!(
            "Article(publication_date={}, signals={}, conflicts={}, body_dates={})",
            iso_repr(self.dated.publication_date),
            self.signals.len(),
            self.conflicts.len(),
            self.body_dates.len()
        )
    }
}

/// An id for a CSV row as the JSON value the CLI reads from a record: str, int, bool or None.
fn csv_id(id: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    if id.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = id.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(b) = id.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if id.cast::<PyInt>().is_ok() {
        if let Ok(n) = id.extract::<i64>() {
            return Ok(Value::from(n));
        }
        if let Ok(n) = id.extract::<u64>() {
            return Ok(Value::from(n));
        }
    }
    Err(PyTypeError::new_err(format!(
        "id: expected str, int, bool or None, got {}",
        type_name(id)
    )))
}

/// A JSON value as the Python object `json.loads` would give.
fn json_to_py<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(fields) => {
            let dict = PyDict::new(py);
            for (key, item) in fields {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// The library's serialization of `value` (its one JSON form) as Python objects.
fn serialized<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value)
        .map_err(|e| PyValueError::new_err(format!("cannot serialize: {e}")))?;
    json_to_py(py, &json)
}

fn options(reference: Option<NaiveDate>, grace_days: u32) -> ArticleOptions {
    let options = ArticleOptions::new().with_grace_days(grace_days);
    match reference {
        Some(r) => options.with_reference(r),
        None => options,
    }
}

/// Dates a whole article: its signals, publication date, conflicts and body dates.
/// `reference` (a crawl date) resolves datelines when the text has no stamp.
#[pyfunction]
#[pyo3(signature = (text, /, *, reference = None, grace_days = 2))]
fn date_article(
    py: Python<'_>,
    text: String,
    reference: Option<&Bound<'_, PyAny>>,
    grace_days: u32,
) -> PyResult<Article> {
    let reference = match reference {
        Some(r) => reference_of(r, None)?,
        None => None,
    };
    let dated = kcna_dates::date_article(&text, &options(reference, grace_days));
    // Every byte offset the result uses, mapped in one ascending pass.
    let mut offsets: Vec<usize> = Vec::new();
    offsets.extend(
        dated
            .signals
            .iter()
            .flat_map(|s| [s.span.start, s.span.end]),
    );
    offsets.extend(
        dated
            .body_dates
            .iter()
            .flat_map(|b| [b.span.start, b.span.end]),
    );
    offsets.extend(
        dated
            .invalid
            .iter()
            .flat_map(|f| [f.span().start, f.span().end]),
    );
    offsets.sort_unstable();
    offsets.dedup();
    let mut walker = CharOffsets::new(&text);
    let mapped: Vec<(usize, usize)> = offsets.iter().map(|&b| (b, walker.get(b))).collect();
    let char_of = |byte: usize| -> usize {
        match mapped.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => mapped.get(i).map_or(byte, |&(_, c)| c),
            Err(_) => byte,
        }
    };
    let signals = dated
        .signals
        .iter()
        .enumerate()
        .map(|(index, s)| {
            Py::new(
                py,
                Signal {
                    index,
                    kind: s.kind.as_str(),
                    role: s.role.as_str(),
                    date: s.date,
                    text: span_text(&text, s.span.clone()),
                    start: char_of(s.span.start),
                    end: char_of(s.span.end),
                    error: s.error.as_ref().map(ToString::to_string),
                    doubtful: s.doubtful,
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    let conflicts = dated
        .conflicts
        .iter()
        .map(|c| {
            Py::new(
                py,
                Conflict {
                    date: c.date,
                    days: c.days,
                    signals: c.signals.clone(),
                    texts: c
                        .signals
                        .iter()
                        .map(|&i| {
                            dated
                                .signals
                                .get(i)
                                .map_or(String::new(), |s| span_text(&text, s.span.clone()))
                        })
                        .collect(),
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    let body_dates = dated
        .body_dates
        .iter()
        .map(|b| {
            Py::new(
                py,
                BodyDate {
                    text: span_text(&text, b.span.clone()),
                    start: char_of(b.span.start),
                    end: char_of(b.span.end),
                    resolution: b.resolution.as_str(),
                    kind: b.kind.as_str(),
                    precision: b.precision.as_str(),
                    tense: b.tense.as_str(),
                    range_with: b.range_with,
                    date: b.date,
                    month: b.month,
                    error: b.error.as_ref().map(ToString::to_string),
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    let invalid = dated
        .invalid
        .iter()
        .map(|f| {
            let span = f.span();
            Py::new(
                py,
                Found {
                    kind: f.kind().as_str(),
                    text: span_text(&text, span.clone()),
                    date: None,
                    start: char_of(span.start),
                    end: char_of(span.end),
                    valid: f.is_valid(),
                    error: f.error().map(ToString::to_string),
                    error_kind: f.error().map(|e| e.kind().as_str()),
                    inner: f.clone(),
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Article {
        dated,
        reference,
        signals,
        conflicts,
        body_dates,
        invalid,
    })
}

/// The name of a value's type, for error messages.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// Whether a value is a missing value: None, a float NaN, pandas' `NA` or `NaT`.
fn is_missing(value: &Bound<'_, PyAny>) -> bool {
    if value.is_none() {
        return true;
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    matches!(type_name(value).as_str(), "NAType" | "NaTType")
}

/// A reference date, in the dialect of the command-line tool and the web page
/// (`kcna_dates_edge::reference`): a `date`; a `datetime` or pandas `Timestamp` (an aware one is
/// taken as its date in Pyongyang time, a naive one as its own date); a string `YYYY-MM-DD`
/// (strictly), an RFC 3339 timestamp with its offset or epoch digits; an int (or a whole float)
/// of epoch seconds or milliseconds, taken in Pyongyang time; or a missing value (blank text
/// too). `index` names the position in a batch for errors.
fn reference_of(value: &Bound<'_, PyAny>, index: Option<usize>) -> PyResult<Option<NaiveDate>> {
    if is_missing(value) {
        return Ok(None);
    }
    let at = index.map_or_else(|| "reference: ".to_owned(), |i| format!("reference[{i}]: "));
    let bad = |message: String| PyValueError::new_err(format!("{at}{message}"));
    if let Ok(s) = value.cast::<PyString>() {
        return kcna_dates_edge::reference::parse_optional(&s.to_cow()?).map_err(bad);
    }
    if value.cast::<PyBool>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "{at}expected a date, datetime, date string, epoch number or None as reference, got bool"
        )));
    }
    if value.cast::<PyInt>().is_ok() {
        let n: i64 = value
            .extract()
            .map_err(|_| bad(format!("epoch time {value} is out of range")))?;
        return kcna_dates_edge::reference::epoch_day(n)
            .map(Some)
            .map_err(bad);
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        let f = f.value();
        // Whole and well inside i64 (pandas turns an int column with gaps into floats).
        #[allow(clippy::cast_possible_truncation)]
        return if f.fract() == 0.0 && f.abs() < 9.0e18 {
            kcna_dates_edge::reference::epoch_day(f as i64)
                .map(Some)
                .map_err(bad)
        } else {
            Err(bad(format!(
                "{f} is not a whole number of epoch seconds or milliseconds"
            )))
        };
    }
    if let Ok(aware) = value.extract::<DateTime<FixedOffset>>() {
        return Ok(Some(to_pyongyang(aware.to_utc()).date_naive()));
    }
    value.extract::<NaiveDate>().map(Some).map_err(|_| {
        PyTypeError::new_err(format!(
            "{at}expected a date, datetime, date string, epoch number or None as reference, got {}",
            type_name(value)
        ))
    })
}

/// The texts of a batch: str or a missing value (None, NaN, `pd.NA`) for each item. Anything
/// else raises `TypeError` naming its position (a str with lone surrogates `ValueError`), or with
/// `coerce` counts as a missing text.
fn texts_of(texts: &Bound<'_, PyAny>, coerce: bool) -> PyResult<Vec<Option<String>>> {
    let mut out = Vec::with_capacity(texts.len().unwrap_or(0));
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        if let Ok(s) = item.cast::<PyString>() {
            // A str with lone surrogates (what `surrogateescape` makes of bytes that are not
            // UTF-8) is not text: an unreadable record, as a line that is not UTF-8 is to the
            // CLI and the page.
            match s.to_cow() {
                Ok(text) => out.push(Some(text.into_owned())),
                Err(_) if coerce => out.push(None),
                Err(err) => {
                    return Err(PyValueError::new_err(format!(
                        "texts[{i}]: not valid Unicode text: {err}"
                    )));
                }
            }
        } else if is_missing(&item) || coerce {
            out.push(None);
        } else {
            return Err(PyTypeError::new_err(format!(
                "texts[{i}]: expected str or None, got {}",
                type_name(&item)
            )));
        }
    }
    Ok(out)
}

/// What the batch API gives of one dated article.
#[derive(Clone, Copy, Debug)]
struct Summary {
    date: Option<NaiveDate>,
    source_kind: Option<&'static str>,
    doubtful: bool,
    conflicts: usize,
    body_dates: usize,
}

impl Summary {
    fn of(dated: &ArticleDate) -> Summary {
        Summary {
            date: dated.publication_date,
            source_kind: dated
                .source
                .and_then(|i| dated.signals.get(i))
                .map(|s| s.kind.as_str()),
            doubtful: dated.doubtful,
            conflicts: dated.conflicts.len(),
            body_dates: dated.body_dates.len(),
        }
    }
}

/// The summary of each of `texts` (`None` for a missing text), on up to `threads` threads.
fn date_all(
    texts: &[Option<String>],
    references: &References,
    grace_days: u32,
    threads: usize,
) -> Vec<Option<Summary>> {
    let one = |i: usize, text: &Option<String>| -> Option<Summary> {
        let text = text.as_deref()?;
        let reference = match references {
            References::One(r) => *r,
            References::Each(all) => all.get(i).copied().flatten(),
        };
        Some(Summary::of(&kcna_dates::date_article(
            text,
            &options(reference, grace_days),
        )))
    };
    let threads = threads.clamp(1, 64);
    if threads == 1 || texts.len() < 64 {
        return texts.iter().enumerate().map(|(i, t)| one(i, t)).collect();
    }
    // Small chunks handed out in turn, so a run of long articles does not idle a thread.
    let chunk = (texts.len() / threads.saturating_mul(16)).clamp(16, 4096);
    let chunks: Vec<(usize, &[Option<String>])> = texts
        .chunks(chunk)
        .enumerate()
        .map(|(n, c)| (n.saturating_mul(chunk), c))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, Vec<Option<Summary>>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&(first, items)) = chunks.get(n) else {
                            break;
                        };
                        let dates = items
                            .iter()
                            .enumerate()
                            .map(|(k, t)| one(first.saturating_add(k), t))
                            .collect();
                        done.push((first, dates));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    results.sort_unstable_by_key(|&(first, _)| first);
    let out: Vec<Option<Summary>> = results.into_iter().flat_map(|(_, d)| d).collect();
    if out.len() == texts.len() {
        out
    } else {
        // A worker was lost (it cannot panic, but never return a short column): redo serially.
        texts.iter().enumerate().map(|(i, t)| one(i, t)).collect()
    }
}

enum References {
    One(Option<NaiveDate>),
    Each(Vec<Option<NaiveDate>>),
}

/// Whether `errors` is `"coerce"` (else `"raise"`; anything else is a `ValueError`).
fn coerces(errors: &str) -> PyResult<bool> {
    match errors {
        "raise" => Ok(false),
        "coerce" => Ok(true),
        other => Err(PyValueError::new_err(format!(
            "errors must be \"raise\" or \"coerce\", not {other:?}"
        ))),
    }
}

/// The number of threads: `threads`, or every core. 0 is refused, as the CLI refuses it.
fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err(
            "threads must be at least 1 (None: one per core)",
        )),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, NonZeroUsize::get)),
    }
}

/// Reads a batch and dates it with the GIL released: the common core of `_date_articles` and
/// `date_articles_frame`. With `coerce`, an unreadable text or reference makes its record
/// undated (`None`) instead of raising.
fn summarize(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    reference: &Bound<'_, PyAny>,
    per_item: bool,
    grace_days: u32,
    threads: Option<usize>,
    errors: &str,
) -> PyResult<Vec<Option<Summary>>> {
    let coerce = coerces(errors)?;
    let threads = thread_count(threads)?;
    let mut texts = texts_of(texts, coerce)?;
    let references = if per_item {
        let mut all = Vec::with_capacity(texts.len());
        for (i, r) in reference.try_iter()?.enumerate() {
            match reference_of(&r?, Some(i)) {
                Ok(r) => all.push(r),
                Err(_) if coerce => {
                    // The record is unreadable: no date, whatever its text says.
                    if let Some(text) = texts.get_mut(i) {
                        *text = None;
                    }
                    all.push(None);
                }
                Err(err) => return Err(err),
            }
        }
        if all.len() != texts.len() {
            return Err(PyValueError::new_err(format!(
                "reference has {} items but texts has {}: give one reference or one per text",
                all.len(),
                texts.len()
            )));
        }
        References::Each(all)
    } else {
        References::One(reference_of(reference, None)?)
    };
    Ok(py.detach(|| date_all(&texts, &references, grace_days, threads)))
}

/// The batch API's core: dates every text with the GIL released, on all cores.
///
/// `texts`: an iterable of str or missing values. `reference`: one reference (see
/// `reference_of`) when `per_item` is false, else an iterable of them of the same length.
/// `errors`: `"raise"` (the first unreadable text or reference raises) or `"coerce"` (its date is
/// None). Returns a list of `date | None`, or with `as_days` the dates as little-endian int64
/// days since 1970-01-01 (`-2**63` for none: numpy's `NaT`) in a `bytes`. With `frame`, returns
/// the columns of `date_articles_frame` instead: `(publication_date, source_kind, doubtful,
/// conflicts, body_dates)`, the dates as above and each other a list with `None` for a missing
/// (or, with `"coerce"`, unreadable) record.
#[pyfunction]
#[pyo3(signature = (texts, reference, per_item, grace_days, as_days, threads = None, errors = "raise", frame = false))]
#[allow(clippy::too_many_arguments)]
fn _date_articles<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    reference: &Bound<'py, PyAny>,
    per_item: bool,
    grace_days: u32,
    as_days: bool,
    threads: Option<usize>,
    errors: &str,
    frame: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let summaries = summarize(py, texts, reference, per_item, grace_days, threads, errors)?;
    let dates = summaries.iter().map(|s| s.and_then(|s| s.date));
    let dates = if as_days {
        PyBytes::new(py, &days_of(dates)).into_any()
    } else {
        PyList::new(py, dates)?.into_any()
    };
    if !frame {
        return Ok(dates);
    }
    let kinds = PyList::new(py, summaries.iter().map(|s| s.and_then(|s| s.source_kind)))?;
    let doubtful = PyList::new(py, summaries.iter().map(|s| s.map(|s| s.doubtful)))?;
    let conflicts = PyList::new(py, summaries.iter().map(|s| s.map(|s| s.conflicts)))?;
    let body = PyList::new(py, summaries.iter().map(|s| s.map(|s| s.body_dates)))?;
    let columns = [
        dates,
        kinds.into_any(),
        doubtful.into_any(),
        conflicts.into_any(),
        body.into_any(),
    ];
    Ok(PyTuple::new(py, columns)?.into_any())
}

/// Dates as little-endian int64 days since 1970-01-01, `i64::MIN` (numpy's `NaT`) for none.
fn days_of(dates: impl Iterator<Item = Option<NaiveDate>>) -> Vec<u8> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let mut bytes = Vec::new();
    for d in dates {
        let days = d.map_or(i64::MIN, |d| d.signed_duration_since(epoch).num_days());
        bytes.extend_from_slice(&days.to_le_bytes());
    }
    bytes
}

/// The `kcna_dates._kcna_dates` extension module.
#[pymodule]
fn _kcna_dates(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ParseError", m.py().get_type::<ParseError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_GRACE_DAYS", DEFAULT_GRACE_DAYS)?;
    m.add("JUCHE_OFFSET", kcna_dates::JUCHE_OFFSET)?;
    m.add("CSV_HEADER", kcna_dates_edge::csv::header())?;
    m.add_class::<Found>()?;
    m.add_class::<Signal>()?;
    m.add_class::<Conflict>()?;
    m.add_class::<BodyDate>()?;
    m.add_class::<Article>()?;
    m.add_function(wrap_pyfunction!(parse_date, m)?)?;
    m.add_function(wrap_pyfunction!(parse_dmy, m)?)?;
    m.add_function(wrap_pyfunction!(parse_juche, m)?)?;
    m.add_function(wrap_pyfunction!(to_juche, m)?)?;
    m.add_function(wrap_pyfunction!(juche_year, m)?)?;
    m.add_function(wrap_pyfunction!(scan, m)?)?;
    m.add_function(wrap_pyfunction!(date_article, m)?)?;
    m.add_function(wrap_pyfunction!(_date_articles, m)?)?;
    Ok(())
}
