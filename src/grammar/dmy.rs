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
use crate::grammar::fixed::{digit, digits_then, four, four_end, two, upto_two_then, ymd};
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

/// Whether a day-first stamp may start `bytes`: one or two digits and `/` (else the grammar finds
/// none; see `crate::notation`'s test of every `may_match`).
pub(crate) fn may_match(bytes: &[u8]) -> bool {
    digits_then(bytes, 1..=2, |b| b == b'/')
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
/// use kcna_dates::{ErrorKind, Field, parse_dmy};
///
/// assert_eq!(parse_dmy("08/11/2022")?, NaiveDate::from_ymd_opt(2022, 11, 8).unwrap());
/// assert_eq!(parse_dmy("8/11/2022")?, NaiveDate::from_ymd_opt(2022, 11, 8).unwrap());
///
/// // Never silently month-first:
/// let err = parse_dmy("08/13/2022").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::OutOfRange { field: Field::Month, value: 13, min: 1, max: 12 });
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
/// [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) for a month or a day out of range (its
/// value and bounds in the kind, its span at the number), and
/// [`ErrorKind::NoSuchDate`](crate::ErrorKind::NoSuchDate) (`29/02/2023`) for days that do not exist.
#[inline]
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

#[cfg(test)]
mod tests {
    //! Unit tests of the day-first grammar and its fast path.

    use proptest::prelude::*;

    use super::*;
    use crate::grammar::testing::{Read, after, invalid, near, no_match, read, ymd};

    fn ok(input: &str) -> Read<'_, NaiveDate> {
        read(input, prefix(input))
    }

    #[test]
    fn ok_padded() {
        assert_eq!(ok("08/11/2022"), Read::Valid(ymd(2022, 11, 8), ""));
    }

    #[test]
    fn ok_unpadded_then_text() {
        assert_eq!(
            ok("8/1/2022 | Source: KCNA"),
            Read::Valid(ymd(2022, 1, 8), " | Source: KCNA")
        );
    }

    #[test]
    fn ok_leap_day() {
        assert_eq!(ok("29/02/2024"), Read::Valid(ymd(2024, 2, 29), ""));
    }

    #[test]
    fn ok_year_zero() {
        assert_eq!(ok("01/01/0000"), Read::Valid(ymd(0, 1, 1), ""));
    }

    #[test]
    fn err_month_first() {
        assert_eq!(
            ok("08/13/2022"),
            invalid("month 13 is out of range, expected 1 to 12", 3..5, "")
        );
    }

    #[test]
    fn err_day_out_of_range() {
        assert_eq!(
            ok("31/04/2024 x"),
            invalid(
                "day 31 is out of range for April, expected 1 to 30",
                0..2,
                " x"
            )
        );
        assert_eq!(
            ok("00/04/2024"),
            invalid(
                "day 0 is out of range for April, expected 1 to 30",
                0..2,
                ""
            )
        );
    }

    #[test]
    fn err_no_such_date() {
        assert_eq!(
            ok("29/02/2023"),
            invalid("February 29 does not exist in 2023", 0..2, "")
        );
    }

    #[test]
    fn err_two_digit_year() {
        assert_eq!(
            ok("08/11/22"),
            no_match("expected four-digit year after `08/11/`, but found `2`", 6)
        );
    }

    #[test]
    fn err_five_digit_year() {
        assert_eq!(
            ok("08/11/20221"),
            no_match("expected four-digit year after `08/11/`, but found `2`", 6)
        );
    }

    #[test]
    fn err_three_digit_day() {
        assert_eq!(
            ok("108/11/2022"),
            no_match("expected day at start of input, but found `1`", 0)
        );
    }

    #[test]
    fn err_wrong_separator() {
        assert_eq!(
            ok("08-11-2022"),
            no_match("expected `/` after `08`, but found `-`", 2)
        );
        assert_eq!(
            ok("08/11.2022"),
            no_match("expected `/` after `08/11`, but found `.`", 5)
        );
    }

    #[test]
    fn err_empty() {
        assert_eq!(
            ok(""),
            no_match("expected day at start of input, but found end of input", 0)
        );
    }

    #[test]
    fn err_strict_trailing() {
        let err = parse_dmy("08/11/2022 ").unwrap_err();
        assert_eq!(
            (err.to_string().as_str(), err.span()),
            (
                "expected end of input after `08/11/2022`, but found ` `",
                10..11
            )
        );
    }

    const NEAR: &[&str] = &[
        "0", "1", "2", "3", "9", "08", "29", "31", "/", "2022", "2024", "0000", " ", "+", "-", "１",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Where the fast path accepts, the grammar reads the same date.
        #[test]
        fn fast_path_agrees(text in near(NEAR, 8)) {
            if let Some(date) = fast(&text) {
                prop_assert_eq!(parse_dmy_grammar(&text), Ok(date));
            }
            prop_assert_eq!(parse_dmy(&text), parse_dmy_grammar(&text));
        }

        /// Where the prefix fast path accepts, the grammar's prefix reading is the same date and
        /// length: on near-miss texts, and on stamps of any day and month with text glued after.
        #[test]
        fn fast_prefix_agrees(
            text in near(NEAR, 9),
            (day, month, year, padded) in (0u32..=32, 0u32..=13, 0u32..=9999, any::<bool>()),
            suffix in near(NEAR, 3),
        ) {
            let width = if padded { 2 } else { 1 };
            let stamp = format!("{day:0width$}/{month:0width$}/{year:04}{suffix}");
            for text in [text, stamp] {
                if let Some((date, len)) = fast_prefix(&text) {
                    prop_assert_eq!(read(&text, prefix(&text)), Read::Valid(date, after(&text, len)));
                }
            }
        }
    }
}
