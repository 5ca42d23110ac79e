//! A year as the Korean and Spanish editions write it: Gregorian (`2026년`, `de 2000`), Juche
//! alone (`주체107년`), or Juche with its Gregorian year (`주체107(2018)년`, `del 101 (2012)`),
//! in ASCII or full-width digits; read by the grammars of [`super::korean`] and
//! [`super::spanish`], checked here.

use chrono::{Datelike, NaiveDate};

use crate::calendar::{MAX_YEAR, YearStyle, to_juche_year};
use crate::error::{Error, ErrorKind, Field};
use crate::grammar::runtime::{Number, juche_years, year_out_of_range};
use crate::grammar::wide::wide_number;

/// The year part of a Korean or Spanish date, as read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RawYear<'a> {
    /// `2026년`
    Gregorian(&'a str),
    /// `주체107년`, `주체107(2018)년`
    Juche(&'a str, Option<&'a str>),
}

/// The Gregorian year, the number as read (the Juche year for a Juche style) and the style of a
/// Korean year read in `full`.
pub(crate) fn validate_year(
    full: &str,
    year: RawYear<'_>,
) -> Result<(i32, Number, YearStyle), Error> {
    match year {
        RawYear::Gregorian(text) => {
            let number = wide_number(full, text);
            let value = number.parsed(Field::Year)?;
            let year = i32::try_from(value)
                .ok()
                .filter(|&year| NaiveDate::from_ymd_opt(year, 1, 1).is_some());
            match year {
                Some(year) => Ok((year, number, YearStyle::Gregorian)),
                None => Err(year_out_of_range(value, number.span())),
            }
        }
        RawYear::Juche(juche_text, gregorian_text) => {
            let juche = wide_number(full, juche_text);
            let gregorian = gregorian_text.map(|text| wide_number(full, text));
            let (_, value) = juche_years(&juche, gregorian.as_ref())?;
            let style = match gregorian {
                Some(_) => YearStyle::JucheGregorian,
                None => YearStyle::Juche,
            };
            Ok((value, juche, style))
        }
    }
}

/// Checks that `date` can be written with its year in `style`.
pub(crate) fn check_style(date: NaiveDate, style: YearStyle) -> Result<(), Error> {
    if style.is_juche() && to_juche_year(date.year()).is_none() {
        return Err(Error::new(ErrorKind::BeforeJuche { date }, 0..0));
    }
    if date.year() < 1 {
        return Err(Error::out_of_range(
            Field::Year,
            date.year(),
            1,
            i64::from(MAX_YEAR),
        ));
    }
    Ok(())
}
