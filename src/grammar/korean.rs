//! Dates of the Korean edition: `2026년 8월 21일`, `주체107(2018)년 7월 9일`, and Juche years
//! without a month or day, `주체87（1998）년`.
//!
//! ```text
//! KoreanDate      ::= KoreanYear Blank* Month "월" Blank* Day "일"
//! KoreanYear      ::= Year4 "년" | JucheYearPart "년"
//! KoreanJucheYear ::= JucheYearPart "년"      (not followed by `대` or `사`)
//! JucheYearPart   ::= "주체" Blank* Year (Blank* Open Year4 Close)?
//! Year4           ::= Digit{4,6}              Year ::= Digit+
//! Month, Day      ::= Digit Digit?
//! Digit           ::= "0".."9" | "０".."９"   (full-width digits read as ASCII)
//! Open, Close     ::= "(" | "（" , ")" | "）"
//! Blank           ::= " " | U+3000            (ideographic space)
//! ```
//!
//! Notes from real text (New Year addresses 1946-2019): `주체87（1998）년` with full-width
//! parentheses, `주체８８（１９９９）년` with full-width digits, ideographic spaces between words,
//! `1999년 01월 01일` zero-padded. `주체` alone is the ideology (`주체사상`), never a date, and
//! `주체100년대` ("the Juche 100s") and `주체100년사` ("a hundred years of history") are not years.
//! The two years of `주체107(2018)년` must agree, as in English (`ErrorKind::YearMismatch`).

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, ErrorKind, Expected};
use crate::grammar::juche::{JucheYear, to_gregorian_year, to_juche_year};
use crate::grammar::runtime::{Number, PResult, Prefix, checked_date, fail, lit};
use crate::grammar::wide::{
    wide_blanks0, wide_close_paren, wide_digits, wide_number, wide_open_paren,
};

/// How the year of a date was written: Gregorian (`2026년`, `de 2000`), Juche alone
/// (`주체107년`), or Juche with its Gregorian year (`주체107(2018)년`, `del 101 (2012)`).
///
/// ```
/// use kcna_dates::{KoreanDate, YearStyle};
/// let d: KoreanDate = "주체107(2018)년 7월 9일".parse()?;
/// assert_eq!(d.year_style(), YearStyle::JucheGregorian);
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum YearStyle {
    /// The Gregorian year only: `2026년`.
    Gregorian,
    /// The Juche year only: `주체107년`.
    Juche,
    /// The Juche year with its Gregorian year: `주체107(2018)년`.
    JucheGregorian,
}

impl YearStyle {
    /// Whether the year is written the Juche way (with or without the Gregorian year).
    pub fn is_juche(&self) -> bool {
        matches!(self, YearStyle::Juche | YearStyle::JucheGregorian)
    }
}

/// A date written the Korean way: `2026년 8월 21일`, `주체107(2018)년 7월 9일`.
///
/// Keeps how the year was written, so that `Display` (ASCII digits, no padding, one space between
/// the parts) writes a text that parses back to the same value. Parsing takes full-width digits and
/// parentheses and ideographic spaces.
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::{ErrorKind, KoreanDate};
///
/// let d: KoreanDate = "주체107(2018)년 7월 9일".parse()?;
/// assert_eq!(d.date(), NaiveDate::from_ymd_opt(2018, 7, 9).unwrap());
/// assert_eq!(d.to_string(), "주체107(2018)년 7월 9일");
///
/// let wide: KoreanDate = "１９９９년\u{3000}０１월\u{3000}０１일".parse()?;
/// assert_eq!(wide.to_string(), "1999년 1월 1일");
///
/// let typo = "주체29(1930)년 1월 1일".parse::<KoreanDate>().unwrap_err();
/// assert_eq!(typo.kind(), ErrorKind::YearMismatch { juche: 29, gregorian: 1930 });
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct KoreanDate {
    date: NaiveDate,
    style: YearStyle,
}

