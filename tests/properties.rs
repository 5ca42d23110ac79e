//! Property tests for the core parsers.
//!
//! Case counts (each proptest sets its own with `ProptestConfig::with_cases`):
//!
//! | property | cases |
//! |---|---|
//! | `juche_date_round_trip_sampled` | 2 000 |
//! | `every_juche_date_round_trips_*` (two plain tests) | exhaustive: all 2 954 082 days 1912-01-01..=9999-12-31 |
//! | `juche_stamp_edge_numbers` | 5 000 |
//! | `juche_year_edge_numbers` | 3 000 |
//! | `dmy_valid_dates_parse_back` | 3 000 |
//! | `dmy_day_month_combinations` | 5 000 |
//! | `every_dmy_day_month_combination` (plain test) | exhaustive: day 0..=99 x month 0..=99, padded and not, 8 years |
//! | `dmy_agrees_with_chrono_random_digits` | 10 000 |
//! | `dmy_agrees_with_chrono_near_valid` | 5 000 |
//! | `dmy_agrees_with_chrono_exhaustive` (plain test) | exhaustive: dd 00..=99 x mm 00..=99, 7 years |
//! | `dateline_resolves_to_generating_date` | 3 000 |
//! | `dateline_resolves_february_29` | 2 000 |
//! | `dateline_resolution_policy` | 3 000 |
//! | `month_name_date_round_trip` | 3 000 |
//! | `juche_year_round_trip` | 2 000 |
//! | `dateline_round_trip` | 3 000 |
//! | `arbitrary_text_never_panics` | 4 000 |
//! | `arbitrary_bytes_never_panic` | 4 000 |
//! | `near_miss_text_never_panics` | 6 000 |

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use std::fmt::{Debug, Write as _};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use kcna_dates::{
    Dateline, Error, ErrorKind, Expected, Field, JucheDate, JucheYear, MonthNameDate, Notation,
    NotationKind, parse_dmy, parse_dmy_prefix, parse_dotted, parse_dotted_prefix,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// The largest day `month` has in any year.
fn max_day(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date with `days` days after `from` (saturating at `to`).
fn date_between(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = u64::try_from(to.signed_duration_since(from).num_days()).unwrap();
    (0..=span).prop_map(move |n| from.checked_add_days(Days::new(n)).unwrap_or(to))
}

fn juche_era() -> impl Strategy<Value = NaiveDate> {
    date_between(ymd(1912, 1, 1), ymd(9999, 12, 31))
}

fn four_digit_years() -> impl Strategy<Value = NaiveDate> {
    date_between(ymd(0, 1, 1), ymd(9999, 12, 31))
}

/// Numbers biased to the edges of every range the parsers check.
fn edge_u32() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(2),
        Just(12),
        Just(13),
        Just(28),
        Just(29),
        Just(30),
        Just(31),
        Just(32),
        Just(99),
        Just(100),
        Just(1911),
        Just(1912),
        Just(8088),
        Just(260_231),
        Just(260_232),
        Just(u32::MAX),
        Just(u32::try_from(i32::MAX).unwrap()),
        Just(u32::try_from(i32::MAX).unwrap() - 1911),
        Just(u32::try_from(i32::MAX).unwrap() - 1910),
        0..=40u32,
        0..=400u32,
        any::<u32>(),
    ]
}

// ---------------------------------------------------------------------------------------------
// Juche stamps

/// `NaiveDate -> JucheDate -> to_string -> parse -> NaiveDate`, into a reused buffer.
fn juche_round_trip(date: NaiveDate, buf: &mut String) -> Result<(), String> {
    let stamp = JucheDate::try_from(date).map_err(|e| format!("{date}: {e}"))?;
    buf.clear();
    write!(buf, "{stamp}").unwrap();
    let back: JucheDate = buf.parse().map_err(|e| format!("{buf:?}: {e}"))?;
    if NaiveDate::from(back) != date || i64::from(back.year()) + 1911 != i64::from(date.year()) {
        return Err(format!("{date} -> {buf:?} -> {back:?}"));
    }
    Ok(())
}

/// Round-trips every day from `first` to `last`; returns how many.
fn round_trip_every_day(first: NaiveDate, last: NaiveDate) -> u32 {
    let mut buf = String::new();
    let mut date = first;
    let mut count = 0u32;
    loop {
        if let Err(problem) = juche_round_trip(date, &mut buf) {
            panic!("{problem}");
        }
        count += 1;
        if date == last {
            break;
        }
        date = date.succ_opt().unwrap();
    }
    count
}

