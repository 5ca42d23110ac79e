//! The pre-filter [`may_match`]: whether an English or Spanish dateline may start a text at all,
//! read by bytes before the grammar runs.

use super::MAX_PLACE_LEN;
use super::cjk::opens_cjk;
use super::place::is_particle;
use super::words::is_month;

/// The cheapest test of [`may_match`] (and of the fast path, where its place-reading loop would
/// cost more): whether a comma or a space stands within a place's longest length, to end one.
#[inline]
pub(super) fn place_may_end(bytes: &[u8]) -> bool {
    let head = bytes.get(..=MAX_PLACE_LEN).unwrap_or(bytes);
    memchr::memchr2(b' ', b',', head).is_some()
}

/// Whether an English or Spanish dateline may start `bytes` at all (an opening bracket, which may
/// start a Korean or Japanese one, always may): when not, [`prefix`](super::prefix) gives
/// `NoMatch`. `scan` asks this at every word before a date in running text, where the grammar
/// would read a few words of prose before failing.
///
/// The text is read as words of place characters (letters, non-ASCII, `-`, `'`, `.`) and spaces,
/// over the longest place ([`MAX_PLACE_LEN`] bytes). A place is followed by a comma, or by spaces,
/// a month name and a day, so:
/// * a word after the first that starts with a lower-case letter is a particle
///   (`place::PARTICLES`) or a month name (a place's later words are capitalised, and a
///   lower-case place is one word);
/// * the place (its words up to a month name, a double space or a word that starts with no
///   letter) ends within [`MAX_PLACE_LEN`] bytes;
/// * a comma or a space comes within the place's length, and the first byte that is neither a
///   place character nor a space is a comma or a digit;
/// * a text that ends within the place's length has no `(`.
///
/// Checked by `may_match_says_no_only_where_the_grammar_does`.
pub(crate) fn may_match(bytes: &[u8]) -> bool {
    if opens_cjk(bytes) {
        return true;
    }
    if !place_may_end(bytes) {
        return false;
    }
    let is_place_byte =
        |b: u8| b.is_ascii_alphabetic() || b >= 0x80 || matches!(b, b'-' | b'\'' | b'.');
    let mut at = 0usize;
    // Whether every word so far may be part of the place: no month name, double space or word
    // that no place word starts with has ended it.
    let mut in_place = true;
    while at <= MAX_PLACE_LEN {
        let Some(&b) = bytes.get(at) else {
            return false;
        };
        let rest = bytes.get(at..).unwrap_or(&[]);
        if b == b' ' {
            let spaces = rest.iter().take_while(|&&b| b == b' ').count();
            in_place &= spaces == 1;
            at = at.saturating_add(spaces);
            continue;
        }
        if !is_place_byte(b) {
            return b == b',' || b.is_ascii_digit();
        }
        // (No further than a place reaches: `JucheJuche…` is one word as long as the text.)
        let word_len = rest
            .iter()
            .take(MAX_PLACE_LEN.saturating_add(1))
            .take_while(|&&b| is_place_byte(b))
            .count();
        let word = rest.get(..word_len).unwrap_or(&[]);
        if at > 0 {
            if b >= 0x80 {
                // A word whose case this does not judge.
                return true;
            }
            if is_month(word) || !b.is_ascii_alphabetic() {
                in_place = false;
            } else if b.is_ascii_lowercase() && !is_particle(word) {
                return false;
            }
        }
        at = at.saturating_add(word_len);
        if in_place && at > MAX_PLACE_LEN {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::grammar::dateline::prefix;
    use crate::grammar::runtime::Prefix;
    use proptest::strategy::Strategy;

    #[test]
    fn may_match_at_the_longest_place() {
        // The comma that ends a place of the longest length is the last byte `may_match` looks
        // at for one.
        let text = format!("{},November 8 (KCNA)", "A".repeat(MAX_PLACE_LEN));
        assert!(matches!(prefix(&text), Prefix::Valid(..)));
        assert!(may_match(text.as_bytes()));
        let longer = format!("{},November 8 (KCNA)", "A".repeat(MAX_PLACE_LEN + 1));
        assert!(matches!(prefix(&longer), Prefix::NoMatch(_)));
        assert!(!may_match(longer.as_bytes()));
    }

    /// Texts near English and Spanish datelines: place, separator, day, tag and what follows,
    /// each right or a little wrong.
    fn may_match_texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        let places: Vec<String> = [
            "Pyongyang",
            "Dar es Salaam",
            "pyongyang",
            "Mt. Kumgang resort",
            "O'Neil",
            "Ürümqi",
            "Hwanghae-do",
            "",
            "x9",
            "Juche",
            "Kim Jong Il Library of Ecuador",
            "Rio de Janeiro",
            "the Pyongyang",
            "Pyongyang resort",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche Juch",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche de Juc",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche Ju Ü",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche -Juche",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain([
            "A".repeat(MAX_PLACE_LEN),
            "A".repeat(MAX_PLACE_LEN.saturating_add(1)),
        ])
        .collect();
        (
            select(places),
            select(vec![
                ", ", ",", " ", "  ", " , ", "\t", "\n", ",  ", "\u{a0}", "", "/",
            ]),
            select(vec![
                "November 8",
                "Nov. 8",
                "November, 8",
                "MARCH 3",
                "24 de diciembre",
                "primero de enero",
                "8",
                "November",
                "November  8",
                "november 8",
                "nov. 8",
                "sept 8",
                "",
            ]),
            select(vec![
                " (KCNA)",
                "(KCNA)",
                " ( KCNA )",
                "  (ACNC)",
                " (KCNA",
                " (see)",
                "",
            ]),
            select(vec!["", " --", " -- x", "\n"]),
        )
            .prop_map(|(a, b, c, d, e)| format!("{a}{b}{c}{d}{e}"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]

        /// Where `may_match` says no, the grammar finds no dateline.
        #[test]
        fn may_match_says_no_only_where_the_grammar_does(text in may_match_texts()) {
            if !may_match(text.as_bytes()) {
                proptest::prop_assert!(
                    matches!(prefix(&text), Prefix::NoMatch(_)),
                    "{:?}", text
                );
            }
        }
    }
}
