//! The words of English datelines read in any case: month names as datelines write them
//! ([`month_word`]), and literals in any ASCII case.

use crate::calendar::month_by_three;
use crate::error::Expected;
use crate::grammar::runtime::{PResult, fail};

/// The month of an English month name, full or abbreviated, as written in datelines: capitalised,
/// in capitals or in lower case (`November`, `NOVEMBER`, `november`, `Nov`, `Sept`).
pub(super) fn month_word(word: &str) -> Option<u32> {
    month_word_bytes(word.as_bytes())
}

/// [`month_word`] on bytes: one look at the first three letters, then the rest compared in the
/// word's own case (the capitalised form exactly, or every letter in capitals or in lower case).
pub(crate) fn month_word_bytes(word: &[u8]) -> Option<u32> {
    let [a, b, c, ref tail @ ..] = *word else {
        return None;
    };
    if word.len() > 9 {
        return None;
    }
    // (The first three letters first: most words a caller asks about are no month.)
    let (month, full_tail) = month_by_three([
        a.to_ascii_uppercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
    ])?;
    // The case of the word: capitalised (`March`) or in lower case (the letters after the
    // first in lower case), or in capitals (`MARCH`).
    let rest = word.get(1..)?;
    let lower_rest = rest.iter().all(u8::is_ascii_lowercase);
    let upper = a.is_ascii_uppercase() && rest.iter().all(u8::is_ascii_uppercase);
    if !((a.is_ascii_alphabetic() && lower_rest) || upper) {
        return None;
    }
    // (A tail in lower case is compared as it is: `full_tail` is in lower case.)
    let tail_is = |expected: &[u8]| {
        if lower_rest {
            tail == expected
        } else {
            tail.eq_ignore_ascii_case(expected)
        }
    };
    if tail_is(full_tail) {
        return Some(month);
    }
    // Abbreviations: `Nov`, `Sept` (`May` is a full name, and has none).
    let abbreviated = tail.is_empty() || (month == 9 && tail_is(b"t"));
    (abbreviated && month != 5).then_some(month)
}

/// `literal` in any ASCII case. (nom's `tag_no_case` on `&str` folds case by Unicode and may
/// then cut a character in two: the Kelvin sign `K` lowercases to `k`.)
pub(super) fn ascii_no_case<'a>(
    literal: &'static str,
) -> impl FnMut(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| match (input.get(..literal.len()), input.get(literal.len()..)) {
        (Some(head), Some(rest)) if head.eq_ignore_ascii_case(literal) => Ok((rest, head)),
        _ => fail(input, Expected::Literal(literal)),
    }
}

/// Whether `word` is a month name in any case, its dots aside (`Nov.`).
pub(super) fn is_month(word: &[u8]) -> bool {
    let mut bare = word;
    while let Some(rest) = bare.strip_suffix(b".") {
        bare = rest;
    }
    month_word_bytes(bare).is_some()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;

    /// What [`month_word_bytes`] reads, by the rules: a word capitalised, in capitals or in
    /// lower case, whose capitalised form the month-name tables know, full or abbreviated.
    fn month_word_by_the_rules(word: &[u8]) -> Option<u32> {
        let upper = word.iter().all(u8::is_ascii_uppercase);
        let lower = word.iter().all(u8::is_ascii_lowercase);
        let capitalised = word.first().is_some_and(u8::is_ascii_uppercase)
            && word.iter().skip(1).all(u8::is_ascii_lowercase);
        if !(upper || lower || capitalised) {
            return None;
        }
        let mut text = String::from_utf8(word.to_ascii_lowercase()).ok()?;
        if let Some(first) = text.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        crate::calendar::full_month(&text).or_else(|| crate::calendar::abbreviated_month(&text))
    }

    /// Month names and abbreviations with each letter in either case, cut short or run on.
    fn month_words() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::strategy::Strategy;
        let names = proptest::sample::select(vec![
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "sept",
            "october",
            "november",
            "december",
            "jan",
            "dec",
            "mayo",
            "marc",
            "1an",
        ]);
        (
            names,
            proptest::collection::vec(proptest::bool::ANY, 10),
            "[a-zA-Z.]{0,2}",
        )
            .prop_map(|(name, upper, tail)| {
                let mut word: Vec<u8> = name
                    .bytes()
                    .zip(upper.iter().chain(core::iter::repeat(&false)))
                    .map(|(b, &up)| if up { b.to_ascii_uppercase() } else { b })
                    .collect();
                word.extend(tail.bytes());
                word
            })
    }

    #[test]
    fn ok_month_words_in_every_case_the_archives_use() {
        for (month, name) in crate::calendar::MONTH_NAMES.iter().enumerate() {
            let month = u32::try_from(month).unwrap() + 1;
            let abbreviation = name.get(..3).unwrap();
            for word in [name.to_string(), name.to_uppercase(), name.to_lowercase()] {
                assert_eq!(month_word(&word), Some(month), "{word}");
            }
            let abbreviated = month_word(abbreviation);
            assert_eq!(abbreviated, Some(month), "{abbreviation}");
            assert_eq!(month_word(&abbreviation.to_uppercase()), Some(month));
        }
        assert_eq!(month_word("Sept"), Some(9));
        assert_eq!(month_word("SEPT"), Some(9));
        for word in [
            "MArch",
            "Septe",
            "Mayy",
            "Ma",
            "Decembers",
            "Juni",
            "M4y",
            "",
            "Junee",
        ] {
            assert_eq!(month_word(word), None, "{word}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]

        /// `month_word_bytes` reads a month exactly where its case rules say.
        #[test]
        fn month_word_bytes_follows_the_case_rules(word in month_words()) {
            proptest::prop_assert_eq!(
                month_word_bytes(&word),
                month_word_by_the_rules(&word),
                "{:?}", String::from_utf8_lossy(&word)
            );
        }
    }
}
