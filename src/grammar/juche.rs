//! The Juche calendar: the Gregorian calendar with years counted from 1912.
//!
//! Juche year *N* is Gregorian year *N* + 1911, for *N* >= 1: Juche 1 is 1912, the year Kim Il Sung
//! was born, and Juche 111 is 2022. There are no "before Juche" years: DPRK practice writes years
//! before 1912 in Gregorian only. So converting a date before 1912-01-01 to Juche is an error
//! ([`ErrorKind::BeforeJuche`]), not year 0 or a negative year, and [`DprkYear`] writes such years as
//! plain Gregorian numbers.
//!
//! Two notations carry Juche years:
//!
//! ```text
//! JucheStamp ::= "Juche" Year "." Month "." Day "."?     Juche111.11.8.   Juche113.1.23
//! JucheYear  ::= "Juche" " "+ Year (" "* "(" Year4 ")")?  Juche 113 (2024)  Juche 81(1992)  Juche 99
//! Year       ::= Digit+          (1 or more; checked, so Juche99999999999999999999 is an error)
//! Year4      ::= Digit Digit Digit Digit (up to six digits, for the years after 9999 chrono has)
//! Month      ::= Digit Digit?    (1-12)
//! Day        ::= Digit Digit?    (valid for the month and year)
//! ```
//!
//! Notes from real text: KCNA's site stamped pages `Juche111.11.8.` from about February 2022 until
//! October 2024, month and day not zero-padded (`Juche113.1.23.`); the list pages put the same stamp
//! in brackets (`[Juche113.8.4.]`). `Juche 29 (1930)` is a real typo (29 + 1911 = 1940): the two years
//! of a `JucheYear` must agree. `Juche` alone is the name of an ideology, never a date.

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};
use nom::Parser;
use nom::combinator::{cut, map, opt};
use nom::sequence::delimited;

use crate::calendar::{FIRST_JUCHE_YEAR, MAX_JUCHE_YEAR, MAX_YEAR};
use crate::error::{Error, ErrorKind, Expected, Field};
use crate::grammar::fixed::{digit, two, upto_two_end, upto_two_then, ymd};
use crate::grammar::runtime::{
    Number, PResult, Prefix, checked_date, digits, digits_unbounded, lit, spaces, spaces0,
};

pub use crate::calendar::JUCHE_OFFSET;
pub(crate) use crate::calendar::{to_gregorian_year, to_juche_year};

/// A date stamped in the Juche calendar, as KCNA wrote `Juche111.11.8.` (8 November 2022).
///
/// A thin wrapper over a [`NaiveDate`] on or after 1912-01-01. `Display` and `FromStr` use the
/// canonical stamp (`Juche111.11.8.`: no padding, final dot); parsing also takes padded numbers
/// and a missing final dot.
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::JucheDate;
///
/// let stamp: JucheDate = "Juche111.11.8.".parse()?;
/// assert_eq!(NaiveDate::from(stamp), NaiveDate::from_ymd_opt(2022, 11, 8).unwrap());
/// assert_eq!(stamp.year(), 111);
///
/// let date = NaiveDate::from_ymd_opt(2024, 8, 4).unwrap();
/// assert_eq!(JucheDate::try_from(date)?.to_string(), "Juche113.8.4.");
///
/// // Juche 1 is 1912: there is no Juche 0, and no Juche date before 1912.
/// assert!("Juche0.1.1.".parse::<JucheDate>().is_err());
/// assert!(JucheDate::try_from(NaiveDate::from_ymd_opt(1911, 12, 31).unwrap()).is_err());
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JucheDate {
    date: NaiveDate,
}

impl JucheDate {
    /// The earliest Juche date, Juche1.1.1. (1912-01-01).
    pub const MIN: JucheDate = JucheDate {
        date: match NaiveDate::from_ymd_opt(1912, 1, 1) {
            Some(date) => date,
            None => NaiveDate::MIN,
        },
    };

