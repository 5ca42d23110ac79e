//! Lunar dates in a story's body, as the editions write them: `음력 8월 15일`, `lunar August 15`,
//! `el 15 de agosto lunar`. Each names a month and day of the Korean lunar calendar
//! ([`crate::LunarDate`]); [`crate::date_article`] turns it into the Gregorian day it falls on in
//! the year the story means.
//!
//! ```text
//! KoreanLunar  ::= "음력" Blank* Month "월" Blank* Day "일"
//! EnglishLunar ::= ("lunar" | "Lunar") " "+ FullMonthName " "+ Day
//! SpanishLunar ::= Day " de " SpanishMonth " lunar"
//! ```
//!
//! A lunar month and day are those of a month that is not a leap month; the day is checked against
//! 30, the longest a lunar month has (whether that month has a 30th in the year is checked when it
//! is resolved).

use core::fmt;

use nom::Parser;
use nom::branch::alt;
use nom::combinator::map;
use nom::sequence::{preceded, terminated};

use crate::calendar::full_month;
use crate::error::{Error, Expected, Field};
use crate::grammar::runtime::{Number, PResult, Prefix, digits, fail, lit, spaces};
use crate::grammar::spanish::spanish_month;
use crate::grammar::wide::{wide_blanks0_parser, wide_digits, wide_number};

/// A month and day of the Korean lunar calendar, without a year: `음력 8월 15일`.
///
/// ```
/// use kcna_dates::Notation;
/// let Notation::LunarDay(day) = "음력 8월 15일".parse()? else { unreachable!() };
/// assert_eq!((day.month(), day.day()), (8, 15));
/// assert_eq!(day.to_string(), "음력 8월 15일");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LunarMonthDay {
    month: u32,
    day: u32,
}

impl LunarMonthDay {
    /// The lunar month, 1-12.
    pub fn month(&self) -> u32 {
        self.month
    }

    /// The lunar day, 1-30.
    pub fn day(&self) -> u32 {
        self.day
    }
}

impl fmt::Display for LunarMonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "음력 {}월 {}일", self.month, self.day)
    }
}

/// `FullMonthName`, as a month number.
fn english_month(input: &str) -> PResult<'_, u32> {
    let len = input
        .bytes()
        .take(10)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    match (input.get(..len).and_then(full_month), input.get(len..)) {
        (Some(month), Some(rest)) => Ok((rest, month)),
        _ => fail(input, Expected::FullMonthName),
    }
}

/// What the grammars read: the month, as a number or its digits, and the day's digits.
enum Raw<'a> {
    Wide(&'a str, &'a str),
    Named(u32, &'a str),
}

/// `KoreanLunar | EnglishLunar | SpanishLunar`
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    alt((
        map(
            preceded(
                (lit("음력"), wide_blanks0_parser),
                (
                    terminated(
                        wide_digits(1, 2, Expected::Month),
                        (lit("월"), wide_blanks0_parser),
                    ),
                    terminated(wide_digits(1, 2, Expected::Day), lit("일")),
                ),
            ),
            |(month, day)| Raw::Wide(month, day),
        ),
        map(
            preceded(
                (alt((lit("lunar"), lit("Lunar"))), spaces),
                (
                    terminated(english_month, spaces),
                    digits(1, 2, Expected::Day),
                ),
            ),
            |(month, day)| Raw::Named(month, day),
        ),
        map(
            (
                terminated(digits(1, 2, Expected::Day), lit(" de ")),
                terminated(spanish_month, lit(" lunar")),
            ),
            |(day, month)| Raw::Named(month, day),
        ),
    ))
    .parse(input)
}

/// A lunar day, 1 to 30.
fn check_lunar_day(number: &Number) -> Result<u32, Error> {
    match number.value {
        Some(day @ 1..=30) => Ok(day),
        value => {
            Err(Error::out_of_range(Field::Day, value.unwrap_or(0), 1, 30).shifted(number.start))
        }
    }
}

/// Reads `음력 8월 15일`, `lunar August 15` or `15 de agosto lunar` at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<LunarMonthDay> {
    Prefix::run(input, grammar, |raw| {
        let (month, day) = match raw {
            Raw::Wide(month, day) => (
                crate::grammar::runtime::check_month(&wide_number(input, month))?,
                wide_number(input, day),
            ),
            Raw::Named(month, day) => (month, Number::new(input, day)),
        };
        Ok(LunarMonthDay {
            month,
            day: check_lunar_day(&day)?,
        })
    })
}

/// The words `scan` finds lunar dates at (each notation starts at its word; the Spanish form is
/// reached from its day, as every `Day de Month` is).
pub(crate) const ANCHOR_WORDS: [&str; 3] = ["음력", "lunar", "Lunar"];

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn valid(text: &str) -> (u32, u32, usize) {
        match prefix(text) {
            Prefix::Valid(d, len) => (d.month, d.day, len),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn every_edition_reads() {
        assert_eq!(valid("음력 8월 15일 추석"), (8, 15, 17));
        assert_eq!(valid("음력８월１５일"), (8, 15, 21));
        assert_eq!(valid("lunar August 15, the"), (8, 15, 15));
        assert_eq!(valid("15 de agosto lunar,"), (8, 15, 18));
    }

    #[test]
    fn traps() {
        for text in [
            "음력설",
            "lunar calendar",
            "lunar May",
            "15 de agosto",
            "Lunar New Year",
        ] {
            assert!(matches!(prefix(text), Prefix::NoMatch(_)), "{text:?}");
        }
        assert!(matches!(prefix("음력 8월 31일"), Prefix::Invalid(..)));
        assert!(matches!(prefix("음력 13월 1일"), Prefix::Invalid(..)));
    }

    #[test]
    fn display_reads_back() {
        let Prefix::Valid(day, _) = prefix("lunar January 15") else {
            panic!()
        };
        let text = day.to_string();
        assert!(matches!(prefix(&text), Prefix::Valid(d, len) if d == day && len == text.len()));
    }
}
