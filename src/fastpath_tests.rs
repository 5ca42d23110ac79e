//! The byte-level fast paths agree with the nom grammars on every input: where a fast path accepts,
//! the grammar accepts with the same value, and the public parser (fast path, then grammar) gives
//! exactly what the grammar gives, errors included.
//!
//! The prefix fast paths (tried by `scan` and `Notation::parse_prefix`) agree with the grammars'
//! prefix readings, value and length, on near-miss texts and on valid stamps with any text glued
//! after them.
//!
//! Case counts: 20,000 near-miss texts per notation, 5,000 arbitrary strings per notation,
//! 10,000 valid stamps with arbitrary suffixes per prefix fast path.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use kcna_dates::__internal as fp;
use kcna_dates::{Dateline, JucheDate, MonthNameDate, Notation, parse_dmy};
use proptest::prelude::*;

/// Texts close to each notation's common form: digits, separators and words mixed.
fn near(alphabet: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(alphabet), 0..max).prop_map(|v| v.concat())
}

const DMY: &[&str] = &[
    "0", "1", "2", "3", "9", "08", "29", "31", "/", "2022", "2024", "0000", " ", "+", "-", "１",
];
const JUCHE: &[&str] = &[
    "Juche",
    "0",
    "1",
    "111",
    "113",
    "8",
    ".",
    "..",
    "12",
    "29",
    "2",
    "4294967295",
    " ",
    "-",
    "x",
];
const DOTTED: &[&str] = &[
    "2025", "2024", "0000", "20251", "1", "12", "02", "29", "31", "0", "9", ".", "..", " ", "/",
    "-", "x",
];
const MONTH: &[&str] = &[
    "May",
    "Dec.",
    "Sept.",
    "Sep",
    "Feb",
    "February",
    "Mayo",
    "December.",
    " ",
    ", ",
    ",",
    "08",
    "5",
    "29",
    "2025",
    "2024",
    "Juche 80 (1991)",
    " Thursday",
    "Monday, ",
    "0",
    "99999",
];
const DATELINE: &[&str] = &[
    "Pyongyang",
    "Dar es Salaam",
    "X",
    "pyongyang",
    ", ",
    ",",
    " ",
    "November",
    "February",
    "Nov.",
    "8",
    "29",
    "30",
    "0",
    "(",
    ")",
    "KCNA",
    "K",
    "ACNCACNCACNCA",
    " --",
    "--",
    " – ",
    "\u{a0}",
    // Spanish.
    "24 de diciembre",
    " de ",
    "diciembre",
    "DICIEMBRE",
    "ATCC",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn dmy_fast_path_agrees(text in near(DMY, 8)) {
        check_dmy(&text)?;
    }

    #[test]
    fn juche_fast_path_agrees(text in near(JUCHE, 8)) {
        check_juche(&text)?;
    }

    #[test]
    fn month_name_fast_path_agrees(text in near(MONTH, 7)) {
        check_month_name(&text)?;
    }

    #[test]
    fn dateline_fast_path_agrees(text in near(DATELINE, 10)) {
        check_dateline(&text)?;
        check_prefixes(&text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn dmy_prefix_fast_path_agrees(text in near(DMY, 9)) {
        check_prefixes(&text)?;
    }

    #[test]
    fn juche_prefix_fast_path_agrees(text in near(JUCHE, 9)) {
        check_prefixes(&text)?;
    }

    #[test]
    fn dotted_prefix_fast_path_agrees(text in near(DOTTED, 9)) {
        check_prefixes(&text)?;
    }

    #[test]
    fn month_name_prefix_fast_path_agrees(text in near(MONTH, 8)) {
        check_prefixes(&text)?;
    }

    #[test]
    fn spanish_prefix_fast_paths_agree(text in near(SPANISH, 9)) {
        check_prefixes(&text)?;
    }
}

/// The pieces of `el 15 de junio`, `los días 25 y 30 de agosto` and the full Spanish date.
const SPANISH: &[&str] = &[
    "el ",
    "El ",
    "los días ",
    "los dias ",
    "15",
    "1",
    "31",
    "0",
    "123",
    " de ",
    " del ",
    " y ",
    "junio",
    "Abril",
    "SETIEMBRE",
    "febrero",
    "junios",
    "2022",
    "Juche 111",
    ",",
    " ",
    "de",
];

/// Suffixes that may continue a stamp: digits, dots, slashes, spaces, weekdays, other text.
const SUFFIX: &[&str] = &[
    "0",
    "1",
    "9",
    "12",
    ".",
    "..",
    "/",
    ",",
    " ",
    "  ",
    "\t",
    "\n",
    "]",
    ")",
    "Thursday",
    "Friday",
    "Monday,",
    "Juche",
    "Juche 80 (1991)",
    "x",
    "May",
    "é",
    "１",
    "\u{a0}",
];

/// Valid stamps in the common forms (and some that the fast paths leave to the grammars).
fn stamp() -> impl Strategy<Value = String> {
    let day = 1u32..=31;
    let month = 1u32..=12;
    let pad = any::<bool>();
    (0usize..4, day, month, 1900u32..2100, pad, pad).prop_map(|(kind, d, m, y, pd, pm)| {
        let d = if pd { format!("{d:02}") } else { d.to_string() };
        let mn = if pm { format!("{m:02}") } else { m.to_string() };
        let dot = if pd { "." } else { "" };
        match kind {
            0 => format!("{d}/{mn}/{y}"),
            1 => format!("Juche{}.{mn}.{d}{dot}", y - 1899),
            2 => format!("{y}.{mn}.{d}{dot}"),
            _ => {
                let names = [
                    "January", "Feb.", "Mar", "April", "May", "June", "Jul.", "Aug", "Sept.",
                    "Sep", "October", "Dec.",
                ];
                format!("{} {d}, {y}", names[(m - 1) as usize])
            }
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn prefix_fast_paths_agree_after_valid_stamps(
        head in stamp(),
        tail in prop_oneof![near(SUFFIX, 4), "\\PC{0,12}"],
    ) {
        check_prefixes(&format!("{head}{tail}"))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn fast_paths_agree_on_any_text(text in "\\PC{0,40}") {
        check_all(&text)?;
    }
}

/// Every check below on `text` (also run on the `fastpath` fuzz inputs by
/// `crate::fuzz_replay_tests`).
pub(crate) fn check_all(text: &str) -> Result<(), TestCaseError> {
    check_dmy(text)?;
    check_juche(text)?;
    check_month_name(text)?;
    check_dateline(text)?;
    check_prefixes(text)
}

/// Each prefix fast path that accepts gives the grammar's prefix reading: same value, same length.
fn check_prefixes(text: &str) -> Result<(), TestCaseError> {
    if let Some(fast) = fp::dmy_prefix_fast(text) {
        prop_assert_eq!(fp::dmy_prefix_grammar(text), Ok(fast), "{:?}", text);
    }
    if let Some(fast) = fp::dotted_prefix_fast(text) {
        prop_assert_eq!(fp::dotted_prefix_grammar(text), Ok(fast), "{:?}", text);
        // The dotted stamp is tried after `DD/MM/YYYY`, which must not match the same text.
        prop_assert!(fp::dmy_prefix_grammar(text).is_err(), "{:?}", text);
    }
    if let Some((date, len)) = fp::juche_prefix_fast(text) {
        let grammar = fp::juche_prefix_grammar(text).map(|(j, len)| (j.date(), len));
        prop_assert_eq!(grammar, Ok((date, len)), "{:?}", text);
    }
    if let Some((date, len)) = fp::month_name_prefix_fast(text) {
        let expected = (MonthNameDate::from_date(date).unwrap(), len);
        prop_assert_eq!(
            fp::month_name_prefix_grammar(text),
            Ok(expected),
            "{:?}",
            text
        );
    }
    // `Notation::parse_prefix` (fast paths first) reads what the grammars read.
    let grammar = fp::notation_prefix_grammar(text);
    prop_assert_eq!(Notation::parse_prefix(text), grammar, "{:?}", text);
    Ok(())
}

fn check_dmy(text: &str) -> Result<(), TestCaseError> {
    let grammar = fp::dmy_grammar(text);
    if let Some(date) = fp::dmy_fast(text) {
        prop_assert_eq!(grammar.clone(), Ok(date), "{:?}", text);
    }
    prop_assert_eq!(parse_dmy(text), grammar);
    Ok(())
}

fn check_juche(text: &str) -> Result<(), TestCaseError> {
    let grammar = fp::juche_grammar(text);
    if let Some(date) = fp::juche_fast(text) {
        prop_assert_eq!(grammar.clone().map(|j| j.date()), Ok(date), "{:?}", text);
    }
    prop_assert_eq!(text.parse::<JucheDate>(), grammar);
    Ok(())
}

fn check_month_name(text: &str) -> Result<(), TestCaseError> {
    let grammar = fp::month_name_grammar(text);
    if let Some(date) = fp::month_name_fast(text) {
        prop_assert_eq!(
            grammar.clone(),
            Ok(MonthNameDate::from_date(date).unwrap()),
            "{:?}",
            text
        );
    }
    prop_assert_eq!(text.parse::<MonthNameDate>(), grammar);
    Ok(())
}

fn check_dateline(text: &str) -> Result<(), TestCaseError> {
    let grammar = fp::dateline_grammar(text);
    if let Some((place, month, day, agency)) = fp::dateline_fast(text) {
        let parsed = grammar.clone().map(|d| {
            (
                d.place().to_owned(),
                d.month(),
                d.day(),
                d.agency().to_owned(),
            )
        });
        prop_assert_eq!(parsed, Ok((place, month, day, agency)), "{:?}", text);
    }
    prop_assert_eq!(text.parse::<Dateline>(), grammar);
    Ok(())
}

#[test]
fn fast_paths_take_the_common_forms() {
    assert!(fp::dmy_fast("08/11/2022").is_some());
    assert!(fp::dmy_fast("8/1/2022").is_some());
    assert!(fp::juche_fast("Juche111.11.8.").is_some());
    assert!(fp::juche_fast("Juche113.1.23").is_some());
    assert!(fp::month_name_fast("May 08, 2025").is_some());
    assert!(fp::month_name_fast("Dec. 5, 2024").is_some());
    assert!(fp::month_name_fast("Sept. 5, 2024").is_some());
    assert!(fp::month_name_fast("Sept 5, 2024").is_some());
    assert!(fp::month_name_fast("September 15, 2024").is_some());
    assert!(fp::month_name_fast("May. 5, 2024").is_none());
    assert_eq!(
        fp::dmy_prefix_fast("08/11/2022 | KCNA").map(|p| p.1),
        Some(10)
    );
    assert_eq!(fp::dmy_prefix_fast("08/11/20221"), None);
    assert_eq!(
        fp::juche_prefix_fast("Juche113.8.4.] Kim").map(|p| p.1),
        Some(13)
    );
    assert_eq!(
        fp::juche_prefix_fast("Juche113.8.4] Kim").map(|p| p.1),
        Some(12)
    );
    assert_eq!(fp::juche_prefix_fast("Juche113.8.123"), None);
    assert_eq!(
        fp::dotted_prefix_fast("2025.12.14. Text").map(|p| p.1),
        Some(11)
    );
    assert_eq!(
        fp::month_name_prefix_fast("May 08, 2025May").map(|p| p.1),
        Some(12)
    );
    assert_eq!(fp::month_name_prefix_fast("May 08, 2025 Thursday"), None);
    assert_eq!(
        fp::month_name_prefix_fast("May 08, 2025 Thurs").map(|p| p.1),
        Some(12)
    );
    assert!(fp::dateline_fast("Pyongyang, November 8 (KCNA)").is_some());
    assert!(fp::dateline_fast("Pyongyang, November 8 (KCNA) --").is_some());
    // Errors are the grammar's.
    assert!(fp::dmy_fast("08/13/2022").is_none());
    assert!(fp::juche_fast("Juche0.1.1.").is_none());
    assert!(fp::juche_fast("Juche99999999999999999999.1.1.").is_none());
}
