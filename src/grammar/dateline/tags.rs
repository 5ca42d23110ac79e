//! The agency tags of English and Spanish datelines: the closed list ([`TAGS`]), the misspellings
//! one edit from KCNA's own tags, and the `Agency` grammar that reads them.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::satisfy;
use nom::combinator::{not, verify};
use nom::sequence::terminated;

use super::Agency;
use super::words::ascii_no_case;
use crate::error::Expected;
use crate::grammar::runtime::{PResult, expect, fail};

/// KCNA's own tags in English and Spanish (the only tags of the fast path), which a misspelling
/// of one edit may stand for.
pub(super) const KCNA_TAGS: [&str; 3] = ["KCNA", "ACNC", "ATCC"];

/// The closed list of tags, compared without case (blanks inside are single spaces or hyphens as
/// written here), with its agency and whether it is a correspondent's. Longest first: the grammar
/// reads the first that the text starts with, so the longest (`KNS-KCNA`, not `KNS`).
const TAGS: [(&str, Agency, bool); 14] = [
    ("Corresponsal de la ATCC", Agency::Kcna, true),
    ("Corresponsal de la ACNC", Agency::Kcna, true),
    ("Corresponsal de ATCC", Agency::Kcna, true),
    ("Corresponsal de ACNC", Agency::Kcna, true),
    ("Korea News Service", Agency::KoreaNewsService, false),
    ("KCNA Correspondent", Agency::Kcna, true),
    ("KCNA-Correspondent", Agency::Kcna, true),
    ("KNS-KCNA", Agency::KoreaNewsService, false),
    ("SNC-ATCC", Agency::KoreaNewsService, false),
    ("KCNA", Agency::Kcna, false),
    ("ACNC", Agency::Kcna, false),
    ("ATCC", Agency::Kcna, false),
    ("KNS", Agency::KoreaNewsService, false),
    ("SNC", Agency::KoreaNewsService, false),
];

/// The length of a misspelt KCNA tag: one edit from a four-letter tag.
const MISSPELT_TAG_LEN: core::ops::RangeInclusive<usize> = 3..=5;

/// The agency and correspondent flag of a tag of the closed list, or `None`.
///
/// The tags are read in any case (`KCNA`, `kcna`, `atcc`); written in capitals, a tag one edit
/// away from one of KCNA's own (a letter changed, added, dropped, or two swapped: `KNCA`,
/// `KCNAA`) is taken as a misspelling of it.
pub(super) fn classify_tag(tag: &str) -> Option<(Agency, bool)> {
    match TAGS.iter().find(|(t, _, _)| t.eq_ignore_ascii_case(tag)) {
        Some(&(_, agency, correspondent)) => Some((agency, correspondent)),
        None => is_misspelt_kcna_tag(tag).then_some((Agency::Kcna, false)),
    }
}

/// Whether `tag`, in capitals, is one edit from one of [`KCNA_TAGS`].
fn is_misspelt_kcna_tag(tag: &str) -> bool {
    MISSPELT_TAG_LEN.contains(&tag.len())
        && tag.bytes().all(|b| b.is_ascii_uppercase())
        && KCNA_TAGS
            .iter()
            .any(|t| one_edit(t.as_bytes(), tag.as_bytes()))
}

/// Whether `b` is one edit from `a` (optimal string alignment distance exactly 1). Both are at
/// most a few bytes long.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (
        a.get(prefix..).unwrap_or(&[]),
        b.get(prefix..).unwrap_or(&[]),
    );
    match (a, b) {
        ([], []) => false,
        ([_, a_rest @ ..], [_, b_rest @ ..]) if a_rest == b_rest => true,
        ([x, y, a_rest @ ..], [p, q, b_rest @ ..]) if x == q && y == p && a_rest == b_rest => true,
        ([_, a_rest @ ..], b) if a_rest == b => true,
        (a, [_, b_rest @ ..]) if a == b_rest => true,
        _ => false,
    }
}

