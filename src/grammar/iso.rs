//! ISO 8601 calendar dates, as video labels carry them: `[2026-08-21]`.
//!
//! ```text
//! IsoDate ::= Digit{4} "-" Digit{2} "-" Digit{2}    (then the end of the token)
//! ```
//!
//! Only a whole token is a date: the date must not be followed by a letter, a digit, `-`, `/`,
//! `_`, or `.`/`,`/`:` and a digit (`2026-08-21T10`, `2026-08-21-22` are not dates). The scanner
//! also never starts one after a letter or digit.

use crate::error::Expected;
use crate::grammar::runtime::{PResult, Prefix, digits, fail, gregorian_date, lit};
use chrono::NaiveDate;

/// The raw pieces of an ISO date.
struct Raw<'a> {
    year: &'a str,
    month: &'a str,
    day: &'a str,
}

/// Whether `rest` (what follows a date) ends the token.
fn ends_token(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || matches!(c, '-' | '/' | '_') => false,
        Some('.' | ',' | ':') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// `IsoDate ::= Digit{4} "-" Digit{2} "-" Digit{2}`, ending the token.
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    let (rest, year) = digits(4, 4, Expected::Year4)(input)?;
    let (rest, _) = lit("-")(rest)?;
    let (rest, month) = digits(2, 2, Expected::Month)(rest)?;
    let (rest, _) = lit("-")(rest)?;
    let (rest, day) = digits(2, 2, Expected::Day)(rest)?;
    if !ends_token(rest) {
        return fail(rest, Expected::End);
    }
    Ok((rest, Raw { year, month, day }))
}

/// Reads an ISO date at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<NaiveDate> {
    Prefix::run(input, grammar, |raw| {
        gregorian_date(input, raw.year, raw.month, raw.day)
    })
}
