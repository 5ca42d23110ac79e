//! `scan`: what it finds in free text, what it must not invent, and that every span re-parses.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use chrono::NaiveDate;
use kcna_dates::{ErrorKind, Field, Found, Notation, NotationKind, scan};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (kind, text, date) of every valid notation found.
fn found(text: &str) -> Vec<(NotationKind, &str, Option<NaiveDate>)> {
    scan(text)
        .filter(Found::is_valid)
        .map(|f| (f.kind(), &text[f.span()], f.date()))
        .collect()
}

#[test]
fn glued_listing_dates_are_two_dates() {
    let text = "May 08, 2025May 08, 2025";
    assert_eq!(
        found(text),
        [
            (
                NotationKind::MonthName,
                "May 08, 2025",
                Some(ymd(2025, 5, 8))
            ),
            (
                NotationKind::MonthName,
                "May 08, 2025",
                Some(ymd(2025, 5, 8))
            ),
        ]
    );
}

#[test]
fn a_notation_just_after_another_is_found() {
    // `scan` skips the anchors inside a notation it found; the next notation's anchor may be
    // the first byte after it (a one-digit day before `/` or ` de `).
    let juche_year = (
        NotationKind::JucheYear,
        "Juche 80 (1991)",
        None, // a year, not a date
    );
    assert_eq!(
        found("Juche 80 (1991)8/11/2022"),
        [
            juche_year,
            (NotationKind::Dmy, "8/11/2022", Some(ymd(2022, 11, 8)))
        ]
    );
    assert_eq!(
        found("Juche 80 (1991)5 de junio de 2000"),
        [
            juche_year,
            (
                NotationKind::SpanishDate,
                "5 de junio de 2000",
                Some(ymd(2000, 6, 5))
            )
        ]
    );
    assert_eq!(
        found("08/11/2022 2025.12.14."),
        [
            (NotationKind::Dmy, "08/11/2022", Some(ymd(2022, 11, 8))),
            (
                NotationKind::DottedStamp,
                "2025.12.14.",
                Some(ymd(2025, 12, 14))
            )
        ]
    );
}

#[test]
fn on_glued_to_a_word_may_be_in_a_place_on_after_a_space_is_not() {
    let kinds = |text| {
        scan(text)
            .map(|f| (f.kind(), &text[f.span()]))
            .collect::<Vec<_>>()
    };
    // Glued to the word before, `on` is inside a place's word: the dateline starts before it.
    assert_eq!(
        kinds("ABC년on Monday, November 7 (KNS) -- x"),
        [(
            NotationKind::Dateline,
            "ABC년on Monday, November 7 (KNS) --"
        )]
    );
    assert_eq!(
        kinds("Mt.on Monday, November 7 (KCNA) -- x"),
        [(NotationKind::Dateline, "Mt.on Monday, November 7 (KCNA) --")]
    );
    // After a space it is a word of its own, which no place has.
    for text in [
        "Talks held on Monday, November 7 (KCNA) -- x",
        "Pyongyang on Monday, November 7 (KCNA) -- x",
    ] {
        assert_eq!(
            kinds(text),
            [(NotationKind::MonthDayRef, "on Monday, November 7")],
            "{text}"
        );
    }
}

#[test]
fn list_label_after_tabs_is_one_stamp() {
    let text = "Kim Jong Un Inspects Factory\r\n\t\t\t\t\t\t\t[Juche113.8.1.]";
    assert_eq!(
        found(text),
        [(
            NotationKind::JucheStamp,
            "Juche113.8.1.",
            Some(ymd(2024, 8, 1))
        )]
    );
}

#[test]
fn dateline_glued_to_the_next_word() {
    let text = "Pyongyang, November 8 (KCNA) --Kim Jong Un visited";
    let all = found(text);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].0, NotationKind::Dateline);
    assert_eq!(all[0].1, "Pyongyang, November 8 (KCNA) --");
    assert_eq!(all[0].2, None, "a dateline has no year");
}

#[test]
fn dateline_with_no_break_space_and_en_dash() {
    let text = "Pyongyang, November 3 (KCNA) \u{2013}\u{a0}Avengers";
    let all = found(text);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].1, "Pyongyang, November 3 (KCNA) \u{2013}");
}

#[test]
fn kcna_watch_page_has_every_signal() {
    let text = "November 08, 2022November 08, 2022\n\
                Date: 08/11/2022 | Source: KCNA\n\
                Pyongyang, November 8 (KCNA) -- A meeting was held on Monday.\n\
                www.kcna.kp (Juche111.11.8.)";
    let kinds = found(text);
    assert_eq!(
        kinds,
        [
            (
                NotationKind::MonthName,
                "November 08, 2022",
                Some(ymd(2022, 11, 8))
            ),
            (
                NotationKind::MonthName,
                "November 08, 2022",
                Some(ymd(2022, 11, 8))
            ),
            (NotationKind::Dmy, "08/11/2022", Some(ymd(2022, 11, 8))),
            (
                NotationKind::Dateline,
                "Pyongyang, November 8 (KCNA) --",
                None
            ),
            // A weekday in the body is a notation without a date of its own.
            (NotationKind::WeekdayRef, "on Monday", None),
            (
                NotationKind::JucheStamp,
                "Juche111.11.8.",
                Some(ymd(2022, 11, 8))
            ),
        ]
    );
}

