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
use crate::grammar::fixed::{digits_then, four, upto_two_end, upto_two_then, ymd};
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

/// Whether a dotted stamp may start `bytes`: four digits and `.`.
pub(crate) fn may_match(bytes: &[u8]) -> bool {
    digits_then(bytes, 4..=4, |b| b == b'.')
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

#[cfg(test)]
mod tests {

    use proptest::prelude::*;

    use super::*;
    use crate::grammar::testing::{Read, after, invalid, near, no_match, read, ymd};

    fn stamp(input: &str) -> Read<'_, NaiveDate> {
        read(input, prefix(input))
    }

    #[test]
    fn ok_canonical() {
        assert_eq!(stamp("2025.12.14."), Read::Valid(ymd(2025, 12, 14), ""));
    }

    #[test]
    fn ok_unpadded_without_final_dot() {
        assert_eq!(stamp("2023.3.13"), Read::Valid(ymd(2023, 3, 13), ""));
    }

    #[test]
    fn ok_in_brackets() {
        assert_eq!(
            stamp("2024.02.11.] x"),
            Read::Valid(ymd(2024, 2, 11), "] x")
        );
        assert_eq!(stamp("2025.12.14.)"), Read::Valid(ymd(2025, 12, 14), ")"));
    }

    #[test]
    fn ok_one_final_dot() {
        assert_eq!(stamp("2023.12.01.."), Read::Valid(ymd(2023, 12, 1), "."));
    }

    #[test]
    fn err_no_such_date() {
        assert_eq!(
            stamp("2023.02.29."),
            invalid("February 29 does not exist in 2023", 8..10, "")
        );
    }

    #[test]
    fn err_month() {
        assert_eq!(
            stamp("2023.13.01."),
            invalid("month 13 is out of range, expected 1 to 12", 5..7, "")
        );
    }

    #[test]
    fn err_year_width() {
        assert_eq!(
            stamp("202.1.1."),
            no_match(
                "expected four-digit year at start of input, but found `2`",
                0
            )
        );
        assert_eq!(
            stamp("20251.1.1."),
            no_match(
                "expected four-digit year at start of input, but found `2`",
                0
            )
        );
    }

    #[test]
    fn err_year_alone() {
        assert_eq!(
            stamp("2025"),
            no_match("expected `.` after `2025`, but found end of input", 4)
        );
        assert_eq!(
            stamp("2025. 12"),
            no_match("expected month after `2025.`, but found ` `", 5)
        );
    }

    #[test]
    fn err_number_runs_on() {
        assert_eq!(
            stamp("2025.123.1."),
            no_match("expected month after `2025.`, but found `1`", 5)
        );
        assert_eq!(
            stamp("2025.12.141."),
            no_match("expected day after `2025.12.`, but found `1`", 8)
        );
    }

    #[test]
    fn err_strict_trailing() {
        let err = parse_dotted("2023.12.01..").unwrap_err();
        assert_eq!(
            (err.to_string().as_str(), err.span()),
            (
                "expected end of input after `2023.12.01.`, but found `.`",
                11..12
            )
        );
    }

    const NEAR: &[&str] = &[
        "2025", "2024", "0000", "20251", "1", "12", "02", "29", "31", "0", "9", ".", "..", " ",
        "/", "-", "x",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Where the prefix fast path accepts, the grammar's prefix reading is the same date and
        /// length: on near-miss texts, and on stamps of any month and day with text glued after.
        #[test]
        fn fast_prefix_agrees(
            text in near(NEAR, 8),
            (year, month, day, padded, dot) in (0u32..=9999, 0u32..=13, 0u32..=32, any::<bool>(), any::<bool>()),
            suffix in near(NEAR, 3),
        ) {
            let width = if padded { 2 } else { 1 };
            let dot = if dot { "." } else { "" };
            let written = format!("{year:04}.{month:0width$}.{day:0width$}{dot}{suffix}");
            for text in [text, written] {
                if let Some((date, len)) = fast_prefix(&text) {
                    prop_assert_eq!(stamp(&text), Read::Valid(date, after(&text, len)));
                }
            }
        }
    }
}
