//! The fast paths: the common forms read at byte level, proven equal to the grammar (see
//! `crate::grammar::fixed`, and the properties in the tests below).

use nom::combinator::opt;
use nom::{Offset, Parser};

use super::cjk::{MAX_CJK_CHARS, is_hangul, is_ideograph, opens_cjk};
use super::filter::place_may_end;
use super::latin::separator;
use super::tags::KCNA_TAGS;
use super::{Dateline, Edition, MAX_PLACE_LEN, Text};
use crate::calendar::{max_day, month_by_three};
use crate::grammar::fixed::{digit, strip_short, two, upto_two_then};
use crate::grammar::wide::{is_wide_blank, wide_number_prefix};

/// The parts of a dateline read by [`fast`].
pub(crate) struct DatelineParts<'a> {
    pub(crate) edition: Edition,
    pub(crate) place: &'a str,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) agency: &'static str,
}

/// `Place ", " FullMonthName " " D{1,2} " (" Agency ")"` or, in Spanish, `Place ", " D{1,2}
/// " de " SpanishMonth " (" Agency ")"` at the start of `input`, where the place is one ASCII word
/// of letters starting with a capital, at most [`MAX_PLACE_LEN`] bytes, and the agency one of
/// [`KCNA_TAGS`] as written there; the day valid for the month in a leap year. The parts, and
/// the text after the `)`.
#[inline]
fn fast_head(input: &str) -> Option<(DatelineParts<'_>, &str)> {
    let bytes = input.as_bytes();
    let (first, tail) = bytes.split_first()?;
    if !first.is_ascii_uppercase() || !place_may_end(bytes) {
        return None;
    }
    // The letters after the first, then the byte that ends the place, within the place's length.
    let place_len = tail
        .iter()
        .take(MAX_PLACE_LEN)
        .position(|b| !b.is_ascii_alphabetic())?
        .checked_add(1)?;
    let (place, rest) = input.split_at_checked(place_len)?;
    let [b',', b' ', a, b, c, ref tail @ ..] = *rest.as_bytes() else {
        return None;
    };
    let (edition, month, day, rest) = if a.is_ascii_digit() {
        // `24 de diciembre (`: the month as `spanish::fast_month` reads the grammar's.
        let (day, rest) = upto_two_then(rest.as_bytes().get(2..)?, b' ')?;
        let rest = strip_short(rest, b"de ")?;
        let (month, len) = crate::grammar::spanish::fast_month(rest)?;
        let rest = strip_short(rest.get(len..)?, b" (")?;
        (Edition::Spanish, month, day, rest)
    } else {
        let (month, full_tail) = month_by_three([a, b, c])?;
        let rest = strip_short(tail, full_tail)?.strip_prefix(b" ")?;
        let (day, rest) = match *rest {
            [x, b' ', b'(', ref rest @ ..] => (digit(x)?, rest),
            [x, y, b' ', b'(', ref rest @ ..] => (two(x, y)?, rest),
            _ => return None,
        };
        (Edition::English, month, day, rest)
    };
    if !(1..=max_day(month)).contains(&day) {
        return None;
    }
    let [t, u, v, w, b')', ref rest @ ..] = *rest else {
        return None;
    };
    let agency = *KCNA_TAGS
        .iter()
        .find(|tag| tag.as_bytes() == [t, u, v, w])?;
    let after = input.get(bytes.len().checked_sub(rest.len())?..)?;
    let parts = DatelineParts {
        edition,
        place,
        month,
        day,
        agency,
    };
    Some((parts, after))
}

/// The common form of [`fast_head`], then `(" --")?`: the whole input.
#[inline]
pub(crate) fn fast(input: &str) -> Option<DatelineParts<'_>> {
    let (parts, rest) = fast_head(input)?;
    matches!(rest, "" | " --").then_some(parts)
}

/// The fast path of every edition that has one, at the start of `input`: [`fast_cjk_prefix`]
/// after an opening bracket, else [`fast_prefix`].
pub(crate) fn fast_prefix_any(input: &str) -> Option<(Dateline, usize)> {
    if opens_cjk(input.as_bytes()) {
        fast_cjk_prefix(input)
    } else {
        fast_prefix(input)
    }
}