#[test]
fn every_notation_of_the_core_is_found() {
    let text = "Gregorian (2025.12.14.), Rodong Mar. 10, Juche 111 (2022) Thursday, \
                the year Juche 99 and Juche 81(1992), and on Monday, November 7, 2022.";
    let kinds: Vec<_> = found(text).into_iter().map(|(k, t, _)| (k, t)).collect();
    assert_eq!(
        kinds,
        [
            (NotationKind::DottedStamp, "2025.12.14."),
            (
                NotationKind::MonthName,
                "Mar. 10, Juche 111 (2022) Thursday"
            ),
            (NotationKind::JucheYear, "Juche 99"),
            (NotationKind::JucheYear, "Juche 81(1992)"),
            (NotationKind::MonthName, "Monday, November 7, 2022"),
        ]
    );
}

#[test]
fn does_not_invent_dates() {
    for text in [
        "the Juche idea",
        "3/4 of the delegates",
        "1,000/2024",
        "108/11/20221",
        "08/11/20221",
        "Juche-oriented",
        "Juche",
        "Juche idea and Juche-based",
        "In May the Party",
        "version 1.2.3",
        "12.5 percent in 2022.",
        "Pyongyang, the capital",
        "Kim Jong Un, General Secretary",
        "on Mondays",
        "in 2014",
    ] {
        let all: Vec<_> = scan(text).collect();
        assert!(all.is_empty(), "{text:?} gave {all:?}");
    }
    // A weekday or a month named without `on`/`in` is a body date (a month stays a month).
    for (text, kind) in [
        ("upon Monday", NotationKind::Weekday),
        ("in October", NotationKind::Month),
        ("May Day", NotationKind::NamedDay),
    ] {
        let all: Vec<_> = scan(text).map(|f| (f.kind(), f.date())).collect();
        assert_eq!(all, [(kind, None)], "{text:?}");
    }
}

#[test]
fn invalid_dates_are_marked_candidates_never_dates() {
    let text = "It was 31/02/2022, or Juche 29 (1930), or Feb. 19, 2026 Friday.";
    let all: Vec<_> = scan(text).collect();
    assert_eq!(all.len(), 3, "{all:?}");
    for f in &all {
        assert!(!f.is_valid());
        assert_eq!(f.date(), None);
        assert!(f.notation().is_none());
    }
    assert_eq!(&text[all[0].span()], "31/02/2022");
    assert_eq!(
        all[0].error().unwrap().kind(),
        ErrorKind::OutOfRange {
            field: Field::Day,
            value: 31,
            min: 1,
            max: 29
        }
    );
    assert!(matches!(
        all[1].error().unwrap().kind(),
        ErrorKind::YearMismatch {
            juche: 29,
            gregorian: 1930
        }
    ));
    assert!(matches!(
        all[2].error().unwrap().kind(),
        ErrorKind::WeekdayMismatch { .. }
    ));
    // The error span points into the scanned text, at the day.
    assert_eq!(&text[all[0].error().unwrap().span()], "31");
}

#[test]
fn spans_reparse_alone_to_the_same_value() {
    let text = "Pyongyang, December 31 (KCNA) -- On Dec. 29, 2023 and May 08, 2025May 08, 2025, \
                Juche 113 (2024), [Juche113.1.23.] 2024.02.11. Date: 8/1/2024.";
    let all: Vec<_> = scan(text).collect();
    assert_eq!(all.len(), 8, "{all:?}");
    let mut last_end = 0;
    for f in all {
        let span = f.span();
        assert!(span.start >= last_end, "ordered and non-overlapping");
        last_end = span.end;
        let alone: Notation = text[span.clone()].parse().unwrap();
        assert_eq!(Some(&alone), f.notation(), "{:?}", &text[span]);
    }
}

#[test]
fn scan_is_lazy() {
    let text = "Juche111.11.8. ".repeat(1000);
    let mut it = scan(&text);
    assert_eq!(it.next().unwrap().span(), 0..14);
    assert_eq!(it.next().unwrap().span(), 15..29);
}

#[test]
fn spans_are_on_char_boundaries_in_non_ascii_text() {
    let text = "주체111(2022)년 — Pyongyang, November 8 (KCNA) —\u{a0}평양 Juche111.11.8.";
    for f in scan(text) {
        assert!(text.is_char_boundary(f.span().start) && text.is_char_boundary(f.span().end));
    }
    // `주체111(2022)년` is a Korean Juche year (issue 6), then the dateline and the stamp.
    let all = found(text);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].0, NotationKind::KoreanJucheYear);
}

#[test]
fn place_is_capitalised_words_not_the_sentence_before_it() {
    let text = "The delegation arrived in Pyongyang, November 8 (KCNA) -- and Dar es Salaam, June 3 (KCNA)";
    let all = found(text);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].1, "Pyongyang, November 8 (KCNA) --");
    assert_eq!(all[1].1, "Dar es Salaam, June 3 (KCNA)");
}