impl KoreanDate {
    /// `date`, to be written with its year in `style`.
    ///
    /// # Errors
    /// [`ErrorKind::BeforeJuche`] for a Juche style and a date before 1912-01-01;
    /// [`ErrorKind::YearOutOfRange`] for a year before 1 (no Korean text writes one).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kcna_dates::{KoreanDate, YearStyle};
    /// let date = NaiveDate::from_ymd_opt(2013, 1, 1).unwrap();
    /// let d = KoreanDate::new(date, YearStyle::JucheGregorian)?;
    /// assert_eq!(d.to_string(), "주체102(2013)년 1월 1일");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn new(date: NaiveDate, style: YearStyle) -> Result<KoreanDate, Error> {
        check_style(date, style)?;
        Ok(KoreanDate { date, style })
    }

    /// The date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// How the year was written.
    pub fn year_style(&self) -> YearStyle {
        self.style
    }

    /// Reads a Korean date at the start of `input`, returning it and the number of bytes it took.
    ///
    /// ```
    /// let (d, len) = kcna_dates::KoreanDate::parse_prefix("2026년 8월 21일 평양")?;
    /// assert_eq!((d.to_string().as_str(), len), ("2026년 8월 21일", 18));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`FromStr`], except that trailing text is not an error.
    pub fn parse_prefix(input: &str) -> Result<(KoreanDate, usize), Error> {
        prefix_date(input).into_result()
    }
}

/// Checks that `date` can be written with its year in `style`.
pub(crate) fn check_style(date: NaiveDate, style: YearStyle) -> Result<(), Error> {
    if style.is_juche() && to_juche_year(date.year()).is_none() {
        return Err(Error::new(ErrorKind::BeforeJuche { date }, 0..0));
    }
    if date.year() < 1 {
        return Err(Error::new(ErrorKind::YearOutOfRange, 0..0));
    }
    Ok(())
}

/// Writes the year of `date` in `style`, the Korean way, `년` included.
fn write_korean_year(f: &mut fmt::Formatter<'_>, date: NaiveDate, style: YearStyle) -> fmt::Result {
    let year = date.year();
    match (style, to_juche_year(year)) {
        (YearStyle::Juche, Some(juche)) => write!(f, "주체{juche}년"),
        (YearStyle::JucheGregorian, Some(juche)) => write!(f, "주체{juche}({year:04})년"),
        _ => write!(f, "{year:04}년"),
    }
}

impl fmt::Display for KoreanDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_korean_year(f, self.date, self.style)?;
        write!(f, " {}월 {}일", self.date.month(), self.date.day())
    }
}

impl FromStr for KoreanDate {
    type Err = Error;

    /// Parses a whole Korean date: `2026년 8월 21일`, `주체107(2018)년 7월 9일`,
    /// `１９９９년　０１월　０１일`.
    fn from_str(input: &str) -> Result<KoreanDate, Error> {
        prefix_date(input).strict(input)
    }
}

/// The year part of a Korean date, as read.
#[derive(Clone, Copy)]
pub(crate) enum RawYear<'a> {
    /// `2026년`
    Gregorian(&'a str),
    /// `주체107년`, `주체107(2018)년`
    Juche(&'a str, Option<&'a str>),
}

/// `KoreanYear ::= Year4 "년" | "주체" Blank* Year (Blank* Open Year4 Close)? "년"`
fn korean_year(input: &str) -> PResult<'_, RawYear<'_>> {
    if let Some(rest) = input.strip_prefix("주체") {
        let rest = wide_blanks0(rest);
        let (rest, juche) = wide_digits(1, usize::MAX, Expected::Year)(rest)?;
        let (rest, gregorian) = match gregorian_in_parens(rest) {
            Ok((after, year)) => (after, Some(year)),
            Err(_) => (rest, None),
        };
        let (rest, _) = lit("년")(rest)?;
        return Ok((rest, RawYear::Juche(juche, gregorian)));
    }
    let (rest, year) = wide_digits(4, 6, Expected::Year4)(input)?;
    let (rest, _) = lit("년")(rest)?;
    Ok((rest, RawYear::Gregorian(year)))
}

/// `Blank* Open Year4 Close`
fn gregorian_in_parens(input: &str) -> PResult<'_, &str> {
    let (rest, _) = wide_open_paren(wide_blanks0(input))?;
    let (rest, year) = wide_digits(4, 6, Expected::Year4)(rest)?;
    let (rest, _) = wide_close_paren(rest)?;
    Ok((rest, year))
}

/// The raw pieces of a Korean date.
struct RawDate<'a> {
    year: RawYear<'a>,
    month: &'a str,
    day: &'a str,
}

