//! The Korean and Japanese dateline grammars (`Korean` and `Japanese` of the grammar block in
//! [`super`]), written with nom's combinators, and their reading into a [`Dateline`].

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while_m_n};
use nom::character::complete::satisfy;
use nom::combinator::{cut, map, not, opt};
use nom::sequence::terminated;

use super::{Dateline, Edition, Raw, Text};
use crate::error::Expected;
use crate::grammar::runtime::{PResult, Prefix, check_day, check_month, expect, lit};
use crate::grammar::wide::{
    is_wide_blank, wide_blanks1, wide_close_paren, wide_digits, wide_number, wide_open_paren,
};

/// The longest Korean or Japanese place or agency, in characters.
pub(super) const MAX_CJK_CHARS: usize = 16;

/// `Char+`: 1..=[`MAX_CJK_CHARS`] characters satisfying `accept`, expecting `what`; a longer run
/// is refused, not cut.
fn cjk_run<'a>(
    accept: impl Fn(char) -> bool + Copy,
    what: Expected,
) -> impl FnMut(&'a str) -> PResult<'a, &'a str> {
    expect(
        what,
        terminated(
            take_while_m_n(1, MAX_CJK_CHARS, accept),
            not(satisfy(accept)),
        ),
    )
}

/// Whether `c` is a Hangul syllable.
pub(super) fn is_hangul(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

/// Whether `c` may be part of a Japanese place or agency: a kanji, katakana or hiragana.
pub(super) fn is_ideograph(c: char) -> bool {
    matches!(
        c,
        '\u{4e00}'..='\u{9fff}'
            | '\u{3400}'..='\u{4dbf}'
            | '\u{f900}'..='\u{faff}'
            | '\u{30a0}'..='\u{30ff}'
            | '\u{3041}'..='\u{309f}'
    )
}

/// `Hangul+`: a Korean place.
pub(super) fn hangul_word(input: &str) -> PResult<'_, &str> {
    cjk_run(is_hangul, Expected::Place)(input)
}

/// `Hangul+`: a Korean agency.
pub(super) fn korean_agency(input: &str) -> PResult<'_, &str> {
    cjk_run(is_hangul, Expected::Agency)(input)
}

/// `Ideograph+`: a Japanese place.
pub(super) fn ideographs(input: &str) -> PResult<'_, &str> {
    cjk_run(is_ideograph, Expected::Place)(input)
}

/// `Ideograph+`: a Japanese agency.
pub(super) fn japanese_agency(input: &str) -> PResult<'_, &str> {
    cjk_run(is_ideograph, Expected::Agency)(input)
}

/// `Blank*` of the Korean edition: spaces and ideographic spaces.
fn wide_blanks(input: &str) -> PResult<'_, &str> {
    take_while(is_wide_blank).parse(input)
}

/// `Korean ::= Open Hangul+ Blank+ Month "월" Blank* Day "일발" Blank* Hangul+ Close`, with the
/// month's digits (validated by [`prefix_cjk`]).
///
/// `일발` ("filed on the day") commits the text to being a dateline (`cut`):
/// `(평양 8월 21일발 조선중앙통신` lacks its `)`.
fn korean_grammar(input: &str) -> PResult<'_, (Raw<'_>, &str)> {
    map(
        (
            wide_open_paren,
            hangul_word,
            wide_blanks1,
            wide_digits(1, 2, Expected::Month),
            lit("월"),
            wide_blanks,
            wide_digits(1, 2, Expected::Day),
            lit("일발"),
            cut((wide_blanks, korean_agency, wide_close_paren)),
        ),
        |(_, place, _, month, _, _, day, _, (_, agency, _))| {
            let raw = Raw {
                edition: Edition::Korean,
                place,
                month: 0,
                day,
                agency,
            };
            (raw, month)
        },
    )
    .parse(input)
}

/// `Japanese ::= "【" Ideograph+ Month "月" Day "日発" Ideograph+ "】" ("－－－" | "---")?`, with
/// the month's digits (validated by [`prefix_cjk`]).
///
/// `日発` ("filed on the day") commits the text to being a dateline (`cut`):
/// `【平壌７月５日発朝鮮中央通信` lacks its `】`.
fn japanese_grammar(input: &str) -> PResult<'_, (Raw<'_>, &str)> {
    map(
        (
            lit("【"),
            ideographs,
            wide_digits(1, 2, Expected::Month),
            lit("月"),
            wide_digits(1, 2, Expected::Day),
            lit("日発"),
            cut((japanese_agency, lit("】"))),
            opt(alt((lit("－－－"), lit("---")))),
        ),
        |(_, place, month, _, day, _, (agency, _), _)| {
            let raw = Raw {
                edition: Edition::Japanese,
                place,
                month: 0,
                day,
                agency,
            };
            (raw, month)
        },
    )
    .parse(input)
}

