//! Reference dates, in one dialect for every front-end.
//!
//! A reference date is the day against which a dateline without a year (`Pyongyang, November 8
//! (KCNA) --`) is resolved. It is read from text, or from a JSON value of a record:
//!
//! * `YYYY-MM-DD`, strictly: four digits, two, two (`2022-1-5` is an error that says how to
//!   write it);
//! * an RFC 3339 timestamp with its UTC offset (`2022-01-05T23:30:00Z`,
//!   `2022-01-05 19:00:00+09:00`), taken as its date in Pyongyang time (UTC+9; UTC+8:30 from
//!   2015-08-15 to 2018-05-04, see `kcna_dates::to_pyongyang`);
//! * epoch seconds or milliseconds (digits in text, or a JSON number), told apart by magnitude
//!   (see [`EPOCH_MILLIS_FROM`]), also taken in Pyongyang time.
//!
//! Everything else is an error whose message names what is accepted.

use chrono::{DateTime, NaiveDate, Utc};
use kcna_dates::to_pyongyang;
use serde_json::Value;

use crate::type_name;

/// An epoch number whose magnitude is below this is seconds; from it on, milliseconds.
///
/// 10^11 seconds is the year 5138; 10^11 milliseconds is 1973-03-03. So seconds are read as
/// seconds up to the year 5138, and milliseconds as milliseconds from March 1973 on (no KCNA text
/// on the web is older).
pub const EPOCH_MILLIS_FROM: i64 = 100_000_000_000;

/// Parses `YYYY-MM-DD` strictly (see the module's documentation).
pub fn parse_iso(text: &str) -> Result<NaiveDate, String> {
    if !is_iso_shape(text) {
        return Err(not_iso(text));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|err| format!("`{text}` is not a valid date: {err}"))
}

/// Why `text` is not `YYYY-MM-DD`; for a short month or day (`2022-1-5`), how to write it.
fn not_iso(text: &str) -> String {
    let digits = |part: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    let mut parts = text.split('-');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(month), Some(day), None)
            if digits(year, 4..=4) && digits(month, 1..=2) && digits(day, 1..=2) =>
        {
            format!(
                "`{text}` is not a YYYY-MM-DD date: write the month and the day with two \
                 digits, as in `{year}-{month:0>2}-{day:0>2}`"
            )
        }
        _ => format!("`{text}` is not a YYYY-MM-DD date"),
    }
}

/// Whether `text` is four digits, `-`, two digits, `-`, two digits.
fn is_iso_shape(text: &str) -> bool {
    text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// The Pyongyang date of an instant given as seconds or milliseconds since 1970-01-01 UTC
/// (told apart by magnitude, see [`EPOCH_MILLIS_FROM`]).
pub fn epoch_day(n: i64) -> Result<NaiveDate, String> {
    let instant = if n.unsigned_abs() < EPOCH_MILLIS_FROM.unsigned_abs() {
        DateTime::<Utc>::from_timestamp(n, 0)
    } else {
        DateTime::<Utc>::from_timestamp_millis(n)
    };
    instant
        .map(|utc| to_pyongyang(utc).date_naive())
        .ok_or_else(|| format!("epoch time {n} is out of range"))
}

/// Reads a day given as text: `YYYY-MM-DD`, an RFC 3339 timestamp or epoch digits (see the
/// module's documentation).
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    if is_iso_shape(text) {
        return parse_iso(text);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match text.parse::<i64>() {
            Ok(n) => epoch_day(n),
            Err(_) => Err(format!("epoch time {text} is out of range")),
        };
    }
    match DateTime::parse_from_rfc3339(text) {
        Ok(instant) => Ok(to_pyongyang(instant.to_utc()).date_naive()),
        Err(err) => {
            let looks_timestamp = text.get(..10).is_some_and(is_iso_shape)
                && matches!(text.as_bytes().get(10), Some(b'T' | b't' | b' '));
            if looks_timestamp {
                Err(format!(
                    "`{text}` is not an RFC 3339 timestamp ({err}); a timestamp needs its UTC \
                     offset, as in `2022-11-09T10:00:00Z` or `2022-11-09T19:00:00+09:00`"
                ))
            } else if text.bytes().filter(|&b| b == b'-').count() == 2 && !text.contains(' ') {
                Err(not_iso(text))
            } else {
                Err(format!(
                    "`{text}` is not a date: expected YYYY-MM-DD, an RFC 3339 timestamp or \
                     epoch seconds or milliseconds"
                ))
            }
        }
    }
}

/// Reads an optional reference typed by a person (a form field, a flag): blank text is no
/// reference, anything else is read by [`parse_day`] after trimming.
pub fn parse_optional(text: &str) -> Result<Option<NaiveDate>, String> {
    match text.trim() {
        "" => Ok(None),
        text => parse_day(text).map(Some),
    }
}