    /// The date of Juche year `year`, `month`, `day`.
    ///
    /// # Errors
    /// [`ErrorKind::OutOfRange`] for Juche year 0 or a year chrono cannot hold,
    /// [`ErrorKind::MonthOutOfRange`], [`ErrorKind::DayOutOfRange`] or [`ErrorKind::NoSuchDate`]
    /// for a day that does not exist.
    ///
    /// ```
    /// let d = kcna_dates::JucheDate::new(113, 2, 29)?; // 2024 is a leap year
    /// assert_eq!(d.to_string(), "Juche113.2.29.");
    /// assert!(kcna_dates::JucheDate::new(112, 2, 29).is_err());
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn new(year: u32, month: u32, day: u32) -> Result<JucheDate, Error> {
        let Some(gregorian) = to_gregorian_year(year).filter(|_| year >= 1) else {
            return Err(juche_year_out_of_range(year));
        };
        // Month and day errors carry their value and bounds (`MonthOutOfRange`, `DayOutOfRange`,
        // `NoSuchDate`), with an empty span: there is no text.
        checked_date(gregorian, 0..0, &Number::value(month), &Number::value(day))
            .map(|date| JucheDate { date })
    }

    /// The Juche year (111 for 2022).
    pub fn year(&self) -> u32 {
        // Every JucheDate is on or after 1912-01-01, so the year is at least 1.
        to_juche_year(self.date.year()).unwrap_or(1)
    }

    /// The month, 1-12.
    pub fn month(&self) -> u32 {
        self.date.month()
    }

    /// The day of the month, 1-31.
    pub fn day(&self) -> u32 {
        self.date.day()
    }

    /// The same day in the Gregorian calendar.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Reads a Juche stamp at the start of `input`, returning it and the number of bytes it took.
    ///
    /// Text after the stamp is left alone, for scanners.
    ///
    /// ```
    /// let (stamp, len) = kcna_dates::JucheDate::parse_prefix("Juche113.8.4.] Kim Jong Un")?;
    /// assert_eq!((stamp.to_string().as_str(), len), ("Juche113.8.4.", 13));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`FromStr`], except that trailing text is not an error.
    pub fn parse_prefix(input: &str) -> Result<(JucheDate, usize), Error> {
        prefix_stamp(input).into_result()
    }
}

/// The raw pieces of a Juche stamp.
pub(crate) struct RawStamp<'a> {
    year: &'a str,
    month: &'a str,
    day: &'a str,
}

/// `JucheStamp ::= "Juche" Year "." Month "." Day "."?`
fn stamp_grammar(input: &str) -> PResult<'_, RawStamp<'_>> {
    map(
        (
            lit("Juche"),
            digits_unbounded(Expected::Year),
            lit("."),
            digits(1, 2, Expected::Month),
            lit("."),
            digits(1, 2, Expected::Day),
            opt(lit(".")),
        ),
        |(_, year, _, month, _, day, _)| RawStamp { year, month, day },
    )
    .parse(input)
}

/// Reads a Juche stamp at the start of `input`.
pub(crate) fn prefix_stamp(input: &str) -> Prefix<JucheDate> {
    Prefix::run(input, stamp_grammar, |raw| {
        let year = Number::new(input, raw.year);
        let gregorian = checked_gregorian(&year)?;
        let date = checked_date(
            gregorian,
            year.span(),
            &Number::new(input, raw.month),
            &Number::new(input, raw.day),
        )?;
        Ok(JucheDate { date })
    })
}

/// The fast path's prefix reading of a Juche stamp, when it takes the common form.
pub(crate) fn fast_prefix_stamp(input: &str) -> Option<(crate::Notation, usize)> {
    fast_stamp_prefix(input)
        .map(|(date, len)| (crate::Notation::JucheStamp(JucheDate { date }), len))
}

/// The error of a constructor given Juche year `year`.
fn juche_year_out_of_range(year: u32) -> Error {
    Error::out_of_range(Field::JucheYear, year, 1, i64::from(MAX_JUCHE_YEAR))
}

/// The Gregorian year of a Juche year read from text.
fn checked_gregorian(juche: &Number) -> Result<i32, Error> {
    juche
        .value
        .filter(|&y| y >= 1)
        .and_then(to_gregorian_year)
        .ok_or_else(|| Error::new(ErrorKind::JucheYearOutOfRange, juche.span()))
}

impl FromStr for JucheDate {
    type Err = Error;

    /// Parses a whole Juche stamp: `Juche111.11.8.`, `Juche113.01.23`.
    fn from_str(input: &str) -> Result<JucheDate, Error> {
        match fast_stamp(input) {
            Some(date) => Ok(JucheDate { date }),
            None => prefix_stamp(input).strict(input),
        }
    }
}

impl fmt::Display for JucheDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Juche{}.{}.{}.", self.year(), self.month(), self.day())
    }
}

impl fmt::Debug for JucheDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JucheDate({self})")
    }
}

impl TryFrom<NaiveDate> for JucheDate {
    type Error = Error;

