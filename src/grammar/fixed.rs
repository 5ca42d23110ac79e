//! Byte-level fast paths for the exact common form of each notation, tried by the strict parsers
//! (and, in their prefix forms, by [`crate::notation::read`], hence by `scan`) before the nom
//! grammars.
//!
//! The grammars stay the definition of every notation. A fast path only ever *accepts*: it reads
//! the one common shape (`08/11/2022`, `Juche111.11.8.`, `2025.12.14.`, `May 08, 2025`,
//! `Pyongyang, November 8 (KCNA)`) and returns the value the grammar would give (and, for a prefix
//! form, the number of bytes the grammar would take), or `None` for anything else, including every
//! input the grammar rejects, so the grammar then reports the error. `src/fastpath_tests.rs` (proptest)
//! and the `fastpath` fuzz target check, on every input they see, that a fast path's `Some` equals
//! the grammar's reading.
//!
//! No indexing and no scanning loops over the common forms: every shape is a fixed-width slice
//! pattern (the only loops left are over a dateline's place and agency words).

use core::ops::RangeInclusive;

use chrono::{NaiveDate, Weekday};

use crate::calendar::month_by_three;

/// The value of an ASCII digit.
#[inline]
pub(crate) fn digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then_some(u32::from(b & 0x0f))
}

/// The value of two ASCII digits.
#[inline]
pub(crate) fn two(tens: u8, ones: u8) -> Option<u32> {
    digit(tens)?.checked_mul(10)?.checked_add(digit(ones)?)
}

/// The value of four ASCII digits.
#[inline]
pub(crate) fn four(a: u8, b: u8, c: u8, d: u8) -> Option<u32> {
    two(a, b)?.checked_mul(100)?.checked_add(two(c, d)?)
}

/// Whether `bytes` starts with an ASCII digit.
#[inline]
pub(crate) fn starts_with_digit(bytes: &[u8]) -> bool {
    bytes.first().is_some_and(u8::is_ascii_digit)
}

/// A date from Gregorian year, month and day numbers.
#[inline]
pub(crate) fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// `Digit Digit? sep`: the number and the bytes after `sep` (`sep` is not a digit).
#[inline]
pub(crate) fn upto_two_then(bytes: &[u8], sep: u8) -> Option<(u32, &[u8])> {
    match *bytes {
        [a, s, ref rest @ ..] if s == sep => Some((digit(a)?, rest)),
        [a, b, s, ref rest @ ..] if s == sep => Some((two(a, b)?, rest)),
        _ => None,
    }
}

/// `Digit Digit?` not followed by another digit: the number, its length and the bytes after it.
#[inline]
pub(crate) fn upto_two_end(bytes: &[u8]) -> Option<(u32, usize, &[u8])> {
    match *bytes {
        [a, b, ref rest @ ..] if b.is_ascii_digit() => {
            if starts_with_digit(rest) {
                return None;
            }
            Some((two(a, b)?, 2, rest))
        }
        [a, ref rest @ ..] => Some((digit(a)?, 1, rest)),
        [] => None,
    }
}

/// `Digit{1,3}` not followed by another digit: the number and the bytes after it.
#[inline]
pub(crate) fn upto_three_end(bytes: &[u8]) -> Option<(u32, &[u8])> {
    match *bytes {
        [a, ref rest @ ..] if !starts_with_digit(rest) => Some((digit(a)?, rest)),
        [a, b, ref rest @ ..] if !starts_with_digit(rest) => Some((two(a, b)?, rest)),
        [a, b, c, ref rest @ ..] if !starts_with_digit(rest) => {
            Some((two(a, b)?.checked_mul(10)?.checked_add(digit(c)?)?, rest))
        }
        _ => None,
    }
}

/// `Digit{4}` not followed by another digit: the number and the bytes after it.
#[inline]
pub(crate) fn four_end(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let [a, b, c, d, ref rest @ ..] = *bytes else {
        return None;
    };
    if starts_with_digit(rest) {
        return None;
    }
    Some((four(a, b, c, d)?, rest))
}

