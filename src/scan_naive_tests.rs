//! `scan` equals the byte-by-byte scan (`scan_naive`, a test hook) on KCNA-like text: a unit
//! test, as the hook exists only in the crate's own test build (and under `cfg(fuzzing)`).
//! Moved from `tests/scan.rs`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use kcna_dates::{Found, scan};

#[path = "../tests/support/edition_texts.rs"]
mod edition_texts;
use proptest::prelude::*;

/// Pieces of KCNA-like text: notations, near misses, glue and noise.
const PIECES: &[&str] = &[
    "Pyongyang, November 8 (KCNA) --",
    "Dar es Salaam, June 3 (KCNA)",
    "Kim Jong Un, ",
    "Monday, ",
    "November 7, 2022",
    "May 08, 2025",
    "Dec. 5, ",
    "Juche 80 (1991)",
    "Juche 29 (1930)",
    "Juche",
    "Juche111.11.8.",
    "Juche0.1.1.",
    "08/11/2022",
    "8/11/2022",
    "31/02/2022",
    "3/4",
    "1,000/2024",
    "2025.12.14.",
    "2023.3.13",
    "12.5",
    " Thursday",
    " Friday",
    ", ",
    " ",
    "\n",
    "\t[",
    "]",
    "(",
    ")",
    " -- ",
    "\u{a0}",
    "the Juche idea",
    "on Monday",
    "in May",
    "Sept. ",
    "February 29",
    "(ACNC)",
    "Panmunjom",
    "1",
    "08",
    "2024",
    ".",
    "/",
    "주체",
    "é",
    "ABC",
    // Korean, Japanese and Spanish editions.
    "(평양 8월 21일발 조선중앙통신)",
    "(평양",
    "（",
    "）",
    "평양",
    "주체107(2018)년 7월 9일",
    "주체87（1998）년",
    "주체８８（１９９９）년",
    "주체１００년",
    "주체100년대",
    "주체29(1930)년",
    "주체사상",
    "1999년 01월 01일",
    "2026년",
    "년",
    " 8월 21일",
    "월",
    "일",
    "\u{3000}",
    "１",
    "２０２６",
    "【平壌７月５日発朝鮮中央通信】",
    "【恵山7月20日発朝鮮中央通信】",
    "【",
    "】",
    "発",
    "－－－",
    "[2026-08-21]",
    "2026-08-21",
    "-",
    "2026-02-30",
    "Pyongyang, 24 de diciembre (ACNC) --",
    "15 de junio de 2000",
    "5 de junio de 2000",
    "23 de octubre del 101 (2012)",
    " de junio",
    " de ",
    "de",
    "del",
    "diciembre",
    "el 15 de junio",
    "los dias 25 y 30 de agosto",
    // Body dates without a year, and their keywords alone.
    "on ",
    "in ",
    "on",
    "in",
    "upon ",
    "Monday",
    "Friday",
    "Monday, ",
    "on Monday, November 7",
    "in October 2014",
    "in May Juche 106 (2017)",
    "El ",
    "el ",
    "los días ",
    "los dias ",
    " y ",
    "25",
    "7월 9일",
    "4월13일제철소",
    "까지",
    // Archive datelines.
    "PYONGYANG, MARCH 1 (KCNA) --",
    "pyongyang, ",
    "pyongyang",
    "(KNS-KCNA)",
    "(KCNA correspondent)",
    "( KCNA )",
    "(KNCA)",
    "primero de ",
    "Abril",
    "Mt. Kumgang resort, ",
    "Sept. ",
    "MARCH",
    "march",
    "Tokyo February 8 (KNS) -",
    "Inspects Factory Pyongyang, ",
];

fn texts() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// 4,096 generated texts: the anchored scanner finds exactly what the byte-by-byte one does.
    #[test]
    fn scan_matches_naive_scan(text in texts()) {
        let fast: Vec<Found> = scan(&text).collect();
        let naive: Vec<Found> = kcna_dates::__internal::scan_naive(&text).collect();
        prop_assert_eq!(fast, naive);
    }

    /// 1,024 arbitrary strings, the same.
    #[test]
    fn scan_matches_naive_scan_on_any_text(text in "\\PC{0,80}") {
        let fast: Vec<Found> = scan(&text).collect();
        let naive: Vec<Found> = kcna_dates::__internal::scan_naive(&text).collect();
        prop_assert_eq!(fast, naive);
    }
}

/// Text of the three editions.
mod edition_text {
    use kcna_dates::{Found, scan};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// The anchored scanner finds exactly what the byte-by-byte one does on edition text
        /// (moved from `tests/editions_properties.rs`).
        #[test]
        fn scan_matches_naive_on_edition_text(text in super::edition_texts::texts()) {
            let fast: Vec<Found> = scan(&text).collect();
            let naive: Vec<Found> = kcna_dates::__internal::scan_naive(&text).collect();
            prop_assert_eq!(fast, naive);
        }
    }
}
