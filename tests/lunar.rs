//! The Korean lunar calendar ([`LunarDate`]) against an independent table and against its own
//! conversions.
//!
//! * `kasi_fixture`: the Gregorian dates of the lunar New Year and of Chusok of every lunar year
//!   1900-2050, from the Korea Astronomy and Space Science Institute's (KASI) table through the
//!   PyPI package `korean-lunar-calendar` 0.4.0 (which covers lunar years up to 2050), stored as
//!   `tests/fixtures/lunar_kasi.csv` by `tests/fixtures/gen_lunar_kasi.py`. Each row is checked both
//!   ways.
//! * proptests: lunar to Gregorian to lunar, and Gregorian to lunar to Gregorian, are the identity
//!   over the whole supported span (Gregorian 1900-2100).
//! * `pyongyang_time_2015_2018`: the calendar recomputed with `calendrical_calculations` at UTC+8:30
//!   from 2015-08-15 to 2018-05-04 (Pyongyang Time) differs from the UTC+9 one on the months of
//!   2017-06-24 to 2017-08-21 only, as `LunarDate` has it; `pyongyang_2017` checks those months
//!   by name, and `pyongyang_time_1954_1961` that UTC+9 changes nothing while South Korea (and
//!   KASI) kept UTC+8:30.
//! * `every_day_of_the_span`: every day of 1900-2100 in order, with the calendar's structure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects, clippy::panic)]

use calendrical_calculations::chinese_based::{self, ChineseBased, Dangi};
use calendrical_calculations::gregorian::fixed_from_gregorian;
use calendrical_calculations::rata_die::RataDie;
use chrono::{Datelike, NaiveDate};
use icu_calendar::Date;
use icu_calendar::cal::KoreanTraditional;
use kcna_dates::{ErrorKind, Field, LunarDate, lunar};
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn parse_lunar(text: &str) -> LunarDate {
    text.parse().unwrap()
}

fn out_of_range(field: Field, value: i64, min: i64, max: i64) -> ErrorKind {
    ErrorKind::OutOfRange {
        field,
        value,
        min,
        max,
    }
}

fn iso(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn kasi_fixture() {
    let text = include_str!("fixtures/lunar_kasi.csv");
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    assert_eq!(lines.next(), Some("lunar_year,seollal,chusok"));
    let mut rows = 0;
    let mut years = Vec::new();
    for line in lines {
        let fields: Vec<&str> = line.split(',').collect();
        let [year, seollal, chusok] = fields[..] else {
            panic!("bad row {line:?}");
        };
        let year: i32 = year.parse().unwrap();
        for (month, day, date) in [(1, 1, iso(seollal)), (8, 15, iso(chusok))] {
            let lunar_date = LunarDate::new(year, month, false, day).unwrap();
            assert_eq!(
                lunar_date.to_gregorian(),
                date,
                "lunar {year}-{month}-{day}"
            );
            assert_eq!(
                LunarDate::from_gregorian(date).unwrap(),
                lunar_date,
                "{date}"
            );
            rows += 1;
        }
        assert_eq!(lunar::seollal(year).unwrap(), iso(seollal));
        assert_eq!(lunar::chusok(year).unwrap(), iso(chusok));
        years.push(year);
    }
    assert_eq!(years, (1900..=2050).collect::<Vec<_>>());
    assert_eq!(rows, 2 * 151);
}

/// Days from 1900-01-01 to 2100-12-31.
const SPAN_DAYS: i64 = 73_413;

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn gregorian_lunar_gregorian(offset in 0..=SPAN_DAYS) {
        let date = first_day() + chrono::Days::new(offset as u64);
        let lunar_date = LunarDate::from_gregorian(date).unwrap();
        prop_assert_eq!(lunar_date.to_gregorian(), date);
        prop_assert_eq!(NaiveDate::from(lunar_date), date);
        let again = LunarDate::new(
            lunar_date.year(),
            lunar_date.month(),
            lunar_date.is_leap_month(),
            lunar_date.day(),
        );
        prop_assert_eq!(again.unwrap(), lunar_date);
        prop_assert_eq!(lunar_date.to_string().parse::<LunarDate>().unwrap(), lunar_date);
    }

    #[test]
    fn lunar_gregorian_lunar(
        year in 1899..=2100i32,
        month in 1..=12u32,
        leap in proptest::bool::weighted(0.2),
        day in 1..=30u32,
    ) {
        match LunarDate::new(year, month, leap, day) {
            Ok(lunar_date) => {
                let date = lunar_date.to_gregorian();
                prop_assert!((1900..=2100).contains(&date.year()));
                prop_assert_eq!(LunarDate::from_gregorian(date).unwrap(), lunar_date);
                prop_assert_eq!(
                    (lunar_date.year(), lunar_date.month(), lunar_date.is_leap_month(), lunar_date.day()),
                    (year, month, leap, day)
                );
            }
            // Only day 30 of a 29-day month, a leap month the year lacks, or a day of lunar
            // 1899 or 2100 outside Gregorian 1900-2100.
            Err(err) => prop_assert!(
                day == 30 || leap || year == 1899 || year == 2100,
                "{year}-{month}{}-{day}: {err}",
                if leap { "L" } else { "" }
            ),
        }
    }
}

