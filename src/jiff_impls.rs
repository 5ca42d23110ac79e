//! Conversions to and from [`jiff::civil::Date`] (feature `jiff`), mirroring those with chrono's
//! [`NaiveDate`].
//!
//! Every type that converts to or from a `NaiveDate` converts the same way with a jiff date:
//!
//! | chrono | jiff |
//! |---|---|
//! | `JucheDate: TryFrom<NaiveDate>` | `JucheDate: TryFrom<jiff::civil::Date>` |
//! | `NaiveDate: From<JucheDate>` | `jiff::civil::Date: TryFrom<JucheDate>` |
//! | `NaiveDate: From<MonthNameDate>` | `jiff::civil::Date: TryFrom<MonthNameDate>` |
//!
//! jiff's dates run from -9999-01-01 to 9999-12-31, inside chrono's range (years -262143 to
//! 262142). So a jiff date always has a `NaiveDate`, and a jiff date before 1912-01-01 fails exactly
//! as its `NaiveDate` does ([`ErrorKind::BeforeJuche`]). The other way is fallible: a `JucheDate`
//! or a `MonthNameDate` can lie after 9999 (`Juche8089.1.1.` is 10000-01-01), which jiff cannot
//! hold ([`ErrorKind::OutOfRange`], field [`Field::Year`]); so where chrono has `From`, jiff has
//! `TryFrom`.

use chrono::{Datelike, NaiveDate};
use jiff::civil::Date;

#[cfg(doc)]
use crate::error::ErrorKind;
use crate::error::{Error, Field};
use crate::grammar::juche::JucheDate;
use crate::grammar::month_name::MonthNameDate;

/// The jiff date of `date`.
///
/// # Errors
/// [`ErrorKind::OutOfRange`] (field [`Field::Year`]) for a year outside jiff's -9999 to 9999.
fn to_jiff(date: NaiveDate) -> Result<Date, Error> {
    let out_of_range = || {
        Error::out_of_range(
            Field::Year,
            date.year(),
            i64::from(Date::MIN.year()),
            i64::from(Date::MAX.year()),
        )
    };
    let year = i16::try_from(date.year()).map_err(|_| out_of_range())?;
    let month = i8::try_from(date.month()).map_err(|_| out_of_range())?;
    let day = i8::try_from(date.day()).map_err(|_| out_of_range())?;
    Date::new(year, month, day).map_err(|_| out_of_range())
}

/// The chrono date of `date`.
///
/// # Errors
/// None in practice: jiff's range lies inside chrono's. [`ErrorKind::OutOfRange`] (field
/// [`Field::Year`]) should a later jiff widen its range past chrono's.
fn to_chrono(date: Date) -> Result<NaiveDate, Error> {
    let month = u32::try_from(date.month()).ok();
    let day = u32::try_from(date.day()).ok();
    month
        .zip(day)
        .and_then(|(month, day)| NaiveDate::from_ymd_opt(i32::from(date.year()), month, day))
        .ok_or_else(|| {
            Error::out_of_range(
                Field::Year,
                date.year(),
                i64::from(NaiveDate::MIN.year()),
                i64::from(NaiveDate::MAX.year()),
            )
        })
}

/// The Juche date of a jiff date, as [`JucheDate::try_from`] a `NaiveDate`.
///
/// ```
/// use jiff::civil::date;
/// use kcna_dates::{ErrorKind, JucheDate};
///
/// let stamp = JucheDate::try_from(date(2022, 11, 8))?;
/// assert_eq!(stamp.to_string(), "Juche111.11.8.");
/// assert_eq!(jiff::civil::Date::try_from(stamp)?, date(2022, 11, 8));
///
/// // No Juche date before Juche 1 (1912).
/// let err = JucheDate::try_from(date(1911, 12, 31)).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::BeforeJuche { .. }));
///
/// // Juche 8089 is 10000, after jiff's last year.
/// let far: JucheDate = "Juche8089.1.1.".parse()?;
/// let err = jiff::civil::Date::try_from(far).unwrap_err();
/// assert_eq!(err.to_string(), "year 10000 is out of range, expected -9999 to 9999");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
impl TryFrom<Date> for JucheDate {
    type Error = Error;

    /// # Errors
    /// [`ErrorKind::BeforeJuche`] for dates before 1912-01-01.
    fn try_from(date: Date) -> Result<JucheDate, Error> {
        JucheDate::try_from(to_chrono(date)?)
    }
}

/// The jiff date of a Juche date, as `NaiveDate::from` it.
impl TryFrom<JucheDate> for Date {
    type Error = Error;

    /// # Errors
    /// [`ErrorKind::OutOfRange`] (field [`Field::Year`]) after 9999-12-31 (Juche 8088), jiff's
    /// last day.
    fn try_from(stamp: JucheDate) -> Result<Date, Error> {
        to_jiff(stamp.date())
    }
}

/// The jiff date of a month-name date, as `NaiveDate::from` it.
///
/// ```
/// use kcna_dates::{ErrorKind, Field, MonthNameDate};
///
/// let d: MonthNameDate = "Dec. 5, Juche 80 (1991)".parse()?;
/// assert_eq!(jiff::civil::Date::try_from(d)?, jiff::civil::date(1991, 12, 5));
///
/// let far: MonthNameDate = "Dec. 5, Juche 8089".parse()?; // 10000
/// assert_eq!(
///     jiff::civil::Date::try_from(far).unwrap_err().kind(),
///     ErrorKind::OutOfRange { field: Field::Year, value: 10_000, min: -9999, max: 9999 }
/// );
/// # Ok::<(), kcna_dates::Error>(())
/// ```
impl TryFrom<MonthNameDate> for Date {
    type Error = Error;

    /// # Errors
    /// [`ErrorKind::OutOfRange`] (field [`Field::Year`]) after 9999-12-31, jiff's last day: only
    /// a Juche year can write such a date (`Dec. 5, Juche 8089`).
    fn try_from(value: MonthNameDate) -> Result<Date, Error> {
        to_jiff(value.date())
    }
}