    /// # Errors
    /// [`ErrorKind::BeforeJuche`] for dates before 1912-01-01.
    fn try_from(date: NaiveDate) -> Result<JucheDate, Error> {
        if date < JucheDate::MIN.date {
            return Err(Error::new(ErrorKind::BeforeJuche { date }, 0..0));
        }
        Ok(JucheDate { date })
    }
}

impl From<JucheDate> for NaiveDate {
    fn from(stamp: JucheDate) -> NaiveDate {
        stamp.date
    }
}

/// A year written in the Juche calendar, optionally with its Gregorian year:
/// `Juche 113 (2024)`, `Juche 81(1992)`, or bare `Juche 99`.
///
/// When both years are written they must agree. `Display` gives `Juche 113 (2024)` when the
/// Gregorian year was given (or the value was built from one), `Juche 113` otherwise.
///
/// ```
/// use kcna_dates::{ErrorKind, JucheYear};
///
/// let year: JucheYear = "Juche 81(1992)".parse()?;
/// assert_eq!((year.juche(), year.gregorian()), (81, 1992));
/// assert_eq!(year.to_string(), "Juche 81 (1992)");
///
/// let typo = "Juche 29 (1930)".parse::<JucheYear>().unwrap_err();
/// assert_eq!(typo.kind(), ErrorKind::YearMismatch { juche: 29, gregorian: 1930 });
/// assert_eq!(typo.to_string(), "Juche 29 is 1940, but the text gives 1930");
///
/// // The ideology is not a date.
/// assert!("Juche idea".parse::<JucheYear>().is_err());
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct JucheYear {
    juche: u32,
    with_gregorian: bool,
}

impl JucheYear {
    /// Juche year `juche`, written without its Gregorian year.
    ///
    /// # Errors
    /// [`ErrorKind::OutOfRange`] (field [`Field::JucheYear`]) for 0 or a year chrono cannot hold.
    pub fn new(juche: u32) -> Result<JucheYear, Error> {
        match to_gregorian_year(juche).filter(|_| juche >= 1) {
            Some(_) => Ok(JucheYear {
                juche,
                with_gregorian: false,
            }),
            None => Err(juche_year_out_of_range(juche)),
        }
    }

    /// The Juche year of Gregorian `year`, written with both years (`Juche 111 (2022)`).
    ///
    /// # Errors
    /// [`ErrorKind::OutOfRange`] (field [`Field::Year`]) for years before 1912 or after 262142 (the last year of
    /// chrono's `NaiveDate`, Juche 260231).
    pub fn from_gregorian(year: i32) -> Result<JucheYear, Error> {
        match to_juche_year(year).filter(|&y| to_gregorian_year(y).is_some()) {
            Some(juche) => Ok(JucheYear {
                juche,
                with_gregorian: true,
            }),
            None => Err(Error::out_of_range(
                Field::Year,
                year,
                i64::from(FIRST_JUCHE_YEAR),
                i64::from(MAX_YEAR),
            )),
        }
    }

    /// The Juche year number.
    pub fn juche(&self) -> u32 {
        self.juche
    }

    /// The Gregorian year (Juche + 1911).
    pub fn gregorian(&self) -> i32 {
        // Checked at construction.
        to_gregorian_year(self.juche).unwrap_or(JUCHE_OFFSET)
    }

    /// Whether the text gave the Gregorian year too.
    pub fn has_gregorian(&self) -> bool {
        self.with_gregorian
    }

    /// Reads a Juche year at the start of `input`, returning it and the number of bytes it took.
    ///
    /// # Errors
    /// As [`FromStr`], except that trailing text is not an error.
    pub fn parse_prefix(input: &str) -> Result<(JucheYear, usize), Error> {
        prefix_year(input).into_result()
    }
}

/// The raw pieces of a Juche year.
pub(crate) struct RawYear<'a> {
    juche: &'a str,
    gregorian: Option<&'a str>,
}

/// `JucheYear ::= "Juche" " "+ Year (" "* "(" Year4 ")")?`
pub(crate) fn year_grammar(input: &str) -> PResult<'_, RawYear<'_>> {
    map(
        (
            lit("Juche"),
            spaces,
            digits_unbounded(Expected::Year),
            opt(gregorian_in_parens),
        ),
        |(_, _, juche, gregorian)| RawYear { juche, gregorian },
    )
    .parse(input)
}

