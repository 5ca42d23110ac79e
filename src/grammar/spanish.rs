//! Dates of the Spanish edition: `15 de junio de 2000`, `23 de octubre del 101 (2012)`.
//!
//! ```text
//! SpanishDate ::= Day " de " MonthName (" de " Year4 | " del " (Year4 | Juche " (" Year4 ")"))
//! MonthName   ::= "enero" | "febrero" | … | "septiembre" | "setiembre" | … | "diciembre"
//! Day         ::= Digit Digit?
//! ```
//!
//! Notes from real text (kcna.co.jp, 2012): month names are lower case; `de` joins the parts;
//! the Juche year is given with its Gregorian year (`el 23 de octubre del 101 (2012) de la Era
//! Juche`), and the two must agree. A day and month without a year (`el 15 de junio`) is not a
//! full date: [`crate::date_article`] reads it as a body date, like `on May 7`.

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Expected};
use crate::grammar::juche::to_juche_year;
use crate::grammar::korean::{RawYear, YearStyle, check_style, validate_year};
use crate::grammar::runtime::{PResult, Prefix, checked_date, digits, fail, lit};
use crate::grammar::wide::wide_number;

/// A date written the Spanish way: `15 de junio de 2000`, `23 de octubre del 101 (2012)`.
///
/// Keeps how the year was written. `Display` writes the full month name in lower case and an
/// unpadded day, which parse back to the same value.
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::{SpanishDate, YearStyle};
///
/// let d: SpanishDate = "15 de junio de 2000".parse()?;
/// assert_eq!(d.date(), NaiveDate::from_ymd_opt(2000, 6, 15).unwrap());
///
/// let juche: SpanishDate = "23 de octubre del 101 (2012)".parse()?;
/// assert_eq!(juche.year_style(), YearStyle::JucheGregorian);
/// assert_eq!(juche.to_string(), "23 de octubre del 101 (2012)");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct SpanishDate {
    date: NaiveDate,
    style: YearStyle,
}

impl SpanishDate {
    /// `date`, with its year written in `style`. Spanish text gives a Juche year with its Gregorian
    /// year, so [`YearStyle::Juche`] is stored as [`YearStyle::JucheGregorian`].
    ///
    /// # Errors
    /// [`ErrorKind::BeforeJuche`](crate::ErrorKind::BeforeJuche) for a Juche style and a date before 1912-01-01;
    /// [`ErrorKind::YearOutOfRange`](crate::ErrorKind::YearOutOfRange) for a year before 1.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kcna_dates::{SpanishDate, YearStyle};
    /// let d = SpanishDate::new(NaiveDate::from_ymd_opt(1979, 10, 26).unwrap(), YearStyle::Gregorian)?;
    /// assert_eq!(d.to_string(), "26 de octubre de 1979");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn new(date: NaiveDate, style: YearStyle) -> Result<SpanishDate, Error> {
        check_style(date, style)?;
        let style = match style {
            YearStyle::Juche => YearStyle::JucheGregorian,
            other => other,
        };
        Ok(SpanishDate { date, style })
    }

    /// The date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// How the year was written.
    pub fn year_style(&self) -> YearStyle {
        self.style
    }

    /// Reads a Spanish date at the start of `input`, returning it and the number of bytes it took.
    ///
    /// ```
    /// let (d, len) = kcna_dates::SpanishDate::parse_prefix("26 de octubre de 1979, el traidor")?;
    /// assert_eq!((d.date().to_string().as_str(), len), ("1979-10-26", 21));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`FromStr`], except that trailing text is not an error.
    pub fn parse_prefix(input: &str) -> Result<(SpanishDate, usize), Error> {
        prefix(input).into_result()
    }
}

/// The Spanish name of `month` (1-12).
pub(crate) fn spanish_month_name(month: u32) -> Option<&'static str> {
    const NAMES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    NAMES
        .get(usize::try_from(month.checked_sub(1)?).ok()?)
        .copied()
}