/// A month name, full or abbreviated (dot optional), at the start of `bytes`: the month and the
/// bytes after it. The caller checks what follows (a letter there would make another word).
pub(crate) fn month_word(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let [a, b, c, ref tail @ ..] = *bytes else {
        return None;
    };
    let (month, full_tail) = month_by_three([a, b, c])?;
    // (Byte by byte: at most six bytes, where `strip_prefix` calls `memcmp`.)
    if let Some(rest) = strip_short(tail, full_tail) {
        return Some((month, rest));
    }
    // Abbreviations (`May` has none, and is caught above): `Dec`, `Dec.`, `Sept`, `Sept.`.
    let tail = match *tail {
        [b't', ref rest @ ..] if month == 9 => rest,
        _ => tail,
    };
    Some((month, tail.strip_prefix(b".").unwrap_or(tail)))
}

/// A cheap `may_match` test (see `crate::notation`) for a notation that opens with a number:
/// whether `bytes`, where it starts with ASCII digits, starts with `run` of them and then a byte
/// that `next` accepts. Reads at most one digit past the run. A text that starts otherwise (with a
/// full-width digit) is not judged: `true`.
pub(crate) fn digits_then(bytes: &[u8], run: RangeInclusive<usize>, next: fn(u8) -> bool) -> bool {
    let len = leading_digits(bytes, run.end().saturating_add(1));
    len == 0 || (run.contains(&len) && bytes.get(len).is_some_and(|&b| next(b)))
}

/// [`digits_then`] for the Korean edition, whose numbers may mix ASCII and full-width digits:
/// `run` ASCII digits then `word` (`년`, `월`), or fewer than `run.end()` then a byte that may
/// start a full-width digit (not judged further).
pub(crate) fn wide_digits_then(bytes: &[u8], run: RangeInclusive<usize>, word: &str) -> bool {
    let len = leading_digits(bytes, run.end().saturating_add(1));
    let rest = bytes.get(len..).unwrap_or(&[]);
    len == 0
        || (len <= *run.end() && rest.first() == Some(&FULL_WIDTH_DIGIT_LEAD))
        || (run.contains(&len) && rest.starts_with(word.as_bytes()))
}

/// How many ASCII digits `bytes` starts with, counting no further than `most`.
fn leading_digits(bytes: &[u8], most: usize) -> usize {
    bytes
        .iter()
        .take(most)
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// The first byte of a full-width digit in UTF-8 (U+FF10..U+FF19 are `EF BC 90` to `EF BC 99`).
const FULL_WIDTH_DIGIT_LEAD: u8 = 0xEF;

/// `bytes` without its prefix `prefix`, compared byte by byte (for prefixes of a few bytes).
#[inline]
pub(crate) fn strip_short<'a>(bytes: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    let rest = bytes.get(prefix.len()..)?;
    bytes
        .iter()
        .zip(prefix)
        .all(|(a, b)| a == b)
        .then_some(rest)
}

/// The English weekday that the word of ASCII letters at the start of `bytes` names, and the
/// bytes after the word. Reads at most ten letters: no weekday name is longer than nine, so ten
/// tell a weekday from a longer word.
pub(crate) fn weekday_word(bytes: &[u8]) -> Option<(Weekday, &[u8])> {
    let len = bytes
        .iter()
        .take(10)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let (word, after) = bytes.split_at_checked(len)?;
    Some((crate::calendar::weekday_of_name(word)?, after))
}

/// `bytes` after the ASCII spaces it starts with, if any (`" "*`).
#[inline]
pub(crate) fn spaces0(bytes: &[u8]) -> &[u8] {
    let spaces = bytes.iter().take_while(|&&b| b == b' ').count();
    bytes.get(spaces..).unwrap_or(&[])
}

/// `bytes` after the one or more ASCII spaces it starts with (`" "+`); `None` without one.
#[inline]
pub(crate) fn spaces1(bytes: &[u8]) -> Option<&[u8]> {
    let rest = spaces0(bytes);
    (rest.len() < bytes.len()).then_some(rest)
}

/// `MonthName " "` at the start of `bytes`: the month and the bytes after the space.
pub(crate) fn month_word_space(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (month, rest) = month_word(bytes)?;
    Some((month, rest.strip_prefix(b" ")?))
}
