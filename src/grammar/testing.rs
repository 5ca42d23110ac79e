//! Helpers the notation modules' unit tests share: a prefix reading as a comparable value
//! ([`Read`]), expected readings, and generated near-miss texts.

#![allow(clippy::expect_used)]

use core::ops::Range;

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::grammar::runtime::Prefix;

/// How a prefix reading went, for tests: the value and the text left after it; or the error's
/// message (quoting the input), its span, and, for an invalid candidate, the text after the
/// candidate.
#[derive(Debug, PartialEq)]
pub(crate) enum Read<'a, T> {
    Valid(T, &'a str),
    Invalid(String, Range<usize>, &'a str),
    NoMatch(String, Range<usize>),
}

/// The text of `input` after its first `len` bytes.
pub(crate) fn after(input: &str, len: usize) -> &str {
    input.get(len..).expect("a reading ends on a char boundary")
}

/// `reading` (a prefix reading of `input`) as a [`Read`].
pub(crate) fn read<T>(input: &str, reading: Prefix<T>) -> Read<'_, T> {
    let rest = |len| after(input, len);
    match reading {
        Prefix::Valid(value, len) => Read::Valid(value, rest(len)),
        Prefix::Invalid(err, len) => Read::Invalid(
            err.clone().with_input(input).to_string(),
            err.span(),
            rest(len),
        ),
        Prefix::NoMatch(miss) => {
            let err = miss.error();
            Read::NoMatch(err.clone().with_input(input).to_string(), err.span())
        }
    }
}

/// Texts near a notation's common form: up to `max` pieces of `alphabet` glued together.
pub(crate) fn near(alphabet: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(alphabet), 0..max)
        .prop_map(|pieces| pieces.concat())
}

/// A date the test knows is valid.
pub(crate) fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid test date")
}

/// The expected `NoMatch` with `message` at byte `at`.
pub(crate) fn no_match<T>(message: &str, at: usize) -> Read<'static, T> {
    Read::NoMatch(message.to_owned(), at..at)
}

/// The expected `Invalid` with `message` at `span`, and `rest` after the candidate.
pub(crate) fn invalid<'a, T>(message: &str, span: Range<usize>, rest: &'a str) -> Read<'a, T> {
    Read::Invalid(message.to_owned(), span, rest)
}
