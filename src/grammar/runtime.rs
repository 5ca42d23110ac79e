//! Lexical pieces shared by every grammar: the nom error type, bounded numbers, month and weekday
//! names, and the two-phase "shape, then validate" protocol every notation follows.
//!
//! Each notation module has a nom grammar that only checks the *shape* of the text and returns the
//! raw pieces (digit runs, names) as slices of the input, then a validation step that turns them into
//! a checked value. The split lets [`crate::scan`] report text that has a notation's shape but is not
//! a real date (`31/02/2022`) as an invalid candidate, and lets every error carry the span of the
//! piece at fault.

use core::ops::Range;

use chrono::{Datelike, NaiveDate, Weekday};
use nom::bytes::complete::{tag, take_while};
use nom::error::{ErrorKind as NomKind, ParseError};
use nom::{IResult, Offset, Parser};

use crate::calendar::{
    MAX_JUCHE_YEAR, abbreviated_month, full_month, max_day, to_gregorian_year, weekday_of_name,
};
use crate::error::{Error, ErrorKind, Expected, Field};

/// The error of the private grammars: what was expected, and the input left where it was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GrammarError<'a> {
    pub(crate) at: &'a str,
    pub(crate) expected: Expected,
}

impl<'a> ParseError<&'a str> for GrammarError<'a> {
    fn from_error_kind(input: &'a str, _kind: NomKind) -> Self {
        GrammarError {
            at: input,
            expected: Expected::Notation,
        }
    }

    fn append(_input: &'a str, _kind: NomKind, other: Self) -> Self {
        other
    }

    /// Of two alternatives that failed, keep the one that got further.
    fn or(self, other: Self) -> Self {
        if other.at.len() < self.at.len() {
            other
        } else {
            self
        }
    }
}

/// The result type of the private grammars.
pub(crate) type PResult<'a, O> = IResult<&'a str, O, GrammarError<'a>>;

/// Fails at `input` expecting `expected`.
pub(crate) fn fail<O>(input: &str, expected: Expected) -> PResult<'_, O> {
    Err(nom::Err::Error(GrammarError {
        at: input,
        expected,
    }))
}

/// Runs `parser`; if it fails, the failure says `expected` at the point where `parser` started.
pub(crate) fn expect<'a, O>(
    expected: Expected,
    mut parser: impl Parser<&'a str, Output = O, Error = GrammarError<'a>>,
) -> impl FnMut(&'a str) -> PResult<'a, O> {
    move |input: &'a str| match parser.parse(input) {
        Err(nom::Err::Error(_)) => fail(input, expected),
        other => other,
    }
}

/// `tag(literal)`, failing with ``expected `literal` ``.
pub(crate) fn lit<'a>(literal: &'static str) -> impl FnMut(&'a str) -> PResult<'a, &'a str> {
    expect(Expected::Literal(literal), tag(literal))
}

/// The length of the run of ASCII digits at the start of `input`.
fn digit_run(input: &str) -> usize {
    input.bytes().take_while(u8::is_ascii_digit).count()
}

/// Reads `min..=max` ASCII digits that are not followed by another digit.
///
/// A longer run is a mismatch (expected `what`), not a truncated number: `108/11/2022` is not a
/// date with day `10`.
pub(crate) fn digits<'a>(
    min: usize,
    max: usize,
    what: Expected,
) -> impl FnMut(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| {
        let n = digit_run(input);
        if n < min || n > max {
            return fail(input, what);
        }
        match (input.get(..n), input.get(n..)) {
            (Some(number), Some(rest)) => Ok((rest, number)),
            _ => fail(input, what),
        }
    }
}

/// Reads a whole run of one or more ASCII digits, however long; range checks come later.
pub(crate) fn digits_unbounded(what: Expected) -> impl FnMut(&str) -> PResult<'_, &str> {
    move |input: &str| digits(1, usize::MAX, what)(input)
}

/// The longest month or weekday name (`September`, `Wednesday`).
const LONGEST_NAME: usize = 9;

