//! Helpers the dateline tests share.

#![allow(clippy::unwrap_used, clippy::panic)]

use nom::Offset;

use super::Dateline;
use crate::error::Expected;
use crate::grammar::runtime::PResult;

/// The value and the remainder of a grammar that read `input`.
pub(super) fn ok<'a, O>(
    input: &'a str,
    grammar: impl FnOnce(&'a str) -> PResult<'a, O>,
) -> (O, &'a str) {
    match grammar(input) {
        Ok((rest, value)) => (value, rest),
        Err(e) => panic!("{input:?}: {e:?}"),
    }
}

/// Where a grammar failed in `input`, what it expected, and whether it had committed (`cut`).
pub(super) fn err<'a, O>(
    input: &'a str,
    grammar: impl FnOnce(&'a str) -> PResult<'a, O>,
) -> (usize, Expected, bool) {
    match grammar(input) {
        Err(nom::Err::Error(e)) => (input.offset(e.at), e.expected, false),
        Err(nom::Err::Failure(e)) => (input.offset(e.at), e.expected, true),
        Err(nom::Err::Incomplete(_)) => panic!("{input:?}: incomplete"),
        Ok(_) => panic!("{input:?}: read"),
    }
}

/// The error of a strict parse, as (span, message).
pub(super) fn strict_err(input: &str) -> (core::ops::Range<usize>, String) {
    let e = input.parse::<Dateline>().unwrap_err();
    (e.span(), e.to_string())
}

pub(super) fn english(place: &str, month: u32, day: u32, agency: &str) -> Dateline {
    Dateline::new(place, month, day, agency).unwrap()
}
