//! The byte-level fast paths agree with the nom grammars on every input: where a fast path accepts,
//! the grammar accepts with the same value, and the public parser (fast path, then grammar) gives
//! exactly what the grammar gives, errors included.
//!
//! Case counts: 20,000 near-miss texts per notation, 5,000 arbitrary strings per notation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use kcna_dates::__fastpath as fp;
use kcna_dates::{Dateline, JucheDate, MonthNameDate, parse_dmy};
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
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn fast_paths_agree_on_any_text(text in "\\PC{0,40}") {
        check_dmy(&text)?;
        check_juche(&text)?;
        check_month_name(&text)?;
        check_dateline(&text)?;
    }
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
    assert!(fp::dateline_fast("Pyongyang, November 8 (KCNA)").is_some());
    assert!(fp::dateline_fast("Pyongyang, November 8 (KCNA) --").is_some());
    // Errors are the grammar's.
    assert!(fp::dmy_fast("08/13/2022").is_none());
    assert!(fp::juche_fast("Juche0.1.1.").is_none());
    assert!(fp::juche_fast("Juche99999999999999999999.1.1.").is_none());
}
