//! The calendar at the ground of every notation: the Juche offset and year conversions, month and
//! weekday names, and the longest day of each month. It imports nothing from the crate, so every
//! other module can build on it without a cycle.

use chrono::{NaiveDate, Weekday};

/// Gregorian year = Juche year + `JUCHE_OFFSET`.
pub const JUCHE_OFFSET: i32 = 1911;

/// The Gregorian year of Juche year `juche`, if chrono can represent it.
pub(crate) fn to_gregorian_year(juche: u32) -> Option<i32> {
    let year = i32::try_from(juche).ok()?.checked_add(JUCHE_OFFSET)?;
    NaiveDate::from_ymd_opt(year, 1, 1).map(|_| year)
}

/// The Juche year of Gregorian year `year`, if it is 1912 or later.
pub(crate) fn to_juche_year(year: i32) -> Option<u32> {
    u32::try_from(year.checked_sub(JUCHE_OFFSET)?)
        .ok()
        .filter(|&y| y >= 1)
}

/// The English name of a month 1-12.
pub(crate) fn month_name(month: u32) -> Option<&'static str> {
    const NAMES: [&str; 12] = [
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
    NAMES
        .get(usize::try_from(month.checked_sub(1)?).ok()?)
        .copied()
}

/// The English name of a weekday.
pub(crate) fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The largest day a month has in any year (February: 29).
pub(crate) fn max_day(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
