//! The one error type of the crate: a kind, the byte span of the fault, and a message.

use core::fmt;
use core::ops::Range;

use crate::calendar::{max_day, month_name, weekday_name};
use crate::kind::NotationKind;
use chrono::{NaiveDate, Weekday};

/// What a parser expected to read where it failed.
///
/// Carried by [`ErrorKind::Expected`]; its `Display` is the phrase used in error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// The keyword `Juche`.
    Juche,
    /// A year number.
    Year,
    /// A four-digit Gregorian year.
    Year4,
    /// A month number (1-12).
    Month,
    /// A day number (1-31).
    Day,
    /// A month name such as `November` or `Dec.`.
    MonthName,
    /// A full month name such as `November`.
    FullMonthName,
    /// A weekday name such as `Monday`.
    Weekday,
    /// A place name starting with a capital letter.
    Place,
    /// A news agency tag of KCNA's closed list, such as `KCNA` or `KNS-KCNA`.
    Agency,
    /// One exact punctuation character or text, such as `.` or `(`.
    Literal(&'static str),
    /// One or more spaces.
    Space,
    /// The end of the input (something followed a complete notation).
    End,
    /// Any of the notations this crate reads.
    Notation,
    /// One of these notations (the ones tried, none of which matched at all).
    OneOf(&'static [NotationKind]),
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Juche => f.write_str("`Juche`"),
            Expected::Year => f.write_str("year"),
            Expected::Year4 => f.write_str("four-digit year"),
            Expected::Month => f.write_str("month"),
            Expected::Day => f.write_str("day"),
            Expected::MonthName => f.write_str("month name"),
            Expected::FullMonthName => f.write_str("full month name"),
            Expected::Weekday => f.write_str("weekday name"),
            Expected::Place => f.write_str("place name"),
            Expected::Agency => f.write_str("news agency tag such as `KCNA`"),
            Expected::Literal(text) => write!(f, "`{text}`"),
            Expected::Space => f.write_str("space"),
            Expected::End => f.write_str("end of input"),
            Expected::Notation => f.write_str("a KCNA date notation"),
            Expected::OneOf(kinds) => {
                f.write_str("a KCNA date notation (")?;
                for (i, kind) in kinds.iter().enumerate() {
                    let sep = match i {
                        0 => "",
                        _ if i.saturating_add(1) == kinds.len() => " or ",
                        _ => ", ",
                    };
                    write!(f, "{sep}{}", kind.description())?;
                }
                f.write_str(")")
            }
        }
    }
}

/// Which field of a value a constructor was given out of range (see [`ErrorKind::OutOfRange`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// A Gregorian year.
    Year,
    /// A Juche year.
    JucheYear,
    /// A month, 1-12.
    Month,
    /// A day of the month.
    Day,
    /// A year of the Korean lunar calendar ([`LunarDate`](crate::LunarDate)).
    LunarYear,
}

impl Field {
    /// A short stable name: `year`, `juche_year`, `month`, `day`, `lunar_year`.
    ///
    /// ```
    /// assert_eq!(kcna_dates::Field::LunarYear.as_str(), "lunar_year");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Field::Year => "year",
            Field::JucheYear => "juche_year",
            Field::Month => "month",
            Field::Day => "day",
            Field::LunarYear => "lunar_year",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::Year => "year",
            Field::JucheYear => "Juche year",
            Field::Month => "month",
            Field::Day => "day",
            Field::LunarYear => "lunar year",
        })
    }
}

