//! Byte-level fast paths for the exact common form of each notation, tried by the strict parsers
//! (and, in their prefix forms, by [`crate::notation::read`], hence by `scan`) before the nom
//! grammars.
//!
//! The grammars stay the definition of every notation. A fast path only ever *accepts*: it reads
//! the one common shape (`08/11/2022`, `Juche111.11.8.`, `2025.12.14.`, `May 08, 2025`,
//! `Pyongyang, November 8 (KCNA)`) and returns the value the grammar would give (and, for a prefix
//! form, the number of bytes the grammar would take), or `None` for anything else, including every
//! input the grammar rejects, so the grammar then reports the error. `tests/fastpath.rs` (proptest)
//! and the `fastpath` fuzz target check, on every input they see, that a fast path's `Some` equals
//! the grammar's reading.
//!
//! No indexing and no scanning loops over the common forms: every shape is a fixed-width slice
//! pattern (the only loops left are over a dateline's place and agency words).

use chrono::NaiveDate;

use crate::calendar::JUCHE_OFFSET;
use crate::calendar::max_day;

/// The value of an ASCII digit.
fn digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then_some(u32::from(b & 0x0f))
}

/// The value of two ASCII digits.
fn two(tens: u8, ones: u8) -> Option<u32> {
    digit(tens)?.checked_mul(10)?.checked_add(digit(ones)?)
}

/// The value of four ASCII digits.
fn four(a: u8, b: u8, c: u8, d: u8) -> Option<u32> {
    two(a, b)?.checked_mul(100)?.checked_add(two(c, d)?)
}

/// Whether `bytes` starts with an ASCII digit.
fn starts_with_digit(bytes: &[u8]) -> bool {
    bytes.first().is_some_and(u8::is_ascii_digit)
}

/// A date from Gregorian year, month and day numbers.
fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// `Digit Digit? sep`: the number and the bytes after `sep` (`sep` is not a digit).
fn upto_two_then(bytes: &[u8], sep: u8) -> Option<(u32, &[u8])> {
    match *bytes {
        [a, s, ref rest @ ..] if s == sep => Some((digit(a)?, rest)),
        [a, b, s, ref rest @ ..] if s == sep => Some((two(a, b)?, rest)),
        _ => None,
    }
}

