//! jiff (feature `jiff`): the date types convert to and from `jiff::civil::Date` as they do with
//! chrono's `NaiveDate` (the chrono tests are `juche_stamp_accessors_and_conversions`,
//! `juche_boundary` and `month_name_date` in `golden.rs`, and the Juche round trips in
//! `properties.rs`), with `TryFrom` where jiff's narrower range (years -9999 to 9999) can fail.
//!
//! | test | cases |
//! |---|---|
//! | `every_day_agrees_with_chrono_*` (plain tests) | exhaustive: 1900-01-01..=2100-12-31, the first and last 3 years of jiff's range |
//! | `jiff_agrees_with_chrono_sampled` | 3 000 |

#![cfg(feature = "jiff")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use chrono::{Datelike, NaiveDate};
use jiff::civil::{Date, date};
use kcna_dates::{ErrorKind, Field, JucheDate, MonthNameDate};
use proptest::prelude::*;

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// The `NaiveDate` of a jiff date, built from its parts (independently of the crate).
fn naive(d: Date) -> NaiveDate {
    ymd(
        i32::from(d.year()),
        u32::try_from(d.month()).unwrap(),
        u32::try_from(d.day()).unwrap(),
    )
}

#[test]
fn juche_stamp_conversions() {
    let stamp: JucheDate = "Juche111.11.8.".parse().unwrap();
    assert_eq!(Date::try_from(stamp).unwrap(), date(2022, 11, 8));
    assert_eq!(JucheDate::try_from(date(2022, 11, 8)).unwrap(), stamp);
    let into: Date = stamp.try_into().unwrap();
    assert_eq!(into, date(2022, 11, 8));

    // Both libraries agree on the same stamp.
    assert_eq!(
        naive(Date::try_from(stamp).unwrap()),
        NaiveDate::from(stamp)
    );

    // Bracketed list stamp read by prefix.
    let (value, len) = JucheDate::parse_prefix("Juche113.8.4.] Kim Jong Un").unwrap();
    assert_eq!(
        (Date::try_from(value).unwrap(), len),
        (date(2024, 8, 4), 13)
    );
}

#[test]
fn juche_boundary() {
    // 1911-12-31: the day before Juche 1, same error as from chrono.
    let e = JucheDate::try_from(date(1911, 12, 31)).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::BeforeJuche {
            date: ymd(1911, 12, 31)
        }
    );
    assert_eq!(e.span(), 0..0);
    assert_eq!(
        e.to_string(),
        "1911-12-31 is before 1912-01-01 (Juche 1) and has no Juche date; DPRK practice writes such years in Gregorian only"
    );
    assert_eq!(e, JucheDate::try_from(ymd(1911, 12, 31)).unwrap_err());

    // 1912-01-01: Juche 1, JucheDate::MIN.
    let first = JucheDate::try_from(date(1912, 1, 1)).unwrap();
    assert_eq!(first.to_string(), "Juche1.1.1.");
    assert_eq!(first, JucheDate::MIN);
    assert_eq!(first.year(), 1);
    assert_eq!(Date::try_from(JucheDate::MIN).unwrap(), date(1912, 1, 1));

    // jiff's first day is long before Juche 1.
    assert_eq!(
        JucheDate::try_from(Date::MIN).unwrap_err().kind(),
        ErrorKind::BeforeJuche {
            date: ymd(-9999, 1, 1)
        }
    );

    // jiff's last day, 9999-12-31, is Juche 8088; it converts both ways.
    let last = JucheDate::try_from(Date::MAX).unwrap();
    assert_eq!(last.to_string(), "Juche8088.12.31.");
    assert_eq!(Date::try_from(last).unwrap(), Date::MAX);
    assert_eq!(JucheDate::new(8088, 12, 31).unwrap(), last);

    // The next day is chrono's, not jiff's: the year is out of jiff's range.
    for (text, year) in [("Juche8089.1.1.", 10_000), ("Juche260231.12.31.", 262_142)] {
        let stamp: JucheDate = text.parse().unwrap();
        let e = Date::try_from(stamp).unwrap_err();
        assert_eq!(
            (e.kind(), e.span()),
            (jiff_year_out_of_range(year), 0..0),
            "{text}"
        );
        assert_eq!(
            e.to_string(),
            format!("year {year} is out of range, expected -9999 to 9999")
        );
    }
    let chrono_last = JucheDate::try_from(NaiveDate::MAX).unwrap();
    assert_eq!(
        Date::try_from(chrono_last).unwrap_err().kind(),
        jiff_year_out_of_range(262_142)
    );
}