/// What went wrong. Matched on by callers; the [`Error`]'s message says it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text does not have the shape of the notation: `expected` was wanted at the span.
    Expected(Expected),
    /// A complete notation was followed by more text (strict parsing only).
    TrailingInput,
    /// A day that exists in some years but not in this one: `29/02/2023`.
    NoSuchDate {
        /// The Gregorian year.
        year: i32,
        /// The month (1-12).
        month: u32,
        /// The day.
        day: u32,
    },
    /// A number outside the range of its field, read from text or given to a constructor, as
    /// icu4x's `RangeError`: month 13, day 0, `April 31`, Juche year 0, a year chrono cannot hold.
    /// Read from text, its span covers the number; given to a constructor, it is empty (there is
    /// no text).
    ///
    /// ```
    /// use kcna_dates::{ErrorKind, Field, JucheYear};
    /// let err = JucheYear::new(0).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::OutOfRange { field: Field::JucheYear, value: 0, min: 1, max: 260231 });
    /// assert_eq!(err.to_string(), "Juche year 0 is out of range, expected 1 to 260231");
    ///
    /// // A day read with its month: the bounds are that month's (in a leap year).
    /// let err = kcna_dates::parse_dmy("31/04/2024").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::OutOfRange { field: Field::Day, value: 31, min: 1, max: 30 });
    /// assert_eq!(err.to_string(), "day 31 is out of range for April, expected 1 to 30");
    /// ```
    OutOfRange {
        /// The field.
        field: Field,
        /// The value read or given.
        value: i64,
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
    },
    /// A number with too many digits to be read at all (more than a `u32` holds), so that it has
    /// no value to report: `Juche99999999999999999999.1.1.`. Its span covers the digits.
    ///
    /// ```
    /// use kcna_dates::{ErrorKind, Field, JucheDate};
    /// let err = "Juche99999999999999999999.1.1.".parse::<JucheDate>().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::NumberTooLong { field: Field::JucheYear });
    /// assert_eq!(err.to_string(), "Juche year `99999999999999999999` has too many digits");
    /// ```
    NumberTooLong {
        /// The field the number was read for.
        field: Field,
    },
    /// A date before 1912-01-01 cannot be written as a Juche date.
    BeforeJuche {
        /// The date that was to be converted.
        date: NaiveDate,
    },
    /// The Juche year and the Gregorian year given with it disagree: `Juche 29 (1930)`.
    YearMismatch {
        /// The Juche year read.
        juche: u32,
        /// The Gregorian year read.
        gregorian: i32,
    },
    /// The weekday given with a date is not that date's weekday.
    WeekdayMismatch {
        /// The date read.
        date: NaiveDate,
        /// The weekday the text gave.
        given: Weekday,
        /// The weekday the date falls on.
        actual: Weekday,
    },
    /// A date without a year (a dateline, `on Monday`) and nothing to take the year from: no
    /// stamp in the text and no reference date.
    NoReference,
    /// A dateline's month and day do not occur in the year before the reference date (plus grace):
    /// `February 29` resolved against 2023-03-01.
    Unresolvable {
        /// The dateline's month.
        month: u32,
        /// The dateline's day.
        day: u32,
        /// The reference date the year was to be taken from.
        reference: NaiveDate,
    },
    /// A leap month that the lunar year does not have: `LunarDate::new(2024, 2, true, 1)` (2024 has
    /// no leap month; 2023 has a leap second month). See [`LunarDate`](crate::LunarDate).
    ///
    /// ```
    /// use kcna_dates::{ErrorKind, LunarDate};
    /// let err = LunarDate::new(2024, 2, true, 1).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::NoLeapMonth { year: 2024, month: 2 });
    /// assert_eq!(err.to_string(), "lunar year 2024 has no leap month 2");
    /// ```
    NoLeapMonth {
        /// The lunar year.
        year: i32,
        /// The month whose leap month was asked for (1-12).
        month: u32,
    },
}

impl ErrorKind {
    /// A short stable name for the kind, for logs and JSON: `expected`, `trailing_input`,
    /// `out_of_range`, `number_too_long`, `no_such_date`, `before_juche`, `year_mismatch`,
    /// `weekday_mismatch`, `no_reference`, `unresolvable`, `no_leap_month`.
    ///
    /// ```
    /// let err = kcna_dates::parse_dmy("08/13/2022").unwrap_err();
    /// assert_eq!(err.kind().as_str(), "out_of_range");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorKind::Expected(_) => "expected",
            ErrorKind::TrailingInput => "trailing_input",
            ErrorKind::NoSuchDate { .. } => "no_such_date",
            ErrorKind::OutOfRange { .. } => "out_of_range",
            ErrorKind::NumberTooLong { .. } => "number_too_long",
            ErrorKind::BeforeJuche { .. } => "before_juche",
            ErrorKind::YearMismatch { .. } => "year_mismatch",
            ErrorKind::WeekdayMismatch { .. } => "weekday_mismatch",
            ErrorKind::NoReference => "no_reference",
            ErrorKind::Unresolvable { .. } => "unresolvable",
            ErrorKind::NoLeapMonth { .. } => "no_leap_month",
        }
    }
}