/// `Agency ::= Tag`: the first tag of the closed list ([`TAGS`], longest first) that the text
/// starts with as whole words, in any case; or a word in capitals one edit from KCNA, ACNC or
/// ATCC (`KNCA`).
pub(super) fn agency(input: &str) -> PResult<'_, &str> {
    expect(Expected::Agency, alt((listed_tag, misspelt_tag))).parse(input)
}

/// One of [`TAGS`] in any case, not followed by a letter: `alt` over the table, in its order
/// (only the tags that start with the input's first letter are tried).
fn listed_tag(input: &str) -> PResult<'_, &str> {
    let first = input.as_bytes().first().copied().unwrap_or(0);
    TAGS.iter()
        .filter(|(tag, _, _)| {
            tag.as_bytes()
                .first()
                .is_some_and(|b| b.eq_ignore_ascii_case(&first))
        })
        .find_map(|&(tag, _, _)| terminated(ascii_no_case(tag), word_end).parse(input).ok())
        .map_or_else(|| fail(input, Expected::Agency), Ok)
}

/// A word in capitals one edit from one of [`KCNA_TAGS`] (see [`classify_tag`]).
fn misspelt_tag(input: &str) -> PResult<'_, &str> {
    verify(
        terminated(
            take_while_m_n(
                *MISSPELT_TAG_LEN.start(),
                *MISSPELT_TAG_LEN.end(),
                |c: char| c.is_ascii_uppercase(),
            ),
            word_end,
        ),
        is_misspelt_kcna_tag,
    )
    .parse(input)
}

/// The end of a word of ASCII letters: no letter follows.
fn word_end(input: &str) -> PResult<'_, ()> {
    not(satisfy(|c: char| c.is_ascii_alphabetic())).parse(input)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::grammar::dateline::testing::{err, ok};

    #[test]
    fn ok_agency() {
        assert_eq!(ok("KCNA)", agency), ("KCNA", ")"));
        assert_eq!(ok("kcna )", agency), ("kcna", " )"));
        assert_eq!(ok("KNS-KCNA)", agency), ("KNS-KCNA", ")"));
        assert_eq!(ok("KNS KCNA)", agency), ("KNS", " KCNA)"));
        assert_eq!(
            ok("KCNA correspondent)", agency),
            ("KCNA correspondent", ")")
        );
        assert_eq!(ok("KCNA reported", agency), ("KCNA", " reported"));
        assert_eq!(
            ok("Corresponsal de la ACNC)", agency),
            ("Corresponsal de la ACNC", ")")
        );
        assert_eq!(ok("KNCA)", agency), ("KNCA", ")"));
        assert_eq!(ok("KCNAA-x", agency), ("KCNAA", "-x"));
    }

    #[test]
    fn err_agency() {
        for text in [
            "AFP)",
            "K)",
            "KCNAx)",
            "Kcnaa)",
            "KCNAAA)",
            "",
            "\u{212a}CNA)",
            "Korea News",
        ] {
            assert_eq!(err(text, agency), (0, Expected::Agency, false), "{text:?}");
        }
    }

    #[test]
    fn tags_are_longest_first_and_kcna_tags_are_listed() {
        assert!(TAGS.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
        for tag in KCNA_TAGS {
            assert_eq!(classify_tag(tag), Some((Agency::Kcna, false)));
            assert!(TAGS.iter().any(|(t, _, _)| *t == tag));
        }
        assert_eq!(
            classify_tag("snc-atcc"),
            Some((Agency::KoreaNewsService, false))
        );
        assert_eq!(classify_tag("ATC"), Some((Agency::Kcna, false)));
        assert_eq!(classify_tag("atc"), None);
        assert_eq!(classify_tag("KCNAAA"), None);
        assert!(
            one_edit(b"KCNA", b"KNCA") && one_edit(b"KCNA", b"KCN") && !one_edit(b"KCNA", b"KCNA")
        );
    }
}
