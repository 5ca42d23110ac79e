//! The place that opens an English or Spanish dateline: the `Place` grammar, the particles that
//! may stand inside a place, and the DPRK dateline places that show where a headline glued before
//! a place ends.

use nom::branch::alt;
use nom::character::complete::{one_of, satisfy};
use nom::combinator::{cut, peek, recognize, verify};
use nom::multi::many0_count;
use nom::sequence::{preceded, terminated};
use nom::{Offset, Parser};

use super::MAX_PLACE_LEN;
use super::words::is_month;
use crate::error::Expected;
use crate::grammar::runtime::{GrammarError, PResult, expect, fail, lit};

/// DPRK places that open datelines, as a place's last word shows where a headline glued before it
/// ends (`… Inspects Factory Pyongyang, November 8 (KCNA)`).
const DATELINE_PLACES: &[&str] = &[
    "Pyongyang",
    "Phyongyang",
    "Panmunjom",
    "Phanmunjom",
    "Kaesong",
    "Rason",
    "Wonsan",
    "Hamhung",
    "Sinuiju",
    "Nampho",
    "Chongjin",
    "Haeju",
    "Sariwon",
    "Kanggye",
    "Hyesan",
    "Samjiyon",
];

/// Where the place really starts in `place`, a place of several words read from the first
/// capital of a line: at its last word if that is a DPRK dateline place (the words before it are a
/// headline glued on by a scraper), else at its start.
pub(crate) fn glued_place_start(place: &str) -> usize {
    match place.rfind(' ') {
        Some(space) => {
            let last = place.get(space.saturating_add(1)..).unwrap_or("");
            if DATELINE_PLACES.iter().any(|p| p.eq_ignore_ascii_case(last)) {
                space.saturating_add(1)
            } else {
                0
            }
        }
        None => 0,
    }
}

/// `Place` as a dateline opens with it: a place in lower case (`LowerWord`) only before a blank or
/// a comma; else it is no place, and the error says so at its start (`hello`).
pub(super) fn dateline_place(input: &str) -> PResult<'_, &str> {
    alt((
        expect(Expected::Place, terminated(lower_place, peek(one_of(" ,")))),
        capitalised_place,
    ))
    .parse(input)
}

/// `Place ::= Word (" " Word)* | LowerWord`, at most [`MAX_PLACE_LEN`] bytes.
///
/// A run of words separated by one space is one place: a headline glued before it by a scraper
/// with two or more spaces, or a line break, is not part of it (see [`crate::scan`] for how the
/// start of the place is chosen).
pub(super) fn place(input: &str) -> PResult<'_, &str> {
    alt((lower_place, capitalised_place)).parse(input)
}

/// The shortest place written as one lower-case word, in characters.
const MIN_LOWER_PLACE_CHARS: usize = 4;

/// `LowerWord`: one word in lower case of [`MIN_LOWER_PLACE_CHARS`] letters or more (a
/// lower-cased or cut place: `pyongyang`, `yongyang`). `on`, `in`, `el` or `los` before a date
/// start a date without a year, not a dateline.
fn lower_place(input: &str) -> PResult<'_, &str> {
    expect(
        Expected::Place,
        preceded(
            peek(satisfy(char::is_lowercase)),
            verify(place_word, |word: &str| {
                word.chars().count() >= MIN_LOWER_PLACE_CHARS && word.len() <= MAX_PLACE_LEN
            }),
        ),
    )
    .parse(input)
}

/// Lower-case words that may stand inside a place name (`Dar es Salaam`, `Rio de Janeiro`), and
/// lower-case words that may end one (`Mt. Kumgang resort`).
const PARTICLES: &[&str] = &[
    "al", "am", "an", "area", "city", "county", "da", "das", "de", "del", "den", "der", "di",
    "district", "do", "dos", "du", "el", "es", "la", "le", "les", "province", "resort", "upon",
    "van", "von", "y",
];

/// `Word (" " Word)*`: the first word capitalised (or in capitals), each later one capitalised or
/// a particle ([`PARTICLES`]); a month name after a space ends the place (`Pyongyang November 8`).
/// The length is checked word by word, so a long run of words is not read to its end.
///
/// A later word that is none of these (`Pyongyang lies`) is an error of the place at that word:
/// the `cut` that says so stays inside the place ([`uncut`]), as such a word does not commit the
/// text to being a dateline.
fn capitalised_place(input: &str) -> PResult<'_, &str> {
    uncut(recognize((
        capital_word,
        within_place(input),
        many0_count((lit(" "), later_word, within_place(input))),
    )))
    .parse(input)
}

/// Succeeds while the place that started at `start` is at most [`MAX_PLACE_LEN`] bytes; else
/// fails (a `cut`) at its start.
fn within_place<'a>(start: &'a str) -> impl FnMut(&'a str) -> PResult<'a, ()> {
    move |rest: &'a str| {
        if start.offset(rest) > MAX_PLACE_LEN {
            Err(nom::Err::Failure(GrammarError {
                at: start,
                expected: Expected::Place,
            }))
        } else {
            Ok((rest, ()))
        }
    }
}

/// A place's first word: capitalised or in capitals.
fn capital_word(input: &str) -> PResult<'_, &str> {
    expect(
        Expected::Place,
        preceded(peek(satisfy(char::is_uppercase)), place_word),
    )
    .parse(input)
}