/// The error of every fallible operation of this crate.
///
/// It says what was wrong ([`kind`](Error::kind)), where ([`span`](Error::span): byte offsets
/// into the parsed input, on `char` boundaries; empty at the end of input), and, through
/// `Display`, what was expected:
///
/// ```
/// let err = "Juche111.11.".parse::<kcna_dates::JucheDate>().unwrap_err();
/// assert_eq!(err.to_string(), "expected day after `Juche111.11.`, but found end of input");
/// assert_eq!(err.span(), 12..12);
/// ```
//
// One pointer wide, as jiff's and serde_json's errors: `Result<NaiveDate, Error>` is two words
// and comes back in registers, and an error costs one allocation, not the success path.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    inner: Box<Inner>,
}

/// What an [`Error`] holds.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    span: Range<usize>,
    context: Option<Context>,
    /// The month a day out of range was read with, named in the message (`for April`).
    day_of: Option<u32>,
}

/// Text around the fault, copied from the input when a strict parser builds the error.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Context {
    /// The input before the fault (its tail, when long).
    before: String,
    /// The text of the span (its head, when long).
    at: String,
    /// The first character after the start of the span, if any.
    found: Option<char>,
}

/// How much of the input an error message quotes on each side of the fault.
const QUOTE_CHARS: usize = 32;