/// `KoreanDate ::= KoreanYear Blank* Month "월" Blank* Day "일"`
fn date_grammar(input: &str) -> PResult<'_, RawDate<'_>> {
    let (rest, year) = korean_year(input)?;
    let (rest, (month, day)) = month_day(rest)?;
    Ok((rest, RawDate { year, month, day }))
}

/// `Blank* Month "월" Blank* Day "일"`
pub(crate) fn month_day(input: &str) -> PResult<'_, (&str, &str)> {
    let (rest, month) = wide_digits(1, 2, Expected::Month)(wide_blanks0(input))?;
    let (rest, _) = lit("월")(rest)?;
    let (rest, day) = wide_digits(1, 2, Expected::Day)(wide_blanks0(rest))?;
    let (rest, _) = lit("일")(rest)?;
    Ok((rest, (month, day)))
}

/// The Gregorian year and the style of a Korean year read in `full`.
pub(crate) fn validate_year(
    full: &str,
    year: RawYear<'_>,
) -> Result<(i32, Number, YearStyle), Error> {
    match year {
        RawYear::Gregorian(text) => {
            let number = wide_number(full, text);
            match number.value.and_then(|y| i32::try_from(y).ok()) {
                Some(value) if NaiveDate::from_ymd_opt(value, 1, 1).is_some() => {
                    Ok((value, number, YearStyle::Gregorian))
                }
                _ => Err(Error::new(ErrorKind::YearOutOfRange, number.span())),
            }
        }
        RawYear::Juche(juche_text, gregorian_text) => {
            let juche = wide_number(full, juche_text);
            let Some((juche_value, value)) = juche
                .value
                .filter(|&y| y >= 1)
                .and_then(|y| Some((y, to_gregorian_year(y)?)))
            else {
                return Err(Error::new(ErrorKind::JucheYearOutOfRange, juche.span()));
            };
            let Some(text) = gregorian_text else {
                return Ok((value, juche, YearStyle::Juche));
            };
            let gregorian = wide_number(full, text);
            let given = gregorian
                .value
                .and_then(|g| i32::try_from(g).ok())
                .unwrap_or(0);
            if given != value {
                return Err(Error::new(
                    ErrorKind::YearMismatch {
                        juche: juche_value,
                        gregorian: given,
                    },
                    juche.start..gregorian.span().end,
                ));
            }
            Ok((value, juche, YearStyle::JucheGregorian))
        }
    }
}

/// Reads a Korean date at the start of `input`.
pub(crate) fn prefix_date(input: &str) -> Prefix<KoreanDate> {
    Prefix::run(input, date_grammar, |raw| {
        let (year, year_number, style) = validate_year(input, raw.year)?;
        let date = checked_date(
            year,
            year_number.span(),
            &wide_number(input, raw.month),
            &wide_number(input, raw.day),
        )?;
        Ok(KoreanDate { date, style })
    })
}

/// `KoreanJucheYear ::= "주체" Blank* Year (Blank* Open Year4 Close)? "년"`, not followed by `대`
/// (`주체100년대`, an era) or `사` (`주체100년사`, a history).
fn juche_year_grammar(input: &str) -> PResult<'_, RawYear<'_>> {
    if !input.starts_with("주체") {
        return fail(input, Expected::Literal("주체"));
    }
    let (rest, year) = korean_year(input)?;
    if rest.starts_with(['대', '사']) {
        return fail(rest, Expected::End);
    }
    Ok((rest, year))
}

/// Reads a Korean Juche year (`주체87（1998）년`, `주체１００년`) at the start of `input`.
pub(crate) fn prefix_juche_year(input: &str) -> Prefix<JucheYear> {
    Prefix::run(input, juche_year_grammar, |raw| {
        let (year, _, style) = validate_year(input, raw)?;
        match style {
            YearStyle::JucheGregorian => JucheYear::from_gregorian(year),
            _ => to_juche_year(year)
                .ok_or_else(|| Error::new(ErrorKind::JucheYearOutOfRange, 0..0))
                .and_then(JucheYear::new),
        }
    })
}

/// Writes a Juche year the Korean way: `주체87(1998)년`, `주체100년`.
pub(crate) fn write_juche_year(f: &mut fmt::Formatter<'_>, year: &JucheYear) -> fmt::Result {
    if year.has_gregorian() {
        write!(f, "주체{}({})년", year.juche(), year.gregorian())
    } else {
        write!(f, "주체{}년", year.juche())
    }
}
