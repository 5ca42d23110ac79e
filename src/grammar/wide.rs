//! The pieces of the Korean and Japanese editions: digits that may be full-width, blanks that may
//! be ideographic spaces, parentheses that may be full-width.

use nom::Offset;

use crate::error::Expected;
use crate::grammar::runtime::{Number, PResult, fail};

/// The value of `c` as a digit, for an ASCII digit or a full-width one (U+FF10..U+FF19).
pub(crate) fn wide_digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{ff10}'..='\u{ff19}' => u32::from(c).checked_sub(0xff10),
        _ => None,
    }
}

/// Whether `c` is an ASCII or a full-width digit.
pub(crate) fn is_wide_digit(c: char) -> bool {
    wide_digit_value(c).is_some()
}

/// [`wide_digits`] without nom, for the fast paths: `min..=max` digits at the start of `input`,
/// each ASCII or full-width, not followed by another digit of either kind; their value and the
/// text after them. (Read byte by byte: a full-width digit is `EF BC 90..99` in UTF-8.)
pub(crate) fn wide_number_prefix(input: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let (mut value, mut rest, mut count) = (0_u32, input.as_bytes(), 0_usize);
    loop {
        let (digit, after) = match *rest {
            [b @ b'0'..=b'9', ref after @ ..] => (b.wrapping_sub(b'0'), after),
            [0xEF, 0xBC, b @ 0x90..=0x99, ref after @ ..] => (b.wrapping_sub(0x90), after),
            _ => break,
        };
        if count == max {
            return None;
        }
        value = value.checked_mul(10)?.checked_add(u32::from(digit))?;
        (rest, count) = (after, count.saturating_add(1));
    }
    let rest = input.get(input.len().checked_sub(rest.len())?..)?;
    (count >= min).then_some((value, rest))
}

/// Reads `min..=max` digits, each ASCII or full-width (mixed is allowed), not followed by another
/// digit of either kind. `min` and `max` count digits, not bytes.
pub(crate) fn wide_digits<'a>(
    min: usize,
    max: usize,
    what: Expected,
) -> impl FnMut(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| {
        let mut count = 0usize;
        let mut end = 0usize;
        for c in input.chars() {
            if !is_wide_digit(c) {
                break;
            }
            count = count.saturating_add(1);
            end = end.saturating_add(c.len_utf8());
        }
        if count < min || count > max {
            return fail(input, what);
        }
        match (input.get(..end), input.get(end..)) {
            (Some(number), Some(rest)) => Ok((rest, number)),
            _ => fail(input, what),
        }
    }
}

/// Records the run `digits` (ASCII or full-width digits), a slice of `full`: its value and its
/// byte span in `full`.
pub(crate) fn wide_number(full: &str, digits: &str) -> Number {
    let value = digits.chars().try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(wide_digit_value(c)?)
    });
    Number {
        digits_len: digits.len(),
        value,
        start: full.offset(digits),
    }
}

/// Whether `c` is a blank between the words of a Korean date: a space or an ideographic space.
pub(crate) fn is_wide_blank(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}')
}

/// `WideBlank*`: skips spaces and ideographic spaces (U+3000), as [`is_wide_blank`] tells them
/// (compared as bytes: this runs in the fast paths).
pub(crate) fn wide_blanks0(mut input: &str) -> &str {
    while let Some(rest) = input
        .strip_prefix(' ')
        .or_else(|| input.strip_prefix('\u{3000}'))
    {
        input = rest;
    }
    input
}

/// `Blank*` as a parser: ideographic or ASCII spaces, none or more.
pub(crate) fn wide_blanks0_parser(input: &str) -> PResult<'_, &str> {
    let rest = wide_blanks0(input);
    let len = input.len().saturating_sub(rest.len());
    Ok((rest, input.get(..len).unwrap_or("")))
}

/// `WideBlank+`: one or more spaces or ideographic spaces.
pub(crate) fn wide_blanks1(input: &str) -> PResult<'_, &str> {
    let rest = wide_blanks0(input);
    if rest.len() == input.len() {
        return fail(input, Expected::Space);
    }
    match input.get(..input.offset(rest)) {
        Some(run) => Ok((rest, run)),
        None => fail(input, Expected::Space),
    }
}

/// `"(" | "（"`: an opening parenthesis, ASCII or full-width.
pub(crate) fn wide_open_paren(input: &str) -> PResult<'_, &str> {
    match input
        .strip_prefix('(')
        .or_else(|| input.strip_prefix('\u{ff08}'))
    {
        Some(rest) => Ok((rest, "(")),
        None => fail(input, Expected::Literal("(")),
    }
}

/// `")" | "）"`: a closing parenthesis, ASCII or full-width.
pub(crate) fn wide_close_paren(input: &str) -> PResult<'_, &str> {
    match input
        .strip_prefix(')')
        .or_else(|| input.strip_prefix('\u{ff09}'))
    {
        Some(rest) => Ok((rest, ")")),
        None => fail(input, Expected::Literal(")")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_blanks0_skips_what_is_wide_blank_says() {
        for text in [
            "",
            " ",
            "\u{3000}",
            " \u{3000} x ",
            "\u{3000}\u{3000}7월",
            "\t x",
            "\u{a0}x",
            "x ",
            "\u{3001}",
        ] {
            assert_eq!(
                wide_blanks0(text),
                text.trim_start_matches(is_wide_blank),
                "{text:?}"
            );
        }
    }

    #[test]
    fn wide_number_prefix_reads_what_wide_digits_reads() {
        for (text, min, max) in [
            ("7월", 1, 2),
            ("１２월", 1, 2),
            ("1２3", 1, 2),
            ("2018)", 4, 4),
            ("２０１８）", 4, 4),
            ("201", 4, 4),
            ("20188", 4, 4),
            ("", 1, 2),
            ("x", 1, 2),
            ("9９", 1, 2),
            ("\u{ff1a}", 1, 2),
        ] {
            let nom = wide_digits(min, max, Expected::Day)(text)
                .ok()
                .map(|(rest, digits)| (wide_number(text, digits).value, rest));
            let fast = wide_number_prefix(text, min, max).map(|(value, rest)| (Some(value), rest));
            assert_eq!(fast, nom, "{text:?} {min}..={max}");
        }
    }
}