/// Reads a word of one to [`LONGEST_NAME`] ASCII letters; a longer run is no name, and is not
/// counted to its end (at every capital of `MayMayMay…` that would be quadratic).
fn ascii_word(input: &str) -> PResult<'_, &str> {
    let n = input
        .bytes()
        .take(LONGEST_NAME.saturating_add(1))
        .take_while(u8::is_ascii_alphabetic)
        .count();
    match (n, input.get(..n), input.get(n..)) {
        (1..=LONGEST_NAME, Some(word), Some(rest)) => Ok((rest, word)),
        _ => fail(input, Expected::MonthName),
    }
}

/// `MonthName ::= FullMonthName | ("Jan" | "Feb" | … | "Sep" | "Sept" | … | "Dec") "."?`
pub(crate) fn month_name(input: &str) -> PResult<'_, u32> {
    let Ok((rest, word)) = ascii_word(input) else {
        return fail(input, Expected::MonthName);
    };
    if let Some(month) = full_month(word) {
        return Ok((rest, month));
    }
    match abbreviated_month(word) {
        Some(month) => Ok((rest.strip_prefix('.').unwrap_or(rest), month)),
        None => fail(input, Expected::MonthName),
    }
}

/// `Weekday ::= "Monday" | "Tuesday" | … | "Sunday"`
pub(crate) fn weekday(input: &str) -> PResult<'_, Weekday> {
    let Ok((rest, word)) = ascii_word(input) else {
        return fail(input, Expected::Weekday);
    };
    match weekday_of_name(word.as_bytes()) {
        Some(day) => Ok((rest, day)),
        None => fail(input, Expected::Weekday),
    }
}

/// `Space ::= " "+` (ASCII spaces only: dates in running text are set with plain spaces).
pub(crate) fn spaces(input: &str) -> PResult<'_, &str> {
    let n = input.bytes().take_while(|&b| b == b' ').count();
    match (n, input.get(..n), input.get(n..)) {
        (1.., Some(run), Some(rest)) => Ok((rest, run)),
        _ => fail(input, Expected::Space),
    }
}

/// `Space ::= " "*`: zero or more ASCII spaces (not tabs, unlike nom's `space0`).
pub(crate) fn spaces0(input: &str) -> PResult<'_, &str> {
    take_while(|c| c == ' ').parse(input)
}

/// A digit run read by a grammar, with its byte span in the whole input.
#[derive(Clone, Debug)]
pub(crate) struct Number {
    pub(crate) digits_len: usize,
    pub(crate) value: Option<u32>,
    pub(crate) start: usize,
}

impl Number {
    /// Records the digit run `digits`, a slice of `full`.
    pub(crate) fn new(full: &str, digits: &str) -> Number {
        Number {
            digits_len: digits.len(),
            value: digits.parse().ok(),
            start: full.offset(digits),
        }
    }

    /// A number given as a value, not read from text (its span is empty).
    pub(crate) fn value(value: u32) -> Number {
        Number {
            digits_len: 0,
            value: Some(value),
            start: 0,
        }
    }

    /// The byte span of the digits.
    pub(crate) fn span(&self) -> Range<usize> {
        self.start..self.start.saturating_add(self.digits_len)
    }

    /// The value, or, for digits too many to read, [`ErrorKind::NumberTooLong`] for `field` at
    /// the digits.
    pub(crate) fn parsed(&self, field: Field) -> Result<u32, Error> {
        self.value
            .ok_or_else(|| Error::number_too_long(field, self.span()))
    }
}

/// The error of a Gregorian year read from text that chrono cannot hold, at `span`.
pub(crate) fn year_out_of_range(year: impl Into<i64>, span: Range<usize>) -> Error {
    Error::out_of_range_at(
        Field::Year,
        year,
        i64::from(NaiveDate::MIN.year()),
        i64::from(NaiveDate::MAX.year()),
        span,
    )
}