/// A place's later word, after a space: capitalised, in capitals or a particle. No letter there, or
/// a month name (`November`, `Nov.`), ends the place (an error); any other word fails it (a
/// `cut`, at the word), as does a word longer than a place.
fn later_word(input: &str) -> PResult<'_, &str> {
    let (_, _) = peek(satisfy(char::is_alphabetic)).parse(input)?;
    let (rest, word) = cut(place_word).parse(input)?;
    if is_month(word.as_bytes()) {
        return fail(input, Expected::Place);
    }
    if word.starts_with(char::is_uppercase) || is_particle(word.as_bytes()) {
        Ok((rest, word))
    } else {
        Err(nom::Err::Failure(GrammarError {
            at: input,
            expected: Expected::Place,
        }))
    }
}

/// Whether `c` may continue a place word.
fn is_place_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '\'' | '.')
}

/// `Word ::= Letter (Letter | "-" | "'" | ".")*`, each character starting within the first
/// [`MAX_PLACE_LEN`] bytes (read no further). A token, read character by character.
fn place_word(input: &str) -> PResult<'_, &str> {
    let mut end = 0usize;
    for (i, c) in input.char_indices() {
        if !is_place_char(c) || (i == 0 && !c.is_alphabetic()) {
            break;
        }
        if i >= MAX_PLACE_LEN {
            return fail(input, Expected::Place);
        }
        end = i.saturating_add(c.len_utf8());
    }
    match (input.get(..end), input.get(end..)) {
        (Some(word), Some(rest)) if !word.is_empty() => Ok((rest, word)),
        _ => fail(input, Expected::Place),
    }
}

/// Runs `parser` with a `cut` inside it kept local: its failure becomes an ordinary error at the
/// same point, so the text as a whole is not committed and other readings may be tried.
fn uncut<'a, O>(
    mut parser: impl Parser<&'a str, Output = O, Error = GrammarError<'a>>,
) -> impl FnMut(&'a str) -> PResult<'a, O> {
    move |input: &'a str| {
        parser.parse(input).map_err(|e| match e {
            nom::Err::Failure(e) => nom::Err::Error(e),
            e => e,
        })
    }
}

/// Whether `word` is one of [`PARTICLES`] (compared byte by byte: most words of prose are as long
/// as some particle, and `==` on slices of equal length calls `memcmp`).
pub(super) fn is_particle(word: &[u8]) -> bool {
    PARTICLES
        .iter()
        .any(|p| p.len() == word.len() && p.bytes().zip(word).all(|(a, &b)| a == b))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::grammar::dateline::testing::{err, ok};

    #[test]
    fn ok_place() {
        assert_eq!(
            ok("Pyongyang, November", place),
            ("Pyongyang", ", November")
        );
        assert_eq!(
            ok("Dar es Salaam, June", place),
            ("Dar es Salaam", ", June")
        );
        assert_eq!(
            ok("Mt. Kumgang resort, June", place),
            ("Mt. Kumgang resort", ", June")
        );
        assert_eq!(ok("St. John's, June", place), ("St. John's", ", June"));
        // A month name ends a place; two spaces or a digit end it too.
        assert_eq!(
            ok("Pyongyang November 8", place),
            ("Pyongyang", " November 8")
        );
        assert_eq!(ok("Pyongyang Nov. 8", place), ("Pyongyang", " Nov. 8"));
        assert_eq!(
            ok("Headline  Pyongyang", place),
            ("Headline", "  Pyongyang")
        );
        assert_eq!(ok("Pyongyang 8", place), ("Pyongyang", " 8"));
        // One word in lower case, of four letters or more.
        assert_eq!(ok("pyongyang city,", place), ("pyongyang", " city,"));
        let long = "A".repeat(MAX_PLACE_LEN);
        assert_eq!(ok(&format!("{long},"), place), (long.as_str(), ","));
        let words = format!("{} {}", "A".repeat(31), "B".repeat(32));
        assert_eq!(ok(&words, place), (words.as_str(), ""));
    }

    #[test]
    fn err_place() {
        assert_eq!(err("", place), (0, Expected::Place, false));
        assert_eq!(err("8 November", place), (0, Expected::Place, false));
        assert_eq!(err("el 8", place), (0, Expected::Place, false));
        assert_eq!(err("평양", place), (0, Expected::Place, false));
        // A later word in lower case that is no particle: at the word, and not committed.
        assert_eq!(err("Pyongyang lies,", place), (10, Expected::Place, false));
        // Too long, by one byte: at the start.
        let long = "A".repeat(MAX_PLACE_LEN.saturating_add(1));
        assert_eq!(err(&long, place), (0, Expected::Place, false));
        let words = format!("{} {}", "A".repeat(32), "B".repeat(32));
        assert_eq!(err(&words, place), (0, Expected::Place, false));
        // A later word longer than a place: at the word, as the word is read no further.
        let long_word = format!("A {}", "B".repeat(70));
        assert_eq!(err(&long_word, place), (2, Expected::Place, false));
    }

    #[test]
    fn ok_place_word() {
        assert_eq!(ok("Port-au-Prince,", place_word), ("Port-au-Prince", ","));
        // Each character starts within the place's length: a last two-byte letter at byte 63.
        let word = format!("{}Ü", "A".repeat(MAX_PLACE_LEN.saturating_sub(1)));
        assert_eq!(ok(&word, place_word), (word.as_str(), ""));
    }

    #[test]
    fn err_place_word() {
        assert_eq!(err("-Pyongyang", place_word), (0, Expected::Place, false));
        let word = format!("{}Ü", "A".repeat(MAX_PLACE_LEN));
        assert_eq!(err(&word, place_word), (0, Expected::Place, false));
        // Such a word is read, but it makes a place one byte too long.
        let word = format!("{}Ü", "A".repeat(MAX_PLACE_LEN.saturating_sub(1)));
        assert_eq!(err(&word, place), (0, Expected::Place, false));
    }
}
