//! The day-first stamp of KCNA Watch pages: `Date: 08/11/2022` is 8 November 2022.
//!
//! ```text
//! Dmy   ::= Day "/" Month "/" Year4
//! Day   ::= Digit Digit?              (1-31, valid for the month and year)
//! Month ::= Digit Digit?              (1-12)
//! Year4 ::= Digit Digit Digit Digit   (exactly four: two-digit years are an error, not a guess)
//! ```
//!
//! The day always comes first. `08/13/2022` is an error (month 13), never 13 August: a stamp that
//! looks month-first is reported, not silently swapped. No number may run on into another digit:
//! `108/11/2022` and `08/11/20221` are not dates.

use chrono::NaiveDate;
use nom::Parser;
use nom::combinator::map;

use crate::error::{Error, Expected};
use crate::grammar::fixed::{digit, four, four_end, two, upto_two_then, ymd};
use crate::grammar::runtime::{PResult, Prefix, digits, gregorian_date, lit};

/// The raw pieces of a day-first stamp.
pub(crate) struct RawDmy<'a> {
    day: &'a str,
    month: &'a str,
    year: &'a str,
}

/// `Dmy ::= Day "/" Month "/" Year4`
fn grammar(input: &str) -> PResult<'_, RawDmy<'_>> {
    map(
        (
            digits(1, 2, Expected::Day),
            lit("/"),
            digits(1, 2, Expected::Month),
            lit("/"),
            digits(4, 4, Expected::Year4),
        ),
        |(day, _, month, _, year)| RawDmy { day, month, year },
    )
    .parse(input)
}

/// Reads a day-first stamp at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<NaiveDate> {
    Prefix::run(input, grammar, |raw| {
        gregorian_date(input, raw.year, raw.month, raw.day)
    })
}

/// Parses a whole day-first stamp, `DD/MM/YYYY`, as on KCNA Watch pages (`Date: 08/11/2022`).
///
/// Day and month take one or two digits, the year exactly four.
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::{ErrorKind, parse_dmy};
///
/// assert_eq!(parse_dmy("08/11/2022")?, NaiveDate::from_ymd_opt(2022, 11, 8).unwrap());
/// assert_eq!(parse_dmy("8/11/2022")?, NaiveDate::from_ymd_opt(2022, 11, 8).unwrap());
///
/// // Never silently month-first:
/// let err = parse_dmy("08/13/2022").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::MonthOutOfRange { month: 13 });
/// assert_eq!(err.span(), 3..5);
/// assert_eq!(err.to_string(), "month 13 is out of range, expected 1 to 12");
///
/// // Two-digit years are not guessed:
/// assert_eq!(
///     parse_dmy("08/11/22").unwrap_err().to_string(),
///     "expected four-digit year after `08/11/`, but found `2`",
/// );
/// # Ok::<(), kcna_dates::Error>(())
/// ```
///
/// # Errors
/// [`ErrorKind::Expected`](crate::ErrorKind::Expected) for text of another shape,
/// [`ErrorKind::TrailingInput`](crate::ErrorKind::TrailingInput) for text after the year,
/// [`ErrorKind::MonthOutOfRange`](crate::ErrorKind::MonthOutOfRange),
/// [`ErrorKind::DayOutOfRange`](crate::ErrorKind::DayOutOfRange) and
/// [`ErrorKind::NoSuchDate`](crate::ErrorKind::NoSuchDate) (`29/02/2023`) for days that do not exist.
pub fn parse_dmy(input: &str) -> Result<NaiveDate, Error> {
    match fast(input) {
        Some(date) => Ok(date),
        None => parse_dmy_grammar(input),
    }
}

/// [`parse_dmy`] by the nom grammar alone, without the fast path.
pub(crate) fn parse_dmy_grammar(input: &str) -> Result<NaiveDate, Error> {
    prefix(input).strict(input)
}

/// Reads a day-first stamp at the start of `input`, returning the date and the bytes it took.
///
/// ```
/// let (date, len) = kcna_dates::parse_dmy_prefix("08/11/2022 | Source: KCNA")?;
/// assert_eq!((date.to_string().as_str(), len), ("2022-11-08", 10));
/// # Ok::<(), kcna_dates::Error>(())
/// ```
///
/// # Errors
/// As [`parse_dmy`], except that trailing text is not an error.
pub fn parse_dmy_prefix(input: &str) -> Result<(NaiveDate, usize), Error> {
    prefix(input).into_result()
}

// ---------------------------------------------------------------------------------------------
// The fast path: the common form read at byte level, proven equal to the grammar (see
// `crate::grammar::fixed`).

/// `D{1,2} "/" M{1,2} "/" Y{4}` at the start of `input`, not followed by a digit: the date and
/// the bytes it takes (as the grammar's prefix reading, when that is valid).
pub(crate) fn fast_prefix(input: &str) -> Option<(NaiveDate, usize)> {
    let bytes = input.as_bytes();
    let (day, rest) = upto_two_then(bytes, b'/')?;
    let (month, rest) = upto_two_then(rest, b'/')?;
    let (year, rest) = four_end(rest)?;
    let date = ymd(year, month, day)?;
    Some((date, bytes.len().checked_sub(rest.len())?))
}

/// `D{1,2} "/" M{1,2} "/" Y{4}`, the whole input.
pub(crate) fn fast(input: &str) -> Option<NaiveDate> {
    let (day, month, a, b, c, d) = match *input.as_bytes() {
        [x, b'/', m, b'/', a, b, c, d] => (digit(x)?, digit(m)?, a, b, c, d),
        [x, b'/', m, n, b'/', a, b, c, d] => (digit(x)?, two(m, n)?, a, b, c, d),
        [x, y, b'/', m, b'/', a, b, c, d] => (two(x, y)?, digit(m)?, a, b, c, d),
        [x, y, b'/', m, n, b'/', a, b, c, d] => (two(x, y)?, two(m, n)?, a, b, c, d),
        _ => return None,
    };
    ymd(four(a, b, c, d)?, month, day)
}
