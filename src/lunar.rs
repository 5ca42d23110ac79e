//! The Korean lunar (lunisolar) calendar, as the DPRK keeps it: [`LunarDate`], its conversions to
//! and from [`NaiveDate`], and the lunar holidays [`seollal`], [`daeboreum`] and [`chusok`].
//!
//! ```
//! use chrono::NaiveDate;
//! use kcna_dates::LunarDate;
//!
//! // Chusok, the 15th day of the eighth lunar month, fell on September 17 in 2024.
//! let chusok = LunarDate::new(2024, 8, false, 15)?;
//! assert_eq!(chusok.to_gregorian(), NaiveDate::from_ymd_opt(2024, 9, 17).unwrap());
//! assert_eq!(kcna_dates::lunar::chusok(2024)?, chusok.to_gregorian());
//!
//! // 2023 had a leap second month: its 10th day was March 31.
//! let leap: LunarDate = "2023-02L-10".parse()?;
//! assert_eq!(leap.to_gregorian(), NaiveDate::from_ymd_opt(2023, 3, 31).unwrap());
//! assert_eq!(LunarDate::from_gregorian(leap.to_gregorian())?, leap);
//! # Ok::<(), kcna_dates::Error>(())
//! ```
//!
//! # Years, months and the canonical text
//!
//! A lunar year is numbered by the Gregorian year in which it starts (lunar 2024 runs from
//! 2024-02-10 to 2025-01-28). Months are 1 to 12; a leap month (윤달) follows the month of the same
//! number and has the `leap` flag. Months have 29 or 30 days. The canonical text, written by
//! `Display` and read by `FromStr` (and serde, with the `serde` feature), is `YYYY-MM-DD` with a
//! four-digit year and two-digit month and day, and an `L` after the month for a leap month:
//! `2024-08-15`, `2023-02L-10`.
//!
//! # Supported span and sources
//!
//! Every day of Gregorian 1900-01-01 to 2100-12-31: lunar 1899-12-01 ([`LunarDate::MIN`]) to
//! lunar 2100-12-01 ([`LunarDate::MAX`]). The month table is icu4x's `KoreanTraditional` calendar
//! (crate `icu_calendar`), which carries precomputed years for lunar 1900-2102 (Qing-dynasty rules
//! before 1912, as Korea then used, and the Chinese GB/T 33661-2017 rules at Korean standard time
//! after) and agrees with the tables of the Korea Astronomy and Space Science Institute (KASI). The
//! test `tests/lunar.rs` checks the lunar New Year and Chusok of every lunar year 1900-2050 against
//! KASI's table (through the PyPI package `korean-lunar-calendar`, stored as
//! `tests/fixtures/lunar_kasi.csv`), and the unit tests check the last month of lunar 1899, which
//! icu4x computes rather than looks up, against the same table.
//!
//! # Pyongyang time (UTC+8:30) and the leap month of 2017
//!
//! The calendar's months start on the day, in the calendar's standard time, of the new moon, and a
//! month without a principal solar term (中氣) is the leap month. The DPRK kept UTC+8:30 from
//! 2015-08-15 to 2018-05-04, when South Korea (and KASI) kept UTC+9: a new moon or principal term
//! between 15:00 and 15:30 UTC falls on one day in Seoul (00:00-00:30) and on the day before in
//! Pyongyang (23:30-24:00). Computed with the PyPI package `ephem` 4.2.1 by
//! `tests/fixtures/lunar_utc830.py`, and the calendar that follows recomputed day by day at both
//! offsets with `calendrical_calculations` 0.2.4 (the algorithms icu4x's table comes from) in
//! `tests/lunar.rs`:
//!
//! * **New moons**: none of the 33 new moons of that span falls in the window. The nearest is
//!   2017-02-26 14:58 UTC, 1.6 minutes before it (23:58 in Seoul, 23:28 in Pyongyang: the same
//!   day). So every lunar month starts on the same day in Pyongyang as in Seoul.
//! * **Principal terms**: four fall in the window: 2015-11-22 15:16 (240°), 2016-01-20 15:19
//!   (300°), 2016-04-19 15:19 (30°), 2017-07-22 15:03 UTC (120°, 大暑). The first three move one
//!   day but stay inside the same month. The fourth does not: the new moon of 2017-07-23 09:46 UTC
//!   starts a month on July 23 in both places, and 大暑 falls on July 23 in Seoul (00:03, inside
//!   that month) but on July 22 in Pyongyang (23:33, the last day of the month before). In Seoul
//!   the month of 2017-06-24 has no principal term and is the leap fifth month (윤5월, KASI's
//!   table); in Pyongyang that month has 大暑 and the month of 2017-07-23 has none (the next term,
//!   150°, is 2017-08-22 22:08 UTC, after the new moon of 08-21 18:30 UTC), so the leap month is
//!   the sixth (윤6월), as in China.
//!
//! `LunarDate` follows Pyongyang: lunar 2017 has months 5 (05-26), 6 (06-24, 29 days), 6L (07-23,
//! 30 days), 7 (08-22), where KASI has 5, 5L (06-24), 6 (07-23), 7. No other day differs, and
//! the New Year and Chusok of every year agree. [`LunarDate::from_kasi`] reads a date given in
//! KASI's months and [`LunarDate::kasi_month`] gives the month KASI names. This is computed from the
//! calendar's rules, not read from a calendar the DPRK printed for 2017.
//!
//! South Korea kept UTC+8:30 from 1954-03-21 to 1961-08-09 while the DPRK kept UTC+9, and icu4x
//! (like KASI) computes those years at UTC+8:30. There the same check finds none of the 91 new
//! moons in the window (the nearest, 1958-02-18 15:38 UTC, 8 minutes after it) and six principal
//! terms in it, none on the last day of a month: the calendar recomputed at UTC+9 names every day
//! of 1954-1961 as `LunarDate` does.

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};
use icu_calendar::Date;
use icu_calendar::cal::KoreanTraditional;
use icu_calendar::types::{MonthCode, RataDie};

