//! Single-notation parsers against what a user would write without this crate.
//!
//! Each group times our parser and its alternatives on the same input, after asserting once that
//! they all give the same answer:
//!
//! * `dmy`: `parse_dmy("08/11/2022")` vs chrono `parse_from_str` and jiff `strptime` (`%d/%m/%Y`);
//! * `month_name`: `"May 08, 2025".parse::<MonthNameDate>()` vs chrono and jiff (`%B %d, %Y`);
//! * `juche_stamp`: `"Juche111.11.8.".parse::<JucheDate>()` vs hand-written split-and-parse code;
//! * `dateline`: `"Pyongyang, November 8 (KCNA)".parse::<Dateline>()` vs a regex with captures.
//!
//! Run: `cargo bench --bench parse -- --noplot`.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use kcna_dates::{Dateline, JucheDate, MonthNameDate, parse_dmy};
use regex::Regex;

const DMY: &str = "08/11/2022";
const MONTH_NAME: &str = "May 08, 2025";
const JUCHE: &str = "Juche111.11.8.";
const DATELINE: &str = "Pyongyang, November 8 (KCNA)";

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn jiff_to_chrono(d: jiff::civil::Date) -> NaiveDate {
    ymd(i32::from(d.year()), d.month() as u32, d.day() as u32)
}

/// What a user would write for a Juche stamp without this crate.
fn juche_by_hand(s: &str) -> Option<NaiveDate> {
    let rest = s.strip_prefix("Juche")?;
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    let mut parts = rest.split('.');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || year < 1 {
        return None;
    }
    NaiveDate::from_ymd_opt(year + 1911, month, day)
}

/// The dateline regex a user would write (compiled once, outside the timing loop).
fn dateline_regex() -> Regex {
    Regex::new(
        r"^([A-Z][\w ]+), (January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}) \((\w+)\)",
    )
    .unwrap()
}

fn month_number(name: &str) -> Option<u32> {
    Some(match name {
        "January" => 1,
        "February" => 2,
        "March" => 3,
        "April" => 4,
        "May" => 5,
        "June" => 6,
        "July" => 7,
        "August" => 8,
        "September" => 9,
        "October" => 10,
        "November" => 11,
        "December" => 12,
        _ => return None,
    })
}

/// Place, month, day, agency, as the regex alternative reads them.
fn dateline_by_regex<'a>(re: &Regex, s: &'a str) -> Option<(&'a str, u32, u32, &'a str)> {
    let caps = re.captures(s)?;
    let month = month_number(caps.get(2)?.as_str())?;
    let day: u32 = caps.get(3)?.as_str().parse().ok()?;
    // Checked like ours: a day the month never has is rejected.
    NaiveDate::from_ymd_opt(2024, month, day)?;
    Some((caps.get(1)?.as_str(), month, day, caps.get(4)?.as_str()))
}

fn config() -> Criterion {
    Criterion::default()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .sample_size(50)
}

fn dmy(c: &mut Criterion) {
    let expected = ymd(2022, 11, 8);
    assert_eq!(parse_dmy(DMY).unwrap(), expected);
    assert_eq!(
        NaiveDate::parse_from_str(DMY, "%d/%m/%Y").unwrap(),
        expected
    );
    assert_eq!(
        jiff_to_chrono(jiff::civil::Date::strptime("%d/%m/%Y", DMY).unwrap()),
        expected
    );

    let mut g = c.benchmark_group("dmy");
    g.bench_function("kcna_dates::parse_dmy", |b| {
        b.iter(|| parse_dmy(black_box(DMY)));
    });
    g.bench_function("chrono::parse_from_str", |b| {
        b.iter(|| NaiveDate::parse_from_str(black_box(DMY), "%d/%m/%Y"));
    });
    g.bench_function("jiff::strptime", |b| {
        b.iter(|| jiff::civil::Date::strptime("%d/%m/%Y", black_box(DMY)));
    });
    g.finish();
}

fn month_name(c: &mut Criterion) {
    let expected = ymd(2025, 5, 8);
    assert_eq!(
        MONTH_NAME.parse::<MonthNameDate>().unwrap().date(),
        expected
    );
    assert_eq!(
        NaiveDate::parse_from_str(MONTH_NAME, "%B %d, %Y").unwrap(),
        expected
    );
    assert_eq!(
        jiff_to_chrono(jiff::civil::Date::strptime("%B %d, %Y", MONTH_NAME).unwrap()),
        expected
    );

    let mut g = c.benchmark_group("month_name");
    g.bench_function("kcna_dates::MonthNameDate", |b| {
        b.iter(|| black_box(MONTH_NAME).parse::<MonthNameDate>());
    });
    g.bench_function("chrono::parse_from_str", |b| {
        b.iter(|| NaiveDate::parse_from_str(black_box(MONTH_NAME), "%B %d, %Y"));
    });
    g.bench_function("jiff::strptime", |b| {
        b.iter(|| jiff::civil::Date::strptime("%B %d, %Y", black_box(MONTH_NAME)));
    });
    g.finish();
}

fn juche(c: &mut Criterion) {
    let expected = ymd(2022, 11, 8);
    assert_eq!(
        NaiveDate::from(JUCHE.parse::<JucheDate>().unwrap()),
        expected
    );
    assert_eq!(juche_by_hand(JUCHE), Some(expected));
    // The hand code is not stricter than ours on these either.
    assert_eq!(juche_by_hand("Juche113.1.23"), Some(ymd(2024, 1, 23)));
    assert_eq!(juche_by_hand("Juche0.1.1."), None);

    let mut g = c.benchmark_group("juche_stamp");
    g.bench_function("kcna_dates::JucheDate", |b| {
        b.iter(|| black_box(JUCHE).parse::<JucheDate>());
    });
    g.bench_function("hand_code", |b| {
        b.iter(|| juche_by_hand(black_box(JUCHE)));
    });
    g.finish();
}

fn dateline(c: &mut Criterion) {
    let re = dateline_regex();
    let ours: Dateline = DATELINE.parse().unwrap();
    assert_eq!(
        dateline_by_regex(&re, DATELINE),
        Some((ours.place(), ours.month(), ours.day(), ours.agency()))
    );
    assert_eq!(
        (ours.place(), ours.month(), ours.day(), ours.agency()),
        ("Pyongyang", 11, 8, "KCNA")
    );

    let mut g = c.benchmark_group("dateline");
    g.bench_function("kcna_dates::Dateline", |b| {
        b.iter(|| black_box(DATELINE).parse::<Dateline>());
    });
    g.bench_function("regex::captures", |b| {
        b.iter(|| dateline_by_regex(&re, black_box(DATELINE)));
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = dmy, month_name, juche, dateline
}
criterion_main!(benches);