/// Reads a day from a JSON value: a string (see [`parse_day`]), or an epoch number of seconds or
/// milliseconds. `Ok(None)` for `null`.
pub fn json_day(value: &Value) -> Result<Option<NaiveDate>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) => parse_day(text).map(Some),
        Value::Number(number) => {
            if let Some(n) = number.as_i64() {
                return epoch_day(n).map(Some);
            }
            match number.as_f64() {
                // Whole and well inside i64, so the conversion is exact.
                #[allow(clippy::cast_possible_truncation)]
                Some(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => epoch_day(f as i64).map(Some),
                _ => Err(format!(
                    "{number} is not a whole number of epoch seconds or milliseconds"
                )),
            }
        }
        other => Err(format!(
            "it is {}, expected a date string or an epoch number",
            type_name(other)
        )),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn iso_dates_strictly() {
        assert_eq!(parse_day("2022-01-05"), Ok(day(2022, 1, 5)));
        let err = parse_day("2022-1-5").unwrap_err();
        assert!(err.contains("`2022-01-05`"), "{err}");
        let err = parse_iso("2022-1-5").unwrap_err();
        assert!(err.contains("two digits"), "{err}");
        assert!(
            parse_day("2022-13-01")
                .unwrap_err()
                .contains("not a valid date")
        );
        assert!(parse_day("22-01-05").unwrap_err().contains("YYYY-MM-DD"));
        assert_eq!(parse_optional("  "), Ok(None));
        assert_eq!(parse_optional(" 2022-01-05 "), Ok(Some(day(2022, 1, 5))));
        assert!(parse_optional("2022-1-5").is_err());
    }

    #[test]
    fn timestamps_are_read_in_pyongyang_time() {
        // 23:30 UTC is 08:30 the next day in Pyongyang.
        assert_eq!(parse_day("2022-01-05T23:30:00Z"), Ok(day(2022, 1, 6)));
        assert_eq!(parse_day("2022-11-09T10:00:00Z"), Ok(day(2022, 11, 9)));
        assert_eq!(parse_day("2022-11-07T20:00:00Z"), Ok(day(2022, 11, 8)));
        assert_eq!(parse_day("2022-11-08 05:00:00+09:00"), Ok(day(2022, 11, 8)));
        assert_eq!(parse_day("2022-11-07T23:00:00-05:00"), Ok(day(2022, 11, 8)));
        // UTC+8:30 from 2015-08-15 to 2018-05-04: 15:20 UTC is 23:50 there, not the next day.
        assert_eq!(parse_day("2016-01-01T15:20:00Z"), Ok(day(2016, 1, 1)));
        assert_eq!(parse_day("2024-01-01T15:20:00Z"), Ok(day(2024, 1, 2)));
    }

    #[test]
    fn epoch_seconds_and_milliseconds_by_magnitude() {
        assert_eq!(parse_day("1704067200"), Ok(day(2024, 1, 1)));
        assert_eq!(parse_day("1704067200000"), Ok(day(2024, 1, 1)));
        // 2022-01-05T23:30:00Z in seconds: the next day in Pyongyang.
        assert_eq!(parse_day("1641425400"), Ok(day(2022, 1, 6)));
        assert_eq!(
            json_day(&1_704_067_200_000i64.into()),
            Ok(Some(day(2024, 1, 1)))
        );
        assert_eq!(
            json_day(&1_704_067_200i64.into()),
            Ok(Some(day(2024, 1, 1)))
        );
        assert_eq!(
            json_day(&serde_json::json!(1.7040672e12)),
            Ok(Some(day(2024, 1, 1)))
        );
        // Just below the threshold: seconds (year 5138); at it: milliseconds (1973).
        assert_eq!(
            epoch_day(EPOCH_MILLIS_FROM - 1)
                .unwrap()
                .to_string()
                .get(..4),
            Some("5138")
        );
        assert_eq!(epoch_day(EPOCH_MILLIS_FROM), Ok(day(1973, 3, 3)));
        assert!(epoch_day(i64::MAX).is_err());
        assert!(json_day(&serde_json::json!(1.5)).is_err());
    }

    #[test]
    fn garbage_is_an_error_that_says_what_is_accepted() {
        for bad in [
            "yesterday",
            "2022-13-01",
            "2022-11-09T10:00:00",
            "",
            "12:00",
            "99999999999999999999",
        ] {
            assert!(parse_day(bad).is_err(), "{bad}");
        }
        let err = parse_day("2022-11-09T10:00:00").unwrap_err();
        assert!(err.contains("UTC offset"), "{err}");
        let err = parse_day("yesterday").unwrap_err();
        assert!(err.contains("RFC 3339"), "{err}");
        assert!(json_day(&serde_json::json!(true)).is_err());
        assert_eq!(json_day(&Value::Null), Ok(None));
    }
}