/// Pyongyang's reckoning: UTC+8:30 from 2015-08-15 00:00 (local) to 2018-05-05 00:00, UTC+9 (as
/// `Dangi`) otherwise.
struct PyongyangTime;

impl ChineseBased for PyongyangTime {
    fn utc_offset(fixed: RataDie) -> f64 {
        if fixed >= fixed_from_gregorian(2015, 8, 15) && fixed < fixed_from_gregorian(2018, 5, 5) {
            8.5 / 24.0
        } else {
            Dangi::utc_offset(fixed)
        }
    }

    const EPOCH: RataDie = Dangi::EPOCH;
    const DEBUG_NAME: &'static str = "pyongyang";
}

/// The lunar year (the Gregorian year of its New Year), month, leap flag and day of `date` by the
/// calendar `C`.
fn computed<C: ChineseBased>(date: NaiveDate) -> (i32, u32, bool, u32) {
    let fixed = RataDie::new(i64::from(date.num_days_from_ce()));
    let result = chinese_based::chinese_based_date_from_fixed::<C>(fixed);
    let new_year = NaiveDate::from_num_days_from_ce_opt(
        i32::try_from(result.year_bounds.new_year.to_i64_date()).unwrap(),
    )
    .unwrap();
    let ordinal = u32::from(result.month);
    let (month, leap) = match result.leap_month.map(|m| u32::from(m.get())) {
        Some(leap_month) if ordinal == leap_month => (ordinal - 1, true),
        Some(leap_month) if ordinal > leap_month => (ordinal - 1, false),
        _ => (ordinal, false),
    };
    (new_year.year(), month, leap, u32::from(result.day))
}

/// Every day of 2015-2018 by the astronomy of `calendrical_calculations` at Pyongyang's offset and
/// at Seoul's: the new moons fall on the same days (no month starts on another day), and the two
/// name months otherwise from 2017-06-24 to 2017-08-21 only, where `LunarDate` follows Pyongyang
/// and `kasi_month` Seoul.
#[test]
fn pyongyang_time_2015_2018() {
    let mut date = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut renamed = Vec::new();
    while date.year() <= 2018 {
        let pyongyang = computed::<PyongyangTime>(date);
        let seoul = computed::<Dangi>(date);
        let lunar_date = LunarDate::from_gregorian(date).unwrap();
        let (kasi_month, kasi_leap) = lunar_date.kasi_month();
        assert_eq!(
            (
                lunar_date.year(),
                lunar_date.month(),
                lunar_date.is_leap_month(),
                lunar_date.day()
            ),
            pyongyang,
            "{date}"
        );
        assert_eq!(
            (lunar_date.year(), kasi_month, kasi_leap, lunar_date.day()),
            seoul,
            "{date}"
        );
        // Same year and day of the month: every month starts on the same day.
        assert_eq!((pyongyang.0, pyongyang.3), (seoul.0, seoul.3), "{date}");
        if pyongyang != seoul {
            renamed.push(date);
        }
        date = date.succ_opt().unwrap();
    }
    let first = NaiveDate::from_ymd_opt(2017, 6, 24).unwrap();
    let last = NaiveDate::from_ymd_opt(2017, 8, 21).unwrap();
    assert_eq!(renamed.first(), Some(&first));
    assert_eq!(renamed.last(), Some(&last));
    assert_eq!(renamed.len(), 59);
}

