//! Dates of the Korean edition: `2026년 8월 21일`, `주체107(2018)년 7월 9일`, and Juche years
//! without a month or day, `주체87（1998）년`.
//!
//! ```text
//! KoreanDate      ::= KoreanYear Blank* MonthDay
//! KoreanYear      ::= Year4 "년" | JucheYearPart "년"
//! KoreanJucheYear ::= JucheYearPart "년"      (not followed by `대` or `사`)
//! JucheYearPart   ::= "주체" Blank* Year (Blank* Open Year4 Close)?
//! MonthDay        ::= Month "월" Blank* Day "일"
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
//! The two years of `주체107(2018)년` must agree, as in English (`ErrorKind::YearMismatch`). Once
//! `(` and a four-digit year are read the parenthesised group is committed: `주체107(2018` is an
//! invalid candidate lacking its `)`, not a bare `주체107` followed by text.

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};
use nom::Parser;
use nom::branch::alt;
use nom::character::complete::one_of;
use nom::combinator::{cut, map, not, opt};
use nom::sequence::{delimited, terminated};

use crate::calendar::YearStyle;
use crate::calendar::to_juche_year;
use crate::error::{Error, Expected, Field};
use crate::grammar::juche::JucheYear;
use crate::grammar::runtime::{
    PResult, Prefix, checked_date, expect, juche_year_out_of_range_at, lit,
};
use crate::grammar::wide::{
    wide_blanks0, wide_close_paren, wide_digits, wide_number, wide_number_prefix, wide_open_paren,
};
use crate::grammar::year::{RawYear, check_style, validate_year};

/// A date written the Korean way: `2026년 8월 21일`, `주체107(2018)년 7월 9일`.
///
/// Keeps how the year was written, so that `Display` (ASCII digits, no padding, one space between
/// the parts) writes a text that parses back to the same value. Parsing takes full-width digits and
/// parentheses and ideographic spaces. Converts like [`JucheDate`](crate::JucheDate): into a
/// [`NaiveDate`] with `From`, from one with `TryFrom` (the year written the Gregorian way).
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
    /// [`ErrorKind::BeforeJuche`](crate::ErrorKind::BeforeJuche) for a Juche style and a date before 1912-01-01;
    /// [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) (field [`Field::Year`](crate::Field::Year), 1 to 262142) for a year before 1 (no
    /// Korean text writes one).
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

impl TryFrom<NaiveDate> for KoreanDate {
    type Error = Error;

    /// `date` with its year written the Gregorian way (`2026년 8월 21일`), as the Korean edition
    /// writes its datelines and most dates, and as every year from 1 can be written. For a Juche
    /// year, use [`KoreanDate::new`] with [`YearStyle::Juche`] or [`YearStyle::JucheGregorian`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kcna_dates::{KoreanDate, YearStyle};
    ///
    /// let date = NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
    /// let korean = KoreanDate::try_from(date)?;
    /// assert_eq!(korean.year_style(), YearStyle::Gregorian);
    /// assert_eq!(korean.to_string(), "2026년 8월 21일");
    /// assert_eq!(NaiveDate::from(korean), date);
    ///
    /// // A year before 1 has no Korean text.
    /// let bc = NaiveDate::from_ymd_opt(0, 12, 31).unwrap();
    /// assert_eq!(
    ///     KoreanDate::try_from(bc).unwrap_err().to_string(),
    ///     "year 0 is out of range, expected 1 to 262142",
    /// );
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`KoreanDate::new`] with [`YearStyle::Gregorian`]: [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) (field
    /// [`Field::Year`](crate::Field::Year)) for a year before 1.
    fn try_from(date: NaiveDate) -> Result<KoreanDate, Error> {
        KoreanDate::new(date, YearStyle::Gregorian)
    }
}

impl From<KoreanDate> for NaiveDate {
    fn from(value: KoreanDate) -> NaiveDate {
        value.date
    }
}

impl FromStr for KoreanDate {
    type Err = Error;

    /// Parses a whole Korean date: `2026년 8월 21일`, `주체107(2018)년 7월 9일`,
    /// `１９９９년　０１월　０１일`.
    fn from_str(input: &str) -> Result<KoreanDate, Error> {
        match fast_date_prefix(input) {
            // (The fast path reads what the grammar reads: where it reads the whole input, so
            // would the grammar.)
            Some((date, len)) if len == input.len() => Ok(date),
            _ => prefix_date(input).strict(input),
        }
    }
}

