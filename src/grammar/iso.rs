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

/// Reads an ISO date at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<NaiveDate> {
    Prefix::run(input, grammar, |raw| {
        gregorian_date(input, raw.year, raw.month, raw.day)
    })
}