/// The DPRK's reckoning while South Korea kept UTC+8:30 (1954-03-21 to 1961-08-09) and the DPRK
/// UTC+9.
struct PyongyangNineHours;

impl ChineseBased for PyongyangNineHours {
    fn utc_offset(_fixed: RataDie) -> f64 {
        9.0 / 24.0
    }

    const EPOCH: RataDie = Dangi::EPOCH;
    const DEBUG_NAME: &'static str = "pyongyang-1954";
}

/// Every day of lunar 1953-1961 at UTC+9 names the same lunar day as KASI's UTC+8:30 reckoning
/// (`Dangi` in those years), which `LunarDate` follows: the difference of time zones changes
/// nothing there.
#[test]
fn pyongyang_time_1954_1961() {
    let mut date = NaiveDate::from_ymd_opt(1954, 1, 1).unwrap();
    while date.year() <= 1961 {
        let lunar_date = LunarDate::from_gregorian(date).unwrap();
        let ours = (
            lunar_date.year(),
            lunar_date.month(),
            lunar_date.is_leap_month(),
            lunar_date.day(),
        );
        assert_eq!(computed::<PyongyangNineHours>(date), ours, "{date}");
        assert_eq!(computed::<Dangi>(date), ours, "{date}");
        date = date.succ_opt().unwrap();
    }
}

/// Every day of the span, in order: each is the day after the one before in the lunar calendar
/// too, months have 29 or 30 days, a leap month follows its month, and both ways agree.
#[test]
fn every_day_of_the_span() {
    let mut previous = LunarDate::MIN;
    let mut month_length = 1;
    let mut date = ymd(1900, 1, 2);
    let mut days = 1;
    while date.year() <= 2100 {
        let today = LunarDate::from_gregorian(date).unwrap();
        assert_eq!(today.to_gregorian(), date);
        let again = LunarDate::new(
            today.year(),
            today.month(),
            today.is_leap_month(),
            today.day(),
        );
        assert_eq!(again.unwrap(), today);
        assert!(today > previous);
        if today.day() == 1 {
            assert!(matches!(month_length, 29 | 30), "{previous}");
            let next_month = if previous.is_leap_month() || today.is_leap_month() {
                assert_eq!(today.year(), previous.year());
                continue_month(previous, today)
            } else if previous.month() == 12 {
                assert_eq!((today.year(), today.month()), (previous.year() + 1, 1));
                true
            } else {
                assert_eq!(
                    (today.year(), today.month()),
                    (previous.year(), previous.month() + 1)
                );
                true
            };
            assert!(next_month);
            month_length = 1;
        } else {
            assert_eq!(
                (
                    today.year(),
                    today.month(),
                    today.is_leap_month(),
                    today.day()
                ),
                (
                    previous.year(),
                    previous.month(),
                    previous.is_leap_month(),
                    previous.day() + 1
                )
            );
            month_length += 1;
        }
        previous = today;
        date = date.succ_opt().unwrap();
        days += 1;
    }
    assert_eq!(previous, LunarDate::MAX);
    assert_eq!(days, 73_414); // 1900-01-01 to 2100-12-31
}