/// `Blank*` as a parser: the run of spaces and ideographic spaces, possibly empty.
// (A candidate for `grammar::wide`, beside `wide_blanks0`.)
fn blanks0(input: &str) -> PResult<'_, ()> {
    Ok((wide_blanks0(input), ()))
}

/// `KoreanYear ::= Year4 "년" | JucheYearPart "년"`
fn korean_year(input: &str) -> PResult<'_, RawYear<'_>> {
    terminated(alt((gregorian_year, juche_year_part)), lit("년")).parse(input)
}

/// `Year4 ::= Digit{4,6}`, a Gregorian year.
fn gregorian_year(input: &str) -> PResult<'_, RawYear<'_>> {
    map(wide_digits(4, 6, Expected::Year4), RawYear::Gregorian).parse(input)
}

/// `JucheYearPart ::= "주체" Blank* Year (Blank* Open Year4 Close)?`
fn juche_year_part(input: &str) -> PResult<'_, RawYear<'_>> {
    map(
        (
            lit("주체"),
            blanks0,
            wide_digits(1, usize::MAX, Expected::Year),
            opt(gregorian_in_parens),
        ),
        |(_, _, juche, gregorian)| RawYear::Juche(juche, gregorian),
    )
    .parse(input)
}

/// `Blank* Open Year4 Close`
///
/// Once the opening parenthesis and a year are read the group is committed (`cut`):
/// `주체107(2018` lacks its `)`, it is not the bare `주체107` followed by text.
fn gregorian_in_parens(input: &str) -> PResult<'_, &str> {
    delimited(
        (blanks0, wide_open_paren),
        wide_digits(4, 6, Expected::Year4),
        cut(wide_close_paren),
    )
    .parse(input)
}

/// The raw pieces of a Korean date.
struct RawDate<'a> {
    year: RawYear<'a>,
    month: &'a str,
    day: &'a str,
}

/// `KoreanDate ::= KoreanYear Blank* MonthDay`
fn date_grammar(input: &str) -> PResult<'_, RawDate<'_>> {
    map(
        (korean_year, blanks0, month_day),
        |(year, _, (month, day))| RawDate { year, month, day },
    )
    .parse(input)
}

/// `MonthDay ::= Month "월" Blank* Day "일"`, the month and day digits as read (also the
/// notation `7월 9일` of [`crate::grammar::relative`]).
pub(crate) fn month_day(input: &str) -> PResult<'_, (&str, &str)> {
    map(
        (
            wide_digits(1, 2, Expected::Month),
            lit("월"),
            blanks0,
            wide_digits(1, 2, Expected::Day),
            lit("일"),
        ),
        |(month, _, _, day, _)| (month, day),
    )
    .parse(input)
}

/// Whether a Korean date may start `bytes`: `주체` (not judged), or four to six digits and `년`.
pub(crate) fn may_match_date(bytes: &[u8]) -> bool {
    crate::grammar::fixed::wide_digits_then(bytes, 4..=6, "년")
}

// ---------------------------------------------------------------------------------------------
// The fast path: the common forms read without nom, proven equal to the grammar by
// `fast_date_prefix_agrees_with_the_grammar`.

