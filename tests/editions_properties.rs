//! Properties of the other KCNA editions (issue 6): every new value type round-trips through
//! `Display` and `FromStr`, full-width digits read as ASCII ones, and no text makes a parser,
//! `scan` or `date_article` panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use chrono::{Datelike, NaiveDate};
use kcna_dates::{
    ArticleOptions, Dateline, Edition, JucheYear, KoreanDate, Notation, SpanishDate, YearStyle,
    date_article, scan,
};
use proptest::prelude::*;

fn date_between(from: i32, to: i32) -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(from, 1, 1).unwrap();
    let days = NaiveDate::from_ymd_opt(to, 12, 31)
        .unwrap()
        .signed_duration_since(start)
        .num_days();
    (0..=days).prop_map(move |d| start + chrono::Days::new(u64::try_from(d).unwrap()))
}

fn style() -> impl Strategy<Value = YearStyle> {
    prop_oneof![
        Just(YearStyle::Gregorian),
        Just(YearStyle::Juche),
        Just(YearStyle::JucheGregorian)
    ]
}

/// `text` with each ASCII digit made full-width where `mask` says so (cycling).
fn widen(text: &str, mask: &[bool]) -> String {
    let mut i = 0;
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => {
                let wide = mask.get(i % mask.len().max(1)).copied().unwrap_or(false);
                i += 1;
                if wide {
                    char::from_u32(0xFF10 + d).unwrap()
                } else {
                    c
                }
            }
            None => c,
        })
        .collect()
}

#[path = "support/edition_texts.rs"]
mod edition_texts;
use edition_texts::texts;

fn korean_place() -> impl Strategy<Value = (&'static str, &'static str)> {
    proptest::sample::select(vec![
        ("평양", "조선중앙통신"),
        ("판문점", "조선중앙통신"),
        ("혜산", "조선중앙통신"),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn korean_date_round_trip(date in date_between(1912, 9999), style in style()) {
        let value = KoreanDate::new(date, style).unwrap();
        let text = value.to_string();
        prop_assert_eq!(text.parse::<KoreanDate>().unwrap(), value);
        let n: Notation = text.parse().unwrap();
        prop_assert_eq!(n, Notation::KoreanDate(value));
    }

    #[test]
    fn korean_date_gregorian_before_juche_round_trip(date in date_between(1000, 1911)) {
        let value = KoreanDate::new(date, YearStyle::Gregorian).unwrap();
        prop_assert_eq!(value.to_string().parse::<KoreanDate>().unwrap(), value);
        prop_assert!(KoreanDate::new(date, YearStyle::Juche).is_err());
    }

    #[test]
    fn spanish_date_round_trip(date in date_between(1912, 9999), style in style()) {
        let value = SpanishDate::new(date, style).unwrap();
        let text = value.to_string();
        prop_assert_eq!(text.parse::<SpanishDate>().unwrap(), value);
        prop_assert_eq!(text.parse::<Notation>().unwrap(), Notation::SpanishDate(value));
    }

    #[test]
    fn iso_and_korean_juche_year_round_trip(date in date_between(1912, 9999), with in any::<bool>()) {
        let iso = Notation::IsoDate(date);
        prop_assert_eq!(iso.to_string().parse::<Notation>().unwrap(), iso);
        let juche = if with {
            JucheYear::from_gregorian(date.year()).unwrap()
        } else {
            JucheYear::new(u32::try_from(date.year() - 1911).unwrap()).unwrap()
        };
        let year = Notation::KoreanJucheYear(juche);
        prop_assert_eq!(year.to_string().parse::<Notation>().unwrap(), year);
    }

    #[test]
    fn dateline_round_trip_per_edition(
        month in 1u32..=12,
        day in 1u32..=31,
        edition in prop_oneof![
            Just(Edition::English), Just(Edition::Spanish), Just(Edition::Korean), Just(Edition::Japanese)
        ],
        (ko_place, ko_agency) in korean_place(),
    ) {
        let (place, agency) = match edition {
            Edition::Korean => (ko_place, ko_agency),
            Edition::Japanese => ("平壌", "朝鮮中央通信"),
            Edition::Spanish => ("Pyongyang", "ACNC"),
            _ => ("Pyongyang", "KCNA"),
        };
        let Ok(value) = Dateline::new_in(edition, place, month, day, agency) else {
            prop_assume!(false);
            unreachable!();
        };
        let text = value.to_string();
        let back: Dateline = text.parse().unwrap();
        prop_assert_eq!(back.edition(), edition);
        prop_assert_eq!(&back, &value);
        prop_assert_eq!(text.parse::<Notation>().unwrap(), Notation::Dateline(value));
    }

    /// Full-width digits, anywhere in a number, read as the ASCII ones: same value, and spans
    /// still on char boundaries of the original text.
    #[test]
    fn full_width_digits_read_as_ascii(
        date in date_between(1912, 2100),
        style in style(),
        mask in proptest::collection::vec(any::<bool>(), 1..8),
        month in 1u32..=12,
        day in 1u32..=28,
    ) {
        let korean = KoreanDate::new(date, style).unwrap().to_string();
        let wide = widen(&korean, &mask);
        prop_assert_eq!(wide.parse::<KoreanDate>().unwrap(), korean.parse::<KoreanDate>().unwrap());
        let year = Notation::KoreanJucheYear(JucheYear::from_gregorian(2018).unwrap()).to_string();
        prop_assert_eq!(widen(&year, &mask).parse::<Notation>().unwrap(), year.parse::<Notation>().unwrap());
        for dateline in [format!("(평양 {month}월 {day}일발 조선중앙통신)"), format!("【平壌{month}月{day}日発朝鮮中央通信】")] {
            let wide = widen(&dateline, &mask);
            prop_assert_eq!(wide.parse::<Dateline>().unwrap(), dateline.parse::<Dateline>().unwrap());
        }
        let text = format!("가{wide} 나");
        for found in scan(&text) {
            prop_assert!(text.is_char_boundary(found.span().start) && text.is_char_boundary(found.span().end));
            if let Some(err) = found.error() {
                prop_assert!(text.is_char_boundary(err.span().start) && text.is_char_boundary(err.span().end));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// No edition text makes a parser, `scan` or `date_article` panic; every span is on char
    /// boundaries.
    #[test]
    fn edition_text_never_panics(text in texts()) {
        never_panics(&text)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,60}") {
        never_panics(&text)?;
    }
}

fn never_panics(text: &str) -> Result<(), TestCaseError> {
    let _ = text.parse::<Notation>();
    let _ = text.parse::<Dateline>();
    let _ = text.parse::<KoreanDate>();
    let _ = text.parse::<SpanishDate>();
    let _ = Notation::parse_prefix(text);
    for found in scan(text) {
        prop_assert!(
            text.is_char_boundary(found.span().start) && text.is_char_boundary(found.span().end)
        );
        if let Some(n) = found.notation() {
            prop_assert_eq!(&text[found.span()].parse::<Notation>().unwrap(), n);
        }
    }
    let reference = NaiveDate::from_ymd_opt(2018, 7, 12).unwrap();
    let dated = date_article(text, &ArticleOptions::new().with_reference(reference));
    for body in &dated.body_dates {
        prop_assert!(
            text.is_char_boundary(body.span.start) && text.is_char_boundary(body.span.end)
        );
    }
    Ok(())
}