use crate::error::{Error, ErrorKind, Expected, Field};

/// The first Gregorian year of the supported span.
const FIRST_YEAR: i32 = 1900;
/// The last Gregorian year of the supported span.
const LAST_YEAR: i32 = 2100;
/// The first lunar year with a day in the supported span (its twelfth month).
const FIRST_LUNAR_YEAR: i32 = 1899;
/// The last lunar year with a day in the supported span.
const LAST_LUNAR_YEAR: i32 = 2100;

/// A month's number and leap flag.
type MonthName = (u8, bool);

/// A month that Pyongyang names otherwise than KASI: lunar year, KASI's name, Pyongyang's name.
type Renamed = (i32, MonthName, MonthName);

/// The months that Pyongyang names otherwise than KASI. The days are the same; see the module docs
/// for why.
const PYONGYANG_MONTHS: [Renamed; 2] = [
    // 2017-06-24 to 2017-07-22, 29 days: 윤5월 in Seoul, 6월 in Pyongyang.
    (2017, (5, true), (6, false)),
    // 2017-07-23 to 2017-08-21, 30 days: 6월 in Seoul, 윤6월 in Pyongyang.
    (2017, (6, false), (6, true)),
];

/// Pyongyang's name for KASI's month `(month, leap)` of lunar `year`.
fn pyongyang_month(year: i32, month: u8, leap: bool) -> (u8, bool) {
    PYONGYANG_MONTHS
        .iter()
        .find(|&&(y, kasi, _)| y == year && kasi == (month, leap))
        .map_or((month, leap), |&(_, _, pyongyang)| pyongyang)
}

/// KASI's name for Pyongyang's month `(month, leap)` of lunar `year`, or `None` when Pyongyang has
/// no such month (2017's leap fifth month).
fn kasi_month(year: i32, month: u8, leap: bool) -> Option<(u8, bool)> {
    if let Some(&(_, kasi, _)) = PYONGYANG_MONTHS
        .iter()
        .find(|&&(y, _, pyongyang)| y == year && pyongyang == (month, leap))
    {
        return Some(kasi);
    }
    let renamed = PYONGYANG_MONTHS
        .iter()
        .any(|&(y, kasi, _)| y == year && kasi == (month, leap));
    (!renamed).then_some((month, leap))
}

/// The icu4x day of `date`.
fn rata_die(date: NaiveDate) -> RataDie {
    // chrono counts 0001-01-01 as day 1, as the Rata Die count does.
    RataDie::new(i64::from(date.num_days_from_ce()))
}