/// The common form of [`fast_head`] at the start of `input`, then the grammar's own `Separator?`:
/// the dateline and the bytes it takes, as [`prefix`](super::prefix) reads them.
pub(super) fn fast_prefix(input: &str) -> Option<(Dateline, usize)> {
    let (parts, rest) = fast_head(input)?;
    let rest = opt(separator).parse(rest).map_or(rest, |(rest, _)| rest);
    Some((parts.into_dateline(), input.offset(rest)))
}

/// The common Korean and Japanese forms at the start of `input`, as
/// [`prefix_cjk`](super::prefix_cjk) reads them when they are valid: `(평양 8월 21일발 조선중앙통신)`
/// and `【平壌７月５日発朝鮮中央通信】`, read character by character without the combinators (each
/// piece as in `cjk::korean_grammar` and `cjk::japanese_grammar`).
pub(super) fn fast_cjk_prefix(input: &str) -> Option<(Dateline, usize)> {
    let (edition, place, month, day, agency, rest) = match input.strip_prefix('【') {
        Some(rest) => {
            let (place, rest) = cjk_word(rest, is_ideograph)?;
            let (month, rest) = wide_number_prefix(rest, 1, 2)?;
            let (day, rest) = wide_number_prefix(rest.strip_prefix('月')?, 1, 2)?;
            let (agency, rest) = cjk_word(rest.strip_prefix("日発")?, is_ideograph)?;
            let rest = rest.strip_prefix('】')?;
            let rest = (rest.strip_prefix("－－－"))
                .or_else(|| rest.strip_prefix("---"))
                .unwrap_or(rest);
            (Edition::Japanese, place, month, day, agency, rest)
        }
        None => {
            let rest = input.strip_prefix(['(', '\u{ff08}'])?;
            let (place, rest) = cjk_word(rest, is_hangul)?;
            let blanks = rest.trim_start_matches(is_wide_blank);
            if blanks.len() == rest.len() {
                return None;
            }
            let (month, rest) = wide_number_prefix(blanks, 1, 2)?;
            let rest = rest.strip_prefix('월')?.trim_start_matches(is_wide_blank);
            let (day, rest) = wide_number_prefix(rest, 1, 2)?;
            let rest = rest.strip_prefix("일발")?.trim_start_matches(is_wide_blank);
            let (agency, rest) = cjk_word(rest, is_hangul)?;
            let rest = rest.strip_prefix([')', '\u{ff09}'])?;
            (Edition::Korean, place, month, day, agency, rest)
        }
    };
    if !(1..=12).contains(&month) || !(1..=max_day(month)).contains(&day) {
        return None;
    }
    let dateline = Dateline {
        edition,
        place: Text::new(place),
        month,
        day,
        agency: Text::new(agency),
    };
    Some((dateline, input.offset(rest)))
}

/// `Char{1,MAX_CJK_CHARS}` of `accept`, then a character that is not: the run and the text
/// from that character on.
fn cjk_word(input: &str, accept: fn(char) -> bool) -> Option<(&str, &str)> {
    let (end, _) = input
        .char_indices()
        .take(MAX_CJK_CHARS.saturating_add(1))
        .find(|&(_, c)| !accept(c))?;
    (end > 0).then(|| input.split_at_checked(end))?
}