#[test]
fn leap_days() {
    let rows = [
        (1912, "Juche1.2.29."),
        (2000, "Juche89.2.29."),
        (2024, "Juche113.2.29."),
        (9996, "Juche8085.2.29."),
    ];
    for (year, text) in rows {
        let leap = date(i16::try_from(year).unwrap(), 2, 29);
        let stamp = JucheDate::try_from(leap).unwrap();
        assert_eq!(stamp.to_string(), text);
        assert_eq!(text.parse::<JucheDate>().unwrap(), stamp);
        assert_eq!(Date::try_from(stamp).unwrap(), leap);
        let written = MonthNameDate::from_date(ymd(year, 2, 29)).unwrap();
        assert_eq!(Date::try_from(written).unwrap(), leap);
    }
    // A leap day before 1912 is a real date with no Juche form.
    assert_eq!(
        JucheDate::try_from(date(1908, 2, 29)).unwrap_err().kind(),
        ErrorKind::BeforeJuche {
            date: ymd(1908, 2, 29)
        }
    );
    // jiff refuses 2023-02-29 itself; the Juche stamp is refused by the parser.
    assert!(Date::new(2023, 2, 29).is_err());
    assert!("Juche112.2.29.".parse::<JucheDate>().is_err());
}

#[test]
fn month_name_date() {
    let plain = MonthNameDate::from_date(ymd(2022, 11, 8)).unwrap();
    assert_eq!(Date::try_from(plain).unwrap(), date(2022, 11, 8));
    let rows = [
        ("May 08, 2025", date(2025, 5, 8)),
        ("Dec. 5, Juche 80 (1991)", date(1991, 12, 5)),
        ("Mar. 10, Juche 111 (2022) Thursday", date(2022, 3, 10)),
        ("Monday, November 7, 2022", date(2022, 11, 7)),
        ("February 29, 2024", date(2024, 2, 29)),
        ("January 1, 0000", date(0, 1, 1)),
        ("December 31, 9999", Date::MAX),
        ("Dec. 31, Juche 8088", Date::MAX),
        ("Jan. 1, Juche 1 (1912)", date(1912, 1, 1)),
    ];
    for (text, want) in rows {
        let d: MonthNameDate = text.parse().unwrap();
        assert_eq!(Date::try_from(d).unwrap(), want, "{text}");
        assert_eq!(naive(want), NaiveDate::from(d), "{text}");
    }
    // After 9999 only a Juche year can write the date; jiff cannot hold it.
    for (text, year) in [
        ("Jan. 1, Juche 8089", 10_000),
        ("Dec. 5, Juche 260231 (262142)", 262_142),
    ] {
        let d: MonthNameDate = text.parse().unwrap();
        let e = Date::try_from(d).unwrap_err();
        assert_eq!(
            (e.kind(), e.span()),
            (jiff_year_out_of_range(year), 0..0),
            "{text}"
        );
    }
}

/// The error of a conversion to jiff of a date in Gregorian `year`, after jiff's last year.
fn jiff_year_out_of_range(year: i64) -> ErrorKind {
    ErrorKind::OutOfRange {
        field: Field::Year,
        value: year,
        min: -9999,
        max: 9999,
    }
}

/// Every conversion of `d` agrees with the same conversion of its `NaiveDate`.
fn agrees(d: Date) -> Result<(), String> {
    let n = naive(d);
    let from_jiff = JucheDate::try_from(d);
    let from_chrono = JucheDate::try_from(n);
    if from_jiff != from_chrono {
        return Err(format!("{d}: {from_jiff:?} != {from_chrono:?}"));
    }
    if let Ok(stamp) = from_jiff {
        if Date::try_from(stamp) != Ok(d) || NaiveDate::from(stamp) != n {
            return Err(format!("{d}: {stamp:?} does not convert back"));
        }
        if i64::from(stamp.year()) + 1911 != i64::from(d.year()) {
            return Err(format!("{d}: Juche year {}", stamp.year()));
        }
    }
    if (0..=9999).contains(&n.year()) {
        let written = MonthNameDate::from_date(n).map_err(|e| format!("{d}: {e}"))?;
        if Date::try_from(written) != Ok(d) {
            return Err(format!("{d}: {written:?} does not convert back"));
        }
    }
    Ok(())
}

/// Checks every day from `first` to `last`; returns how many.
fn every_day(first: Date, last: Date) -> u32 {
    let mut d = first;
    let mut count = 0;
    loop {
        agrees(d).unwrap();
        count += 1;
        if d == last {
            return count;
        }
        d = d.tomorrow().unwrap();
    }
}

#[test]
fn every_day_agrees_with_chrono_1900_to_2100() {
    assert_eq!(every_day(date(1900, 1, 1), date(2100, 12, 31)), 73_414);
}

#[test]
fn every_day_agrees_with_chrono_at_jiffs_ends() {
    assert_eq!(every_day(Date::MIN, date(-9997, 12, 31)), 1_095);
    assert_eq!(every_day(date(9997, 1, 1), Date::MAX), 1_095);
}

/// Any jiff date, biased to the ends of its range and to the start of the Juche calendar.
fn any_jiff_date() -> impl Strategy<Value = Date> {
    let year = prop_oneof![
        -9999..=9999i16,
        1905..=1920i16,
        prop_oneof![Just(-9999i16), Just(0), Just(1911), Just(1912), Just(9999)],
    ];
    (year, 1..=12i8, 1..=31i8).prop_map(|(y, m, d)| {
        let first = Date::new(y, m, 1).unwrap();
        Date::new(y, m, d.min(first.days_in_month())).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn jiff_agrees_with_chrono_sampled(d in any_jiff_date()) {
        agrees(d).map_err(TestCaseError::fail)?;
    }
}