/// Every day of the Juche era with a four-digit Gregorian year, 1912-01-01..=9999-12-31 (2 954 082
/// days), in two halves that the test harness runs in parallel: about 3 s each in a debug build
/// on an idle machine (the work is half formatting, half parsing).
#[test]
fn every_juche_date_round_trips_1912_to_5955() {
    assert_eq!(
        round_trip_every_day(ymd(1912, 1, 1), ymd(5955, 12, 31)),
        1_477_041
    );
}

/// The second half of the exhaustive round trip.
#[test]
fn every_juche_date_round_trips_5956_to_9999() {
    assert_eq!(
        round_trip_every_day(ymd(5956, 1, 1), ymd(9999, 12, 31)),
        1_477_041
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn juche_date_round_trip_sampled(date in juche_era()) {
        let mut buf = String::new();
        juche_round_trip(date, &mut buf).map_err(TestCaseError::fail)?;
        let stamp = JucheDate::try_from(date).unwrap();
        prop_assert_eq!(JucheDate::new(stamp.year(), stamp.month(), stamp.day()), Ok(stamp));
        prop_assert_eq!((stamp.month(), stamp.day()), (date.month(), date.day()));
    }
}

/// The Gregorian year of Juche `y`, if chrono has it.
fn gregorian_of(y: u32) -> Option<i32> {
    let year = i32::try_from(i64::from(y) + 1911).ok()?;
    NaiveDate::from_ymd_opt(year, 1, 1).map(|_| year)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    /// `Juche{y}.{m}.{d}.` parses iff y >= 1 and the day exists, with the error of the piece at
    /// fault otherwise.
    #[test]
    fn juche_stamp_edge_numbers(
        y in edge_u32(),
        m in edge_u32(),
        d in edge_u32(),
        padded in any::<bool>(),
        final_dot in any::<bool>(),
    ) {
        let text = if padded {
            format!("Juche{y}.{m:02}.{d:02}{}", if final_dot { "." } else { "" })
        } else {
            format!("Juche{y}.{m}.{d}{}", if final_dot { "." } else { "" })
        };
        let y_len = y.to_string().len();
        let m_len = if padded { format!("{m:02}").len() } else { m.to_string().len() };
        let d_start = 5 + y_len + 1 + m_len + 1;
        let gregorian = gregorian_of(y).filter(|_| y >= 1);
        let date = gregorian.and_then(|g| NaiveDate::from_ymd_opt(g, m, d));
        let got = text.parse::<JucheDate>();
        match (&got, date) {
            (Ok(stamp), Some(date)) => {
                prop_assert_eq!(NaiveDate::from(*stamp), date);
                prop_assert_eq!(i64::from(stamp.year()) + 1911, i64::from(date.year()));
                prop_assert_eq!(stamp.year(), y);
            }
            (Err(e), None) => {
                let want = if m_len > 2 {
                    (ErrorKind::Expected(Expected::Month), 5 + y_len + 1..5 + y_len + 1)
                } else if d >= 100 {
                    (ErrorKind::Expected(Expected::Day), d_start..d_start)
                } else if gregorian.is_none() {
                    (juche_year_out_of_range(y), 5..5 + y_len)
                } else if !(1..=12).contains(&m) {
                    (month_out_of_range(m), 5 + y_len + 1..d_start - 1)
                } else if d == 0 || d > max_day(m) {
                    (day_out_of_range(m, d), d_start..text.len() - usize::from(final_dot))
                } else {
                    (
                        ErrorKind::NoSuchDate { year: gregorian.unwrap(), month: m, day: d },
                        d_start..text.len() - usize::from(final_dot),
                    )
                };
                prop_assert_eq!((e.kind(), e.span()), want, "{:?}: {}", text, e);
            }
            _ => prop_assert!(false, "{:?}: got {:?}, want {:?}", text, got, date),
        }
        prop_assert_eq!(JucheDate::new(y, m, d).ok().map(NaiveDate::from), date);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    /// `Juche {y}` parses iff 1 <= y and chrono has y + 1911; `Juche {y} ({g:04})` also needs
    /// g == y + 1911.
    #[test]
    fn juche_year_edge_numbers(y in edge_u32(), g in prop_oneof![Just(1911u32), Just(1912), 0..=9999u32, edge_u32()], tight in any::<bool>()) {
        let gregorian = gregorian_of(y).filter(|_| y >= 1);
        let bare = format!("Juche {y}");
        let got = bare.parse::<JucheYear>();
        prop_assert_eq!(got.as_ref().ok().map(JucheYear::gregorian), gregorian, "{:?}", bare);
        if let Err(e) = &got {
            prop_assert_eq!((e.kind(), e.span()), (juche_year_out_of_range(y), 6..bare.len()));
        }

        let text = format!("Juche {y}{}({g:04})", if tight { "" } else { " " });
        let got = text.parse::<JucheYear>();
        let g_len = format!("{g:04}").len();
        match (&got, gregorian) {
            (Ok(value), Some(year)) => {
                prop_assert_eq!(i64::from(year), i64::from(g));
                prop_assert_eq!((value.juche(), value.gregorian(), value.has_gregorian()), (y, year, true));
            }
            (Err(e), _) if g_len > 6 => {
                // Seven digits and more are no year in brackets.
                prop_assert_eq!(e.kind(), if gregorian.is_some() { ErrorKind::TrailingInput } else { juche_year_out_of_range(y) }, "{:?}", text);
            }
            (Err(e), None) => {
                prop_assert_eq!(e.kind(), juche_year_out_of_range(y), "{:?}", text);
            }
            (Err(e), Some(year)) => {
                prop_assert_ne!(i64::from(year), i64::from(g));
                prop_assert_eq!(e.kind(), ErrorKind::YearMismatch { juche: y, gregorian: i32::try_from(g).unwrap() }, "{:?}", text);
                prop_assert_eq!(e.span(), 6..text.len() - 1);
            }
            (Ok(value), None) => prop_assert!(false, "{:?} parsed as {:?}", text, value),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// DD/MM/YYYY

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn dmy_valid_dates_parse_back(date in four_digit_years()) {
        let padded = format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year());
        let unpadded = format!("{}/{}/{:04}", date.day(), date.month(), date.year());
        prop_assert_eq!(parse_dmy(&padded), Ok(date));
        prop_assert_eq!(parse_dmy(&unpadded), Ok(date));
        prop_assert_eq!(parse_dmy_prefix(&format!("{padded} | Source: KCNA")), Ok((date, padded.len())));
        prop_assert_eq!(
            padded.parse::<Notation>().map(|n| (n.kind(), n.date(), n.to_string())),
            Ok((NotationKind::Dmy, Some(date), padded.clone()))
        );
    }
}

/// The error kind of month `m` read outside 1 to 12.
fn month_out_of_range(m: u32) -> ErrorKind {
    ErrorKind::OutOfRange {
        field: Field::Month,
        value: i64::from(m),
        min: 1,
        max: 12,
    }
}

/// The error kind of day `d` read with month `m`, outside 1 to the month's last day.
fn day_out_of_range(m: u32, d: u32) -> ErrorKind {
    ErrorKind::OutOfRange {
        field: Field::Day,
        value: i64::from(d),
        min: 1,
        max: i64::from(max_day(m)),
    }
}

/// The error kind of Juche year `y` read outside 1 to 260231.
fn juche_year_out_of_range(y: u32) -> ErrorKind {
    ErrorKind::OutOfRange {
        field: Field::JucheYear,
        value: i64::from(y),
        min: 1,
        max: 260_231,
    }
}

/// What `parse_dmy` must say about day `d`, month `m`, year `y` written with the given widths.
fn dmy_expectation(
    d: u32,
    m: u32,
    y: i32,
    d_len: usize,
    m_len: usize,
) -> Result<NaiveDate, (ErrorKind, std::ops::Range<usize>)> {
    let day_span = 0..d_len;
    let month_span = d_len + 1..d_len + 1 + m_len;
    if !(1..=12).contains(&m) {
        return Err((month_out_of_range(m), month_span));
    }
    if d == 0 || d > max_day(m) {
        return Err((day_out_of_range(m, d), day_span));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or((
        ErrorKind::NoSuchDate {
            year: y,
            month: m,
            day: d,
        },
        day_span,
    ))
}

fn check_dmy_combination(d: u32, m: u32, y: i32, padded: bool) -> Result<(), String> {
    let (text, d_len, m_len) = if padded {
        (format!("{d:02}/{m:02}/{y:04}"), 2, 2)
    } else {
        (
            format!("{d}/{m}/{y:04}"),
            d.to_string().len(),
            m.to_string().len(),
        )
    };
    let want = dmy_expectation(d, m, y, d_len, m_len);
    let got = parse_dmy(&text).map_err(|e| (e.kind(), e.span()));
    if got == want {
        Ok(())
    } else {
        Err(format!("{text:?}: got {got:?}, want {want:?}"))
    }
}

/// Every day 0..=99 with every month 0..=99, padded and unpadded, in years that cover leap-year
/// rules.
#[test]
fn every_dmy_day_month_combination() {
    let mut failures = Vec::new();
    for y in [0, 1, 1900, 2000, 2023, 2024, 2100, 9999] {
        for m in 0..=99 {
            for d in 0..=99 {
                for padded in [true, false] {
                    if let Err(problem) = check_dmy_combination(d, m, y, padded) {
                        failures.push(problem);
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures, first: {:?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn dmy_day_month_combinations(
        d in prop_oneof![0..=99u32, 28..=31u32],
        m in prop_oneof![0..=99u32, 1..=12u32],
        y in 0..=9999i32,
        padded in any::<bool>(),
    ) {
        check_dmy_combination(d, m, y, padded).map_err(TestCaseError::fail)?;
    }
}

/// `parse_dmy` and chrono's `%d/%m/%Y` on `text`: both succeed with the same date, or both fail.
fn agrees_with_chrono(text: &str) -> Result<(), String> {
    let ours = parse_dmy(text).ok();
    let chrono = NaiveDate::parse_from_str(text, "%d/%m/%Y").ok();
    if ours == chrono {
        Ok(())
    } else {
        Err(format!("{text:?}: parse_dmy {ours:?}, chrono {chrono:?}"))
    }
}

#[test]
fn dmy_agrees_with_chrono_exhaustive() {
    let mut failures = Vec::new();
    for y in ["0000", "0001", "1900", "2000", "2023", "2024", "9999"] {
        for m in 0..=99 {
            for d in 0..=99 {
                if let Err(problem) = agrees_with_chrono(&format!("{d:02}/{m:02}/{y}")) {
                    failures.push(problem);
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreements, first: {:?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn dmy_agrees_with_chrono_random_digits(text in "[0-9]{2}/[0-9]{2}/[0-9]{4}") {
        agrees_with_chrono(&text).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn dmy_agrees_with_chrono_near_valid(d in 0..=32u32, m in 0..=13u32, y in 0..=9999u32) {
        agrees_with_chrono(&format!("{d:02}/{m:02}/{y:04}")).map_err(TestCaseError::fail)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Dateline resolution

fn dateline_for(date: NaiveDate) -> Dateline {
    Dateline::new("Pyongyang", date.month(), date.day(), "KCNA").unwrap()
}

/// Resolution takes a date far enough from chrono's ends for `D - grace + 364 days` to exist.
fn resolvable_dates() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        4 => juche_era(),
        1 => date_between(
            NaiveDate::MIN.checked_add_days(Days::new(800)).unwrap(),
            NaiveDate::MAX.checked_sub_days(Days::new(800)).unwrap(),
        ),
    ]
}

fn check_resolves_to(date: NaiveDate, grace: u32, offset: u64) -> Result<(), TestCaseError> {
    // The documented policy: a reference between `grace` days before the story and a year
    // after it (D - grace <= R <= D - grace + 364) gives the story's date.
    let reference = date
        .checked_sub_days(Days::new(u64::from(grace)))
        .unwrap()
        .checked_add_days(Days::new(offset))
        .unwrap();
    let dateline = dateline_for(date);
    prop_assert_eq!(
        dateline.resolve_with_grace(reference, grace),
        Ok(date),
        "{} resolved at {} with grace {}",
        dateline,
        reference,
        grace
    );
    if grace == kcna_dates::DEFAULT_GRACE_DAYS {
        prop_assert_eq!(dateline.resolve(reference), Ok(date));
    }
    // One day earlier than the window, the story's date is after reference + grace.
    let before = date
        .checked_sub_days(Days::new(u64::from(grace) + 1))
        .unwrap();
    prop_assert_ne!(dateline.resolve_with_grace(before, grace), Ok(date));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn dateline_resolves_to_generating_date(
        date in resolvable_dates(),
        grace in 0..=5u32,
        offset in prop_oneof![Just(0u64), Just(364), 0..=364u64],
    ) {
        check_resolves_to(date, grace, offset)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn dateline_resolves_february_29(
        year in prop_oneof![0..=2500i32, -260_000..=260_000i32],
        grace in 0..=5u32,
        offset in prop_oneof![Just(0u64), Just(364), 0..=364u64],
    ) {
        // The leap year at or after `year`.
        let leap = (year..).find(|&y| NaiveDate::from_ymd_opt(y, 2, 29).is_some()).unwrap();
        check_resolves_to(ymd(leap, 2, 29), grace, offset)?;
    }
}

/// References anywhere in chrono's range, biased to its ends.
fn any_reference() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        3 => juche_era(),
        1 => date_between(NaiveDate::MIN, NaiveDate::MAX),
        1 => date_between(NaiveDate::MIN, NaiveDate::MIN.checked_add_days(Days::new(800)).unwrap()),
        1 => date_between(NaiveDate::MAX.checked_sub_days(Days::new(800)).unwrap(), NaiveDate::MAX),
    ]
}

fn month_day() -> impl Strategy<Value = (u32, u32)> {
    prop_oneof![
        1 => Just((2u32, 29u32)),
        1 => Just((1, 1)),
        1 => Just((12, 31)),
        6 => (1..=12u32).prop_flat_map(|m| (Just(m), 1..=max_day(m))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    /// The policy of `resolve_with_grace`, by brute force: the latest date with the dateline's
    /// month and day that is not after `reference + grace` and at most 365 days before it; an
    /// `Unresolvable` error when there is none (or `reference + grace` leaves chrono's range).
    #[test]
    fn dateline_resolution_policy(
        reference in any_reference(),
        (month, day) in month_day(),
        grace in prop_oneof![4 => 0..=5u32, 1 => any::<u32>()],
    ) {
        let dateline = Dateline::new("Pyongyang", month, day, "KCNA").unwrap();
        let limit = reference.checked_add_days(Days::new(u64::from(grace)));
        let want = limit.and_then(|limit| {
            (0..=365u64)
                .filter_map(|k| limit.checked_sub_days(Days::new(k)))
                .find(|d| (d.month(), d.day()) == (month, day))
        });
        let got = dateline.resolve_with_grace(reference, grace);
        match want {
            Some(date) => prop_assert_eq!(got, Ok(date)),
            None => prop_assert_eq!(
                got.map_err(|e| e.kind()),
                Err(ErrorKind::Unresolvable { month, day, reference })
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Display -> FromStr round trips

#[derive(Clone, Copy, Debug)]
enum YearStyle {
    Gregorian,
    JucheBare,
    JucheWithGregorian,
}

#[derive(Clone, Copy, Debug)]
enum WeekdayStyle {
    None,
    Leading,
    Trailing,
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn abbreviated(month: u32) -> &'static str {
    [
        "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ][month as usize - 1]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn month_name_date_round_trip(
        date in four_digit_years(),
        year_style in prop_oneof![Just(YearStyle::Gregorian), Just(YearStyle::JucheBare), Just(YearStyle::JucheWithGregorian)],
        weekday_style in prop_oneof![Just(WeekdayStyle::None), Just(WeekdayStyle::Leading), Just(WeekdayStyle::Trailing)],
        short_month in any::<bool>(),
        padded_day in any::<bool>(),
    ) {
        // Built by the constructor.
        let plain = MonthNameDate::from_date(date).unwrap();
        let text = plain.to_string();
        prop_assert_eq!(text.parse::<MonthNameDate>(), Ok(plain), "{:?}", text);
        prop_assert_eq!(&text, &format!("{} {}, {:04}", MONTHS[date.month0() as usize], date.day(), date.year()));

        // Built by parsing a text in any of the styles.
        let year_style = if date.year() < 1912 { YearStyle::Gregorian } else { year_style };
        let juche = date.year() - 1911;
        let year = match year_style {
            YearStyle::Gregorian => format!("{:04}", date.year()),
            YearStyle::JucheBare => format!("Juche {juche}"),
            YearStyle::JucheWithGregorian => format!("Juche {juche} ({})", date.year()),
        };
        let month = if short_month { abbreviated(date.month()) } else { MONTHS[date.month0() as usize] };
        let day = if padded_day { format!("{:02}", date.day()) } else { date.day().to_string() };
        let weekday = weekday_name(date.weekday());
        let text = match weekday_style {
            WeekdayStyle::None => format!("{month} {day}, {year}"),
            WeekdayStyle::Leading => format!("{weekday}, {month} {day}, {year}"),
            WeekdayStyle::Trailing => format!("{month} {day}, {year} {weekday}"),
        };
        let value: MonthNameDate = text.parse().map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(value.date(), date);
        prop_assert_eq!(value.weekday().is_some(), !matches!(weekday_style, WeekdayStyle::None));
        prop_assert_eq!(
            value.juche_year().map(|y| (i64::from(y.juche()), y.has_gregorian())),
            match year_style {
                YearStyle::Gregorian => None,
                YearStyle::JucheBare => Some((i64::from(juche), false)),
                YearStyle::JucheWithGregorian => Some((i64::from(juche), true)),
            }
        );
        let canonical = value.to_string();
        prop_assert_eq!(canonical.parse::<MonthNameDate>(), Ok(value), "{:?} -> {:?}", text, canonical);
        prop_assert_eq!(canonical.parse::<Notation>(), Ok(Notation::MonthName(value)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn juche_year_round_trip(juche in prop_oneof![1..=300u32, 1..=260_231u32, Just(260_231u32)], gregorian in prop_oneof![1912..=2100i32, 1912..=262_142i32]) {
        let bare = JucheYear::new(juche).unwrap();
        prop_assert_eq!(bare.to_string(), format!("Juche {juche}"));
        prop_assert_eq!(bare.to_string().parse::<JucheYear>(), Ok(bare));
        prop_assert_eq!(i64::from(bare.gregorian()), i64::from(juche) + 1911);

        let both = JucheYear::from_gregorian(gregorian).unwrap();
        prop_assert_eq!(both.gregorian(), gregorian);
        prop_assert!(both.has_gregorian());
        let text = both.to_string();
        prop_assert_eq!(text.parse::<JucheYear>(), Ok(both), "{:?}", text);
        prop_assert_eq!(text.parse::<Notation>(), Ok(Notation::JucheYear(both)));
    }
}

/// Whether `word` is an English month name or abbreviation in one of the cases datelines use.
fn is_month_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    MONTHS.iter().any(|m| {
        [m.to_string(), m.to_uppercase(), m.to_lowercase()]
            .iter()
            .any(|form| form == word || form.get(..3) == Some(word))
    }) || ["Sept", "SEPT", "sept"].contains(&word)
}

/// The tags of KCNA's closed list as archives write them, and misspellings one edit away.
fn agency_tag() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("KCNA".to_owned()),
        1 => prop::sample::select(vec![
            "ACNC", "ATCC", "kcna", "atcc", "Kcna", "KNS", "KNS-KCNA", "Korea News Service",
            "SNC-ATCC", "KCNA Correspondent", "KCNA correspondent", "KCNA-Correspondent",
            "Corresponsal de ATCC", "corresponsal de la ACNC", "KNCA", "KCNAA", "KCN", "ACCN",
        ]).prop_map(str::to_owned),
    ]
}

/// Place names: capitalised words, with particles such as `es` inside (`Dar es Salaam`).
fn place_name() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => "[A-Z][a-z]{0,9}",
        1 => "[A-ZÜÉ][a-zäöüéñ]{1,8}",
        1 => "[A-Z][a-z]{1,5}-[a-z]{1,2}-[A-Z][a-z]{1,5}",
        1 => "[A-Z][a-z]{0,3}\\.",
        1 => "[A-Z][a-z]{1,4}'[a-z]{1,3}",
        1 => Just("Juche".to_owned()),
    ];
    // A month name after the first word ends the place (`Pyongyang November 8`): not a place word.
    let later = prop_oneof![
        5 => word.clone().prop_filter("a month name ends a place", |w| !is_month_word(w)),
        1 => Just("es".to_owned()),
        1 => Just("de".to_owned()),
        1 => Just("resort".to_owned()),
    ];
    (word, prop::collection::vec(later, 0..=4)).prop_map(|(first, rest)| {
        let mut place = first;
        for w in rest {
            place.push(' ');
            place.push_str(&w);
        }
        place
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn dateline_round_trip(
        place in place_name(),
        (month, day) in month_day(),
        agency in agency_tag(),
        separator in prop_oneof![Just(""), Just(" --"), Just(" -- "), Just("--"), Just(" \u{2013} "), Just(" \u{2014}\u{a0}")],
    ) {
        let built = Dateline::new(&place, month, day, &agency);
        if place.len() > 64 {
            prop_assert!(built.is_err(), "{:?} is longer than 64 bytes", place);
            return Ok(());
        }
        let value = built.map_err(|e| TestCaseError::fail(format!("{place:?}: {e}")))?;
        prop_assert_eq!((value.place(), value.month(), value.day(), value.agency()), (place.as_str(), month, day, agency.as_str()));
        let text = value.to_string();
        prop_assert_eq!(&text, &format!("{place}, {} {day} ({agency})", MONTHS[month as usize - 1]));
        prop_assert_eq!(text.parse::<Dateline>(), Ok(value.clone()), "{:?}", text);
        prop_assert_eq!(text.parse::<Notation>(), Ok(Notation::Dateline(value.clone())), "{:?}", text);
        let with_separator = format!("{text}{separator}");
        prop_assert_eq!(with_separator.parse::<Dateline>(), Ok(value.clone()));
        let body = format!("{with_separator}Kim Jong Un");
        prop_assert_eq!(Dateline::parse_prefix(&body), Ok((value, with_separator.len())));
    }

    /// Every variant an archive writes reads as the same dateline as its canonical form: the month
    /// in capitals, lower case or abbreviated (with or without its full stop), the place in
    /// capitals, a comma after the month, no comma after the place or blanks around it, blanks
    /// inside the parentheses, a single hyphen as separator.
    #[test]
    fn dateline_variants_read_as_the_canonical_form(
        place in place_name(),
        (month, day) in month_day(),
        agency in agency_tag(),
        month_form in 0..5usize,
        comma_form in 0..5usize,
        paren_form in 0..3usize,
        upper_place in any::<bool>(),
        separator in prop_oneof![Just(""), Just(" - "), Just("- "), Just(" -- ")],
    ) {
        let Ok(canonical) = Dateline::new(&place, month, day, &agency) else {
            return Ok(()); // too long a place
        };
        let full = MONTHS[month as usize - 1];
        let month_text = match month_form {
            0 => full.to_uppercase(),
            1 => full.to_lowercase(),
            2 => format!("{}.", &full[..3]),
            3 => full[..3].to_owned(),
            _ => format!("{full},"),
        };
        let between = [", ", " , ", ",", " ", ",  "][comma_form];
        let (open, close) = [("(", ")"), ("( ", " )"), ("(", ")")][paren_form];
        let place_text = if upper_place && place.is_ascii() && !place.contains(' ') {
            place.to_uppercase()
        } else {
            place.clone()
        };
        let text = format!("{place_text}{between}{month_text} {day} {open}{agency}{close}{separator}");
        let read = text.parse::<Dateline>();
        prop_assert!(read.is_ok(), "{:?}: {:?}", text, read);
        let read = read.unwrap();
        prop_assert_eq!((read.place(), read.month(), read.day(), read.agency()),
            (place_text.as_str(), canonical.month(), canonical.day(), canonical.agency()), "{:?}", text);
        prop_assert_eq!(read.news_agency(), canonical.news_agency());
        // The canonical text of what was read reads back to it.
        prop_assert_eq!(read.to_string().parse::<Dateline>(), Ok(read.clone()));
        // scan finds it whole in running text, after a headline on the line before (scan starts a
        // place at an ASCII letter only).
        if !place.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Ok(());
        }
        let page = format!("Headline Here\n{text}Kim Jong Un visited.");
        let found: Vec<_> = kcna_dates::scan(&page).filter(|f| f.kind() == kcna_dates::NotationKind::Dateline).collect();
        prop_assert_eq!(found.len(), 1, "{:?}", page);
        prop_assert_eq!(found[0].span().start, "Headline Here\n".len(), "{:?}", page);
    }
}

// ---------------------------------------------------------------------------------------------
// Arbitrary text

/// An error's span lies in the input, on character boundaries.
fn check_span(input: &str, err: &Error, what: &str) -> Result<(), TestCaseError> {
    let span = err.span();
    prop_assert!(
        span.start <= span.end
            && span.end <= input.len()
            && input.is_char_boundary(span.start)
            && input.is_char_boundary(span.end),
        "{}: {:?} has span {:?} for input of {} bytes",
        what,
        input,
        span,
        input.len()
    );
    // The message renders.
    prop_assert!(!err.to_string().is_empty());
    Ok(())
}

/// One parser against `input`: the strict and prefix forms agree, spans and lengths are sane,
/// what the prefix read parses strictly to the same value, and a parsed value's `Display` reads
/// back to itself.
fn check_parser<T: PartialEq + Debug>(
    what: &str,
    input: &str,
    from_str: impl Fn(&str) -> Result<T, Error>,
    prefix: impl Fn(&str) -> Result<(T, usize), Error>,
    display: impl Fn(&T) -> String,
) -> Result<Option<T>, TestCaseError> {
    let strict = from_str(input);
    let pre = prefix(input);
    if let Err(e) = &strict {
        check_span(input, e, what)?;
    }
    match &pre {
        Ok((value, len)) => {
            prop_assert!(
                *len > 0 && *len <= input.len() && input.is_char_boundary(*len),
                "{}: {:?} read {} bytes",
                what,
                input,
                len
            );
            let again = from_str(&input[..*len]);
            prop_assert_eq!(
                again.as_ref(),
                Ok(value),
                "{}: {:?} read as prefix of {:?}",
                what,
                &input[..*len],
                input
            );
        }
        Err(e) => check_span(input, e, what)?,
    }
    match (&strict, &pre) {
        (Ok(v), Ok((pv, len))) => {
            prop_assert_eq!(v, pv, "{}: {:?}", what, input);
            prop_assert_eq!(*len, input.len(), "{}: {:?}", what, input);
        }
        (Err(e), Ok((_, len))) => {
            prop_assert_eq!(e.kind(), ErrorKind::TrailingInput, "{}: {:?}", what, input);
            prop_assert_eq!(e.span().start, *len, "{}: {:?}", what, input);
        }
        (Err(e), Err(pe)) => {
            prop_assert_eq!(
                (e.kind(), e.span()),
                (pe.kind(), pe.span()),
                "{}: {:?}",
                what,
                input
            );
        }
        (Ok(_), Err(pe)) => prop_assert!(false, "{}: {:?} strict ok, prefix {:?}", what, input, pe),
    }
    if let Ok(value) = &strict {
        let text = display(value);
        let again = from_str(&text);
        prop_assert_eq!(
            again.as_ref(),
            Ok(value),
            "{}: {:?} displayed as {:?}",
            what,
            input,
            text
        );
    }
    Ok(strict.ok())
}

fn dmy_text(d: &NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

fn dotted_text(d: &NaiveDate) -> String {
    format!("{:04}.{:02}.{:02}.", d.year(), d.month(), d.day())
}

/// Every public parser on `input`.
fn check_all(input: &str) -> Result<(), TestCaseError> {
    let stamp = check_parser(
        "JucheDate",
        input,
        str::parse::<JucheDate>,
        JucheDate::parse_prefix,
        ToString::to_string,
    )?;
    let year = check_parser(
        "JucheYear",
        input,
        str::parse::<JucheYear>,
        JucheYear::parse_prefix,
        ToString::to_string,
    )?;
    let month_name = check_parser(
        "MonthNameDate",
        input,
        str::parse::<MonthNameDate>,
        MonthNameDate::parse_prefix,
        ToString::to_string,
    )?;
    let dateline = check_parser(
        "Dateline",
        input,
        str::parse::<Dateline>,
        Dateline::parse_prefix,
        ToString::to_string,
    )?;
    let dmy = check_parser("parse_dmy", input, parse_dmy, parse_dmy_prefix, dmy_text)?;
    let dotted = check_parser(
        "parse_dotted",
        input,
        parse_dotted,
        parse_dotted_prefix,
        dotted_text,
    )?;
    let notation = check_parser(
        "Notation",
        input,
        str::parse::<Notation>,
        Notation::parse_prefix,
        ToString::to_string,
    )?;
    // What Notation reads, the notation's own parser reads the same.
    if let Some(n) = notation {
        let same = match &n {
            Notation::JucheStamp(v) => stamp == Some(*v),
            Notation::JucheYear(v) => year == Some(*v),
            Notation::MonthName(v) => month_name == Some(*v),
            Notation::Dateline(v) => dateline.as_ref() == Some(v),
            Notation::Dmy(v) => dmy == Some(*v),
            Notation::DottedStamp(v) => dotted == Some(*v),
            _ => false,
        };
        prop_assert!(same, "{:?}: Notation read {:?}", input, n);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        check_all(&text)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        check_all(&String::from_utf8_lossy(&bytes))?;
    }
}

/// Real notations to mutate.
const SAMPLES: &[&str] = &[
    "Juche111.11.8.",
    "Juche113.01.05",
    "Juche 113 (2024)",
    "Juche 81(1992)",
    "Juche 99",
    "08/11/2022",
    "29/02/2024",
    "2025.12.14.",
    "2023.3.13",
    "May 08, 2025",
    "Dec. 5, Juche 80 (1991)",
    "Mar. 10, Juche 111 (2022) Thursday",
    "Monday, November 7, 2022",
    "Feb. 19, 2026 Thursday",
    "Pyongyang, November 8 (KCNA) --",
    "Dar es Salaam, June 3 (KCNA) \u{2013} Avengers",
    "Pyongyang, February 29 (KCNA) --\u{a0}Kim",
    "Juche Tower, April 15 (KCNA)",
];

#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, char),
    Delete(usize),
    Replace(usize, char),
}

fn edit_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            '0', '1', '2', '9', '.', '/', ',', ' ', '(', ')', '-', 'J', 'K', 'C', 'N', 'A', 'M',
            'e', '\u{a0}', '\u{2013}', '\u{2014}', 'é', '\t',
        ]),
        1 => any::<char>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), edit_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), edit_char()).prop_map(|(i, c)| Edit::Replace(i, c)),
    ]
}

fn apply(sample: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = sample.chars().collect();
    for e in edits {
        match *e {
            Edit::Insert(i, c) => {
                let at = i % (chars.len() + 1);
                chars.insert(at, c);
            }
            Edit::Delete(i) if !chars.is_empty() => {
                let at = i % chars.len();
                chars.remove(at);
            }
            Edit::Replace(i, c) if !chars.is_empty() => {
                let at = i % chars.len();
                chars[at] = c;
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6_000))]

    /// Notations with a few characters inserted, deleted or replaced: mostly errors of every
    /// kind, some still valid.
    #[test]
    fn near_miss_text_never_panics(
        sample in prop::sample::select(SAMPLES),
        edits in prop::collection::vec(edit(), 0..=3),
        suffix in prop_oneof![Just(""), Just(" Kim"), Just("]"), Just("\u{a0}")],
    ) {
        let text = apply(sample, &edits) + suffix;
        check_all(&text)?;
    }
}

#[test]
fn samples_are_valid() {
    // The samples mutated above are read by Notation (the two with text after them by prefix).
    for sample in SAMPLES {
        let (_, len) = Notation::parse_prefix(sample).unwrap();
        assert!(len >= 8, "{sample:?}");
    }
}
