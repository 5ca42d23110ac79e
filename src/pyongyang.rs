//! Pyongyang time, for converting timestamps (crawl times, feed times) to the local date of a story.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

/// UTC+9, Pyongyang's offset except from 2015 to 2018.
const NINE_HOURS: i32 = 9 * 3600;
/// UTC+8:30, "Pyongyang Time" from 2015-08-15 to 2018-05-04.
const EIGHT_AND_A_HALF_HOURS: i32 = 8 * 3600 + 1800;

/// The instant `y-m-d h:00` UTC, or the earliest instant when the date is out of range (never:
/// the dates below are constants).
fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_opt(h, 0, 0))
        .map_or(DateTime::<Utc>::MIN_UTC, |naive| naive.and_utc())
}

/// Pyongyang's UTC offset at the instant `utc`.
///
/// UTC+9, except UTC+8:30 ("Pyongyang Time") from 2015-08-15 00:00 local (2015-08-14 15:00 UTC),
/// when clocks went back to 23:30, until 2018-05-04 23:30 local (2018-05-04 15:00 UTC), when they
/// moved forward to 2018-05-05 00:00. Earlier history (UTC+8:30 in 1908-1911) is not modelled:
/// KCNA text is from 1946 on.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use kcna_dates::pyongyang_offset;
///
/// let utc = Utc.with_ymd_and_hms(2016, 1, 1, 0, 0, 0).unwrap();
/// assert_eq!(pyongyang_offset(utc).local_minus_utc(), 8 * 3600 + 1800);
/// let utc = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
/// assert_eq!(pyongyang_offset(utc).local_minus_utc(), 9 * 3600);
/// ```
pub fn pyongyang_offset(utc_instant: DateTime<Utc>) -> FixedOffset {
    let half_hour_from = utc(2015, 8, 14, 15);
    let half_hour_until = utc(2018, 5, 4, 15);
    let seconds = if utc_instant >= half_hour_from && utc_instant < half_hour_until {
        EIGHT_AND_A_HALF_HOURS
    } else {
        NINE_HOURS
    };
    // Both offsets are well within a day, so `east_opt` never fails; UTC stands in if it did.
    FixedOffset::east_opt(seconds).unwrap_or_else(|| Utc.fix())
}

/// The instant `utc` in Pyongyang time (see [`pyongyang_offset`]).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use kcna_dates::to_pyongyang;
///
/// // A crawl at 20:00 UTC on November 7 is already November 8 in Pyongyang.
/// let crawl = Utc.with_ymd_and_hms(2022, 11, 7, 20, 0, 0).unwrap();
/// assert_eq!(to_pyongyang(crawl).date_naive().to_string(), "2022-11-08");
/// ```
pub fn to_pyongyang(utc_instant: DateTime<Utc>) -> DateTime<FixedOffset> {
    utc_instant.with_timezone(&pyongyang_offset(utc_instant))
}