/// `MonthName ::= "enero" | … | "diciembre"`, in any case (`Abril`, `ABRIL`).
pub(crate) fn spanish_month(input: &str) -> PResult<'_, u32> {
    let n = input.bytes().take_while(u8::is_ascii_alphabetic).count();
    let month = input.get(..n).and_then(|word| {
        // Lower case as KCNA writes it, capitalised, or in capitals; not mixed.
        let rest_lower = word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
        let upper = word.bytes().all(|b| b.is_ascii_uppercase());
        if !(rest_lower || upper) {
            return None;
        }
        (1..=12u32)
            .find(|&m| spanish_month_name(m).is_some_and(|name| name.eq_ignore_ascii_case(word)))
            .or_else(|| word.eq_ignore_ascii_case("setiembre").then_some(9))
    });
    match (month, input.get(n..)) {
        (Some(month), Some(rest)) => Ok((rest, month)),
        _ => fail(input, Expected::MonthName),
    }
}

/// `" de " Year4 | " del " (Year4 | Juche " (" Year4 ")")`
pub(crate) fn spanish_year(input: &str) -> PResult<'_, RawYear<'_>> {
    if let Ok((rest, _)) = lit(" de ")(input) {
        let (rest, year) = digits(4, 6, Expected::Year4)(rest)?;
        return Ok((rest, RawYear::Gregorian(year)));
    }
    let (rest, _) = lit(" del ")(input)?;
    let (rest, first) = digits(1, usize::MAX, Expected::Year)(rest)?;
    let juche = (|| {
        let (r, _) = lit(" (")(rest)?;
        let (r, year) = digits(4, 6, Expected::Year4)(r)?;
        let (r, _) = lit(")")(r)?;
        Ok((r, year))
    })();
    match juche {
        Ok((r, gregorian)) => Ok((r, RawYear::Juche(first, Some(gregorian)))),
        Err(nom::Err::Error(_)) if (4..=6).contains(&first.len()) => {
            Ok((rest, RawYear::Gregorian(first)))
        }
        Err(e) => Err(e),
    }
}

/// The raw pieces of a Spanish date.
struct Raw<'a> {
    day: &'a str,
    month: u32,
    month_span: (usize, usize),
    year: RawYear<'a>,
}

/// `SpanishDate ::= Day " de " MonthName SpanishYear`
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    let (after_day, day) = digits(1, 2, Expected::Day)(input)?;
    let (month_at, _) = lit(" de ")(after_day)?;
    let (rest, month) = spanish_month(month_at)?;
    let start = input.len().saturating_sub(month_at.len());
    let end = input.len().saturating_sub(rest.len());
    let (rest, year) = spanish_year(rest)?;
    Ok((
        rest,
        Raw {
            day,
            month,
            month_span: (start, end),
            year,
        },
    ))
}

/// Reads a Spanish date at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<SpanishDate> {
    Prefix::run(input, grammar, |raw| {
        let (year, year_number, style) = validate_year(input, raw.year)?;
        let month = crate::grammar::runtime::Number {
            digits_len: raw.month_span.1.saturating_sub(raw.month_span.0),
            value: Some(raw.month),
            start: raw.month_span.0,
        };
        let date = checked_date(
            year,
            year_number.span(),
            &month,
            &wide_number(input, raw.day),
        )?;
        Ok(SpanishDate { date, style })
    })
}

impl FromStr for SpanishDate {
    type Err = Error;

    /// Parses a whole Spanish date: `15 de junio de 2000`, `23 de octubre del 101 (2012)`.
    fn from_str(input: &str) -> Result<SpanishDate, Error> {
        prefix(input).strict(input)
    }
}

impl fmt::Display for SpanishDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = spanish_month_name(self.date.month()).unwrap_or("?");
        write!(f, "{} de {month}", self.date.day())?;
        let year = self.date.year();
        match (self.style, to_juche_year(year)) {
            (YearStyle::Juche | YearStyle::JucheGregorian, Some(juche)) => {
                write!(f, " del {juche} ({year:04})")
            }
            _ => write!(f, " de {year:04}"),
        }
    }
}