/// The error of a Juche year read from text below 1 or after chrono's last year, at `span`.
pub(crate) fn juche_year_out_of_range_at(year: u32, span: Range<usize>) -> Error {
    Error::out_of_range_at(Field::JucheYear, year, 1, i64::from(MAX_JUCHE_YEAR), span)
}

/// Builds a checked date from numbers read in `full`, each error pointing at the piece at fault:
/// a month outside 1..=12 at the month, a day no month has (day 0, `April 31`) at the day, a day
/// missing in this year (`February 29, 2023`) at the day, a year chrono cannot hold at the year.
pub(crate) fn checked_date(
    year: i32,
    year_span: Range<usize>,
    month: &Number,
    day: &Number,
) -> Result<NaiveDate, Error> {
    let month_value = check_month(month)?;
    let day_value = check_day(month_value, day)?;
    match NaiveDate::from_ymd_opt(year, month_value, day_value) {
        Some(date) => Ok(date),
        None if NaiveDate::from_ymd_opt(year, 1, 1).is_none() => {
            Err(year_out_of_range(year, year_span))
        }
        None => Err(Error::new(
            ErrorKind::NoSuchDate {
                year,
                month: month_value,
                day: day_value,
            },
            day.span(),
        )),
    }
}

/// Builds a checked date from the digit runs `year` (at most 9 digits), `month` and `day`, all
/// slices of `full`.
pub(crate) fn gregorian_date(
    full: &str,
    year: &str,
    month: &str,
    day: &str,
) -> Result<NaiveDate, Error> {
    let year = Number::new(full, year);
    let year_value = year.parsed(Field::Year)?;
    match i32::try_from(year_value) {
        Ok(value) => checked_date(
            value,
            year.span(),
            &Number::new(full, month),
            &Number::new(full, day),
        ),
        Err(_) => Err(year_out_of_range(year_value, year.span())),
    }
}

/// Checks a Juche year read from text, and the Gregorian year written with it if any: the Juche
/// year and its Gregorian year, or `OutOfRange` (or `NumberTooLong`) at the Juche year or the
/// Gregorian year, or `YearMismatch` over both (`Juche 29 (1930)`). Shared by every notation that writes a Juche year (`Juche 113 (2024)`,
/// `주체107(2018)년`, `del 101 (2012)`).
pub(crate) fn juche_years(juche: &Number, gregorian: Option<&Number>) -> Result<(u32, i32), Error> {
    let juche_value = juche.parsed(Field::JucheYear)?;
    let value = Some(juche_value)
        .filter(|&y| y >= 1)
        .and_then(to_gregorian_year)
        .ok_or_else(|| juche_year_out_of_range_at(juche_value, juche.span()))?;
    if let Some(gregorian) = gregorian {
        let given_value = gregorian.parsed(Field::Year)?;
        let given = i32::try_from(given_value)
            .map_err(|_| year_out_of_range(given_value, gregorian.span()))?;
        if given != value {
            return Err(Error::new(
                ErrorKind::YearMismatch {
                    juche: juche_value,
                    gregorian: given,
                },
                juche.start..gregorian.span().end,
            ));
        }
    }
    Ok((juche_value, value))
}

/// Checks a month number is 1..=12.
pub(crate) fn check_month(month: &Number) -> Result<u32, Error> {
    match month.parsed(Field::Month)? {
        m @ 1..=12 => Ok(m),
        m => Err(Error::out_of_range_at(Field::Month, m, 1, 12, month.span())),
    }
}

/// Checks a day exists in `month` in some year (February 29 does).
pub(crate) fn check_day(month: u32, day: &Number) -> Result<u32, Error> {
    match day.parsed(Field::Day)? {
        d if d >= 1 && d <= max_day(month) => Ok(d),
        d => Err(Error::day_out_of_range(month, d, day.span())),
    }
}

/// Why a text is not a notation: what was expected, at which byte. Kept this small (no
/// allocation) because `scan` tries grammars that do not match at most candidates; it becomes an
/// [`Error`] only when a caller asks for one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Miss {
    /// What the grammar wanted.
    pub(crate) expected: Expected,
    /// Where, in bytes from the start of the text tried.
    pub(crate) at: usize,
}