/// The common forms of a Korean date at the start of `input`, as [`prefix_date`] reads them where
/// they are valid: `2026년 8월 21일`, `주체107(2018)년 7월 9일` and `주체107년 7월 9일`, in ASCII or
/// full-width digits and parentheses (a four-digit Gregorian year, a Juche year of one to three
/// digits, no blank inside the year); the date and the bytes it takes.
pub(crate) fn fast_date_prefix(input: &str) -> Option<(KoreanDate, usize)> {
    let (year, style, rest) = match input.strip_prefix("주체") {
        Some(rest) => {
            let (juche, rest) = wide_number_prefix(rest, 1, 3)?;
            let year = (juche >= 1).then(|| juche.checked_add(1911))??;
            match rest.strip_prefix(['(', '\u{ff08}']) {
                Some(rest) => {
                    let (given, rest) = wide_number_prefix(rest, 4, 4)?;
                    let rest = rest.strip_prefix([')', '\u{ff09}'])?;
                    (given == year).then_some((year, YearStyle::JucheGregorian, rest))?
                }
                None => (year, YearStyle::Juche, rest),
            }
        }
        None => {
            let (year, rest) = wide_number_prefix(input, 4, 4)?;
            (year, YearStyle::Gregorian, rest)
        }
    };
    let rest = wide_blanks0(rest.strip_prefix('년')?);
    let (month, rest) = wide_number_prefix(rest, 1, 2)?;
    let rest = wide_blanks0(rest.strip_prefix('월')?);
    let (day, rest) = wide_number_prefix(rest, 1, 2)?;
    let rest = rest.strip_prefix('일')?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some((
        KoreanDate { date, style },
        input.len().checked_sub(rest.len())?,
    ))
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

/// `KoreanJucheYear ::= JucheYearPart "년"`, not followed by `대` (`주체100년대`, an era) or `사`
/// (`주체100년사`, a history).
fn juche_year_grammar(input: &str) -> PResult<'_, RawYear<'_>> {
    terminated(juche_year_part, (lit("년"), not_era_or_history)).parse(input)
}

/// Succeeds, reading nothing, unless `input` starts with `대` or `사`.
fn not_era_or_history(input: &str) -> PResult<'_, ()> {
    expect(Expected::End, not(one_of("대사")))(input)
}