/// After a leap month comes the next month; a leap month comes after its own month.
fn continue_month(previous: LunarDate, today: LunarDate) -> bool {
    if previous.is_leap_month() {
        !today.is_leap_month() && today.month() == previous.month() + 1
    } else {
        today.is_leap_month() && today.month() == previous.month()
    }
}

/// 2017 in Pyongyang (UTC+8:30): the months of 2017-06-24 and 2017-07-23 are 6 and 6L, where
/// KASI (UTC+9) has 5L and 6.
#[test]
fn pyongyang_2017() {
    for (date, text, kasi) in [
        (ymd(2017, 5, 26), "2017-05-01", (5, false)),
        (ymd(2017, 6, 23), "2017-05-29", (5, false)),
        (ymd(2017, 6, 24), "2017-06-01", (5, true)),
        (ymd(2017, 7, 22), "2017-06-29", (5, true)),
        (ymd(2017, 7, 23), "2017-06L-01", (6, false)),
        (ymd(2017, 8, 21), "2017-06L-30", (6, false)),
        (ymd(2017, 8, 22), "2017-07-01", (7, false)),
    ] {
        let date_lunar = LunarDate::from_gregorian(date).unwrap();
        assert_eq!(date_lunar.to_string(), text);
        assert_eq!(parse_lunar(text).to_gregorian(), date);
        assert_eq!(date_lunar.kasi_month(), kasi);
        assert_eq!(
            LunarDate::from_kasi(2017, kasi.0, kasi.1, date_lunar.day()).unwrap(),
            date_lunar
        );
        // icu4x itself (KASI's reckoning) names the month as KASI does.
        let icu = Date::from_rata_die(
            RataDie::new(i64::from(date.num_days_from_ce())),
            KoreanTraditional::new(),
        );
        assert_eq!(
            (u32::from(icu.month().month_number()), icu.month().is_leap()),
            kasi
        );
    }
    assert_eq!(
        LunarDate::new(2017, 5, true, 1).unwrap_err().kind(),
        ErrorKind::NoLeapMonth {
            year: 2017,
            month: 5
        }
    );
    assert_eq!(
        LunarDate::from_kasi(2017, 6, true, 1).unwrap_err().kind(),
        ErrorKind::NoLeapMonth {
            year: 2017,
            month: 6
        }
    );
    // The 29-day month keeps its length under its new name.
    assert_eq!(
        LunarDate::new(2017, 6, false, 30).unwrap_err().kind(),
        out_of_range(Field::Day, 30, 1, 29)
    );
    assert!(LunarDate::new(2017, 6, true, 30).is_ok());
    // Elsewhere KASI's months are Pyongyang's.
    assert_eq!(
        LunarDate::from_kasi(2023, 2, true, 10).unwrap(),
        parse_lunar("2023-02L-10")
    );
    assert_eq!(parse_lunar("2023-02L-10").kasi_month(), (2, true));
}

#[test]
fn holidays() {
    assert_eq!(lunar::seollal(2024).unwrap(), ymd(2024, 2, 10));
    assert_eq!(lunar::daeboreum(2024).unwrap(), ymd(2024, 2, 24));
    assert_eq!(lunar::chusok(2024).unwrap(), ymd(2024, 9, 17));
    assert_eq!(lunar::chusok(2017).unwrap(), ymd(2017, 10, 4));
    assert_eq!(lunar::seollal(1900).unwrap(), ymd(1900, 1, 31));
    assert_eq!(lunar::chusok(2100).unwrap(), ymd(2100, 9, 18));
    assert_eq!(
        lunar::seollal(1899).unwrap_err().kind(),
        out_of_range(Field::Year, 1899, 1900, 2100)
    );
    assert_eq!(
        lunar::chusok(2101).unwrap_err().kind(),
        out_of_range(Field::LunarYear, 2101, 1899, 2100)
    );
}