impl Miss {
    /// The grammar failure `e` in `full`.
    fn of(full: &str, e: GrammarError<'_>) -> Miss {
        Miss {
            expected: e.expected,
            at: full.offset(e.at),
        }
    }

    /// The error this miss reports: `expected` at an empty span at `at`.
    pub(crate) fn error(self) -> Error {
        Error::new(ErrorKind::Expected(self.expected), self.at..self.at)
    }
}

/// How a prefix of some text reads as one notation.
#[derive(Clone, Debug)]
pub(crate) enum Prefix<T> {
    /// The text does not start with the notation's shape.
    NoMatch(Miss),
    /// The first `len` bytes have the notation's shape, but it is not a valid date.
    Invalid(Error, usize),
    /// The first `len` bytes are the notation, read as the value.
    Valid(T, usize),
}

impl<T> Prefix<T> {
    /// Runs the grammar over `input`, then `validate` over what it read.
    ///
    /// A grammar that fails *after* committing to its notation (nom's `cut`, a
    /// `nom::Err::Failure`: `Juche 113 (2024` has read `(2024` and lacks the `)`) gives
    /// `Invalid`, with the text up to the failure as the notation's extent: the text has the
    /// notation's shape as far as it goes, and the error names the missing piece. A grammar that
    /// fails before committing (`nom::Err::Error`) gives `NoMatch`, and other notations may be
    /// tried.
    pub(crate) fn run<'a, R>(
        input: &'a str,
        grammar: impl FnOnce(&'a str) -> PResult<'a, R>,
        validate: impl FnOnce(R) -> Result<T, Error>,
    ) -> Prefix<T> {
        match grammar(input) {
            Ok((rest, raw)) => {
                let len = input.offset(rest);
                match validate(raw) {
                    Ok(value) => Prefix::Valid(value, len),
                    Err(err) => Prefix::Invalid(err, len),
                }
            }
            // (A failure before any text was read has no extent: it is no notation.)
            Err(nom::Err::Failure(e)) if input.offset(e.at) > 0 => {
                let miss = Miss::of(input, e);
                Prefix::Invalid(miss.error(), miss.at)
            }
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Prefix::NoMatch(Miss::of(input, e)),
            Err(nom::Err::Incomplete(_)) => Prefix::NoMatch(Miss {
                expected: Expected::Notation,
                at: 0,
            }),
        }
    }

    /// Applies `f` to a valid value.
    pub(crate) fn map<U>(self, f: impl FnOnce(T) -> U) -> Prefix<U> {
        match self {
            Prefix::Valid(value, len) => Prefix::Valid(f(value), len),
            Prefix::Invalid(err, len) => Prefix::Invalid(err, len),
            Prefix::NoMatch(err) => Prefix::NoMatch(err),
        }
    }

    /// The value and the bytes read, or the error.
    pub(crate) fn into_result(self) -> Result<(T, usize), Error> {
        match self {
            Prefix::Valid(value, len) => Ok((value, len)),
            Prefix::Invalid(err, _) => Err(err),
            Prefix::NoMatch(miss) => Err(miss.error()),
        }
    }

    /// The value, if the whole of `input` is the notation; errors quote `input`.
    pub(crate) fn strict(self, input: &str) -> Result<T, Error> {
        match self.into_result() {
            Ok((value, len)) if len == input.len() => Ok(value),
            Ok((_, len)) => Err(Error::new(
                ErrorKind::TrailingInput,
                len..next_char_end(input, len),
            )
            .with_input(input)),
            Err(err) => Err(err.with_input(input)),
        }
    }
}

/// The end of the character that starts at byte `at` of `input` (or `at` at the end).
fn next_char_end(input: &str, at: usize) -> usize {
    let len = input
        .get(at..)
        .and_then(|s| s.chars().next())
        .map_or(0, char::len_utf8);
    at.saturating_add(len)
}