/// `Digit Digit?` not followed by another digit: the number, its length and the bytes after it.
fn upto_two_end(bytes: &[u8]) -> Option<(u32, usize, &[u8])> {
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

/// `Digit{4}` not followed by another digit: the number and the bytes after it.
fn four_end(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let [a, b, c, d, ref rest @ ..] = *bytes else {
        return None;
    };
    if starts_with_digit(rest) {
        return None;
    }
    Some((four(a, b, c, d)?, rest))
}

/// `D{1,2} "/" M{1,2} "/" Y{4}` at the start of `input`, not followed by a digit: the date and
/// the bytes it takes (as the grammar's prefix reading, when that is valid).
pub(crate) fn dmy_prefix(input: &str) -> Option<(NaiveDate, usize)> {
    let bytes = input.as_bytes();
    let (day, rest) = upto_two_then(bytes, b'/')?;
    let (month, rest) = upto_two_then(rest, b'/')?;
    let (year, rest) = four_end(rest)?;
    let date = ymd(year, month, day)?;
    Some((date, bytes.len().checked_sub(rest.len())?))
}

/// `D{1,2} "/" M{1,2} "/" Y{4}`, the whole input.
pub(crate) fn dmy(input: &str) -> Option<NaiveDate> {
    let (day, month, a, b, c, d) = match *input.as_bytes() {
        [x, b'/', m, b'/', a, b, c, d] => (digit(x)?, digit(m)?, a, b, c, d),
        [x, b'/', m, n, b'/', a, b, c, d] => (digit(x)?, two(m, n)?, a, b, c, d),
        [x, y, b'/', m, b'/', a, b, c, d] => (two(x, y)?, digit(m)?, a, b, c, d),
        [x, y, b'/', m, n, b'/', a, b, c, d] => (two(x, y)?, two(m, n)?, a, b, c, d),
        _ => return None,
    };
    ymd(four(a, b, c, d)?, month, day)
}

/// `"Juche" Y{1,3} "." M{1,2} "." D{1,2} "."?` at the start of `input`: the date and the bytes it
/// takes (the final dot when present), as the grammar's prefix reading when that is valid.
pub(crate) fn juche_stamp_prefix(input: &str) -> Option<(NaiveDate, usize)> {
    let bytes = input.as_bytes();
    let rest = bytes.strip_prefix(b"Juche")?;
    let (juche, rest) = match *rest {
        [a, b'.', ref rest @ ..] => (digit(a)?, rest),
        [a, b, b'.', ref rest @ ..] => (two(a, b)?, rest),
        [a, b, c, b'.', ref rest @ ..] => {
            (two(a, b)?.checked_mul(10)?.checked_add(digit(c)?)?, rest)
        }
        _ => return None,
    };
    if juche == 0 {
        return None;
    }
    let (month, rest) = upto_two_then(rest, b'.')?;
    let (day, _, rest) = upto_two_end(rest)?;
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    let date = ymd(juche.checked_add(JUCHE_OFFSET.unsigned_abs())?, month, day)?;
    Some((date, bytes.len().checked_sub(rest.len())?))
}

/// `"Juche" Y{1,3} "." M{1,2} "." D{1,2} "."?`, the whole input.
pub(crate) fn juche_stamp(input: &str) -> Option<NaiveDate> {
    juche_stamp_prefix(input).and_then(|(date, len)| (len == input.len()).then_some(date))
}

/// `Y{4} "." M{1,2} "." D{1,2} "."?` at the start of `input`: the date and the bytes it takes,
/// as the dotted-stamp grammar's prefix reading when that is valid.
pub(crate) fn dotted_prefix(input: &str) -> Option<(NaiveDate, usize)> {
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

/// The month of the month name `first` + `tail`, and its full name's tail after the first three
/// letters, chosen by the first three bytes.
fn month_by_three(first: [u8; 3]) -> Option<(u32, &'static [u8])> {
    Some(match &first {
        b"Jan" => (1, b"uary"),
        b"Feb" => (2, b"ruary"),
        b"Mar" => (3, b"ch"),
        b"Apr" => (4, b"il"),
        b"May" => (5, b""),
        b"Jun" => (6, b"e"),
        b"Jul" => (7, b"y"),
        b"Aug" => (8, b"ust"),
        b"Sep" => (9, b"tember"),
        b"Oct" => (10, b"ober"),
        b"Nov" => (11, b"ember"),
        b"Dec" => (12, b"ember"),
        _ => return None,
    })
}

/// A month name, full or abbreviated (dot optional), at the start of `bytes`: the month and the
/// bytes after it. The caller checks what follows (a letter there would make another word).
fn month_word(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let [a, b, c, ref tail @ ..] = *bytes else {
        return None;
    };
    let (month, full_tail) = month_by_three([a, b, c])?;
    if let Some(rest) = tail.strip_prefix(full_tail) {
        return Some((month, rest));
    }
    // Abbreviations (`May` has none, and is caught above): `Dec`, `Dec.`, `Sept`, `Sept.`.
    let tail = match *tail {
        [b't', ref rest @ ..] if month == 9 => rest,
        _ => tail,
    };
    Some((month, tail.strip_prefix(b".").unwrap_or(tail)))
}

/// `MonthName " "` at the start of `bytes`: the month and the bytes after the space.
fn month_word_space(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (month, rest) = month_word(bytes)?;
    Some((month, rest.strip_prefix(b" ")?))
}

/// `MonthName " " D{1,2} ", " Y{4}` at the start of `input`, not followed by a digit nor by
/// blanks and a weekday (which the grammar would read): the date and the bytes it takes.
pub(crate) fn month_name_prefix(input: &str) -> Option<(NaiveDate, usize)> {
    let bytes = input.as_bytes();
    let (month, rest) = month_word_space(bytes)?;
    let (day, rest) = upto_two_then(rest, b',')?;
    let (year, rest) = four_end(rest.strip_prefix(b" ")?)?;
    if rest.first() == Some(&b' ') {
        // ` Thursday`: a trailing weekday is the grammar's to read.
        let word = rest.trim_ascii_start();
        let len = word
            .iter()
            .take(10)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if word.get(..len).is_some_and(is_weekday) {
            return None;
        }
    }
    let date = ymd(year, month, day)?;
    Some((date, bytes.len().checked_sub(rest.len())?))
}

/// Whether `word` is an English weekday name.
fn is_weekday(word: &[u8]) -> bool {
    matches!(
        word,
        b"Monday" | b"Tuesday" | b"Wednesday" | b"Thursday" | b"Friday" | b"Saturday" | b"Sunday"
    )
}

/// `MonthName " " D{1,2} ", " Y{4}`, the whole input (no weekday, Gregorian year).
pub(crate) fn month_name_date(input: &str) -> Option<NaiveDate> {
    // Fixed width from the end: ` D, YYYY` or ` DD, YYYY`.
    let (word, day, a, b, c, d) = match *input.as_bytes() {
        [ref word @ .., b' ', x, y, b',', b' ', a, b, c, d] if x.is_ascii_digit() => {
            (word, two(x, y)?, a, b, c, d)
        }
        [ref word @ .., b' ', x, b',', b' ', a, b, c, d] => (word, digit(x)?, a, b, c, d),
        _ => return None,
    };
    let (month, rest) = month_word(word)?;
    if !rest.is_empty() {
        return None;
    }
    ymd(four(a, b, c, d)?, month, day)
}

/// The parts of a dateline read by [`dateline`].
pub(crate) struct DatelineParts<'a> {
    pub(crate) place: &'a str,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) agency: &'a str,
}

/// `Place ", " FullMonthName " " D{1,2} " (" Agency ")" (" --")?`, the whole input, where the place
/// is one ASCII word of letters starting with a capital and the agency `KCNA`, `ACNC` or `ATCC`; the day
/// valid for the month in a leap year.
pub(crate) fn dateline(input: &str) -> Option<DatelineParts<'_>> {
    let bytes = input.as_bytes();
    let (first, tail) = bytes.split_first()?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    let place_len = tail
        .iter()
        .take(64)
        .position(|b| !b.is_ascii_alphabetic())?
        .checked_add(1)?;
    let (place, rest) = input.split_at_checked(place_len)?;
    let [b',', b' ', a, b, c, ref tail @ ..] = *rest.as_bytes() else {
        return None;
    };
    let (month, full_tail) = month_by_three([a, b, c])?;
    let rest = tail.strip_prefix(full_tail)?.strip_prefix(b" ")?;
    let (day, rest) = match *rest {
        [x, b' ', b'(', ref rest @ ..] => (digit(x)?, rest),
        [x, y, b' ', b'(', ref rest @ ..] => (two(x, y)?, rest),
        _ => return None,
    };
    if !(1..=max_day(month)).contains(&day) {
        return None;
    }
    let agency_len = rest.iter().take(13).position(|b| !b.is_ascii_uppercase())?;
    let (agency, rest) = rest.split_at_checked(agency_len)?;
    if !matches!(agency, b"KCNA" | b"ACNC" | b"ATCC") || !matches!(rest, b")" | b") --") {
        return None;
    }
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