/// The Gregorian day of `rd`, if chrono holds it.
fn naive(rd: RataDie) -> Option<NaiveDate> {
    i32::try_from(rd.to_i64_date())
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// The error for a Gregorian year outside the supported span.
fn year_out_of_range(year: i32) -> Error {
    Error::out_of_range(
        Field::Year,
        year,
        i64::from(FIRST_YEAR),
        i64::from(LAST_YEAR),
    )
}

/// A day of the Korean lunar calendar as the DPRK keeps it: lunar year, month (1-12), whether the
/// month is a leap month, and day (1-30). Always a real day of the supported span (Gregorian
/// 1900-2100), so it converts to a [`NaiveDate`] without failing.
///
/// Its text is `YYYY-MM-DD`, with `L` after the month for a leap month (see the
/// [module docs](crate::lunar)). Dates order chronologically.
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::LunarDate;
///
/// let seollal = LunarDate::from_gregorian(NaiveDate::from_ymd_opt(2024, 2, 10).unwrap())?;
/// assert_eq!((seollal.year(), seollal.month(), seollal.is_leap_month(), seollal.day()), (2024, 1, false, 1));
/// assert_eq!(seollal.to_string(), "2024-01-01");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LunarDate {
    year: i32,
    month: u8,
    leap: bool,
    day: u8,
    /// The same day in the Gregorian calendar (a function of the fields above).
    gregorian: NaiveDate,
}