/// Reads a Korean (`(평양 8월 21일발 조선중앙통신)`) or Japanese (`【平壌７月５日発朝鮮中央通信】`)
/// dateline at the start of `input`.
pub(crate) fn prefix_cjk(input: &str) -> Prefix<Dateline> {
    let grammar = if input.starts_with('【') {
        japanese_grammar
    } else {
        korean_grammar
    };
    Prefix::run(input, grammar, |(raw, month)| {
        let month = check_month(&wide_number(input, month))?;
        let day = check_day(month, &wide_number(input, raw.day))?;
        Ok(Dateline {
            edition: raw.edition,
            place: Text::new(raw.place),
            month,
            day,
            agency: Text::new(raw.agency),
        })
    })
}

/// Whether `bytes` opens with a bracket that may start a Korean or Japanese dateline: `(`, `（`
/// or `【`.
pub(super) fn opens_cjk(bytes: &[u8]) -> bool {
    bytes.starts_with(b"(")
        || bytes.starts_with("\u{ff08}".as_bytes())
        || bytes.starts_with("【".as_bytes())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::grammar::dateline::testing::{err, ok, strict_err};

    #[test]
    fn ok_korean_and_japanese() {
        let ((raw, month), rest) = ok("(평양 8월 21일발 조선중앙통신) 경애하는", korean_grammar);
        assert_eq!(
            (raw.place, month, raw.day, raw.agency, rest),
            ("평양", "8", "21", "조선중앙통신", " 경애하는")
        );
        let ((raw, month), rest) = ok(
            "（평양\u{3000}８월\u{3000}２１일발\u{3000}조선중앙통신）",
            korean_grammar,
        );
        assert_eq!((month, raw.day, rest), ("８", "２１", ""));
        let ((raw, month), rest) = ok("【平壌７月５日発朝鮮中央通信】－－－金", japanese_grammar);
        assert_eq!(
            (raw.place, month, raw.day, raw.agency, rest),
            ("平壌", "７", "５", "朝鮮中央通信", "金")
        );
        let d: Dateline = "（평양 8월 21일발 조선중앙통신）".parse().unwrap();
        assert_eq!((d.edition(), d.month(), d.day()), (Edition::Korean, 8, 21));
    }

    #[test]
    fn err_korean_and_japanese() {
        let text = "(평양 8월 21일발 조선중앙통신";
        assert_eq!(
            err(text, korean_grammar),
            (text.len(), Expected::Literal(")"), true)
        );
        let text = "(평양 8월 21일발 )";
        assert_eq!(
            err(text, korean_grammar),
            ("(평양 8월 21일발 ".len(), Expected::Agency, true)
        );
        // Before `일발`, any parenthesis: not committed.
        let text = "(평양 8월 21일 조선중앙통신)";
        assert_eq!(
            err(text, korean_grammar),
            ("(평양 8월 21".len(), Expected::Literal("일발"), false)
        );
        let text = "(평양시 중구역)";
        assert_eq!(
            err(text, korean_grammar),
            ("(평양시 ".len(), Expected::Month, false)
        );
        let text = "【平壌７月５日発朝鮮中央通信";
        assert_eq!(
            err(text, japanese_grammar),
            (text.len(), Expected::Literal("】"), true)
        );
        let text = "【平壌７月５日朝鮮中央通信】";
        assert_eq!(
            err(text, japanese_grammar),
            ("【平壌７月５".len(), Expected::Literal("日発"), false)
        );
        // A place of 17 characters is refused, not cut.
        let text = format!(
            "({} 8월 21일발 조선중앙통신)",
            "평".repeat(MAX_CJK_CHARS.saturating_add(1))
        );
        assert_eq!(err(&text, korean_grammar), (1, Expected::Place, false));
        assert_eq!(
            "(평양 13월 21일발 조선중앙통신)"
                .parse::<Dateline>()
                .unwrap_err()
                .to_string(),
            "month 13 is out of range, expected 1 to 12"
        );
        let (span, message) = strict_err("【平壌７月５日発朝鮮中央通信");
        assert_eq!(span, 42..42);
        assert_eq!(
            message,
            "expected `】` after `【平壌７月５日発朝鮮中央通信`, but found end of input"
        );
    }
}
