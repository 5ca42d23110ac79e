//! Byte-level fast paths for the exact common form of each notation, tried by the strict parsers
//! before the nom grammars.
//!
//! The grammars stay the definition of every notation. A fast path only ever *accepts*: it reads
//! the one common shape (`08/11/2022`, `Juche111.11.8.`, `May 08, 2025`,
//! `Pyongyang, November 8 (KCNA)`) and returns the value the grammar would give, or `None` for
//! anything else, including every input the grammar rejects, so the grammar then reports the
//! error. `tests/fastpath.rs` (proptest) and the `fastpath` fuzz target check, on every input they
//! see, that a fast path's `Some` equals the grammar's value.
//!
//! No indexing: every shape is a slice pattern.

use chrono::NaiveDate;

use crate::juche::JUCHE_OFFSET;
use crate::lex::{abbreviated_month, full_month};

/// The value of an ASCII digit.
fn digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then_some(u32::from(b & 0x0f))
}

/// The value of two ASCII digits.
fn two(tens: u8, ones: u8) -> Option<u32> {
    digit(tens)?.checked_mul(10)?.checked_add(digit(ones)?)
}

/// The value of four ASCII digits.
fn four(bytes: &[u8]) -> Option<u32> {
    let &[a, b, c, d] = bytes else { return None };
    two(a, b)?.checked_mul(100)?.checked_add(two(c, d)?)
}

/// Reads 1 to `max` (at most 4) ASCII digits not followed by another digit: the value and the rest.
fn run(bytes: &[u8], max: usize) -> Option<(u32, &[u8])> {
    let len = bytes
        .iter()
        .take(max.saturating_add(1))
        .take_while(|b| b.is_ascii_digit())
        .count();
    if len == 0 || len > max {
        return None;
    }
    let (digits, rest) = bytes.split_at_checked(len)?;
    let value = digits
        .iter()
        .try_fold(0u32, |acc, &b| acc.checked_mul(10)?.checked_add(digit(b)?))?;
    Some((value, rest))
}

/// A date from Gregorian year, month and day numbers.
fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// `D{1,2} "/" M{1,2} "/" Y{4}`, the whole input.
pub(crate) fn dmy(input: &str) -> Option<NaiveDate> {
    let (day, month, year) = match *input.as_bytes() {
        [a, b'/', c, b'/', ref year @ ..] => (digit(a)?, digit(c)?, year),
        [a, b'/', c, e, b'/', ref year @ ..] => (digit(a)?, two(c, e)?, year),
        [a, b, b'/', c, b'/', ref year @ ..] => (two(a, b)?, digit(c)?, year),
        [a, b, b'/', c, e, b'/', ref year @ ..] => (two(a, b)?, two(c, e)?, year),
        _ => return None,
    };
    ymd(four(year)?, month, day)
}

/// `"Juche" Y{1,3} "." M{1,2} "." D{1,2} "."?`, the whole input.
pub(crate) fn juche_stamp(input: &str) -> Option<NaiveDate> {
    let rest = input.as_bytes().strip_prefix(b"Juche")?;
    let (juche, rest) = run(rest, 3)?;
    let (month, rest) = run(rest.strip_prefix(b".")?, 2)?;
    let (day, rest) = run(rest.strip_prefix(b".")?, 2)?;
    if !(rest.is_empty() || rest == b".") || juche == 0 {
        return None;
    }
    ymd(juche.checked_add(JUCHE_OFFSET.unsigned_abs())?, month, day)
}

/// Splits `input` at the first `sep` within its first `max + 1` bytes: the text before and after.
fn split_at_byte(input: &str, sep: u8, max: usize) -> Option<(&str, &str)> {
    let at = input
        .as_bytes()
        .iter()
        .take(max.saturating_add(1))
        .position(|&b| b == sep)?;
    Some((input.get(..at)?, input.get(at.checked_add(1)?..)?))
}

/// The month of a month name, or of an abbreviation with an optional dot.
fn month_word(word: &str) -> Option<u32> {
    full_month(word).or_else(|| abbreviated_month(word.strip_suffix('.').unwrap_or(word)))
}

/// `MonthName " " D{1,2} ", " Y{4}`, the whole input (no weekday, Gregorian year).
pub(crate) fn month_name_date(input: &str) -> Option<NaiveDate> {
    let (word, rest) = split_at_byte(input, b' ', 10)?;
    let month = month_word(word)?;
    let (day, rest) = run(rest.as_bytes(), 2)?;
    let year = rest.strip_prefix(b", ")?;
    ymd(four(year)?, month, day)
}

/// The parts of a dateline read by [`dateline`].
pub(crate) struct DatelineParts<'a> {
    pub(crate) place: &'a str,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) agency: &'a str,
}

/// `Place ", " FullMonthName " " D{1,2} " (" Agency ")" (" --")?`, the whole input, where the place
/// is one ASCII word of letters starting with a capital and the agency 2 to 12 capitals; the day
/// valid for the month in a leap year.
pub(crate) fn dateline(input: &str) -> Option<DatelineParts<'_>> {
    let (place, rest) = split_at_byte(input, b',', 64)?;
    let (first, tail) = place.as_bytes().split_first()?;
    if !first.is_ascii_uppercase() || !tail.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let (month, rest) = split_at_byte(rest.strip_prefix(' ')?, b' ', 9)?;
    let month = full_month(month)?;
    let (day, rest) = run(rest.as_bytes(), 2)?;
    let rest = rest.strip_prefix(b" (")?;
    let agency_len = rest
        .iter()
        .take(13)
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    let (agency, rest) = rest.split_at_checked(agency_len)?;
    if !(2..=12).contains(&agency.len()) || !(rest == b")" || rest == b") --") {
        return None;
    }
    // Valid in some year: checked against a leap year.
    NaiveDate::from_ymd_opt(2024, month, day)?;
    let agency_start = input
        .len()
        .checked_sub(rest.len())?
        .checked_sub(agency.len())?;
    let agency = input.get(agency_start..agency_start.checked_add(agency.len())?)?;
    Some(DatelineParts {
        place,
        month,
        day,
        agency,
    })
}