impl LunarDate {
    /// The first supported day: lunar 1899-12-01, Gregorian 1900-01-01.
    ///
    /// ```
    /// use kcna_dates::LunarDate;
    /// assert_eq!(LunarDate::MIN.to_string(), "1899-12-01");
    /// assert_eq!(LunarDate::MIN.to_gregorian().to_string(), "1900-01-01");
    /// ```
    pub const MIN: LunarDate = LunarDate {
        year: 1899,
        month: 12,
        leap: false,
        day: 1,
        gregorian: match NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1) {
            Some(date) => date,
            None => NaiveDate::MIN,
        },
    };

    /// The last supported day: lunar 2100-12-01, Gregorian 2100-12-31.
    ///
    /// ```
    /// use kcna_dates::LunarDate;
    /// assert_eq!(LunarDate::MAX.to_string(), "2100-12-01");
    /// assert_eq!(LunarDate::MAX.to_gregorian().to_string(), "2100-12-31");
    /// ```
    pub const MAX: LunarDate = LunarDate {
        year: 2100,
        month: 12,
        leap: false,
        day: 1,
        gregorian: match NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31) {
            Some(date) => date,
            None => NaiveDate::MAX,
        },
    };

    /// The lunar date `year`-`month`-`day`, in the leap month `month` if `leap`, checked to exist.
    ///
    /// # Errors
    ///
    /// * [`ErrorKind::OutOfRange`] with [`Field::LunarYear`] for a year outside 1899 to 2100,
    ///   [`Field::Month`] for a month outside 1 to 12, [`Field::Day`] for a day outside the month's
    ///   29 or 30 days, or [`Field::Year`] (1900 to 2100) for a day of lunar 1899 or 2100 that
    ///   falls outside Gregorian 1900-2100.
    /// * [`ErrorKind::NoLeapMonth`] for a leap month the year does not have.
    ///
    /// ```
    /// use kcna_dates::{ErrorKind, Field, LunarDate};
    ///
    /// assert_eq!(LunarDate::new(2023, 2, true, 10)?.to_gregorian().to_string(), "2023-03-31");
    /// assert_eq!(
    ///     LunarDate::new(2024, 2, true, 10).unwrap_err().kind(),
    ///     ErrorKind::NoLeapMonth { year: 2024, month: 2 },
    /// );
    /// // The first month of 2024 has 29 days.
    /// assert_eq!(
    ///     LunarDate::new(2024, 1, false, 30).unwrap_err().kind(),
    ///     ErrorKind::OutOfRange { field: Field::Day, value: 30, min: 1, max: 29 },
    /// );
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn new(year: i32, month: u32, leap: bool, day: u32) -> Result<LunarDate, Error> {
        if !(FIRST_LUNAR_YEAR..=LAST_LUNAR_YEAR).contains(&year) {
            return Err(Error::out_of_range(
                Field::LunarYear,
                year,
                i64::from(FIRST_LUNAR_YEAR),
                i64::from(LAST_LUNAR_YEAR),
            ));
        }
        let month8 = u8::try_from(month)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(|| Error::out_of_range(Field::Month, month, 1, 12))?;
        let no_leap_month = || Error::new(ErrorKind::NoLeapMonth { year, month }, 0..0);
        let (kasi_number, kasi_leap) = kasi_month(year, month8, leap).ok_or_else(no_leap_month)?;
        let code = if kasi_leap {
            MonthCode::new_leap(kasi_number)
        } else {
            MonthCode::new_normal(kasi_number)
        }
        .ok_or_else(no_leap_month)?;
        let first = Date::try_new_from_codes(None, year, code, 1, KoreanTraditional::new())
            .map_err(|_| no_leap_month())?;
        let days = first.days_in_month();
        let day8 = u8::try_from(day)
            .ok()
            .filter(|d| (1..=days).contains(d))
            .ok_or_else(|| Error::out_of_range(Field::Day, day, 1, i64::from(days)))?;
        let gregorian = first
            .to_rata_die()
            .to_i64_date()
            .checked_add(i64::from(day8))
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| naive(RataDie::new(n)))
            .ok_or_else(|| year_out_of_range(year))?;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&gregorian.year()) {
            return Err(year_out_of_range(gregorian.year()));
        }
        Ok(LunarDate {
            year,
            month: month8,
            leap,
            day: day8,
            gregorian,
        })
    }

    /// The lunar date of `date`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] with [`Field::Year`] for a date outside 1900-01-01 to 2100-12-31.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kcna_dates::{ErrorKind, Field, LunarDate};
    ///
    /// let date = NaiveDate::from_ymd_opt(2017, 8, 1).unwrap();
    /// assert_eq!(LunarDate::from_gregorian(date)?.to_string(), "2017-06L-10");
    /// let err = LunarDate::from_gregorian(NaiveDate::from_ymd_opt(1899, 12, 31).unwrap()).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::OutOfRange { field: Field::Year, value: 1899, min: 1900, max: 2100 });
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn from_gregorian(date: NaiveDate) -> Result<LunarDate, Error> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
            return Err(year_out_of_range(date.year()));
        }
        let lunar = Date::from_rata_die(rata_die(date), KoreanTraditional::new());
        let year = lunar.extended_year();
        let info = lunar.month();
        let (month, leap) = pyongyang_month(year, info.month_number(), info.is_leap());
        Ok(LunarDate {
            year,
            month,
            leap,
            day: lunar.day_of_month().0,
            gregorian: date,
        })
    }

    /// The lunar date that KASI's table (South Korea's) writes `year`-`month`-`day` (leap month if
    /// `leap`). The same as [`LunarDate::new`] except in the two months of 2017 that KASI names
    /// 5L and 6 and Pyongyang 6 and 6L (see the [module docs](crate::lunar)).
    ///
    /// # Errors
    ///
    /// As [`LunarDate::new`], for KASI's months.
    ///
    /// ```
    /// use kcna_dates::LunarDate;
    ///
    /// // KASI's leap fifth month of 2017 is Pyongyang's sixth month.
    /// let date = LunarDate::from_kasi(2017, 5, true, 1)?;
    /// assert_eq!(date.to_string(), "2017-06-01");
    /// assert_eq!(date.to_gregorian().to_string(), "2017-06-24");
    /// assert_eq!(date.kasi_month(), (5, true));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn from_kasi(year: i32, month: u32, leap: bool, day: u32) -> Result<LunarDate, Error> {
        let Ok(month8) = u8::try_from(month) else {
            return LunarDate::new(year, month, leap, day);
        };
        let is_kasi_name = |&(y, kasi, _): &Renamed| y == year && kasi == (month8, leap);
        let is_pyongyang_name =
            |&(y, _, pyongyang): &Renamed| y == year && pyongyang == (month8, leap);
        if !PYONGYANG_MONTHS.iter().any(is_kasi_name)
            && PYONGYANG_MONTHS.iter().any(is_pyongyang_name)
        {
            // A month only Pyongyang has (2017's leap sixth month).
            return Err(Error::new(ErrorKind::NoLeapMonth { year, month }, 0..0));
        }
        let (month8, leap) = pyongyang_month(year, month8, leap);
        LunarDate::new(year, u32::from(month8), leap, day)
    }

    /// The lunar year: the Gregorian year in which it starts.
    ///
    /// ```
    /// let date = kcna_dates::LunarDate::new(2024, 12, false, 29)?;
    /// assert_eq!((date.year(), date.to_gregorian().to_string().as_str()), (2024, "2025-01-28"));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1-12 (a leap month has the number of the month before it).
    ///
    /// ```
    /// assert_eq!(kcna_dates::LunarDate::new(2023, 2, true, 1)?.month(), 2);
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn month(&self) -> u32 {
        u32::from(self.month)
    }

    /// Whether the month is a leap month (윤달).
    ///
    /// ```
    /// assert!(kcna_dates::LunarDate::new(2023, 2, true, 1)?.is_leap_month());
    /// assert!(!kcna_dates::LunarDate::new(2023, 2, false, 1)?.is_leap_month());
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn is_leap_month(&self) -> bool {
        self.leap
    }

    /// The day of the month, 1-30.
    ///
    /// ```
    /// assert_eq!(kcna_dates::LunarDate::new(2024, 8, false, 15)?.day(), 15);
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn day(&self) -> u32 {
        u32::from(self.day)
    }

    /// The same day in the Gregorian calendar.
    ///
    /// ```
    /// use kcna_dates::LunarDate;
    /// let daeboreum = LunarDate::new(2025, 1, false, 15)?;
    /// assert_eq!(daeboreum.to_gregorian().to_string(), "2025-02-12");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn to_gregorian(&self) -> NaiveDate {
        self.gregorian
    }

    /// The month and leap flag that KASI's table (South Korea's) gives this day: the same as
    /// [`month`](LunarDate::month) and [`is_leap_month`](LunarDate::is_leap_month) except in
    /// 2017-06-24 to 2017-08-21 (see the [module docs](crate::lunar)).
    ///
    /// ```
    /// use kcna_dates::LunarDate;
    /// assert_eq!(LunarDate::new(2017, 6, true, 1)?.kasi_month(), (6, false));
    /// assert_eq!(LunarDate::new(2024, 8, false, 15)?.kasi_month(), (8, false));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn kasi_month(&self) -> (u32, bool) {
        let (month, leap) = kasi_month(self.year, self.month, self.leap).unwrap_or((0, false));
        (u32::from(month), leap)
    }

    /// The leap month of lunar `year` (its number: 2 for 윤2월), or `None` in a common year.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`] with [`Field::LunarYear`] for a year outside 1899 to 2100.
    ///
    /// ```
    /// use kcna_dates::LunarDate;
    /// assert_eq!(LunarDate::leap_month(2023)?, Some(2));
    /// assert_eq!(LunarDate::leap_month(2024)?, None);
    /// assert_eq!(LunarDate::leap_month(2017)?, Some(6)); // Some(5) in KASI's table
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn leap_month(year: i32) -> Result<Option<u32>, Error> {
        let mut found = None;
        for month in 1..=12 {
            match LunarDate::new(year, month, true, 1) {
                Ok(_) => found = Some(month),
                Err(err) => match err.kind() {
                    // The first leap month of lunar 1899 is before 1900: it still exists.
                    ErrorKind::NoLeapMonth { .. } => {}
                    ErrorKind::OutOfRange {
                        field: Field::Year, ..
                    } => found = Some(month),
                    _ => return Err(err),
                },
            }
        }
        Ok(found)
    }
}