impl Error {
    /// An error of `kind` at `span`, without quoted context.
    pub(crate) fn new(kind: ErrorKind, span: Range<usize>) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                span,
                context: None,
                day_of: None,
            }),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The byte range of the fault in the input. Empty (`n..n`) when the fault is the end of
    /// input or a missing piece at offset `n`; for a value out of range it covers the value.
    pub fn span(&self) -> Range<usize> {
        self.inner.span.clone()
    }

    /// The error of a constructor given `value` for `field`, outside `min..=max`.
    pub(crate) fn out_of_range(field: Field, value: impl Into<i64>, min: i64, max: i64) -> Error {
        Error::new(
            ErrorKind::OutOfRange {
                field,
                value: value.into(),
                min,
                max,
            },
            0..0,
        )
    }

    /// The error of `value`, read from text at `span` for `field`, outside `min..=max`.
    pub(crate) fn out_of_range_at(
        field: Field,
        value: impl Into<i64>,
        min: i64,
        max: i64,
        span: Range<usize>,
    ) -> Error {
        Error::out_of_range(field, value, min, max).at(span)
    }

    /// The error of `day`, read from text at `span` with `month` (1-12), outside 1 to the month's
    /// last day in a leap year; the message names the month.
    pub(crate) fn day_out_of_range(month: u32, day: u32, span: Range<usize>) -> Error {
        let mut err = Error::out_of_range_at(Field::Day, day, 1, i64::from(max_day(month)), span);
        err.inner.day_of = Some(month);
        err
    }

    /// The error of a number for `field` whose digits at `span` are too many to read.
    pub(crate) fn number_too_long(field: Field, span: Range<usize>) -> Error {
        Error::new(ErrorKind::NumberTooLong { field }, span)
    }

    /// The same error at `span`.
    fn at(mut self, span: Range<usize>) -> Error {
        self.inner.span = span;
        self
    }

    /// Moves the span by `offset` bytes (for errors found inside a larger text).
    pub(crate) fn shifted(mut self, offset: usize) -> Error {
        self.inner.span = self.inner.span.start.saturating_add(offset)
            ..self.inner.span.end.saturating_add(offset);
        self
    }

    /// Copies the text around the span from `input` so the message can quote it.
    pub(crate) fn with_input(mut self, input: &str) -> Error {
        let before = input.get(..self.inner.span.start).unwrap_or("");
        let skip = before.chars().count().saturating_sub(QUOTE_CHARS);
        let before: String = before.chars().skip(skip).collect();
        let after = input.get(self.inner.span.start..).unwrap_or("");
        let at_text = input.get(self.inner.span.clone()).unwrap_or("");
        self.inner.context = Some(Context {
            before,
            at: at_text.chars().take(QUOTE_CHARS).collect(),
            found: after.chars().next(),
        });
        self
    }

    fn write_found(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.inner.context.as_ref().map(|c| c.found) {
            Some(None) => f.write_str("end of input"),
            Some(Some(c)) => write!(f, "`{}`", c.escape_debug()),
            None if self.inner.span.is_empty() => {
                write!(f, "nothing at byte {}", self.inner.span.start)
            }
            None => write!(f, "something else at bytes {:?}", self.inner.span),
        }
    }

    /// The quoted text of the span, or its byte range when no input was attached.
    fn write_at(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.inner.context.as_ref() {
            Some(c) => write!(f, " `{}`", c.at.escape_debug()),
            None if self.inner.span.is_empty() => Ok(()),
            None => write!(f, " at bytes {:?}", self.inner.span),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.inner.kind {
            ErrorKind::Expected(expected) => {
                write!(f, "expected {expected} ")?;
                match self.inner.context.as_ref() {
                    Some(c) if c.before.is_empty() => f.write_str("at start of input")?,
                    Some(c) => write!(f, "after `{}`", c.before.escape_debug())?,
                    None => write!(f, "at byte {}", self.inner.span.start)?,
                }
                f.write_str(", but found ")?;
                self.write_found(f)
            }
            ErrorKind::TrailingInput => {
                f.write_str("expected end of input ")?;
                match self.inner.context.as_ref() {
                    Some(c) => write!(f, "after `{}`", c.before.escape_debug())?,
                    None => write!(f, "at byte {}", self.inner.span.start)?,
                }
                f.write_str(", but found ")?;
                self.write_found(f)
            }
            ErrorKind::NoSuchDate { year, month, day } => match month_name(month) {
                Some(name) => write!(f, "{name} {day} does not exist in {year}"),
                None => write!(f, "day {day} of month {month} does not exist in {year}"),
            },
            ErrorKind::OutOfRange {
                field,
                value,
                min,
                max,
            } => {
                write!(f, "{field} {value} is out of range")?;
                if let Some(name) = self.inner.day_of.and_then(month_name) {
                    write!(f, " for {name}")?;
                }
                write!(f, ", expected {min} to {max}")
            }
            ErrorKind::NumberTooLong { field } => {
                write!(f, "{field}")?;
                self.write_at(f)?;
                f.write_str(" has too many digits")
            }
            ErrorKind::BeforeJuche { date } => write!(
                f,
                "{date} is before 1912-01-01 (Juche 1) and has no Juche date; DPRK practice writes such years in Gregorian only"
            ),
            ErrorKind::YearMismatch { juche, gregorian } => {
                match crate::calendar::to_gregorian_year(juche) {
                    Some(expected) => write!(
                        f,
                        "Juche {juche} is {expected}, but the text gives {gregorian}"
                    ),
                    None => write!(
                        f,
                        "Juche {juche} is out of range, but the text gives {gregorian}"
                    ),
                }
            }
            ErrorKind::WeekdayMismatch {
                date,
                given,
                actual,
            } => write!(
                f,
                "{date} is a {}, but the text gives {}",
                weekday_name(actual),
                weekday_name(given)
            ),
            ErrorKind::NoReference => {
                f.write_str("no year: the text has no stamp and no reference date was given")
            }
            ErrorKind::Unresolvable {
                month,
                day,
                reference,
            } => {
                let name = month_name(month).unwrap_or("?");
                write!(
                    f,
                    "{name} {day} does not occur in the year up to the reference date {reference} (plus grace)"
                )
            }
            ErrorKind::NoLeapMonth { year, month } => {
                write!(f, "lunar year {year} has no leap month {month}")
            }
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("span", &self.inner.span)
            .field("context", &self.inner.context)
            .finish()
    }
}

impl std::error::Error for Error {}
