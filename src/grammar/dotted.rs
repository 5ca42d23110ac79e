//! The Gregorian dotted stamp KCNA uses since it dropped Juche years in October 2024:
//! `www.kcna.kp (2025.12.14.)`, list labels `[2024.02.11.]`, `2023.3.13.`.
//!
//! ```text
//! Dotted ::= Year4 "." Month "." Day "."?
//! Year4  ::= Digit Digit Digit Digit
//! Month  ::= Digit Digit?     (1-12)
//! Day    ::= Digit Digit?     (valid for the month and year)
//! ```
//!
//! The canonical form pads month and day to two digits and ends with a dot (`2024.02.11.`), as
//! KCNA's own stamps do; input may omit the padding and the final dot.

use chrono::NaiveDate;
use nom::Parser;
use nom::combinator::{map, opt};

use crate::error::{Error, Expected};
use crate::grammar::fixed::{four, upto_two_end, upto_two_then, ymd};
use crate::grammar::runtime::{PResult, Prefix, digits, gregorian_date, lit};

/// The raw pieces of a dotted stamp.
pub(crate) struct RawDotted<'a> {
    year: &'a str,
    month: &'a str,
    day: &'a str,
}

/// `Dotted ::= Year4 "." Month "." Day "."?`
fn grammar(input: &str) -> PResult<'_, RawDotted<'_>> {
    map(
        (
            digits(4, 4, Expected::Year4),
            lit("."),
            digits(1, 2, Expected::Month),
            lit("."),
            digits(1, 2, Expected::Day),
            opt(lit(".")),
        ),
        |(year, _, month, _, day, _)| RawDotted { year, month, day },
    )
    .parse(input)
}

/// Reads a dotted stamp at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<NaiveDate> {
    Prefix::run(input, grammar, |raw| {
        gregorian_date(input, raw.year, raw.month, raw.day)
    })
}

/// Parses a whole Gregorian dotted stamp: `2025.12.14.`, `2023.3.13`.
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(kcna_dates::parse_dotted("2024.02.11.")?, NaiveDate::from_ymd_opt(2024, 2, 11).unwrap());
/// assert!(kcna_dates::parse_dotted("2023.02.29.").is_err());
/// # Ok::<(), kcna_dates::Error>(())
/// ```
///
/// # Errors
/// As [`parse_dmy`](crate::parse_dmy): a shape error, trailing text, or a day that does not exist.
pub fn parse_dotted(input: &str) -> Result<NaiveDate, Error> {
    prefix(input).strict(input)
}

/// Reads a Gregorian dotted stamp at the start of `input`, returning the date and the bytes it took.
///
/// # Errors
/// As [`parse_dotted`], except that trailing text is not an error.
pub fn parse_dotted_prefix(input: &str) -> Result<(NaiveDate, usize), Error> {
    prefix(input).into_result()
}

// ---------------------------------------------------------------------------------------------
// The fast path: the common form read at byte level, proven equal to the grammar (see
// `crate::grammar::fixed`).

/// `Y{4} "." M{1,2} "." D{1,2} "."?` at the start of `input`: the date and the bytes it takes,
/// as the dotted-stamp grammar's prefix reading when that is valid.
pub(crate) fn fast_prefix(input: &str) -> Option<(NaiveDate, usize)> {
    let bytes = input.as_bytes();
    let [a, b, c, d, b'.', ref rest @ ..] = *bytes else {
        return None;
    };
    let year = four(a, b, c, d)?;
    let (month, rest) = upto_two_then(rest, b'.')?;
    let (day, _, rest) = upto_two_end(rest)?;
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    let date = ymd(year, month, day)?;
    Some((date, bytes.len().checked_sub(rest.len())?))
}