/// The Gregorian date of lunar `year`-`month`-`day` (not a leap month), for the holidays.
fn holiday(year: i32, month: u32, day: u32) -> Result<NaiveDate, Error> {
    LunarDate::new(year, month, false, day).map(|date| date.to_gregorian())
}

/// The lunar New Year (설날, Seollal): lunar `year`-01-01, as a Gregorian date.
///
/// # Errors
///
/// As [`LunarDate::new`]: [`ErrorKind::OutOfRange`] for a year outside 1900 to 2100.
///
/// ```
/// assert_eq!(kcna_dates::lunar::seollal(2024)?.to_string(), "2024-02-10");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
pub fn seollal(year: i32) -> Result<NaiveDate, Error> {
    holiday(year, 1, 1)
}

/// The first full moon of the year (정월대보름, Daeboreum): lunar `year`-01-15, as a Gregorian
/// date.
///
/// # Errors
///
/// As [`LunarDate::new`]: [`ErrorKind::OutOfRange`] for a year outside 1900 to 2100.
///
/// ```
/// assert_eq!(kcna_dates::lunar::daeboreum(2024)?.to_string(), "2024-02-24");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
pub fn daeboreum(year: i32) -> Result<NaiveDate, Error> {
    holiday(year, 1, 15)
}

/// Chusok (추석, 한가위): lunar `year`-08-15, as a Gregorian date.
///
/// # Errors
///
/// As [`LunarDate::new`]: [`ErrorKind::OutOfRange`] for a year outside 1899 to 2100.
///
/// ```
/// assert_eq!(kcna_dates::lunar::chusok(2003)?.to_string(), "2003-09-11");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
pub fn chusok(year: i32) -> Result<NaiveDate, Error> {
    holiday(year, 8, 15)
}

