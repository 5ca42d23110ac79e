//! ISO 8601 calendar dates, as video labels carry them: `[2026-08-21]`.
//!
//! ```text
//! IsoDate  ::= Year4 "-" Month "-" Day TokenEnd
//! Year4    ::= Digit Digit Digit Digit
//! Month    ::= Digit Digit           (01-12)
//! Day      ::= Digit Digit           (valid for the month and year)
//! TokenEnd ::= end of input | any character but a letter, a digit, `-`, `/`, `_`, and
//!              `.`, `,` or `:` followed by a digit          (reads nothing)
//! ```
//!
//! Only a whole token is a date: the date must not be followed by a letter, a digit, `-`, `/`,
//! `_`, or `.`/`,`/`:` and a digit (`2026-08-21T10`, `2026-08-21-22` are not dates). The scanner
//! also never starts one after a letter or digit.

use chrono::NaiveDate;
use nom::Parser;
use nom::combinator::map;

use crate::error::Expected;
use crate::grammar::fixed::digits_then;
use crate::grammar::runtime::{PResult, Prefix, digits, fail, gregorian_date, lit};

/// The raw pieces of an ISO date.
struct Raw<'a> {
    year: &'a str,
    month: &'a str,
    day: &'a str,
}

/// `IsoDate ::= Year4 "-" Month "-" Day TokenEnd`
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    map(
        (
            digits(4, 4, Expected::Year4),
            lit("-"),
            digits(2, 2, Expected::Month),
            lit("-"),
            digits(2, 2, Expected::Day),
            token_end,
        ),
        |(year, _, month, _, day, ())| Raw { year, month, day },
    )
    .parse(input)
}

/// `TokenEnd`: reads nothing, and fails (expected end of input) unless `input` ends the token.
fn token_end(input: &str) -> PResult<'_, ()> {
    let mut chars = input.chars();
    let ends = match chars.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || matches!(c, '-' | '/' | '_') => false,
        Some('.' | ',' | ':') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    };
    if ends {
        Ok((input, ()))
    } else {
        fail(input, Expected::End)
    }
}

/// Whether an ISO date may start `bytes`: four digits and `-`.
pub(crate) fn may_match(bytes: &[u8]) -> bool {
    digits_then(bytes, 4..=4, |b| b == b'-')
}

/// Reads an ISO date at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<NaiveDate> {
    Prefix::run(input, grammar, |raw| {
        gregorian_date(input, raw.year, raw.month, raw.day)
    })
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::grammar::testing::{Read, invalid, no_match, read, ymd};

    fn date(input: &str) -> Read<'_, NaiveDate> {
        read(input, prefix(input))
    }

    #[test]
    fn ok_whole() {
        assert_eq!(date("2026-08-21"), Read::Valid(ymd(2026, 8, 21), ""));
    }

    #[test]
    fn ok_token_ends() {
        assert_eq!(date("2026-08-21]"), Read::Valid(ymd(2026, 8, 21), "]"));
        assert_eq!(date("2026-08-21 x"), Read::Valid(ymd(2026, 8, 21), " x"));
        assert_eq!(date("2026-08-21."), Read::Valid(ymd(2026, 8, 21), "."));
        assert_eq!(
            date("2026-08-21, and"),
            Read::Valid(ymd(2026, 8, 21), ", and")
        );
        assert_eq!(date("2026-08-21:x"), Read::Valid(ymd(2026, 8, 21), ":x"));
    }

    #[test]
    fn err_token_runs_on() {
        for (text, found) in [
            ("2026-08-21T10", "T"),
            ("2026-08-21-22", "-"),
            ("2026-08-21/2", "/"),
            ("2026-08-21_x", "_"),
            ("2026-08-21.5", "."),
            ("2026-08-21,5", ","),
            ("2026-08-21:30", ":"),
            ("2026-08-21é", "é"),
        ] {
            assert_eq!(
                date(text),
                no_match(
                    &format!("expected end of input after `2026-08-21`, but found `{found}`"),
                    10
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn err_unpadded() {
        assert_eq!(
            date("2026-8-21"),
            no_match("expected month after `2026-`, but found `8`", 5)
        );
        assert_eq!(
            date("2026-08-1"),
            no_match("expected day after `2026-08-`, but found `1`", 8)
        );
    }

    #[test]
    fn err_not_iso() {
        assert_eq!(
            date("26-08-21"),
            no_match(
                "expected four-digit year at start of input, but found `2`",
                0
            )
        );
        assert_eq!(
            date("2026/08/21"),
            no_match("expected `-` after `2026`, but found `/`", 4)
        );
    }

    #[test]
    fn err_no_such_day() {
        assert_eq!(
            date("2026-02-30"),
            invalid(
                "day 30 is out of range for February, expected 1 to 29",
                8..10,
                ""
            )
        );
        assert_eq!(
            date("2026-13-01]"),
            invalid("month 13 is out of range, expected 1 to 12", 5..7, "]")
        );
    }
}