impl DatelineParts<'_> {
    /// The dateline of these parts.
    pub(super) fn into_dateline(self) -> Dateline {
        Dateline {
            edition: self.edition,
            place: Text::new(self.place),
            month: self.month,
            day: self.day,
            agency: Text::from_static(self.agency),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::grammar::dateline::{prefix, prefix_any, prefix_cjk};
    use proptest::strategy::Strategy;

    #[test]
    fn ok_fast() {
        let parts = fast("Pyongyang, November 8 (KCNA) --").unwrap();
        assert_eq!(
            (parts.place, parts.month, parts.day, parts.agency),
            ("Pyongyang", 11, 8, "KCNA")
        );
        let place = "A".repeat(MAX_PLACE_LEN);
        assert!(fast(&format!("{place}, February 29 (ATCC)")).is_some());
    }

    #[test]
    fn err_fast() {
        let place = "A".repeat(MAX_PLACE_LEN.saturating_add(1));
        for text in [
            format!("{place}, June 3 (KCNA)"),
            "Pyongyang, February 30 (KCNA)".to_owned(),
            "Pyongyang, November 8 (KCNAX)".to_owned(),
            "Pyongyang, November 8 (KCNA) --Kim".to_owned(),
            "Pyongyang, Nov. 8 (KCNA)".to_owned(),
            "pyongyang, November 8 (KCNA)".to_owned(),
        ] {
            assert!(fast(&text).is_none(), "{text:?}");
        }
    }

    /// Texts near the fast path's form: each piece right, or a little wrong.
    fn near_dateline() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        let long = "A".repeat(MAX_PLACE_LEN);
        let longer = "A".repeat(MAX_PLACE_LEN.saturating_add(1));
        let places: Vec<String> = [
            "Pyongyang",
            "X",
            "pyongyang",
            "Dar es Salaam",
            "Pyong8",
            "Ürümqi",
            "",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain([long, longer])
        .collect();
        (
            select(places),
            select(vec![", ", ",", " ", ",  ", " , "]),
            select(vec![
                "November",
                "February",
                "April",
                "Nov",
                "Nov.",
                "NOVEMBER",
                "Septembre",
                "May",
            ]),
            select(vec![" ", "", "  "]),
            select(vec!["8", "08", "29", "30", "31", "0", "123", "1", "９"]),
            select(vec![" (", "(", "  (", " ( "]),
            select(vec![
                "KCNA",
                "ACNC",
                "ATCC",
                "KNCA",
                "kcna",
                "KNS",
                "KCNAX",
                "KCNA Correspondent",
                "AFP",
            ]),
            select(vec![")", ") --", ")--", ") -- ", ")x", "", " )", ") –"]),
            // What follows in running text (for the prefix form).
            select(vec![
                "",
                "Kim",
                " Kim",
                "\u{a0}-- Kim",
                "\t-\t",
                "—",
                " — ",
                "\n",
                "- -",
                "(KCNA)",
            ]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i)| format!("{a}{b}{c}{d}{e}{f}{g}{h}{i}"))
    }

    /// Texts near Spanish datelines: place, separator, day, ` de `, month, tag and what follows,
    /// each right or a little wrong.
    fn near_spanish_dateline() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        (
            // (The common form listed more than once, so that most texts are near it.)
            select(vec![
                "Pyongyang",
                "Pyongyang",
                "X",
                "pyongyang",
                "Dar es Salaam",
                "Ürümqi",
            ]),
            select(vec![", ", ", ", ",", " ", ",  ", " , "]),
            select(vec![
                "24", "8", "08", "0", "31", "30", "29", "123", "primero", "９", "2",
            ]),
            select(vec![" de ", " de ", " de  ", "de ", " del ", " De "]),
            select(vec![
                "diciembre",
                "Diciembre",
                "DICIEMBRE",
                "DIciembre",
                "febrero",
                "setiembre",
                "junio",
                "diciembres",
                "dic",
                "November",
            ]),
            select(vec![" (", " (", "(", "  (", " ( "]),
            select(vec![
                "ACNC",
                "ATCC",
                "KCNA",
                "acnc",
                "Corresponsal de ACNC",
                "ACN",
                "ACNCX",
            ]),
            select(vec![")", ") --", ")--", ")x", "", " )"]),
            select(vec!["", " Kim", "\n", "(ACNC)"]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i)| format!("{a}{b}{c}{d}{e}{f}{g}{h}{i}"))
    }

    /// Numbers where a Korean or Japanese month or day goes: mostly right, some not.
    const CJK_NUMBERS: [&str; 15] = [
        "8", "08", "12", "7", "７", "０７", "1７", "３１", "31", "30", "29", "13", "0", "123", "",
    ];

    /// Japanese texts near the fast path's form: each piece mostly right, sometimes a little wrong.
    fn near_japanese_dateline() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        let long = "平".repeat(MAX_CJK_CHARS);
        let longer = "平".repeat(MAX_CJK_CHARS.saturating_add(1));
        let words: Vec<String> = ["平壌", "平壌", "朝鮮中央通信", "カタカナ", "평양", ""]
            .iter()
            .map(|s| (*s).to_owned())
            .chain([long, longer])
            .collect();
        (
            select(vec!["【", "【", "【", "("]),
            select(words.clone()),
            select(CJK_NUMBERS.to_vec()),
            select(vec!["月", "月", "月", "월"]),
            select(CJK_NUMBERS.to_vec()),
            select(vec!["日発", "日発", "日発", "日", "일발"]),
            select(words),
            select(vec!["】", "】", "】－－－", "】---", "】--", ")", ""]),
            select(vec!["", "本文", "\n", "－", "---"]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i)| format!("{a}{b}{c}{d}{e}{f}{g}{h}{i}"))
    }

    /// Korean texts near the fast path's form: each piece mostly right, sometimes a little wrong.
    fn near_korean_dateline() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        let long = "평".repeat(MAX_CJK_CHARS);
        let longer = "평".repeat(MAX_CJK_CHARS.saturating_add(1));
        let words: Vec<String> = ["평양", "평양", "조선중앙통신", "平壌", ""]
            .iter()
            .map(|s| (*s).to_owned())
            .chain([long, longer])
            .collect();
        let blanks = vec![" ", " ", "\u{3000}", "  ", "", " \u{3000}"];
        (
            select(vec!["(", "（", "(", "【"]),
            select(words.clone()),
            select(blanks.clone()),
            select(CJK_NUMBERS.to_vec()),
            select(vec!["월", "월", "월 ", "월\u{3000}", "月"]),
            select(CJK_NUMBERS.to_vec()),
            select(vec!["일발", "일발 ", "일발", "일발\u{3000}", "일", ""]),
            select(blanks),
            select(words),
            select(vec![")", "）", ")", " )", "】", ""]),
            select(vec!["", "본문", "\n", ")"]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i, j, k)| {
                format!("{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}{k}")
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]

        /// Where the fast path reads a dateline, the grammar reads the same one.
        #[test]
        fn fast_path_agrees_with_the_grammar(
            text in proptest::prop_oneof![near_dateline(), near_spanish_dateline()]
        ) {
            if let Some(parts) = fast(&text) {
                let grammar = prefix_any(&text).strict(&text);
                let expected = Dateline {
                    edition: parts.edition,
                    place: Text::new(parts.place),
                    month: parts.month,
                    day: parts.day,
                    agency: Text::new(parts.agency),
                };
                proptest::prop_assert_eq!(grammar, Ok(expected), "{:?}", text);
            }
        }

        /// Where the Korean and Japanese fast path reads a dateline, the grammar reads the same
        /// one, and as many bytes of it.
        #[test]
        fn fast_cjk_prefix_agrees_with_the_grammar(
            text in proptest::prop_oneof![near_japanese_dateline(), near_korean_dateline()]
        ) {
            if let Some((dateline, len)) = fast_cjk_prefix(&text) {
                let grammar = prefix_cjk(&text).into_result();
                proptest::prop_assert_eq!(grammar, Ok((dateline, len)), "{:?}", text);
            }
        }

        /// Where the prefix fast path reads a dateline, the grammar reads the same one, and as
        /// many bytes of it.
        #[test]
        fn fast_prefix_agrees_with_the_grammar(
            text in proptest::prop_oneof![near_dateline(), near_spanish_dateline()]
        ) {
            if let Some((dateline, len)) = fast_prefix(&text) {
                let grammar = prefix(&text).into_result();
                proptest::prop_assert_eq!(grammar, Ok((dateline, len)), "{:?}", text);
            }
        }
    }
}