/// Reads exactly `n` ASCII digits at `at`, as a number.
fn digits(text: &str, at: usize, n: usize) -> Option<u32> {
    let end = at.checked_add(n)?;
    let field = text.get(at..end)?;
    if !field.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    field.parse().ok()
}

impl FromStr for LunarDate {
    type Err = Error;

    /// Reads the canonical text `YYYY-MM-DD` or `YYYY-MML-DD` (leap month), nothing else.
    ///
    /// ```
    /// use kcna_dates::LunarDate;
    /// assert_eq!("2023-02L-10".parse::<LunarDate>()?, LunarDate::new(2023, 2, true, 10)?);
    /// assert!("2024-02L-10".parse::<LunarDate>().is_err()); // no leap month in 2024
    /// assert!("2024-8-15".parse::<LunarDate>().is_err()); // two-digit months only
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    fn from_str(text: &str) -> Result<LunarDate, Error> {
        let expected = |what: Expected, at: usize| {
            let end = text.len().min(at.saturating_add(1));
            let span = if text.is_char_boundary(end) {
                at..end
            } else {
                at..at
            };
            Error::new(ErrorKind::Expected(what), span).with_input(text)
        };
        let literal = |at: usize, lit: &'static str| {
            if text.get(at..at.saturating_add(lit.len())) == Some(lit) {
                Ok(at.saturating_add(lit.len()))
            } else {
                Err(expected(Expected::Literal(lit), at))
            }
        };
        let year = digits(text, 0, 4).ok_or_else(|| expected(Expected::Year4, 0))?;
        let month_at = literal(4, "-")?;
        let month = digits(text, month_at, 2).ok_or_else(|| expected(Expected::Month, month_at))?;
        let mut day_at = month_at.saturating_add(2);
        let leap = text.get(day_at..day_at.saturating_add(1)) == Some("L");
        if leap {
            day_at = day_at.saturating_add(1);
        }
        let day_at = literal(day_at, "-")?;
        let day = digits(text, day_at, 2).ok_or_else(|| expected(Expected::Day, day_at))?;
        let end = day_at.saturating_add(2);
        if end < text.len() {
            return Err(Error::new(ErrorKind::TrailingInput, end..text.len()).with_input(text));
        }
        let year = i32::try_from(year).map_err(|_| expected(Expected::Year4, 0))?;
        LunarDate::new(year, month, leap, day).map_err(|err| {
            // The span of the field at fault.
            let span = match err.kind() {
                ErrorKind::OutOfRange {
                    field: Field::LunarYear,
                    ..
                } => 0..4,
                ErrorKind::OutOfRange {
                    field: Field::Month,
                    ..
                }
                | ErrorKind::NoLeapMonth { .. } => month_at..day_at.saturating_sub(1),
                ErrorKind::OutOfRange {
                    field: Field::Day, ..
                } => day_at..end,
                _ => 0..end,
            };
            Error::new(err.kind(), span).with_input(text)
        })
    }
}

impl fmt::Display for LunarDate {
    /// Writes the canonical text: `2024-08-15`, `2023-02L-10`.
    ///
    /// ```
    /// assert_eq!(kcna_dates::LunarDate::new(2023, 2, true, 10)?.to_string(), "2023-02L-10");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let leap = if self.leap { "L" } else { "" };
        write!(
            f,
            "{:04}-{:02}{leap}-{:02}",
            self.year, self.month, self.day
        )
    }
}

impl From<LunarDate> for NaiveDate {
    /// [`LunarDate::to_gregorian`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let date = NaiveDate::from(kcna_dates::LunarDate::new(2024, 1, false, 1)?);
    /// assert_eq!(date.to_string(), "2024-02-10");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    fn from(date: LunarDate) -> NaiveDate {
        date.gregorian
    }
}

impl TryFrom<NaiveDate> for LunarDate {
    type Error = Error;

