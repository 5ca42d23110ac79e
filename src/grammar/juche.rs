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
use crate::grammar::fixed::{self, four_end, upto_three_end, upto_two_end, upto_two_then, ymd};
use crate::grammar::runtime::{
    Number, PResult, Prefix, checked_date, digits, digits_unbounded, juche_year_out_of_range_at,
    juche_years, lit, spaces, spaces0,
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
    /// [`ErrorKind::OutOfRange`] for a month or day out of range (with [`Field::Month`] or
    /// [`Field::Day`]), or [`ErrorKind::NoSuchDate`] for a day that does not exist.
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
        // Month and day errors carry their value and bounds (`OutOfRange`, `NoSuchDate`), with an
        // empty span: there is no text.
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

/// The error of a constructor given Juche year `year`.
fn juche_year_out_of_range(year: u32) -> Error {
    Error::out_of_range(Field::JucheYear, year, 1, i64::from(MAX_JUCHE_YEAR))
}

/// The Gregorian year of a Juche year read from text.
fn checked_gregorian(juche: &Number) -> Result<i32, Error> {
    let value = juche.parsed(Field::JucheYear)?;
    Some(value)
        .filter(|&y| y >= 1)
        .and_then(to_gregorian_year)
        .ok_or_else(|| juche_year_out_of_range_at(value, juche.span()))
}

/// The whole of `input` as a Juche stamp, by the grammar (the fast path's fallback, kept out of
/// line so that `from_str` inlines into its caller as a byte check and a call).
fn strict_stamp(input: &str) -> Result<JucheDate, Error> {
    prefix_stamp(input).strict(input)
}

impl FromStr for JucheDate {
    type Err = Error;

    /// Parses a whole Juche stamp: `Juche111.11.8.`, `Juche113.01.23`.
    #[inline]
    fn from_str(input: &str) -> Result<JucheDate, Error> {
        match fast_stamp(input) {
            Some(date) => Ok(JucheDate { date }),
            None => strict_stamp(input),
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
    let gregorian = raw.gregorian.map(|text| Number::new(full, text));
    let (juche, _) = juche_years(&Number::new(full, raw.juche), gregorian.as_ref())?;
    Ok(JucheYear {
        juche,
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
#[inline]
pub(crate) fn fast_stamp_prefix(input: &str) -> Option<(NaiveDate, usize)> {
    let bytes = input.as_bytes();
    let rest = bytes.strip_prefix(b"Juche")?;
    let (juche, rest) = upto_three_end(rest)?;
    let rest = rest.strip_prefix(b".")?;
    if juche == 0 {
        return None;
    }
    let (month, rest) = upto_two_then(rest, b'.')?;
    let (day, _, rest) = upto_two_end(rest)?;
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    let date = ymd(juche.checked_add(JUCHE_OFFSET.unsigned_abs())?, month, day)?;
    Some((date, bytes.len().checked_sub(rest.len())?))
}

/// `"Juche" " "+ Y{1,3} " "* "(" Y{4} ")"` at the start of `bytes`, the two years agreeing: the
/// year and the bytes it takes, as the grammar reads it where that is valid (proven by
/// `fast_year_agrees_with_the_grammar`); `None` otherwise.
pub(crate) fn fast_year_prefix(bytes: &[u8]) -> Option<(JucheYear, usize)> {
    let rest = fixed::spaces1(bytes.strip_prefix(b"Juche")?)?;
    let (juche, rest) = upto_three_end(rest)?;
    let rest = fixed::spaces0(rest).strip_prefix(b"(")?;
    let (gregorian, rest) = four_end(rest)?;
    let rest = rest.strip_prefix(b")")?;
    if juche == 0 || juche.checked_add(JUCHE_OFFSET.unsigned_abs())? != gregorian {
        return None;
    }
    let year = JucheYear {
        juche,
        with_gregorian: true,
    };
    Some((year, bytes.len().checked_sub(rest.len())?))
}

/// `"Juche" Y{1,3} "." M{1,2} "." D{1,2} "."?`, the whole input.
pub(crate) fn fast_stamp(input: &str) -> Option<NaiveDate> {
    fast_stamp_prefix(input).and_then(|(date, len)| (len == input.len()).then_some(date))
}

#[cfg(test)]
mod tests {
    use core::ops::Range;

    use proptest::prelude::*;

    use super::*;
    use crate::grammar::testing::{Read, after, invalid, near, no_match, read, ymd};

    fn stamp(input: &str) -> Read<'_, NaiveDate> {
        read(input, prefix_stamp(input).map(NaiveDate::from))
    }

    /// A Juche year read: the Juche year and whether the Gregorian year was written.
    fn year(input: &str) -> Read<'_, (u32, bool)> {
        read(
            input,
            prefix_year(input).map(|y| (y.juche(), y.has_gregorian())),
        )
    }

    /// The kind, span and message of a constructor's error.
    fn constructor_err<T: fmt::Debug>(
        result: Result<T, Error>,
    ) -> (ErrorKind, Range<usize>, String) {
        let err = result.unwrap_err();
        (err.kind(), err.span(), err.to_string())
    }

    // `JucheStamp ::= "Juche" Year "." Month "." Day "."?`

    #[test]
    fn ok_stamp() {
        assert_eq!(stamp("Juche111.11.8."), Read::Valid(ymd(2022, 11, 8), ""));
    }

    #[test]
    fn ok_stamp_without_final_dot() {
        assert_eq!(
            stamp("Juche113.1.23 x"),
            Read::Valid(ymd(2024, 1, 23), " x")
        );
    }

    #[test]
    fn ok_stamp_padded_in_brackets() {
        assert_eq!(
            stamp("Juche113.08.04.] Kim"),
            Read::Valid(ymd(2024, 8, 4), "] Kim")
        );
    }

    #[test]
    fn ok_stamp_first_day() {
        assert_eq!(stamp("Juche1.1.1."), Read::Valid(ymd(1912, 1, 1), ""));
    }

    #[test]
    fn err_stamp_year_zero() {
        assert_eq!(
            stamp("Juche0.1.1."),
            invalid(
                "Juche year 0 is out of range, expected 1 to 260231",
                5..6,
                ""
            )
        );
    }

    #[test]
    fn err_stamp_year_too_long() {
        assert_eq!(
            stamp("Juche99999999999999999999.1.1."),
            invalid(
                "Juche year `99999999999999999999` has too many digits",
                5..25,
                ""
            )
        );
    }

    #[test]
    fn err_stamp_no_such_date() {
        assert_eq!(
            stamp("Juche112.2.29."),
            invalid("February 29 does not exist in 2023", 11..13, "")
        );
    }

    #[test]
    fn err_stamp_month() {
        assert_eq!(
            stamp("Juche111.13.8."),
            invalid("month 13 is out of range, expected 1 to 12", 9..11, "")
        );
    }

    #[test]
    fn err_stamp_missing_day() {
        assert_eq!(
            stamp("Juche111.11."),
            no_match(
                "expected day after `Juche111.11.`, but found end of input",
                12
            )
        );
    }

    #[test]
    fn err_stamp_space_after_juche() {
        assert_eq!(
            stamp("Juche 111.11.8."),
            no_match("expected year after `Juche`, but found ` `", 5)
        );
    }

    #[test]
    fn err_stamp_not_juche() {
        assert_eq!(
            stamp("Juch111.11.8."),
            no_match("expected `Juche` at start of input, but found `J`", 0)
        );
    }

    // `JucheYear ::= "Juche" " "+ Year (" "* "(" Year4 ")")?`

    #[test]
    fn ok_year_with_gregorian() {
        assert_eq!(year("Juche 113 (2024)"), Read::Valid((113, true), ""));
        assert_eq!(year("Juche 81(1992) x"), Read::Valid((81, true), " x"));
    }

    #[test]
    fn ok_year_bare() {
        assert_eq!(year("Juche 99, the"), Read::Valid((99, false), ", the"));
    }

    #[test]
    fn ok_year_then_parenthesised_prose() {
        // `(` not followed by a year does not commit: the year is bare.
        assert_eq!(
            year("Juche 113 (see below)"),
            Read::Valid((113, false), " (see below)")
        );
        assert_eq!(year("Juche 113 (20)"), Read::Valid((113, false), " (20)"));
    }

    #[test]
    fn ok_year_after_9999() {
        assert_eq!(year("Juche 8089 (10000)"), Read::Valid((8089, true), ""));
    }

    #[test]
    fn err_year_unclosed() {
        assert_eq!(
            year("Juche 113 (2024"),
            invalid(
                "expected `)` after `Juche 113 (2024`, but found end of input",
                15..15,
                ""
            )
        );
        assert_eq!(
            year("Juche 113 (2024 was"),
            invalid(
                "expected `)` after `Juche 113 (2024`, but found ` `",
                15..15,
                " was"
            )
        );
    }

    #[test]
    fn err_year_mismatch() {
        assert_eq!(
            year("Juche 29 (1930)"),
            invalid("Juche 29 is 1940, but the text gives 1930", 6..14, "")
        );
    }

    #[test]
    fn err_year_zero() {
        assert_eq!(
            year("Juche 0 (1911)"),
            invalid(
                "Juche year 0 is out of range, expected 1 to 260231",
                6..7,
                ""
            )
        );
    }

    #[test]
    fn err_year_no_space() {
        assert_eq!(
            year("Juche113"),
            no_match("expected space after `Juche`, but found `1`", 5)
        );
    }

    #[test]
    fn err_year_ideology() {
        assert_eq!(
            year("Juche idea"),
            no_match("expected year after `Juche `, but found `i`", 6)
        );
        assert_eq!(
            year("Juche"),
            no_match("expected space after `Juche`, but found end of input", 5)
        );
    }

    // Constructors.

    #[test]
    fn ok_new() {
        let date = JucheDate::new(113, 2, 29).unwrap();
        assert_eq!((date.year(), date.month(), date.day()), (113, 2, 29));
        assert_eq!(date.date(), ymd(2024, 2, 29));
        assert_eq!(JucheDate::new(1, 1, 1), Ok(JucheDate::MIN));
        assert_eq!(
            JucheDate::new(260_231, 12, 31).unwrap().date(),
            NaiveDate::MAX
        );
    }

    #[test]
    fn err_new_year() {
        for year in [0, 260_232, u32::MAX] {
            assert_eq!(
                constructor_err(JucheDate::new(year, 1, 1)),
                (
                    ErrorKind::OutOfRange {
                        field: Field::JucheYear,
                        value: i64::from(year),
                        min: 1,
                        max: 260_231
                    },
                    0..0,
                    format!("Juche year {year} is out of range, expected 1 to 260231")
                )
            );
        }
    }

    #[test]
    fn err_new_month_and_day() {
        assert_eq!(
            constructor_err(JucheDate::new(111, 13, 1)),
            (
                ErrorKind::OutOfRange {
                    field: Field::Month,
                    value: 13,
                    min: 1,
                    max: 12
                },
                0..0,
                "month 13 is out of range, expected 1 to 12".to_owned()
            )
        );
        assert_eq!(
            constructor_err(JucheDate::new(111, 4, 31)),
            (
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 31,
                    min: 1,
                    max: 30
                },
                0..0,
                "day 31 is out of range for April, expected 1 to 30".to_owned()
            )
        );
        assert_eq!(
            constructor_err(JucheDate::new(112, 2, 29)),
            (
                ErrorKind::NoSuchDate {
                    year: 2023,
                    month: 2,
                    day: 29
                },
                0..0,
                "February 29 does not exist in 2023".to_owned()
            )
        );
    }

    #[test]
    fn ok_juche_year_constructors() {
        let year = JucheYear::new(113).unwrap();
        assert_eq!(
            (year.juche(), year.gregorian(), year.has_gregorian()),
            (113, 2024, false)
        );
        let year = JucheYear::from_gregorian(2022).unwrap();
        assert_eq!(
            (year.juche(), year.gregorian(), year.has_gregorian()),
            (111, 2022, true)
        );
        assert_eq!(year.to_string(), "Juche 111 (2022)");
    }

    #[test]
    fn err_juche_year_constructors() {
        assert_eq!(
            constructor_err(JucheYear::new(0)),
            (
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 0,
                    min: 1,
                    max: 260_231
                },
                0..0,
                "Juche year 0 is out of range, expected 1 to 260231".to_owned()
            )
        );
        for year in [1911, 262_143] {
            assert_eq!(
                constructor_err(JucheYear::from_gregorian(year)),
                (
                    ErrorKind::OutOfRange {
                        field: Field::Year,
                        value: i64::from(year),
                        min: 1912,
                        max: 262_142
                    },
                    0..0,
                    format!("year {year} is out of range, expected 1912 to 262142")
                )
            );
        }
    }

    #[test]
    fn err_before_juche() {
        let date = ymd(1911, 12, 31);
        assert_eq!(
            constructor_err(JucheDate::try_from(date)),
            (
                ErrorKind::BeforeJuche { date },
                0..0,
                "1911-12-31 is before 1912-01-01 (Juche 1) and has no Juche date; DPRK practice writes such years in Gregorian only".to_owned()
            )
        );
    }

    const NEAR: &[&str] = &[
        "Juche",
        "0",
        "1",
        "111",
        "113",
        "8",
        ".",
        "..",
        "12",
        "29",
        "2",
        "4294967295",
        " ",
        "-",
        "x",
    ];

    /// Pieces of `Juche 113 (2024)`, agreeing or not.
    const NEAR_YEAR: &[&str] = &[
        "Juche", " ", "  ", "0", "1", "106", "113", "1000", "(", ")", "2017", "2024", "20245",
        "1912", "x", ".",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Where the Juche year's fast path reads a year, the grammar reads the same one, and as
        /// many bytes.
        #[test]
        fn fast_year_agrees_with_the_grammar(
            text in near(NEAR_YEAR, 8),
            (juche, lead, spaces) in (0u32..1100, 0usize..3, 0usize..3),
            (off, tail) in (proptest::sample::select(vec![0u32, 0, 0, 1, 2]), near(NEAR_YEAR, 2)),
        ) {
            // Agreeing years, mostly; a year off by one or two; no space after `Juche` at times.
            let gregorian = juche.saturating_add(1911).saturating_add(off);
            let (lead, spaces) = (" ".repeat(lead), " ".repeat(spaces));
            let written = format!("Juche{lead}{juche}{spaces}({gregorian}){tail}");
            for text in [text, written] {
                if let Some((year, len)) = fast_year_prefix(text.as_bytes()) {
                    prop_assert_eq!(prefix_year(&text).into_result(), Ok((year, len)), "{:?}", text);
                }
            }
        }

        /// Where the fast path accepts a whole stamp, the grammar reads the same date.
        #[test]
        fn fast_path_agrees(text in near(NEAR, 8)) {
            let grammar = prefix_stamp(&text).strict(&text);
            if let Some(date) = fast_stamp(&text) {
                prop_assert_eq!(grammar.clone(), Ok(JucheDate { date }));
            }
            prop_assert_eq!(text.parse::<JucheDate>(), grammar);
        }

        /// Where the prefix fast path accepts, the grammar's prefix reading is the same date and
        /// length: on near-miss texts, and on stamps of any year, month and day with text glued
        /// after.
        #[test]
        fn fast_prefix_agrees(
            text in near(NEAR, 9),
            (juche, month, day, padded, dot) in (0u32..=1200, 0u32..=13, 0u32..=32, any::<bool>(), any::<bool>()),
            suffix in near(NEAR, 3),
        ) {
            let width = if padded { 2 } else { 1 };
            let dot = if dot { "." } else { "" };
            let written = format!("Juche{juche}.{month:0width$}.{day:0width$}{dot}{suffix}");
            for text in [text, written] {
                if let Some((date, len)) = fast_stamp_prefix(&text) {
                    prop_assert_eq!(stamp(&text), Read::Valid(date, after(&text, len)));
                }
            }
        }
    }
}