/// Reads a Korean Juche year (`주체87（1998）년`, `주체１００년`) at the start of `input`.
pub(crate) fn prefix_juche_year(input: &str) -> Prefix<JucheYear> {
    Prefix::run(input, juche_year_grammar, |raw| {
        let (year, juche, style) = validate_year(input, raw)?;
        let value = juche.parsed(Field::JucheYear)?;
        let built = match style {
            YearStyle::JucheGregorian => JucheYear::from_gregorian(year),
            _ => JucheYear::new(value),
        };
        // (`validate_year` has checked the range: this error is not expected.)
        built.map_err(|_| juche_year_out_of_range_at(value, juche.span()))
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::Notation;
    use crate::error::ErrorKind;
    use crate::grammar::runtime::GrammarError;
    use crate::grammar::testing::ymd;

    /// The value and the bytes read of a Korean date at the start of `input`.
    fn date_prefix(input: &str) -> (NaiveDate, YearStyle, usize) {
        let (d, len) = prefix_date(input)
            .into_result()
            .unwrap_or_else(|e| panic!("{input:?}: {e}"));
        (d.date(), d.year_style(), len)
    }

    /// The message and the span of the strict parse of `input` as a Korean date.
    fn date_err(input: &str) -> (String, core::ops::Range<usize>) {
        let err = input.parse::<KoreanDate>().unwrap_err();
        (err.to_string(), err.span())
    }

    /// The message and the span of the strict parse of `input` as a Korean Juche year.
    fn juche_year_err(input: &str) -> (String, core::ops::Range<usize>) {
        let err = prefix_juche_year(input).strict(input).unwrap_err();
        (err.to_string(), err.span())
    }

    #[test]
    fn ok_korean_year() {
        assert_eq!(
            korean_year("2026년 8월"),
            Ok((" 8월", RawYear::Gregorian("2026")))
        );
        assert_eq!(
            korean_year("주체107(2018)년 7월"),
            Ok((" 7월", RawYear::Juche("107", Some("2018"))))
        );
        assert_eq!(
            korean_year("주체\u{3000}８８\u{3000}（１９９９）년은"),
            Ok(("은", RawYear::Juche("８８", Some("１９９９"))))
        );
        assert_eq!(
            korean_year("주체107년 7월"),
            Ok((" 7월", RawYear::Juche("107", None)))
        );
    }

    #[test]
    fn err_korean_year() {
        // The Gregorian group is committed after `(` and a year: the `)` is what is missing.
        assert_eq!(
            date_err("주체107(2018 7월 9일"),
            (
                "expected `)` after `주체107(2018`, but found ` `".to_string(),
                14..14
            )
        );
        assert!(matches!(
            korean_year("주체107(2018"),
            Err(nom::Err::Failure(GrammarError {
                at: "",
                expected: Expected::Literal(")")
            }))
        ));
        // Before the year, `(` is not committed: the `년` is missing.
        assert_eq!(
            date_err("주체107(see)년"),
            (
                "expected `년` after `주체107`, but found `(`".to_string(),
                9..9
            )
        );
        assert_eq!(
            date_err("주체사상"),
            (
                "expected year after `주체`, but found `사`".to_string(),
                6..6
            )
        );
        assert_eq!(
            date_err("2026 년"),
            (
                "expected `년` after `2026`, but found ` `".to_string(),
                4..4
            )
        );
        assert_eq!(
            date_err("26년 8월 21일"),
            (
                "expected four-digit year at start of input, but found `2`".to_string(),
                0..0
            )
        );
    }

    #[test]
    fn ok_korean_date() {
        assert_eq!(
            date_prefix("2026년 8월 21일 평양"),
            (ymd(2026, 8, 21), YearStyle::Gregorian, 18)
        );
        assert_eq!(
            date_prefix("주체107(2018)년 7월 9일에"),
            (
                ymd(2018, 7, 9),
                YearStyle::JucheGregorian,
                "주체107(2018)년 7월 9일".len()
            )
        );
        assert_eq!(
            date_prefix("주체107년7월9일"),
            (ymd(2018, 7, 9), YearStyle::Juche, "주체107년7월9일".len())
        );
        let wide = "１９９９년\u{3000}０１월\u{3000}０１일";
        assert_eq!(
            date_prefix(wide),
            (ymd(1999, 1, 1), YearStyle::Gregorian, wide.len())
        );
    }

    #[test]
    fn err_korean_date() {
        assert_eq!(
            date_err("2026년 8월"),
            (
                "expected day after `2026년 8월`, but found end of input".to_string(),
                12..12
            )
        );
        assert_eq!(
            date_err("2026년 8월 21"),
            (
                "expected `일` after `2026년 8월 21`, but found end of input".to_string(),
                15..15
            )
        );
        assert_eq!(
            date_err("2026년 13월 1일"),
            (
                "month 13 is out of range, expected 1 to 12".to_string(),
                8..10
            )
        );
        assert_eq!(
            date_err("2023년 2월 29일"),
            ("February 29 does not exist in 2023".to_string(), 13..15)
        );
        assert_eq!(
            date_err("주체0년 1월 1일"),
            (
                "Juche year 0 is out of range, expected 1 to 260231".to_string(),
                6..7
            )
        );
        assert_eq!(
            date_err("주체29(1930)년 1월 1일"),
            (
                "Juche 29 is 1940, but the text gives 1930".to_string(),
                6..13
            )
        );
        assert_eq!(
            date_err("2026년 8월 21일 평양"),
            (
                "expected end of input after `2026년 8월 21일`, but found ` `".to_string(),
                18..19
            )
        );
    }

    #[test]
    fn ok_korean_juche_year() {
        let (year, len) = prefix_juche_year("주체87（1998）년은")
            .into_result()
            .unwrap();
        assert_eq!(
            (year.juche(), year.has_gregorian(), len),
            (87, true, "주체87（1998）년".len())
        );
        let (year, len) = prefix_juche_year("주체１００년").into_result().unwrap();
        assert_eq!(
            (year.juche(), year.has_gregorian(), len),
            (100, false, "주체１００년".len())
        );
    }

    #[test]
    fn err_korean_juche_year() {
        assert_eq!(
            juche_year_err("주체100년대"),
            (
                "expected end of input after `주체100년`, but found `대`".to_string(),
                12..12
            )
        );
        assert!(matches!(
            prefix_juche_year("주체100년사"),
            Prefix::NoMatch(_)
        ));
        assert_eq!(
            juche_year_err("2026년"),
            (
                "expected `주체` at start of input, but found `2`".to_string(),
                0..0
            )
        );
        assert_eq!(
            juche_year_err("주체87(1998"),
            (
                "expected `)` after `주체87(1998`, but found end of input".to_string(),
                13..13
            )
        );
        assert_eq!(
            juche_year_err("주체29(1930)년"),
            (
                "Juche 29 is 1940, but the text gives 1930".to_string(),
                6..13
            )
        );
    }

    #[test]
    fn err_constructor() {
        let err = KoreanDate::new(ymd(0, 12, 31), YearStyle::Gregorian).unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::OutOfRange {
                field: Field::Year,
                value: 0,
                min: 1,
                max: 262_142
            }
        );
        assert_eq!(err.span(), 0..0);
        let err = KoreanDate::new(ymd(1911, 12, 31), YearStyle::Juche).unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::BeforeJuche {
                date: ymd(1911, 12, 31)
            }
        );
        assert!(KoreanDate::new(ymd(1912, 1, 1), YearStyle::Juche).is_ok());
    }

    #[test]
    fn conversions_round_trip() {
        for date in [
            ymd(1, 1, 1),
            ymd(1911, 12, 31),
            ymd(1912, 1, 1),
            ymd(2024, 2, 29),
            NaiveDate::MAX,
        ] {
            let korean = KoreanDate::try_from(date).unwrap();
            assert_eq!(korean.year_style(), YearStyle::Gregorian);
            assert_eq!(NaiveDate::from(korean), date);
            let text = korean.to_string();
            assert_eq!(text.parse::<KoreanDate>(), Ok(korean), "{text}");
        }
        let err = KoreanDate::try_from(NaiveDate::MIN).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::OutOfRange {
                field: Field::Year,
                ..
            }
        ));
        // And through the notation, Juche style too.
        let n: Notation = "주체107(2018)년 7월 9일".parse().unwrap();
        assert_eq!(n.date(), Some(ymd(2018, 7, 9)));
    }

    /// Texts near a Korean date: a year (Gregorian or Juche, with or without its Gregorian year),
    /// blanks, a month and a day in ASCII or full-width digits, each right or a little wrong.
    fn near_korean_date() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        (
            select(vec![
                "2018",
                "２０１８",
                "20１8",
                "201",
                "20188",
                "0000",
                "주체107",
                "주체107",
                "주체１０７",
                "주체0",
                "주체 107",
                "주체1000",
                "주체",
                "주체29",
            ]),
            select(vec![
                "",
                "",
                "(2018)",
                "（２０１８）",
                "(2018）",
                "(2019)",
                " (2018)",
                "(2018",
                "(20188)",
                "(1940)",
            ]),
            select(vec!["년", "년", "년대", ""]),
            select(vec!["", " ", "\u{3000}", "  ", "\t"]),
            select(vec!["7", "07", "12", "13", "0", "１２", "123", "2"]),
            select(vec!["월", "월", "월 ", "일"]),
            select(vec!["", " ", "\u{3000}"]),
            select(vec!["9", "09", "31", "30", "29", "0", "３１", "1"]),
            select(vec!["일", "일", "일에", "", "일1"]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i)| format!("{a}{b}{c}{d}{e}{f}{g}{h}{i}"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]

        /// Where the fast path reads a Korean date, the grammar reads the same one, and as many
        /// bytes; and parsing the whole text agrees with the grammar.
        #[test]
        fn fast_date_prefix_agrees_with_the_grammar(text in near_korean_date()) {
            if let Some((date, len)) = fast_date_prefix(&text) {
                proptest::prop_assert_eq!(prefix_date(&text).into_result(), Ok((date, len)), "{:?}", text);
            }
            proptest::prop_assert_eq!(
                text.parse::<KoreanDate>(),
                prefix_date(&text).strict(&text),
                "{:?}", text
            );
        }
    }

    #[test]
    fn fast_date_prefix_reads_the_common_forms() {
        for text in [
            "주체107(2018)년 7월 9일",
            "１９９９년\u{3000}０１월\u{3000}０１일",
            "2026년 8월 21일",
            "주체107년7월9일",
            "주체87（1998）년 1월 1일",
        ] {
            assert!(fast_date_prefix(text).is_some(), "{text}");
        }
    }

    /// The year styles this edition writes.
    const STYLES: [YearStyle; 3] = [
        YearStyle::Gregorian,
        YearStyle::Juche,
        YearStyle::JucheGregorian,
    ];

    proptest::proptest! {
        /// Every date a style can write converts, displays and parses back to itself.
        #[test]
        fn prop_display_parses_back(
            days in 0i32..=NaiveDate::MAX.num_days_from_ce(),
            style in proptest::sample::select(&STYLES),
        ) {
            let date = NaiveDate::from_num_days_from_ce_opt(days.max(1)).unwrap();
            if let Ok(value) = KoreanDate::new(date, style) {
                proptest::prop_assert_eq!(NaiveDate::from(value), date);
                let text = value.to_string();
                proptest::prop_assert_eq!(text.parse::<KoreanDate>(), Ok(value), "{}", text);
            } else {
                proptest::prop_assert!(style.is_juche() && date.year() < 1912);
            }
            proptest::prop_assert_eq!(
                KoreanDate::try_from(date).map(|v| v.year_style()),
                Ok(YearStyle::Gregorian)
            );
        }
    }
}