    /// [`LunarDate::from_gregorian`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kcna_dates::LunarDate;
    /// let date = LunarDate::try_from(NaiveDate::from_ymd_opt(2024, 9, 17).unwrap())?;
    /// assert_eq!(date.to_string(), "2024-08-15");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    fn try_from(date: NaiveDate) -> Result<LunarDate, Error> {
        LunarDate::from_gregorian(date)
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn lunar(text: &str) -> LunarDate {
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

    #[test]
    fn known_days() {
        // KASI (korean-lunar-calendar 0.4.0).
        for (text, date) in [
            ("2024-01-01", ymd(2024, 2, 10)),
            ("2024-08-15", ymd(2024, 9, 17)),
            ("2023-02L-01", ymd(2023, 3, 22)),
            ("2023-02L-10", ymd(2023, 3, 31)),
            ("2023-02L-29", ymd(2023, 4, 19)),
            ("2023-03-01", ymd(2023, 4, 20)),
            ("2020-04L-01", ymd(2020, 5, 23)),
            ("2012-03L-01", ymd(2012, 4, 21)),
            ("1948-07-15", ymd(1948, 8, 19)),
        ] {
            let date_lunar = lunar(text);
            assert_eq!(date_lunar.to_gregorian(), date, "{text}");
            assert_eq!(
                LunarDate::from_gregorian(date).unwrap(),
                date_lunar,
                "{text}"
            );
            assert_eq!(date_lunar.to_string(), text);
        }
    }

    /// Lunar 1899 is computed by icu4x, not looked up: its twelfth month, the only one in the span,
    /// is checked against KASI's table (1899-12-01 is 1900-01-01, 1900-01-01 is 1900-01-31).
    #[test]
    fn first_month_of_the_span() {
        assert_eq!(LunarDate::new(1899, 12, false, 1).unwrap(), LunarDate::MIN);
        assert_eq!(
            LunarDate::from_gregorian(ymd(1900, 1, 1)).unwrap(),
            LunarDate::MIN
        );
        assert_eq!(
            LunarDate::from_gregorian(ymd(1900, 1, 30)).unwrap(),
            lunar("1899-12-30")
        );
        assert_eq!(
            LunarDate::from_gregorian(ymd(1900, 1, 31)).unwrap(),
            lunar("1900-01-01")
        );
        assert_eq!(
            LunarDate::new(1899, 11, false, 29).unwrap_err().kind(),
            out_of_range(Field::Year, 1899, 1900, 2100)
        );
    }

    #[test]
    fn last_day_of_the_span() {
        assert_eq!(LunarDate::new(2100, 12, false, 1).unwrap(), LunarDate::MAX);
        assert_eq!(
            LunarDate::from_gregorian(ymd(2100, 12, 31)).unwrap(),
            LunarDate::MAX
        );
        assert_eq!(
            LunarDate::new(2100, 12, false, 2).unwrap_err().kind(),
            out_of_range(Field::Year, 2101, 1900, 2100)
        );
        assert_eq!(
            LunarDate::from_gregorian(ymd(2101, 1, 1))
                .unwrap_err()
                .kind(),
            out_of_range(Field::Year, 2101, 1900, 2100)
        );
        assert_eq!(
            LunarDate::from_gregorian(NaiveDate::MIN)
                .unwrap_err()
                .kind(),
            out_of_range(Field::Year, i64::from(NaiveDate::MIN.year()), 1900, 2100)
        );
    }

    #[test]
    fn leap_months() {
        assert_eq!(LunarDate::leap_month(2023).unwrap(), Some(2));
        assert_eq!(LunarDate::leap_month(2020).unwrap(), Some(4));
        assert_eq!(LunarDate::leap_month(2024).unwrap(), None);
        assert_eq!(LunarDate::leap_month(2025).unwrap(), Some(6));
        assert_eq!(LunarDate::leap_month(2017).unwrap(), Some(6));
        // KASI: 1899 has twelve months (1899-02-10 to 1900-01-30), 1900 a leap eighth month.
        assert_eq!(LunarDate::leap_month(1899).unwrap(), None);
        assert_eq!(LunarDate::leap_month(1900).unwrap(), Some(8));
        assert_eq!(
            LunarDate::leap_month(1898).unwrap_err().kind(),
            out_of_range(Field::LunarYear, 1898, 1899, 2100)
        );
        assert_eq!(
            LunarDate::new(2024, 6, true, 1).unwrap_err().kind(),
            ErrorKind::NoLeapMonth {
                year: 2024,
                month: 6
            }
        );
        // 2023's leap month is the second, not the third.
        assert_eq!(
            LunarDate::new(2023, 3, true, 1).unwrap_err().kind(),
            ErrorKind::NoLeapMonth {
                year: 2023,
                month: 3
            }
        );
    }

    #[test]
    fn constructor_errors() {
        // 2024's first month has 29 days, its second 30.
        assert_eq!(
            LunarDate::new(2024, 1, false, 30).unwrap_err().kind(),
            out_of_range(Field::Day, 30, 1, 29)
        );
        assert!(LunarDate::new(2024, 2, false, 30).is_ok());
        assert_eq!(
            LunarDate::new(2024, 2, false, 31).unwrap_err().kind(),
            out_of_range(Field::Day, 31, 1, 30)
        );
        assert_eq!(
            LunarDate::new(2024, 2, false, 0).unwrap_err().kind(),
            out_of_range(Field::Day, 0, 1, 30)
        );
        assert_eq!(
            LunarDate::new(2024, 2, false, u32::MAX).unwrap_err().kind(),
            out_of_range(Field::Day, i64::from(u32::MAX), 1, 30)
        );
        assert_eq!(
            LunarDate::new(2024, 0, false, 1).unwrap_err().kind(),
            out_of_range(Field::Month, 0, 1, 12)
        );
        assert_eq!(
            LunarDate::new(2024, 13, true, 1).unwrap_err().kind(),
            out_of_range(Field::Month, 13, 1, 12)
        );
        assert_eq!(
            LunarDate::new(2024, 256, false, 1).unwrap_err().kind(),
            out_of_range(Field::Month, 256, 1, 12)
        );
        for year in [i32::MIN, 0, 1898, 2101, i32::MAX] {
            assert_eq!(
                LunarDate::new(year, 1, false, 1).unwrap_err().kind(),
                out_of_range(Field::LunarYear, i64::from(year), 1899, 2100)
            );
        }
        assert_eq!(
            LunarDate::new(2024, 1, false, 30).unwrap_err().to_string(),
            "day 30 is out of range, expected 1 to 29"
        );
        assert_eq!(
            LunarDate::new(1800, 1, false, 1).unwrap_err().to_string(),
            "lunar year 1800 is out of range, expected 1899 to 2100"
        );
    }

    #[test]
    fn text_round_trip_and_errors() {
        for text in [
            "1899-12-01",
            "2023-02L-10",
            "2024-08-15",
            "2100-12-01",
            "2017-06L-30",
        ] {
            assert_eq!(lunar(text).to_string(), text);
        }
        let cases: [(&str, ErrorKind, core::ops::Range<usize>); 14] = [
            ("", ErrorKind::Expected(Expected::Year4), 0..0),
            ("24-08-15", ErrorKind::Expected(Expected::Year4), 0..1),
            (
                "2024/08/15",
                ErrorKind::Expected(Expected::Literal("-")),
                4..5,
            ),
            ("2024-8-15", ErrorKind::Expected(Expected::Month), 5..6),
            (
                "2024-08X-15",
                ErrorKind::Expected(Expected::Literal("-")),
                7..8,
            ),
            ("2024-08-5", ErrorKind::Expected(Expected::Day), 8..9),
            ("2024-08-15 ", ErrorKind::TrailingInput, 10..11),
            ("2024-08-155", ErrorKind::TrailingInput, 10..11),
            ("2024-13-01", out_of_range(Field::Month, 13, 1, 12), 5..7),
            (
                "2024-02L-01",
                ErrorKind::NoLeapMonth {
                    year: 2024,
                    month: 2,
                },
                5..8,
            ),
            ("2024-01-30", out_of_range(Field::Day, 30, 1, 29), 8..10),
            ("2024-01-00", out_of_range(Field::Day, 0, 1, 29), 8..10),
            (
                "1800-01-01",
                out_of_range(Field::LunarYear, 1800, 1899, 2100),
                0..4,
            ),
            (
                "2100-12-29",
                out_of_range(Field::Year, 2101, 1900, 2100),
                0..10,
            ),
        ];
        for (text, kind, span) in cases {
            let err = text.parse::<LunarDate>().unwrap_err();
            assert_eq!((err.kind(), err.span()), (kind, span), "{text}");
        }
        assert_eq!(
            "2024-0８-15".parse::<LunarDate>().unwrap_err().kind(),
            ErrorKind::Expected(Expected::Month)
        );
        assert_eq!(
            "2024-08-1５".parse::<LunarDate>().unwrap_err().kind(),
            ErrorKind::Expected(Expected::Day)
        );
        assert_eq!(
            "2024-08".parse::<LunarDate>().unwrap_err().to_string(),
            "expected `-` after `2024-08`, but found end of input"
        );
    }

    #[test]
    fn conversions() {
        let date = lunar("2024-08-15");
        assert_eq!(NaiveDate::from(date), ymd(2024, 9, 17));
        assert_eq!(LunarDate::try_from(ymd(2024, 9, 17)).unwrap(), date);
        assert!(LunarDate::try_from(ymd(1899, 12, 31)).is_err());
    }
}