/// `" "* "(" Year4 ")"`, where `Year4` may run to six digits so that `Display` of a year after
/// 9999 (`JucheYear::from_gregorian(10000)`) reads back.
///
/// Once `(` and a year are read the group is committed (`cut`): `Juche 113 (2024` lacks its `)`,
/// it is not the bare `Juche 113` followed by text. `Juche 113 (see below)` is the bare year.
fn gregorian_in_parens(input: &str) -> PResult<'_, &str> {
    delimited(
        (spaces0, lit("(")),
        digits(4, 6, Expected::Year4),
        cut(lit(")")),
    )
    .parse(input)
}

/// Checks the raw pieces of a Juche year read in `full`.
pub(crate) fn validate_year(full: &str, raw: &RawYear<'_>) -> Result<JucheYear, Error> {
    let juche = Number::new(full, raw.juche);
    checked_gregorian(&juche)?;
    let juche_value = juche.value.unwrap_or(0);
    if let Some(text) = raw.gregorian {
        let gregorian = Number::new(full, text);
        let given = gregorian
            .value
            .and_then(|g| i32::try_from(g).ok())
            .unwrap_or(0);
        if to_gregorian_year(juche_value) != Some(given) {
            let span = juche.start..gregorian.span().end;
            return Err(Error::new(
                ErrorKind::YearMismatch {
                    juche: juche_value,
                    gregorian: given,
                },
                span,
            ));
        }
    }
    Ok(JucheYear {
        juche: juche_value,
        with_gregorian: raw.gregorian.is_some(),
    })
}

/// Reads a Juche year at the start of `input`.
pub(crate) fn prefix_year(input: &str) -> Prefix<JucheYear> {
    Prefix::run(input, year_grammar, |raw| validate_year(input, &raw))
}

impl FromStr for JucheYear {
    type Err = Error;

    /// Parses a whole Juche year: `Juche 113 (2024)`, `Juche 81(1992)`, `Juche 99`.
    fn from_str(input: &str) -> Result<JucheYear, Error> {
        prefix_year(input).strict(input)
    }
}

impl fmt::Display for JucheYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.with_gregorian {
            write!(f, "Juche {} ({})", self.juche, self.gregorian())
        } else {
            write!(f, "Juche {}", self.juche)
        }
    }
}

/// A Gregorian year written the DPRK way: `Juche 111 (2022)` from 1912 on, plain `1682` before.
///
/// ```
/// use kcna_dates::DprkYear;
/// assert_eq!(DprkYear(2022).to_string(), "Juche 111 (2022)");
/// assert_eq!(DprkYear(1912).to_string(), "Juche 1 (1912)");
/// assert_eq!(DprkYear(1911).to_string(), "1911");
/// assert_eq!(DprkYear(1682).to_string(), "1682");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct DprkYear(pub i32);

impl fmt::Display for DprkYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match to_juche_year(self.0) {
            Some(juche) => write!(f, "Juche {juche} ({})", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The fast path: the common form read at byte level, proven equal to the grammar (see
// `crate::grammar::fixed`).

/// `"Juche" Y{1,3} "." M{1,2} "." D{1,2} "."?` at the start of `input`: the date and the bytes it
/// takes (the final dot when present), as the grammar's prefix reading when that is valid.
pub(crate) fn fast_stamp_prefix(input: &str) -> Option<(NaiveDate, usize)> {
    let bytes = input.as_bytes();
    let rest = bytes.strip_prefix(b"Juche")?;
    let (juche, rest) = match *rest {
        [a, b'.', ref rest @ ..] => (digit(a)?, rest),
        [a, b, b'.', ref rest @ ..] => (two(a, b)?, rest),
        [a, b, c, b'.', ref rest @ ..] => {
            (two(a, b)?.checked_mul(10)?.checked_add(digit(c)?)?, rest)
        }
        _ => return None,
    };
    if juche == 0 {
        return None;
    }
    let (month, rest) = upto_two_then(rest, b'.')?;
    let (day, _, rest) = upto_two_end(rest)?;
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    let date = ymd(juche.checked_add(JUCHE_OFFSET.unsigned_abs())?, month, day)?;
    Some((date, bytes.len().checked_sub(rest.len())?))
}

/// `"Juche" Y{1,3} "." M{1,2} "." D{1,2} "."?`, the whole input.
pub(crate) fn fast_stamp(input: &str) -> Option<NaiveDate> {
    fast_stamp_prefix(input).and_then(|(date, len)| (len == input.len()).then_some(date))
}
